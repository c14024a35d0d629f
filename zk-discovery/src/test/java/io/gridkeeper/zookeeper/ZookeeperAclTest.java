package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static io.gridkeeper.zookeeper.TestRegistrations.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ZookeeperAclTest {

    @RegisterExtension
    static final ZookeeperExtension zookeeper = new ZookeeperExtension();

    @Test
    void protectedClusterPath_unauthenticatedClient_canReadButNotWrite() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance first = member(cluster, properties(zookeeper.connectString(), "auth", "gk:s3cret"));
        HazelcastInstance second = member(cluster, properties(zookeeper.connectString(), "auth", "gk:s3cret"));
        CuratorFramework anonymous = zookeeper.curator();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> second.getCluster().getMembers().size() == 2);
            ZookeeperMember handle = ZookeeperMember.forInstance(first).orElseThrow();
            String registration = handle.registrationPath();

            assertThat(anonymous.getData().forPath(registration)).isNotEmpty();
            assertThatThrownBy(() -> anonymous.create().forPath(handle.clusterPath() + "/intruder"))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.create().forPath(registration.replace(handle.nodeId(), "fake")))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.setData().forPath(registration, bytes("{}")))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.delete().forPath(registration))
                    .isInstanceOf(KeeperException.NoAuthException.class);
        } finally {
            shutdown(first, second);
        }
    }

    @Test
    void protectedClusterPath_clientWithOtherCredentials_cannotWrite() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance member = member(cluster, properties(zookeeper.connectString(), "auth", "gk:s3cret"));
        try (CuratorFramework other = CuratorFrameworkFactory.builder()
                .connectString(zookeeper.connectString())
                .retryPolicy(new RetryOneTime(100))
                .authorization("digest", bytes("intruder:guess"))
                .build()) {
            other.start();
            String clusterPath =
                    ZookeeperMember.forInstance(member).orElseThrow().clusterPath();

            assertThatThrownBy(() -> other.create().forPath(clusterPath + "/intruder"))
                    .isInstanceOf(KeeperException.NoAuthException.class);
        } finally {
            shutdown(member);
        }
    }
}
