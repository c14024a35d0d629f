package io.gridkeeper.zookeeper;

import com.hazelcast.config.properties.PropertyDefinition;
import com.hazelcast.config.properties.PropertyTypeConverter;
import com.hazelcast.config.properties.SimplePropertyDefinition;
import com.hazelcast.config.properties.ValidationException;
import com.hazelcast.config.properties.ValueValidator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The configuration properties of the ZooKeeper discovery strategy, declared as data.
 *
 * <p>Every key may also be given as JVM system property or environment variable named
 * {@value #SYSTEM_PROPERTY_PREFIX}{@code .<key>} (Hazelcast's own rule), or as environment variable in upper snake
 * case ({@code GRIDKEEPER_ZOOKEEPER_CONNECT_STRING}); those win over the discovery-strategy configuration. The
 * validators here check one value; rules spanning several keys live in {@link ZookeeperDiscoveryConfig}.
 *
 * <p>No key is marked required for Hazelcast: {@code connect-string} may come from its alias
 * {@code zookeeper_url}, a system property or the environment, so {@link ZookeeperDiscoveryConfig} enforces it.
 */
public final class ZookeeperDiscoveryProperties {

    /** Prefix of system properties and environment variables that override a key. */
    public static final String SYSTEM_PROPERTY_PREFIX = "gridkeeper.zookeeper";

    /** ZooKeeper connect string, {@code host:port[,host:port...][/chroot]}; required. */
    public static final PropertyDefinition CONNECT_STRING =
            string("connect-string", ZookeeperDiscoveryProperties::connectString);
    /** Root znode of all Gridkeeper clusters, default {@value ZookeeperDiscoveryConfig#DEFAULT_BASE_PATH}. */
    public static final PropertyDefinition BASE_PATH = string("base-path", ZookeeperDiscoveryProperties::absolutePath);
    /** Name of this cluster's subtree under the base path; default the Hazelcast cluster name. */
    public static final PropertyDefinition CLUSTER_ID = string("cluster-id", ZookeeperDiscoveryProperties::znodeName);
    /** Requested ZooKeeper session timeout (the server bounds it to 2..20 x tickTime). */
    public static final PropertyDefinition SESSION_TIMEOUT_SECONDS =
            positiveInt("session-timeout-seconds", ZookeeperDiscoveryProperties.MAX_TIMEOUT_SECONDS);
    /** How long one connection attempt to ZooKeeper may take. */
    public static final PropertyDefinition CONNECTION_TIMEOUT_SECONDS =
            positiveInt("connection-timeout-seconds", ZookeeperDiscoveryProperties.MAX_TIMEOUT_SECONDS);
    /** How long a starting member or client waits for ZooKeeper before it fails. */
    public static final PropertyDefinition STARTUP_TIMEOUT_SECONDS =
            positiveInt("startup-timeout-seconds", ZookeeperDiscoveryProperties.MAX_TIMEOUT_SECONDS);
    /** First sleep of the bounded exponential retry of ZooKeeper operations. */
    public static final PropertyDefinition RETRY_BASE_SLEEP_MS = positiveInt("retry-base-sleep-ms", Integer.MAX_VALUE);
    /** Longest sleep between two retries of a ZooKeeper operation. */
    public static final PropertyDefinition RETRY_MAX_SLEEP_MS = positiveInt("retry-max-sleep-ms", Integer.MAX_VALUE);
    /** How often a failed ZooKeeper operation is retried (0..29). */
    public static final PropertyDefinition RETRY_MAX_RETRIES = intInRange("retry-max-retries", 0, 29);
    /** Availability zone of this member, published as {@code hazelcast.partition.group.zone}. */
    public static final PropertyDefinition ZONE = string("zone", ZookeeperDiscoveryProperties::label);
    /** Rack (placement) of this member, published as {@code hazelcast.partition.group.placement}. */
    public static final PropertyDefinition RACK = string("rack", ZookeeperDiscoveryProperties::label);
    /** Stable id of this member across restarts; default its private address {@code host:port}. */
    public static final PropertyDefinition NODE_ID = string("node-id", ZookeeperDiscoveryProperties::znodeName);
    /**
     * ZooKeeper authentication scheme: {@code digest} (credentials in {@code auth}) or {@code sasl} (credentials from
     * the JAAS {@code Client} section named by the JVM's {@code java.security.auth.login.config}).
     */
    public static final PropertyDefinition AUTH_SCHEME =
            string("auth-scheme", ZookeeperDiscoveryProperties::authScheme);
    /** ZooKeeper credentials for the auth scheme, {@code user:password}; secret. */
    public static final PropertyDefinition AUTH = string("auth", ZookeeperDiscoveryProperties::auth);
    /** ACL of the znodes this strategy creates: {@code creator} or {@code open}. */
    public static final PropertyDefinition ACL = string("acl", ZookeeperDiscoveryProperties::acl);
    /** Connect to ZooKeeper's secure (TLS) client port. */
    public static final PropertyDefinition TLS_ENABLED = string("tls-enabled", ZookeeperDiscoveryProperties::bool);
    /** Key store with this client's certificate (for mutual TLS). */
    public static final PropertyDefinition TLS_KEYSTORE_LOCATION = string("tls-keystore-location", v -> null);
    /** Password of the key store; secret. */
    public static final PropertyDefinition TLS_KEYSTORE_PASSWORD = string("tls-keystore-password", v -> null);
    /** Type of the key store: {@code PKCS12}, {@code JKS} or {@code PEM}; default inferred from the file name. */
    public static final PropertyDefinition TLS_KEYSTORE_TYPE =
            string("tls-keystore-type", ZookeeperDiscoveryProperties::storeType);
    /** Trust store with the certificates this client trusts. */
    public static final PropertyDefinition TLS_TRUSTSTORE_LOCATION = string("tls-truststore-location", v -> null);
    /** Password of the trust store; secret. */
    public static final PropertyDefinition TLS_TRUSTSTORE_PASSWORD = string("tls-truststore-password", v -> null);
    /** Type of the trust store: {@code PKCS12}, {@code JKS} or {@code PEM}; default inferred from the file name. */
    public static final PropertyDefinition TLS_TRUSTSTORE_TYPE =
            string("tls-truststore-type", ZookeeperDiscoveryProperties::storeType);
    /** Verify that the ZooKeeper server certificate matches its host name. */
    public static final PropertyDefinition TLS_HOSTNAME_VERIFICATION =
            string("tls-hostname-verification", ZookeeperDiscoveryProperties::bool);
    /** Address other members and clients use to reach this member, {@code host:port} (NAT, containers). */
    public static final PropertyDefinition PUBLIC_ADDRESS =
            string("public-address", ZookeeperDiscoveryProperties::hostAndPort);

    /** hazelcast-zookeeper alias of {@code connect-string}. */
    public static final PropertyDefinition LEGACY_ZOOKEEPER_URL =
            string("zookeeper_url", ZookeeperDiscoveryProperties::connectString);
    /** hazelcast-zookeeper alias of {@code base-path}. */
    public static final PropertyDefinition LEGACY_ZOOKEEPER_PATH =
            string("zookeeper_path", ZookeeperDiscoveryProperties::absolutePath);
    /** hazelcast-zookeeper alias of {@code cluster-id}. */
    public static final PropertyDefinition LEGACY_GROUP = string("group", ZookeeperDiscoveryProperties::znodeName);

    /** Every property the factory declares, in documentation order. */
    public static final List<PropertyDefinition> ALL = List.of(
            CONNECT_STRING,
            BASE_PATH,
            CLUSTER_ID,
            SESSION_TIMEOUT_SECONDS,
            CONNECTION_TIMEOUT_SECONDS,
            STARTUP_TIMEOUT_SECONDS,
            RETRY_BASE_SLEEP_MS,
            RETRY_MAX_SLEEP_MS,
            RETRY_MAX_RETRIES,
            ZONE,
            RACK,
            NODE_ID,
            AUTH_SCHEME,
            AUTH,
            ACL,
            TLS_ENABLED,
            TLS_KEYSTORE_LOCATION,
            TLS_KEYSTORE_PASSWORD,
            TLS_KEYSTORE_TYPE,
            TLS_TRUSTSTORE_LOCATION,
            TLS_TRUSTSTORE_PASSWORD,
            TLS_TRUSTSTORE_TYPE,
            TLS_HOSTNAME_VERIFICATION,
            PUBLIC_ADDRESS,
            LEGACY_ZOOKEEPER_URL,
            LEGACY_ZOOKEEPER_PATH,
            LEGACY_GROUP);

    /** Keys whose values are never logged or shown. */
    static final Set<String> SECRET_KEYS =
            Set.of(AUTH.key(), TLS_KEYSTORE_PASSWORD.key(), TLS_TRUSTSTORE_PASSWORD.key());

    /**
     * Upper bound of the timeouts in seconds (one day): ZooKeeper caps sessions far below it anyway, and it keeps the
     * milliseconds within an int.
     */
    static final int MAX_TIMEOUT_SECONDS = 86_400;

    static final Set<String> ACL_MODES = Set.of("creator", "open");
    static final Set<String> AUTH_SCHEMES = Set.of("digest", "sasl");
    static final Set<String> STORE_TYPES = Set.of("PKCS12", "JKS", "PEM");

    private ZookeeperDiscoveryProperties() {}

    /** The message every validation failure uses: key, value seen (masked if secret), what is allowed. */
    static String invalid(String key, Object value, String allowed) {
        Object shown = SECRET_KEYS.contains(key) ? ZookeeperDiscoveryConfig.MASK : value;
        return "Property '" + key + "' " + allowed + " but was [" + shown + "]";
    }

    // ---- one-value rules, shared by the Hazelcast validators and ZookeeperDiscoveryConfig ----

    /** A check of one value that reports what is allowed, or null when the value is fine. */
    @FunctionalInterface
    interface Rule {
        @Nullable
        String violation(String value);
    }

    static @Nullable String connectString(String value) {
        String hosts = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
        if (hosts.isBlank()) {
            return "must be host:port[,host:port...][/chroot]";
        }
        for (String hostPort : hosts.split(",", -1)) {
            if (hostAndPort(hostPort.trim()) != null && !isHost(hostPort.trim())) {
                return "must be host:port[,host:port...][/chroot]";
            }
        }
        String chroot = value.contains("/") ? value.substring(value.indexOf('/')) : "";
        if (!chroot.isEmpty() && absolutePath(chroot) != null) {
            return "must be host:port[,host:port...][/chroot] with a valid chroot path";
        }
        return null;
    }

    static @Nullable String absolutePath(String value) {
        if (!value.startsWith("/") || value.contains("//") || (value.length() > 1 && value.endsWith("/"))) {
            return "must be an absolute znode path like /gridkeeper (no empty segments, no trailing slash)";
        }
        for (String segment : value.substring(1).split("/", -1)) {
            if (value.length() > 1 && znodeName(segment) != null) {
                return "must be an absolute znode path whose segments are not '.', '..' or contain whitespace";
            }
        }
        return null;
    }

    static @Nullable String znodeName(String value) {
        if (value.isEmpty()
                || value.equals(".")
                || value.equals("..")
                || value.equals("zookeeper")
                || value.contains("/")
                || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "must be a non-empty znode name without '/', whitespace, '.', '..' or 'zookeeper'";
        }
        return null;
    }

    static @Nullable String label(String value) {
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            return "must be a non-blank label without control characters";
        }
        return null;
    }

    static @Nullable String authScheme(String value) {
        return AUTH_SCHEMES.contains(value) ? null : "must be one of [digest, sasl]";
    }

    static @Nullable String auth(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return "must be user:password (digest credentials, both parts non-empty)";
        }
        return null;
    }

    static @Nullable String acl(String value) {
        return ACL_MODES.contains(value) ? null : "must be one of [creator, open]";
    }

    static @Nullable String storeType(String value) {
        return STORE_TYPES.contains(value.toUpperCase(Locale.ROOT)) ? null : "must be one of [PKCS12, JKS, PEM]";
    }

    static @Nullable String hostAndPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return "must be host:port with a port in 1..65535";
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            return "must be host:port with a port in 1..65535";
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            return port >= 1 && port <= 65535 ? null : "must be host:port with a port in 1..65535";
        } catch (NumberFormatException e) {
            return "must be host:port with a port in 1..65535";
        }
    }

    private static boolean isHost(String value) {
        // a connect string entry may omit the port (ZooKeeper then uses 2181)
        return !value.isEmpty() && !value.contains(":") && value.chars().noneMatch(Character::isWhitespace);
    }

    static @Nullable String positive(int value) {
        return value > 0 ? null : "must be positive";
    }

    /**
     * A boolean written out: {@code true} or {@code false} in any case. Hazelcast's own converter reads anything else
     * ({@code yes}, {@code 1}) as false, which would silently turn TLS off.
     */
    static @Nullable String bool(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "must be true or false";
    }

    private static PropertyDefinition string(String key, Rule rule) {
        ValueValidator<String> validator = value -> {
            String violation = rule.violation(value);
            if (violation != null) {
                throw new ValidationException(invalid(key, value, violation));
            }
        };
        return new SimplePropertyDefinition(key, true, PropertyTypeConverter.STRING, validator);
    }

    private static PropertyDefinition positiveInt(String key, int max) {
        ValueValidator<Integer> validator = value -> {
            if (value <= 0) {
                throw new ValidationException(invalid(key, value, "must be positive"));
            }
            if (value > max) {
                throw new ValidationException(invalid(key, value, "must be at most " + max));
            }
        };
        return new SimplePropertyDefinition(key, true, PropertyTypeConverter.INTEGER, validator);
    }

    private static PropertyDefinition intInRange(String key, int min, int max) {
        ValueValidator<Integer> validator = value -> {
            if (value < min || value > max) {
                throw new ValidationException(invalid(key, value, "must be in " + min + ".." + max));
            }
        };
        return new SimplePropertyDefinition(key, true, PropertyTypeConverter.INTEGER, validator);
    }
}
