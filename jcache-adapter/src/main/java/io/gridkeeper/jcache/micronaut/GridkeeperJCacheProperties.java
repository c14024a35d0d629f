package io.gridkeeper.jcache.micronaut;

import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code gridkeeper.jcache} section of {@code application.yml}: where the caches live and what happens with
 * caches that are not listed.
 *
 * <pre>{@code
 * gridkeeper:
 *   jcache:
 *     mode: member                          # member (default) or client
 *     cluster-name: bookshelf               # Hazelcast cluster name (default: Hazelcast's, "dev")
 *     zookeeper-connect-string: zk1:2181    # find members through Gridkeeper's ZooKeeper discovery
 *     member-port: 5701                     # member mode: the port to bind (default 5701, auto-increment)
 *     config-location: classpath:hz.yaml    # instead of the keys above: a Hazelcast member/client configuration
 *     missing-caches: reject                # reject (default) or create caches that are not listed
 *     caches:
 *       books: { expiry: modified, expiry-duration: 10m }
 * }</pre>
 */
@ConfigurationProperties(GridkeeperJCacheProperties.PREFIX)
public final class GridkeeperJCacheProperties {

    /** The configuration prefix. */
    public static final String PREFIX = "gridkeeper.jcache";
    /** The default member port (Hazelcast's), tried with auto-increment. */
    public static final int DEFAULT_MEMBER_PORT = 5701;

    private URI uri = URI.create("gridkeeper:default");
    private ProviderProperties.Mode mode = ProviderProperties.Mode.MEMBER;
    private @Nullable String clusterName;
    private @Nullable String zookeeperConnectString;
    private @Nullable Integer memberPort;
    private @Nullable String configLocation;
    private boolean nearCache;
    private boolean statisticsEnabled = true;
    private MissingCaches missingCaches = MissingCaches.REJECT;
    private Map<String, String> hazelcastProperties = new LinkedHashMap<>();

    /** The CacheManager URI (default {@code gridkeeper:default}); it names the statistics MBeans too. */
    public URI getUri() {
        return uri;
    }

    public void setUri(URI uri) {
        this.uri = uri;
    }

    /** {@code member} (default): this application is a Hazelcast member; {@code client}: it connects to one. */
    public ProviderProperties.Mode getMode() {
        return mode;
    }

    public void setMode(ProviderProperties.Mode mode) {
        this.mode = mode;
    }

    public @Nullable String getClusterName() {
        return clusterName;
    }

    public void setClusterName(@Nullable String clusterName) {
        this.clusterName = clusterName;
    }

    /** ZooKeeper {@code host:port[,host:port...]}: members register there, clients look members up there. */
    public @Nullable String getZookeeperConnectString() {
        return zookeeperConnectString;
    }

    public void setZookeeperConnectString(@Nullable String zookeeperConnectString) {
        this.zookeeperConnectString = zookeeperConnectString;
    }

    /** Member mode: the port to bind; unset means 5701 with auto-increment. */
    public @Nullable Integer getMemberPort() {
        return memberPort;
    }

    public void setMemberPort(@Nullable Integer memberPort) {
        this.memberPort = memberPort;
    }

    /** A Hazelcast member or client configuration ({@code classpath:...}, a path or {@code file:} URI). */
    public @Nullable String getConfigLocation() {
        return configLocation;
    }

    public void setConfigLocation(@Nullable String configLocation) {
        this.configLocation = configLocation;
    }

    /** A near cache for reads of every cache (default {@code false}). */
    public boolean isNearCache() {
        return nearCache;
    }

    public void setNearCache(boolean nearCache) {
        this.nearCache = nearCache;
    }

    /** Statistics for caches that do not say (default {@code true}: Micrometer's JCache metrics need them). */
    public boolean isStatisticsEnabled() {
        return statisticsEnabled;
    }

    public void setStatisticsEnabled(boolean statisticsEnabled) {
        this.statisticsEnabled = statisticsEnabled;
    }

    /** Caches neither listed nor known to the cluster: {@code reject} (default) or {@code create}. */
    public MissingCaches getMissingCaches() {
        return missingCaches;
    }

    public void setMissingCaches(MissingCaches missingCaches) {
        this.missingCaches = missingCaches;
    }

    /** Hazelcast properties for the member or client the factory starts, e.g. {@code hazelcast.logging.type}. */
    public Map<String, String> getHazelcastProperties() {
        return hazelcastProperties;
    }

    public void setHazelcastProperties(
            @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, String> hazelcastProperties) {
        this.hazelcastProperties = new LinkedHashMap<>(hazelcastProperties);
    }

    @Override
    public String toString() {
        return "gridkeeper.jcache[uri=" + uri + ", mode=" + mode + ", cluster-name=" + clusterName
                + ", zookeeper-connect-string=" + zookeeperConnectString + ", member-port=" + memberPort
                + ", config-location=" + configLocation + ", near-cache=" + nearCache + ", statistics-enabled="
                + statisticsEnabled + ", missing-caches=" + missingCaches + "]";
    }
}
