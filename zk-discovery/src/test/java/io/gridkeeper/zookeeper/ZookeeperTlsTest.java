package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ZookeeperTlsTest {

    @TempDir
    Path temp;

    @Test
    void members_onSecureClientPort_registerOverTlsAndFormCluster() throws Exception {
        try (SecureZookeeperServer zookeeper = new SecureZookeeperServer(temp)) {
            String cluster = uniqueClusterName();
            Map<String, Comparable> tls = tlsProperties(zookeeper, zookeeper.trustStore());
            HazelcastInstance first = member(cluster, tls);
            HazelcastInstance second = member(cluster, tls);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> second.getCluster().getMembers().size() == 2);
                ZookeeperMember handle = ZookeeperMember.forInstance(first).orElseThrow();
                assertThat(handle.config().tls()).isPresent();
                assertThat(handle.curator().getChildren().forPath(handle.clusterPath() + "/members"))
                        .hasSize(2);
            } finally {
                shutdown(first, second);
            }
        }
    }

    @Test
    void member_trustStoreNotTrustingServer_failsNamingConnectString() throws Exception {
        try (SecureZookeeperServer zookeeper = new SecureZookeeperServer(temp.resolve("server"))) {
            // a trust store holding only an unrelated self-signed certificate
            Path otherTrust =
                    SecureZookeeperServer.Stores.generate(temp.resolve("other")).trustStore();
            Map<String, Comparable> tls = tlsProperties(zookeeper, otherTrust);
            tls.put("startup-timeout-seconds", "3");

            assertThatThrownBy(() -> member(uniqueClusterName(), tls))
                    .hasStackTraceContaining("at [connect-string=" + zookeeper.connectString() + "]");
        }
    }

    private static Map<String, Comparable> tlsProperties(SecureZookeeperServer zookeeper, Path trustStore) {
        return properties(
                zookeeper.connectString(),
                "tls-enabled",
                "true",
                "tls-keystore-location",
                zookeeper.keyStore(),
                "tls-keystore-password",
                SecureZookeeperServer.PASSWORD,
                "tls-truststore-location",
                trustStore,
                "tls-truststore-password",
                SecureZookeeperServer.PASSWORD);
    }
}
