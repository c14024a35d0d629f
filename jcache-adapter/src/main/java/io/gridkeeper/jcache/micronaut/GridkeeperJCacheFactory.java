package io.gridkeeper.jcache.micronaut;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import io.gridkeeper.jcache.GridkeeperCachingProvider;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.gridkeeper.jcache.instance.ConfigLocations;
import io.gridkeeper.jcache.instance.IndeterminateWrites;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * Creates the Hazelcast member or client (unless the application already has a {@link HazelcastInstance} bean, which is
 * then reused) and Gridkeeper's JSR-107 {@link CacheManager} on it, from {@link GridkeeperJCacheProperties} and the
 * caches listed as {@link GridkeeperCacheSettings}. micronaut-cache's {@code JCacheManager} picks the manager up.
 *
 * <p>Lifecycle: both beans are created when the application context starts (the member joins its cluster and a
 * configuration error fails the start, not the first request); the listed caches are opened (created when the cluster does not know them) before the bean is
 * published, so Micrometer's JCache binders see them; on shutdown the manager is closed (no data is destroyed), then
 * the instance this factory started is shut down. Disable with {@code gridkeeper.jcache.enabled=false}.
 */
@Factory
@Requires(property = GridkeeperJCacheProperties.PREFIX + ".enabled", notEquals = "false")
public final class GridkeeperJCacheFactory {

    private static final ILogger LOGGER = Logger.getLogger(GridkeeperJCacheFactory.class);

    /** The Hazelcast member or client holding the caches; not created when the application has one. */
    @Context
    @Bean(preDestroy = "shutdown")
    @Requires(missingBeans = HazelcastInstance.class)
    HazelcastInstance gridkeeperHazelcastInstance(GridkeeperJCacheProperties properties) {
        LOGGER.info("Starting the Hazelcast " + properties.getMode().name().toLowerCase(Locale.ROOT)
                + " for Gridkeeper's caches: " + properties);
        ClassLoader classLoader = GridkeeperJCacheFactory.class.getClassLoader();
        if (properties.getMode() == ProviderProperties.Mode.CLIENT) {
            return HazelcastClient.newHazelcastClient(clientConfig(properties, classLoader));
        }
        return Hazelcast.newHazelcastInstance(memberConfig(properties, classLoader));
    }

    /** Gridkeeper's cache manager on {@code instance}, with the listed caches open. */
    @Context
    @Bean(preDestroy = "close")
    CacheManager gridkeeperCacheManager(
            GridkeeperJCacheProperties properties,
            List<GridkeeperCacheSettings> caches,
            HazelcastInstance instance,
            List<CacheCreationListener> listeners) {
        ClassLoader classLoader = GridkeeperJCacheFactory.class.getClassLoader();
        Properties providerProperties = new Properties();
        providerProperties.put(ProviderProperties.INSTANCE_ITSELF, instance);
        providerProperties.setProperty(ProviderProperties.NEAR_CACHE, Boolean.toString(properties.isNearCache()));
        URI uri = properties.getUri();
        CacheManager manager = Caching.getCachingProvider(GridkeeperCachingProvider.class.getName(), classLoader)
                .getCacheManager(uri, classLoader, providerProperties);
        if (manager.unwrap(HazelcastInstance.class) != instance) {
            throw new ConfigurationException("CacheManager [" + uri + "] already exists in this JVM on another"
                    + " Hazelcast instance; give this application its own [" + GridkeeperJCacheProperties.PREFIX
                    + ".uri]");
        }
        List<String> names = new ArrayList<>();
        for (GridkeeperCacheSettings settings : caches) {
            MutableConfiguration<Object, Object> configuration =
                    settings.toConfiguration(properties.isStatisticsEnabled());
            if (manager.getCache(settings.getName()) == null) {
                manager.createCache(settings.getName(), configuration);
            }
            names.add(settings.getName());
        }
        LOGGER.info("Gridkeeper CacheManager [" + uri + "] ready with caches " + names + ", missing caches: "
                + properties.getMissingCaches().name().toLowerCase(Locale.ROOT));
        return new ConfiguredCacheManager(
                manager,
                properties.getMissingCaches(),
                () -> new MutableConfiguration<>().setStatisticsEnabled(properties.isStatisticsEnabled()),
                names,
                listeners);
    }

    static Config memberConfig(GridkeeperJCacheProperties properties, ClassLoader classLoader) {
        String location = properties.getConfigLocation();
        Config config;
        try {
            config = location == null ? new Config() : ConfigLocations.member(location, classLoader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(
                    "Property '" + GridkeeperJCacheProperties.PREFIX + ".config-location' names a member"
                            + " configuration that cannot be read [" + location + "]: " + e.getMessage(),
                    e);
        }
        if (properties.getClusterName() != null) {
            config.setClusterName(properties.getClusterName());
        }
        properties.getHazelcastProperties().forEach(config::setProperty);
        Integer port = properties.getMemberPort();
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new ConfigurationException("Property '" + GridkeeperJCacheProperties.PREFIX
                        + ".member-port' must be in [1, 65535] but was [" + port + "]");
            }
            config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        }
        String connectString = properties.getZookeeperConnectString();
        if (connectString != null) {
            config.setProperty("hazelcast.discovery.enabled", "true");
            JoinConfig join = config.getNetworkConfig().getJoin();
            join.getAutoDetectionConfig().setEnabled(false);
            join.getMulticastConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(false);
            join.getDiscoveryConfig().addDiscoveryStrategyConfig(zookeeperDiscovery(connectString));
        }
        return IndeterminateWrites.failByDefault(config);
    }

    static ClientConfig clientConfig(GridkeeperJCacheProperties properties, ClassLoader classLoader) {
        String location = properties.getConfigLocation();
        ClientConfig config;
        try {
            config = location == null ? new ClientConfig() : ConfigLocations.client(location, classLoader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(
                    "Property '" + GridkeeperJCacheProperties.PREFIX + ".config-location' names a client"
                            + " configuration that cannot be read [" + location + "]: " + e.getMessage(),
                    e);
        }
        if (properties.getClusterName() != null) {
            config.setClusterName(properties.getClusterName());
        }
        properties.getHazelcastProperties().forEach(config::setProperty);
        String connectString = properties.getZookeeperConnectString();
        if (connectString != null) {
            config.setProperty("hazelcast.discovery.enabled", "true");
            config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
            config.getNetworkConfig()
                    .getDiscoveryConfig()
                    .addDiscoveryStrategyConfig(zookeeperDiscovery(connectString));
        }
        return IndeterminateWrites.failByDefault(config);
    }

    private static DiscoveryStrategyConfig zookeeperDiscovery(String connectString) {
        return new DiscoveryStrategyConfig(
                new ZookeeperDiscoveryStrategyFactory(), Map.of("connect-string", connectString));
    }
}
