package io.gridkeeper.jcache.configuration;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import java.util.logging.Level;
import javax.cache.configuration.MutableConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Cluster-wide registry of cache configurations, an IMap named {@value #MAP_NAME}, so that every member and client
 * opening a cache sees the configuration it was created with.
 *
 * <p>Configurations whose factories are not serializable are stored without those factories (types, statistics,
 * management and store-by-value flags only); the creating manager keeps its full configuration.
 */
public final class CacheConfigRegistry {

    /** The IMap holding one {@link CacheDescriptor} per cache name. */
    public static final String MAP_NAME = "__gridkeeper.jcache.configs";

    private static final ILogger LOG = Logger.getLogger(CacheConfigRegistry.class);

    private final IMap<String, CacheDescriptor> map;

    public CacheConfigRegistry(HazelcastInstance instance) {
        this.map = instance.getMap(MAP_NAME);
    }

    /** Registers the descriptor unless one exists; returns the existing one, or null when registered. */
    public @Nullable CacheDescriptor putIfAbsent(String name, CacheDescriptor descriptor) {
        try {
            return map.putIfAbsent(name, descriptor);
        } catch (HazelcastSerializationException e) {
            LOG.log(
                    Level.FINE,
                    "configuration of cache [" + name + "] is not serializable, registering its types and flags only",
                    e);
            return map.putIfAbsent(
                    name, new CacheDescriptor(stripped(descriptor.configuration()), descriptor.preExistingMap()));
        }
    }

    /** The descriptor of a cache, or null. */
    public @Nullable CacheDescriptor get(String name) {
        return map.get(name);
    }

    /** Forgets a cache. */
    public void remove(String name) {
        map.delete(name);
    }

    private static <K, V> MutableConfiguration<K, V> stripped(MutableConfiguration<K, V> configuration) {
        return new MutableConfiguration<K, V>()
                .setTypes(configuration.getKeyType(), configuration.getValueType())
                .setStatisticsEnabled(configuration.isStatisticsEnabled())
                .setManagementEnabled(configuration.isManagementEnabled())
                .setStoreByValue(configuration.isStoreByValue())
                .setReadThrough(false)
                .setWriteThrough(false);
    }
}
