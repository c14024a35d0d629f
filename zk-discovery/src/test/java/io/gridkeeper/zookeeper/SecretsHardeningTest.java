package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The digest password and the key/trust store passwords appear in no log line at any level while members and a
 * client start, run and stop over TLS with digest authentication (DEBUG for Gridkeeper, Hazelcast, Curator and
 * ZooKeeper), nor in the configuration's {@code toString()} or in configuration error messages.
 */
final class SecretsHardeningTest {

    private static final String AUTH_PASSWORD = "digest-" + UUID.randomUUID();
    private static final String KEY_PASSWORD = "key-" + UUID.randomUUID();
    private static final String TRUST_PASSWORD = "trust-" + UUID.randomUUID();
    private static final List<String> SECRETS = List.of(AUTH_PASSWORD, KEY_PASSWORD, TRUST_PASSWORD);
    private static final List<String> DEBUG_LOGGERS =
            List.of("io.gridkeeper", "com.hazelcast", "org.apache.curator", "org.apache.zookeeper");

    @TempDir
    Path temp;

    @Test
    void membersAndClient_withDigestAuthAndTlsAtDebug_neverLogASecret() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Map<String, Level> previous = new HashMap<>();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String thrown =
                        event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown);
            }
        };
        capture.setContext(context);
        capture.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(capture);
        for (String name : DEBUG_LOGGERS) {
            previous.put(name, context.getLogger(name).getLevel());
            context.getLogger(name).setLevel(Level.DEBUG);
        }
        try (SecureZookeeperServer zookeeper = new SecureZookeeperServer(temp.resolve("server"))) {
            Path keyStore = repassword(zookeeper.keyStore(), temp.resolve("client-key.p12"), KEY_PASSWORD);
            Path trustStore = repassword(zookeeper.trustStore(), temp.resolve("client-trust.p12"), TRUST_PASSWORD);
            String cluster = uniqueClusterName();
            Map<String, Comparable> properties = properties(
                    zookeeper.connectString(),
                    "auth",
                    "gridkeeper:" + AUTH_PASSWORD,
                    "tls-enabled",
                    "true",
                    "tls-keystore-location",
                    keyStore,
                    "tls-keystore-password",
                    KEY_PASSWORD,
                    "tls-truststore-location",
                    trustStore,
                    "tls-truststore-password",
                    TRUST_PASSWORD);
            HazelcastInstance first = member(cluster, properties);
            HazelcastInstance second = member(cluster, properties);
            HazelcastInstance client = null;
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> second.getCluster().getMembers().size() == 2);
                client = client(cluster, properties);
                client.getMap("m").put("k", "v");
                ZookeeperMember member = ZookeeperMember.forInstance(first).orElseThrow();
                assertThat(member.config().auth()).contains("gridkeeper:" + AUTH_PASSWORD);
                assertThat(member.config().toString()).doesNotContain(SECRETS);
            } finally {
                if (client != null) {
                    client.shutdown();
                }
                shutdown(first, second);
            }
        } finally {
            root.detachAppender(capture);
            previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
            HazelcastClient.shutdownAll();
        }

        assertThat(lines).as("captured log lines").hasSizeGreaterThan(100);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("auth=digest:****"));
        for (String secret : SECRETS) {
            assertThat(lines)
                    .as("log lines containing a secret")
                    .filteredOn(line -> line.contains(secret))
                    .isEmpty();
        }
    }

    @Test
    void configErrors_withSecretValues_neverShowThem() {
        String password = "pw-" + UUID.randomUUID();
        Map<String, Comparable> badAuth = new HashMap<>(Map.of("connect-string", "zk:2181", "auth", password));
        Map<String, Comparable> badTls = new HashMap<>(Map.of(
                "connect-string",
                "zk:2181",
                "tls-enabled",
                "true",
                "tls-truststore-location",
                temp.resolve("missing.p12").toString(),
                "tls-truststore-password",
                password));

        for (Map<String, Comparable> properties : List.of(badAuth, badTls)) {
            assertThatThrownBy(() -> ZookeeperDiscoveryConfig.from(
                            new PropertyLookup(properties, key -> null, key -> null), "c", null))
                    .hasMessageStartingWith("Property '")
                    .hasMessageNotContaining(password);
        }
    }

    /** A copy of a PKCS12 store (and its keys) under another password. */
    private static Path repassword(Path source, Path target, String password) throws Exception {
        char[] old = SecureZookeeperServer.PASSWORD.toCharArray();
        KeyStore in = KeyStore.getInstance("PKCS12");
        try (InputStream stream = Files.newInputStream(source)) {
            in.load(stream, old);
        }
        KeyStore out = KeyStore.getInstance("PKCS12");
        out.load(null, null);
        for (String alias : Collections.list(in.aliases())) {
            if (in.isKeyEntry(alias)) {
                out.setKeyEntry(alias, in.getKey(alias, old), password.toCharArray(), in.getCertificateChain(alias));
            } else {
                out.setCertificateEntry(alias, in.getCertificate(alias));
            }
        }
        try (OutputStream stream = Files.newOutputStream(target)) {
            out.store(stream, password.toCharArray());
        }
        return target;
    }
}
