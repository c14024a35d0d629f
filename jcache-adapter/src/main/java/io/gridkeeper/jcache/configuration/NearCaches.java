package io.gridkeeper.jcache.configuration;

import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;

/**
 * Turns on Hazelcast's near cache for the IMap of a cache, before its proxy is created.
 *
 * <p>Values are kept serialized ({@code BINARY}), so reads still return copies (store-by-value); entries are
 * invalidated when the map changes anywhere in the cluster. On a member, local entries are cached too.
 */
public final class NearCaches {

    private static final ILogger LOG = Logger.getLogger(NearCaches.class);

    private NearCaches() {}

    /** Whether the instance's proxies of the map have a near cache (configured here or by the user). */
    public static boolean isEnabled(HazelcastInstance instance, String mapName) {
        if (instance instanceof HazelcastClientProxy client) {
            return client.getClientConfig().getNearCacheConfig(mapName) != null;
        }
        return instance.getConfig().findMapConfig(mapName).getNearCacheConfig() != null;
    }

    /**
     * Whether a plain {@code IMap.get} of the map may answer from a copy other than the partition owner's: a near
     * cache, or on a member Hazelcast's {@code read-backup-data}, which reads a local backup replica (behind the owner
     * while a write is being applied, and by more with asynchronous backups).
     */
    public static boolean readsMayTrailTheOwner(HazelcastInstance instance, String mapName) {
        if (isEnabled(instance, mapName)) {
            return true;
        }
        return !(instance instanceof HazelcastClientProxy)
                && instance.getConfig().findMapConfig(mapName).isReadBackupData();
    }

    /** Configures a near cache for the map unless one is configured already. */
    public static void enable(HazelcastInstance instance, String mapName) {
        NearCacheConfig nearCache = new NearCacheConfig(mapName)
                .setInMemoryFormat(InMemoryFormat.BINARY)
                .setInvalidateOnChange(true);
        if (instance instanceof HazelcastClientProxy client) {
            if (client.getClientConfig().getNearCacheConfig(mapName) == null) {
                client.getClientConfig().addNearCacheConfig(nearCache);
            }
            return;
        }
        MapConfig existing = instance.getConfig().findMapConfig(mapName);
        if (existing.getNearCacheConfig() != null) {
            return;
        }
        MapConfig withNearCache = new MapConfig(existing).setName(mapName);
        withNearCache.setNearCacheConfig(nearCache.setCacheLocalEntries(true));
        try {
            instance.getConfig().addMapConfig(withNearCache);
        } catch (InvalidConfigurationException e) {
            LOG.warning("cache [" + mapName + "]: cannot add a near cache to the map's configuration (" + e.getMessage()
                    + "); configure it in the member's map configuration instead");
        }
    }
}
