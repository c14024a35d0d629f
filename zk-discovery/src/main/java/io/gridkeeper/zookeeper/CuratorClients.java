package io.gridkeeper.zookeeper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ClientX509Util;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Curator client of a strategy from its configuration: timeouts, retry, auth, ACL and TLS. Tools that
 * connect outside a member (the CLI) use {@link #secure} with {@link ZookeeperDiscoveryConfig#forTool} so that they
 * authenticate, create znodes and speak TLS exactly as members do.
 */
public final class CuratorClients {

    private static final String NETTY_SOCKET = "org.apache.zookeeper.ClientCnxnSocketNetty";

    private CuratorClients() {}

    /** A new, not yet started Curator client. */
    static CuratorFramework newClient(ZookeeperDiscoveryConfig config, String threadPrefix) {
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(config.connectString())
                .sessionTimeoutMs(Math.toIntExact(config.sessionTimeout().toMillis()))
                .connectionTimeoutMs(Math.toIntExact(config.connectionTimeout().toMillis()))
                .retryPolicy(new BoundedExponentialBackoffRetry(
                        config.retryBaseSleepMs(), config.retryMaxSleepMs(), config.retryMaxRetries()))
                .threadFactory(threads(threadPrefix));
        return secure(builder, config).build();
    }

    /**
     * Applies the configuration's security to a client builder: digest credentials, the ACL of created znodes and
     * TLS. With {@code auth-scheme=sasl} the ZooKeeper client authenticates by itself from the JVM's JAAS {@code
     * Client} section; the creator ACL then names the SASL principal.
     */
    public static CuratorFrameworkFactory.Builder secure(
            CuratorFrameworkFactory.Builder builder, ZookeeperDiscoveryConfig config) {
        builder.aclProvider(new ClusterAclProvider(config));
        config.auth()
                .ifPresent(auth -> builder.authorization(
                        config.authScheme().orElse(ZookeeperDiscoveryConfig.DEFAULT_AUTH_SCHEME),
                        auth.getBytes(StandardCharsets.UTF_8)));
        config.tls().ifPresent(tls -> builder.zkClientConfig(tlsClientConfig(tls)));
        return builder;
    }

    static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ZKClientConfig tlsClientConfig(ZookeeperDiscoveryConfig.Tls tls) {
        QuietClientConfig client = new QuietClientConfig();
        client.put(ZKClientConfig.SECURE_CLIENT, "true");
        client.put(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, NETTY_SOCKET);
        try (ClientX509Util x509 = new ClientX509Util()) {
            if (tls.keyStore() != null) {
                client.put(x509.getSslKeystoreLocationProperty(), tls.keyStore().toString());
            }
            if (tls.keyStorePassword() != null) {
                client.put(x509.getSslKeystorePasswdProperty(), tls.keyStorePassword());
            }
            if (tls.keyStoreType() != null) {
                client.put(x509.getSslKeystoreTypeProperty(), tls.keyStoreType());
            }
            if (tls.trustStore() != null) {
                client.put(
                        x509.getSslTruststoreLocationProperty(),
                        tls.trustStore().toString());
            }
            if (tls.trustStorePassword() != null) {
                client.put(x509.getSslTruststorePasswdProperty(), tls.trustStorePassword());
            }
            if (tls.trustStoreType() != null) {
                client.put(x509.getSslTruststoreTypeProperty(), tls.trustStoreType());
            }
            client.put(x509.getSslHostnameVerificationEnabledProperty(), Boolean.toString(tls.hostnameVerification()));
        }
        return client;
    }

    /**
     * A ZooKeeper client configuration whose Gridkeeper settings win over the {@code zookeeper.*} system properties
     * it copied at construction, without going through {@link ZKClientConfig#setProperty}: that method logs the old
     * and the new value at DEBUG whenever a system property of the same key differs, which would print the store
     * passwords.
     */
    static final class QuietClientConfig extends ZKClientConfig {
        // null while the super constructor runs (it may call getProperty)
        private @Nullable Map<String, String> settings;

        void put(String key, String value) {
            Map<String, String> current = settings;
            if (current == null) {
                current = new HashMap<>();
                settings = current;
            }
            current.put(key, value);
        }

        @Override
        public @Nullable String getProperty(String key) {
            Map<String, String> current = settings;
            String value = current == null ? null : current.get(key);
            return value != null ? value : super.getProperty(key);
        }

        @Override
        public @Nullable String getProperty(String key, @Nullable String defaultValue) {
            Map<String, String> current = settings;
            String value = current == null ? null : current.get(key);
            return value != null ? value : super.getProperty(key, defaultValue);
        }
    }

    /**
     * ACLs of the znodes this strategy creates. With {@code acl=creator}: the cluster path and everything below is
     * writable by the authenticated identity only and readable by anyone; its ancestors (the base path) also let
     * anyone create children, so clusters with other credentials can share the base path.
     */
    static final class ClusterAclProvider implements ACLProvider {
        private final String clusterPath;
        private final List<ACL> clusterAcl;
        private final List<ACL> ancestorAcl;

        ClusterAclProvider(ZookeeperDiscoveryConfig config) {
            this.clusterPath = config.clusterPath();
            if (config.aclMode() == ZookeeperDiscoveryConfig.AclMode.OPEN) {
                this.clusterAcl = ZooDefs.Ids.OPEN_ACL_UNSAFE;
                this.ancestorAcl = ZooDefs.Ids.OPEN_ACL_UNSAFE;
            } else {
                List<ACL> cluster = new ArrayList<>(ZooDefs.Ids.CREATOR_ALL_ACL);
                cluster.add(new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE));
                // not List.copyOf: ZooKeeper calls acl.contains(null), which immutable lists reject
                this.clusterAcl = Collections.unmodifiableList(cluster);
                List<ACL> ancestor = new ArrayList<>(ZooDefs.Ids.CREATOR_ALL_ACL);
                ancestor.add(new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.CREATE, new Id("world", "anyone")));
                this.ancestorAcl = Collections.unmodifiableList(ancestor);
            }
        }

        @Override
        public List<ACL> getDefaultAcl() {
            return clusterAcl;
        }

        @Override
        public List<ACL> getAclForPath(String path) {
            return path.equals(clusterPath) || path.startsWith(clusterPath + "/") ? clusterAcl : ancestorAcl;
        }
    }
}
