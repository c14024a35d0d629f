package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.ZookeeperDiscoveryProperties.*;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.properties.PropertyDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The validated, immutable configuration of one ZooKeeper discovery strategy.
 *
 * <p>Built once from a {@link Source} (system properties, environment, discovery-strategy properties); every
 * violation is an {@link InvalidConfigurationException} naming the key, the value seen and what is allowed.
 * {@link #toString()} masks secrets and is what the strategy logs at start.
 */
public final class ZookeeperDiscoveryConfig {

    public static final String DEFAULT_BASE_PATH = "/gridkeeper";
    /** Hazelcast's default cluster name, used when the real one cannot be found (see docs/discovery.md). */
    public static final String DEFAULT_CLUSTER_ID = "dev";

    public static final int DEFAULT_SESSION_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_CONNECTION_TIMEOUT_SECONDS = 15;
    public static final int DEFAULT_STARTUP_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_RETRY_BASE_SLEEP_MS = 100;
    public static final int DEFAULT_RETRY_MAX_SLEEP_MS = 5_000;
    public static final int DEFAULT_RETRY_MAX_RETRIES = 10;
    public static final String DEFAULT_AUTH_SCHEME = "digest";
    public static final String SASL_AUTH_SCHEME = "sasl";
    /** The JVM system property naming the JAAS configuration file (ZooKeeper's standard way to configure SASL). */
    public static final String JAAS_CONFIG_PROPERTY = "java.security.auth.login.config";

    public static final String MEMBERS_NODE = "members";

    static final String MASK = "****";

    /** Where configuration values come from; answers the converted value of a key or null. */
    @FunctionalInterface
    public interface Source {
        @Nullable
        Comparable<?> get(PropertyDefinition property);
    }

    /** How the ACL of created znodes is chosen. */
    public enum AclMode {
        /** Creator (the authenticated identity) may do everything; the world may only read. */
        CREATOR,
        /** Anyone may do everything (ZooKeeper's {@code OPEN_ACL_UNSAFE}). */
        OPEN
    }

    /** TLS settings for ZooKeeper's secure client port. */
    public record Tls(
            @Nullable Path keyStore,
            @Nullable String keyStorePassword,
            @Nullable String keyStoreType,
            @Nullable Path trustStore,
            @Nullable String trustStorePassword,
            @Nullable String trustStoreType,
            boolean hostnameVerification) {

        @Override
        public String toString() {
            return "Tls{keyStore=" + keyStore + ", keyStorePassword=" + mask(keyStorePassword) + ", keyStoreType="
                    + keyStoreType + ", trustStore=" + trustStore + ", trustStorePassword="
                    + mask(trustStorePassword) + ", trustStoreType=" + trustStoreType + ", hostnameVerification="
                    + hostnameVerification + "}";
        }
    }

    private final String connectString;
    private final String basePath;
    private final String clusterId;
    private final boolean clusterIdExplicit;
    private final Duration sessionTimeout;
    private final Duration connectionTimeout;
    private final Duration startupTimeout;
    private final int retryBaseSleepMs;
    private final int retryMaxSleepMs;
    private final int retryMaxRetries;
    private final @Nullable String zone;
    private final @Nullable String rack;
    private final @Nullable String nodeId;
    private final @Nullable String authScheme;
    private final @Nullable String auth;
    private final AclMode aclMode;
    private final @Nullable Tls tls;
    private final @Nullable String publicAddress;

    private ZookeeperDiscoveryConfig(Source source, @Nullable String clusterNameFallback, @Nullable String jaasConfig) {
        this.connectString = requireConnectString(source);
        // every present value is checked, also those of features that are off (tls-* without tls-enabled): a typo
        // fails the start instead of surfacing the day the feature is turned on
        for (PropertyDefinition property : ALL) {
            string(source, property);
        }
        bool(source, TLS_HOSTNAME_VERIFICATION, true);
        this.basePath = firstOf(source, BASE_PATH, LEGACY_ZOOKEEPER_PATH).orElse(DEFAULT_BASE_PATH);
        Optional<String> explicitClusterId = firstOf(source, CLUSTER_ID, LEGACY_GROUP);
        this.clusterIdExplicit = explicitClusterId.isPresent();
        this.clusterId =
                explicitClusterId.orElse(clusterNameFallback == null ? DEFAULT_CLUSTER_ID : clusterNameFallback);
        check(CLUSTER_ID, clusterId, ZookeeperDiscoveryProperties::znodeName);
        this.sessionTimeout =
                Duration.ofSeconds(timeoutSeconds(source, SESSION_TIMEOUT_SECONDS, DEFAULT_SESSION_TIMEOUT_SECONDS));
        this.connectionTimeout = Duration.ofSeconds(
                timeoutSeconds(source, CONNECTION_TIMEOUT_SECONDS, DEFAULT_CONNECTION_TIMEOUT_SECONDS));
        this.startupTimeout =
                Duration.ofSeconds(timeoutSeconds(source, STARTUP_TIMEOUT_SECONDS, DEFAULT_STARTUP_TIMEOUT_SECONDS));
        this.retryBaseSleepMs = positiveInt(source, RETRY_BASE_SLEEP_MS, DEFAULT_RETRY_BASE_SLEEP_MS);
        this.retryMaxSleepMs = positiveInt(source, RETRY_MAX_SLEEP_MS, DEFAULT_RETRY_MAX_SLEEP_MS);
        this.retryMaxRetries = intValue(source, RETRY_MAX_RETRIES, DEFAULT_RETRY_MAX_RETRIES);
        if (retryMaxRetries < 0 || retryMaxRetries > 29) {
            throw new InvalidConfigurationException(
                    invalid(RETRY_MAX_RETRIES.key(), retryMaxRetries, "must be in 0..29"));
        }
        if (retryMaxSleepMs < retryBaseSleepMs) {
            throw new InvalidConfigurationException(invalid(
                    RETRY_MAX_SLEEP_MS.key(),
                    retryMaxSleepMs,
                    "must be at least [" + RETRY_BASE_SLEEP_MS.key() + "=" + retryBaseSleepMs + "]"));
        }
        this.zone = string(source, ZONE).orElse(null);
        this.rack = string(source, RACK).orElse(null);
        this.nodeId = string(source, NODE_ID).orElse(null);
        Optional<String> scheme = string(source, AUTH_SCHEME);
        if (scheme.filter(SASL_AUTH_SCHEME::equals).isPresent()) {
            if (string(source, AUTH).isPresent()) {
                throw new InvalidConfigurationException(invalid(
                        AUTH.key(),
                        MASK,
                        "must not be set when [" + AUTH_SCHEME.key() + "=sasl]: SASL credentials come from the JAAS"
                                + " 'Client' section of [" + JAAS_CONFIG_PROPERTY + "]"));
            }
            requireJaasConfig(jaasConfig);
            this.auth = null;
            this.authScheme = SASL_AUTH_SCHEME;
        } else {
            this.auth = string(source, AUTH).orElse(null);
            if (scheme.isPresent() && auth == null) {
                throw new InvalidConfigurationException(invalid(
                        AUTH.key(),
                        "<not set>",
                        "must be set (user:password) when [" + AUTH_SCHEME.key() + "=digest]"));
            }
            this.authScheme = auth == null ? null : scheme.orElse(DEFAULT_AUTH_SCHEME);
        }
        Optional<String> acl = string(source, ACL).map(v -> v.toLowerCase(Locale.ROOT));
        this.aclMode = acl.map(v -> AclMode.valueOf(v.toUpperCase(Locale.ROOT)))
                .orElse(authScheme == null ? AclMode.OPEN : AclMode.CREATOR);
        if (aclMode == AclMode.CREATOR && authScheme == null) {
            throw new InvalidConfigurationException(invalid(
                    ACL.key(),
                    "creator",
                    "may be [creator] only when [" + AUTH.key() + "] or [" + AUTH_SCHEME.key()
                            + "=sasl] is set; use [open] or set auth"));
        }
        this.tls = readTls(source);
        this.publicAddress = string(source, PUBLIC_ADDRESS).orElse(null);
    }

    /**
     * Reads and validates a configuration.
     *
     * @param clusterNameFallback the Hazelcast cluster name, used when no cluster id is configured; null when unknown
     * @throws InvalidConfigurationException naming key, value and what is allowed
     */
    public static ZookeeperDiscoveryConfig from(Source source, @Nullable String clusterNameFallback) {
        return new ZookeeperDiscoveryConfig(source, clusterNameFallback, System.getProperty(JAAS_CONFIG_PROPERTY));
    }

    /** As {@link #from(Source, String)}, with the JAAS configuration location given (test seam). */
    static ZookeeperDiscoveryConfig from(
            Source source, @Nullable String clusterNameFallback, @Nullable String jaasConfig) {
        return new ZookeeperDiscoveryConfig(source, clusterNameFallback, jaasConfig);
    }

    /**
     * The security settings ({@code auth-scheme}, {@code auth}, {@code acl}, {@code tls-*}) from {@code
     * gridkeeper.zookeeper.*} system properties and environment variables, for a tool (the CLI) that connects to the
     * cluster's ZooKeeper outside a member; the connect string and cluster path are the tool's own.
     *
     * @throws InvalidConfigurationException naming key, value and what is allowed
     */
    public static ZookeeperDiscoveryConfig forTool(String connectString, String basePath, String clusterId) {
        Source external = PropertyLookup.of(Map.of());
        return from(
                property -> {
                    if (property == CONNECT_STRING) {
                        return connectString;
                    } else if (property == BASE_PATH) {
                        return basePath;
                    } else if (property == CLUSTER_ID) {
                        return clusterId;
                    } else if (property == LEGACY_ZOOKEEPER_URL
                            || property == LEGACY_ZOOKEEPER_PATH
                            || property == LEGACY_GROUP) {
                        return null;
                    }
                    return external.get(property);
                },
                clusterId);
    }

    /** ZooKeeper connect string. */
    public String connectString() {
        return connectString;
    }

    /** Root znode of all clusters, e.g. {@code /gridkeeper}. */
    public String basePath() {
        return basePath;
    }

    /** This cluster's id (a znode name under the base path). */
    public String clusterId() {
        return clusterId;
    }

    /** Whether the cluster id was configured rather than derived from the Hazelcast cluster name. */
    public boolean clusterIdExplicit() {
        return clusterIdExplicit;
    }

    /** {@code <base-path>/<cluster-id>}: everything this cluster keeps in ZooKeeper lives below. */
    public String clusterPath() {
        return basePath.equals("/") ? "/" + clusterId : basePath + "/" + clusterId;
    }

    /** {@code <cluster-path>/members}: one ephemeral znode per member. */
    public String membersPath() {
        return clusterPath() + "/" + MEMBERS_NODE;
    }

    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    public Duration startupTimeout() {
        return startupTimeout;
    }

    public int retryBaseSleepMs() {
        return retryBaseSleepMs;
    }

    public int retryMaxSleepMs() {
        return retryMaxSleepMs;
    }

    public int retryMaxRetries() {
        return retryMaxRetries;
    }

    public Optional<String> zone() {
        return Optional.ofNullable(zone);
    }

    public Optional<String> rack() {
        return Optional.ofNullable(rack);
    }

    /** The configured node id; when empty the member uses its private address {@code host:port}. */
    public Optional<String> nodeId() {
        return Optional.ofNullable(nodeId);
    }

    public Optional<String> authScheme() {
        return Optional.ofNullable(authScheme);
    }

    /** The secret credentials; never log them. */
    public Optional<String> auth() {
        return Optional.ofNullable(auth);
    }

    public AclMode aclMode() {
        return aclMode;
    }

    /** TLS settings, present when {@code tls-enabled=true}. */
    public Optional<Tls> tls() {
        return Optional.ofNullable(tls);
    }

    /** The configured public address {@code host:port}, if any. */
    public Optional<String> publicAddress() {
        return Optional.ofNullable(publicAddress);
    }

    @Override
    public String toString() {
        return "ZookeeperDiscoveryConfig{connectString=" + connectString + ", clusterPath=" + clusterPath()
                + (clusterIdExplicit ? "" : " (cluster-id from the Hazelcast cluster name)") + ", sessionTimeout="
                + sessionTimeout.toSeconds() + "s, connectionTimeout=" + connectionTimeout.toSeconds()
                + "s, startupTimeout=" + startupTimeout.toSeconds() + "s, retry=" + retryBaseSleepMs + ".."
                + retryMaxSleepMs + "ms x" + retryMaxRetries + ", zone=" + zone + ", rack=" + rack + ", nodeId="
                + (nodeId == null ? "<private address>" : nodeId) + ", auth="
                + (authScheme == null
                        ? "none"
                        : SASL_AUTH_SCHEME.equals(authScheme) ? "sasl (JAAS)" : authScheme + ":" + MASK)
                + ", acl="
                + aclMode.name().toLowerCase(Locale.ROOT) + ", tls=" + (tls == null ? "disabled" : tls)
                + ", publicAddress=" + (publicAddress == null ? "<from Hazelcast>" : publicAddress) + "}";
    }

    static String mask(@Nullable String secret) {
        return secret == null ? "null" : MASK;
    }

    private static String requireConnectString(Source source) {
        return firstOf(source, CONNECT_STRING, LEGACY_ZOOKEEPER_URL)
                .orElseThrow(() -> new InvalidConfigurationException("Property '" + CONNECT_STRING.key()
                        + "' is required (ZooKeeper host:port[,host:port...][/chroot]; alias '"
                        + LEGACY_ZOOKEEPER_URL.key() + "', system property '" + SYSTEM_PROPERTY_PREFIX + "."
                        + CONNECT_STRING.key() + "' or environment variable 'GRIDKEEPER_ZOOKEEPER_CONNECT_STRING')"
                        + " but was [<not set>]"));
    }

    private static void requireJaasConfig(@Nullable String jaasConfig) {
        if (jaasConfig == null || jaasConfig.isBlank()) {
            throw new InvalidConfigurationException(invalid(
                    AUTH_SCHEME.key(),
                    SASL_AUTH_SCHEME,
                    "may be [sasl] only when the JVM system property [" + JAAS_CONFIG_PROPERTY
                            + "] names a JAAS file with a 'Client' section"));
        }
        Path path = Path.of(jaasConfig);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidConfigurationException("System property '" + JAAS_CONFIG_PROPERTY
                    + "' must name an existing readable JAAS file when [" + AUTH_SCHEME.key() + "=sasl] but was ["
                    + jaasConfig + "]");
        }
    }

    private static @Nullable Tls readTls(Source source) {
        if (!bool(source, TLS_ENABLED, false)) {
            return null;
        }
        Path trustStore = requiredFile(source, TLS_TRUSTSTORE_LOCATION);
        Optional<String> keyStoreLocation = string(source, TLS_KEYSTORE_LOCATION);
        Path keyStore = keyStoreLocation.isPresent() ? requiredFile(source, TLS_KEYSTORE_LOCATION) : null;
        boolean verification = bool(source, TLS_HOSTNAME_VERIFICATION, true);
        return new Tls(
                keyStore,
                string(source, TLS_KEYSTORE_PASSWORD).orElse(null),
                string(source, TLS_KEYSTORE_TYPE)
                        .map(v -> v.toUpperCase(Locale.ROOT))
                        .orElse(null),
                trustStore,
                string(source, TLS_TRUSTSTORE_PASSWORD).orElse(null),
                string(source, TLS_TRUSTSTORE_TYPE)
                        .map(v -> v.toUpperCase(Locale.ROOT))
                        .orElse(null),
                verification);
    }

    private static Path requiredFile(Source source, PropertyDefinition property) {
        String location = string(source, property)
                .orElseThrow(() -> new InvalidConfigurationException(
                        invalid(property.key(), "<not set>", "must name a readable file when [tls-enabled=true]")));
        Path path = Path.of(location);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidConfigurationException(
                    invalid(property.key(), location, "must name an existing readable file"));
        }
        return path;
    }

    private static Optional<String> firstOf(Source source, PropertyDefinition primary, PropertyDefinition alias) {
        Optional<String> value = string(source, primary);
        return value.isPresent() ? value : string(source, alias);
    }

    private static Optional<String> string(Source source, PropertyDefinition property) {
        Comparable<?> raw = source.get(property);
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.toString().trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Rule rule = RULES.get(property.key());
        if (rule != null) {
            check(property, value, rule);
        }
        return Optional.of(value);
    }

    private static void check(PropertyDefinition property, String value, Rule rule) {
        String violation = rule.violation(value);
        if (violation != null) {
            throw new InvalidConfigurationException(invalid(property.key(), value, violation));
        }
    }

    private static int timeoutSeconds(Source source, PropertyDefinition property, int defaultValue) {
        int value = positiveInt(source, property, defaultValue);
        if (value > MAX_TIMEOUT_SECONDS) {
            throw new InvalidConfigurationException(
                    invalid(property.key(), value, "must be at most " + MAX_TIMEOUT_SECONDS));
        }
        return value;
    }

    /** A strict boolean: absent means the default; {@code true}/{@code false} in any case; anything else fails. */
    private static boolean bool(Source source, PropertyDefinition property, boolean defaultValue) {
        Comparable<?> raw = source.get(property);
        if (raw == null || raw.toString().isBlank()) {
            return defaultValue;
        }
        String value = raw.toString().trim();
        check(property, value, ZookeeperDiscoveryProperties::bool);
        return Boolean.parseBoolean(value);
    }

    private static int positiveInt(Source source, PropertyDefinition property, int defaultValue) {
        int value = intValue(source, property, defaultValue);
        if (value <= 0) {
            throw new InvalidConfigurationException(invalid(property.key(), value, "must be positive"));
        }
        return value;
    }

    private static int intValue(Source source, PropertyDefinition property, int defaultValue) {
        Comparable<?> raw = source.get(property);
        if (raw == null) {
            return defaultValue;
        }
        if (raw instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(invalid(property.key(), raw, "must be an integer"));
        }
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry(CONNECT_STRING.key(), ZookeeperDiscoveryProperties::connectString),
            Map.entry(LEGACY_ZOOKEEPER_URL.key(), ZookeeperDiscoveryProperties::connectString),
            Map.entry(BASE_PATH.key(), ZookeeperDiscoveryProperties::absolutePath),
            Map.entry(LEGACY_ZOOKEEPER_PATH.key(), ZookeeperDiscoveryProperties::absolutePath),
            Map.entry(CLUSTER_ID.key(), ZookeeperDiscoveryProperties::znodeName),
            Map.entry(LEGACY_GROUP.key(), ZookeeperDiscoveryProperties::znodeName),
            Map.entry(ZONE.key(), ZookeeperDiscoveryProperties::label),
            Map.entry(RACK.key(), ZookeeperDiscoveryProperties::label),
            Map.entry(NODE_ID.key(), ZookeeperDiscoveryProperties::znodeName),
            Map.entry(AUTH_SCHEME.key(), ZookeeperDiscoveryProperties::authScheme),
            Map.entry(AUTH.key(), ZookeeperDiscoveryProperties::auth),
            Map.entry(ACL.key(), v -> ZookeeperDiscoveryProperties.acl(v.toLowerCase(Locale.ROOT))),
            Map.entry(TLS_KEYSTORE_TYPE.key(), ZookeeperDiscoveryProperties::storeType),
            Map.entry(TLS_TRUSTSTORE_TYPE.key(), ZookeeperDiscoveryProperties::storeType),
            Map.entry(PUBLIC_ADDRESS.key(), ZookeeperDiscoveryProperties::hostAndPort));
}
