package io.gridkeeper.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.properties.ValidationException;
import com.hazelcast.config.properties.ValueValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ZookeeperDiscoveryConfigTest {

    @TempDir
    Path temp;

    @Test
    void config_withOnlyConnectString_usesDocumentedDefaults() {
        ZookeeperDiscoveryConfig config = config(Map.of("connect-string", "zk1:2181,zk2:2181/chroot"), "orders");

        assertThat(config.connectString()).isEqualTo("zk1:2181,zk2:2181/chroot");
        assertThat(config.clusterPath()).isEqualTo("/gridkeeper/orders");
        assertThat(config.membersPath()).isEqualTo("/gridkeeper/orders/members");
        assertThat(config.clusterIdExplicit()).isFalse();
        assertThat(config.sessionTimeout().toSeconds()).isEqualTo(30);
        assertThat(config.connectionTimeout().toSeconds()).isEqualTo(15);
        assertThat(config.startupTimeout().toSeconds()).isEqualTo(30);
        assertThat(config.aclMode()).isEqualTo(ZookeeperDiscoveryConfig.AclMode.OPEN);
        assertThat(config.tls()).isEmpty();
        assertThat(config.zone()).isEmpty();
    }

    @Test
    void config_withoutClusterNameOrId_fallsBackToHazelcastDefaultClusterName() {
        assertThat(config(Map.of("connect-string", "zk:2181"), null).clusterId())
                .isEqualTo("dev");
    }

    @Test
    void config_withLegacyHazelcastZookeeperNames_mapsThemToTheirNewKeys() {
        ZookeeperDiscoveryConfig config = config(
                Map.of("zookeeper_url", "zk:2181", "zookeeper_path", "/discovery/hazelcast", "group", "legacy"),
                "ignored");

        assertThat(config.connectString()).isEqualTo("zk:2181");
        assertThat(config.clusterPath()).isEqualTo("/discovery/hazelcast/legacy");
        assertThat(config.clusterIdExplicit()).isTrue();
    }

    @Test
    void lookup_systemPropertyAndUpperSnakeEnvironment_winOverStrategyProperties() {
        Map<String, String> system = Map.of("gridkeeper.zookeeper.zone", "zone-from-system-property");
        Map<String, String> env = Map.of("GRIDKEEPER_ZOOKEEPER_CONNECT_STRING", "env-zk:2181");
        PropertyLookup lookup = new PropertyLookup(
                Map.of("connect-string", "config-zk:2181", "zone", "config-zone"), system::get, env::get);

        ZookeeperDiscoveryConfig config = ZookeeperDiscoveryConfig.from(lookup, "c");

        assertThat(config.connectString()).isEqualTo("env-zk:2181");
        assertThat(config.zone()).contains("zone-from-system-property");
    }

    @Test
    void config_withoutConnectString_failsNamingKeyAliasAndEnvironment() {
        assertThatThrownBy(() -> config(Map.of("zone", "a"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Property 'connect-string' is required")
                .hasMessageContaining("zookeeper_url")
                .hasMessageContaining("GRIDKEEPER_ZOOKEEPER_CONNECT_STRING")
                .hasMessageContaining("but was [<not set>]");
    }

    @Test
    void config_withMalformedConnectString_failsNamingValue() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:notaport"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Property 'connect-string' must be host:port[,host:port...][/chroot] but was [zk:notaport]");
    }

    @Test
    void config_withNegativeSessionTimeout_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "session-timeout-seconds", -5), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'session-timeout-seconds' must be positive but was [-5]");
    }

    @Test
    void config_withZeroStartupTimeout_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "startup-timeout-seconds", 0), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'startup-timeout-seconds' must be positive but was [0]");
    }

    @Test
    void config_withRetryMaxSleepBelowBaseSleep_failsNamingBothKeys() {
        assertThatThrownBy(() -> config(
                        Map.of("connect-string", "zk:2181", "retry-base-sleep-ms", 500, "retry-max-sleep-ms", 100),
                        "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'retry-max-sleep-ms' must be at least [retry-base-sleep-ms=500] but was [100]");
    }

    @Test
    void config_withAuthMissingPassword_failsWithoutShowingTheSecret() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "auth", "admin"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'auth' must be user:password (digest credentials, both parts non-empty)"
                        + " but was [****]");
    }

    @Test
    void config_withUnsupportedAuthScheme_failsNamingAllowedSchemes() {
        assertThatThrownBy(() ->
                        config(Map.of("connect-string", "zk:2181", "auth-scheme", "kerberos", "auth", "u:p"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'auth-scheme' must be one of [digest, sasl] but was [kerberos]");
    }

    @Test
    void config_withSaslButNoJaasFile_failsNamingTheSystemProperty() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "auth-scheme", "sasl"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Property 'auth-scheme' may be [sasl] only when the JVM system property"
                                + " [java.security.auth.login.config] names a JAAS file with a 'Client' section but was [sasl]");
    }

    @Test
    void config_withSaslAndMissingJaasFile_failsNamingTheFile() {
        String missing = temp.resolve("missing-jaas.conf").toString();
        assertThatThrownBy(() -> ZookeeperDiscoveryConfig.from(
                        lookup(Map.of("connect-string", "zk:2181", "auth-scheme", "sasl")), "c", missing))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("System property 'java.security.auth.login.config' must name an existing readable JAAS"
                        + " file when [auth-scheme=sasl] but was [" + missing + "]");
    }

    @Test
    void config_withSaslAndDigestCredentials_failsWithoutShowingThem() {
        assertThatThrownBy(() -> config(
                        Map.of("connect-string", "zk:2181", "auth-scheme", "sasl", "auth", "user:very-secret"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Property 'auth' must not be set when [auth-scheme=sasl]")
                .hasMessageNotContaining("very-secret");
    }

    @Test
    void config_withSaslAndJaasFile_defaultsToCreatorAcl() throws Exception {
        Path jaas = Files.writeString(temp.resolve("jaas.conf"), "Client { };");
        ZookeeperDiscoveryConfig config = ZookeeperDiscoveryConfig.from(
                lookup(Map.of("connect-string", "zk:2181", "auth-scheme", "sasl")), "c", jaas.toString());

        assertThat(config.authScheme()).contains("sasl");
        assertThat(config.auth()).isEmpty();
        assertThat(config.aclMode()).isEqualTo(ZookeeperDiscoveryConfig.AclMode.CREATOR);
        assertThat(config.toString()).contains("auth=sasl (JAAS), acl=creator");
    }

    @Test
    void config_withCreatorAclButNoAuth_failsExplainingTheWayOut() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "acl", "creator"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'acl' may be [creator] only when [auth] or [auth-scheme=sasl] is set; use"
                        + " [open] or set auth but was [creator]");
    }

    @Test
    void config_withAuth_defaultsToCreatorAcl() {
        ZookeeperDiscoveryConfig config = config(Map.of("connect-string", "zk:2181", "auth", "gk:secret"), "c");

        assertThat(config.aclMode()).isEqualTo(ZookeeperDiscoveryConfig.AclMode.CREATOR);
        assertThat(config.authScheme()).contains("digest");
    }

    @Test
    void config_withTlsAndMissingTrustStore_failsNamingTheFile() {
        String missing = temp.resolve("missing-truststore.p12").toString();

        assertThatThrownBy(() -> config(
                        Map.of("connect-string", "zk:2281", "tls-enabled", true, "tls-truststore-location", missing),
                        "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'tls-truststore-location' must name an existing readable file but was [" + missing
                        + "]");
    }

    @Test
    void config_withTlsAndNoTrustStore_failsNamingTheKey() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2281", "tls-enabled", true), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'tls-truststore-location' must name a readable file when [tls-enabled=true]"
                        + " but was [<not set>]");
    }

    @Test
    void config_withMalformedPublicAddress_failsNamingFormat() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "public-address", "10.0.0.1"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'public-address' must be host:port with a port in 1..65535 but was [10.0.0.1]");
    }

    @Test
    void config_withPublicAddressPortOutOfRange_failsNamingRange() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "public-address", "gk.example:70000"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'public-address' must be host:port with a port in 1..65535"
                        + " but was [gk.example:70000]");
    }

    @Test
    void config_withRelativeBasePath_failsNamingFormat() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "base-path", "gridkeeper"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Property 'base-path' must be an absolute znode path")
                .hasMessageEndingWith("but was [gridkeeper]");
    }

    @Test
    void config_withSlashInClusterId_failsNamingFormat() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "cluster-id", "a/b"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Property 'cluster-id' must be a non-empty znode name")
                .hasMessageEndingWith("but was [a/b]");
    }

    @Test
    void config_withUnknownAcl_failsNamingAllowedModes() {
        assertThatThrownBy(() -> config(Map.of("connect-string", "zk:2181", "acl", "world"), "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'acl' must be one of [creator, open] but was [world]");
    }

    @Test
    void config_withNonNumericEnvironmentTimeout_failsNamingKey() {
        Map<String, String> env = Map.of("GRIDKEEPER_ZOOKEEPER_SESSION_TIMEOUT_SECONDS", "soon");
        PropertyLookup lookup = new PropertyLookup(Map.of("connect-string", "zk:2181"), key -> null, env::get);

        assertThatThrownBy(() -> ZookeeperDiscoveryConfig.from(lookup, "c"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Property 'session-timeout-seconds' must be an integer")
                .hasMessageEndingWith("but was [soon]");
    }

    @Test
    void toString_withSecrets_masksEverySecret() throws Exception {
        Path store = Files.writeString(temp.resolve("trust.p12"), "not read here");
        Map<String, Comparable> properties = new HashMap<>(Map.of(
                "connect-string", "zk:2281",
                "auth", "gk:top-secret-auth",
                "tls-enabled", true,
                "tls-truststore-location", store.toString(),
                "tls-truststore-password", "top-secret-trust",
                "tls-keystore-password", "top-secret-key"));

        String shown = config(properties, "c").toString();

        assertThat(shown).doesNotContain("top-secret").contains("auth=digest:****");
    }

    @Test
    void validator_forNegativeTimeout_reportsKeyValueAndRule() {
        @SuppressWarnings("unchecked")
        ValueValidator<Integer> validator =
                (ValueValidator<Integer>) ZookeeperDiscoveryProperties.CONNECTION_TIMEOUT_SECONDS.validator();

        assertThatThrownBy(() -> validator.validate(-1))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Property 'connection-timeout-seconds' must be positive but was [-1]");
    }

    private static ZookeeperDiscoveryConfig config(Map<String, ? extends Comparable> properties, String clusterName) {
        return ZookeeperDiscoveryConfig.from(lookup(properties), clusterName, null);
    }

    private static PropertyLookup lookup(Map<String, ? extends Comparable> properties) {
        Map<String, Comparable> copy = new HashMap<>(properties);
        return new PropertyLookup(copy, key -> null, key -> null);
    }
}
