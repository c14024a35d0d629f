package io.gridkeeper.jcache;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.configuration.CacheConfigRegistry;
import io.gridkeeper.jcache.configuration.CacheDescriptor;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.gridkeeper.jcache.event.ClusterEventBus;
import io.gridkeeper.jcache.event.ListenerDirectory;
import io.gridkeeper.jcache.instance.InstanceHandle;
import io.gridkeeper.jcache.instance.InstanceRegistry;
import io.gridkeeper.jcache.management.CacheStatistics;
import io.gridkeeper.jcache.management.ClusterStatistics;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.jspecify.annotations.Nullable;

/**
 * A JSR-107 {@link CacheManager} whose caches are views over the IMaps of one Hazelcast instance.
 *
 * <p>The IMap of a cache has the cache's name. Configurations are registered cluster-wide ({@link
 * CacheConfigRegistry}); {@link #getCache(String)} also opens an IMap that exists without a JSR-107 configuration.
 * {@link #close()} closes the caches and never destroys data; it shuts down the Hazelcast instance only when the
 * provider started it and no other manager uses it. Thread-safe.
 */
public final class GridkeeperCacheManager implements CacheManager {

    private final GridkeeperCachingProvider provider;
    private final URI uri;
    private final ClassLoader classLoader;
    private final Properties properties;
    private final InstanceHandle handle;
    private final CacheConfigRegistry registry;
    private final boolean nearCache;
    private final boolean destroyExistingMaps;
    private final ConcurrentMap<String, GridkeeperCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable ListenerDirectory directory;
    private @Nullable ClusterStatistics statistics;

    public GridkeeperCacheManager(
            GridkeeperCachingProvider provider,
            URI uri,
            ClassLoader classLoader,
            Properties properties,
            InstanceRegistry instances) {
        this.provider = provider;
        this.uri = uri;
        this.classLoader = classLoader;
        this.properties = properties;
        this.handle = instances.acquire(uri, classLoader, properties);
        this.registry = new CacheConfigRegistry(handle.instance());
        this.nearCache = ProviderProperties.flag(properties, ProviderProperties.NEAR_CACHE);
        this.destroyExistingMaps = ProviderProperties.flag(properties, ProviderProperties.DESTROY_EXISTING_MAPS);
    }

    @Override
    public CachingProvider getCachingProvider() {
        return provider;
    }

    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
        ensureOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        Objects.requireNonNull(configuration, "configuration");
        MutableConfiguration<K, V> copy = copyOf(configuration);
        synchronized (caches) {
            if (caches.containsKey(cacheName)) {
                throw new CacheException("Cache " + cacheName + " already exists");
            }
            boolean preExisting = mapExists(cacheName);
            CacheDescriptor existing = registry.putIfAbsent(cacheName, new CacheDescriptor(copy, preExisting));
            // Another manager (another class loader, member or client) created it first: the caches share the IMap,
            // this view keeps its own configuration, and the registered one stays what getCache elsewhere sees.
            boolean mapPreExisted = existing == null ? preExisting : existing.preExistingMap();
            GridkeeperCache<K, V> cache = open(cacheName, copy, mapPreExisted);
            caches.put(cacheName, cache);
            return cache;
        }
    }

    @Override
    public <K, V> @Nullable Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
        ensureOpen();
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Cache<K, V> cache = lookup(cacheName);
        if (cache == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        CompleteConfiguration<K, V> configuration = cache.getConfiguration(CompleteConfiguration.class);
        if (!configuration.getKeyType().equals(keyType)) {
            throw new ClassCastException("Cache " + cacheName + " has key type ["
                    + configuration.getKeyType().getName() + "] but [" + keyType.getName() + "] was requested");
        }
        if (!configuration.getValueType().equals(valueType)) {
            throw new ClassCastException("Cache " + cacheName + " has value type ["
                    + configuration.getValueType().getName() + "] but [" + valueType.getName() + "] was requested");
        }
        return cache;
    }

    @Override
    public <K, V> @Nullable Cache<K, V> getCache(String cacheName) {
        ensureOpen();
        return lookup(cacheName);
    }

    @SuppressWarnings("unchecked")
    private <K, V> @Nullable Cache<K, V> lookup(String cacheName) {
        Objects.requireNonNull(cacheName, "cacheName");
        GridkeeperCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            return (Cache<K, V>) cache;
        }
        synchronized (caches) {
            cache = caches.get(cacheName);
            if (cache != null) {
                return (Cache<K, V>) cache;
            }
            CacheDescriptor descriptor = registry.get(cacheName);
            GridkeeperCache<K, V> opened;
            if (descriptor != null) {
                opened = open(
                        cacheName,
                        new MutableConfiguration<>((MutableConfiguration<K, V>) descriptor.configuration()),
                        descriptor.preExistingMap());
            } else if (mapExists(cacheName)) {
                opened = open(cacheName, new MutableConfiguration<>(), true);
            } else {
                return null;
            }
            caches.put(cacheName, opened);
            return opened;
        }
    }

    @Override
    public Iterable<String> getCacheNames() {
        ensureOpen();
        return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
    }

    @Override
    public void destroyCache(String cacheName) {
        ensureOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        GridkeeperCache<?, ?> cache;
        synchronized (caches) {
            cache = caches.remove(cacheName);
        }
        CacheDescriptor descriptor = registry.get(cacheName);
        boolean preExisting =
                cache != null ? cache.isPreExistingMap() : descriptor != null && descriptor.preExistingMap();
        if (cache != null) {
            cache.closeView();
        }
        if (cache == null && descriptor == null) {
            return;
        }
        registry.remove(cacheName);
        synchronized (caches) {
            if (statistics != null) {
                statistics.forgetCache(cacheName);
            }
        }
        IMap<Object, Object> map = handle.instance().getMap(cacheName);
        if (!preExisting || destroyExistingMaps) {
            map.destroy();
        }
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        ensureOpen();
        GridkeeperCache<?, ?> cache = caches.get(Objects.requireNonNull(cacheName, "cacheName"));
        if (cache != null) {
            cache.setManagementEnabled(enabled);
        }
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        ensureOpen();
        GridkeeperCache<?, ?> cache = caches.get(Objects.requireNonNull(cacheName, "cacheName"));
        if (cache != null) {
            cache.setStatisticsEnabled(enabled);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        provider.release(this);
        List<GridkeeperCache<?, ?>> open;
        synchronized (caches) {
            open = new ArrayList<>(caches.values());
            caches.clear();
        }
        RuntimeException failure = null;
        for (GridkeeperCache<?, ?> cache : open) {
            try {
                cache.closeView();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        synchronized (caches) {
            if (directory != null) {
                directory.close();
            }
            if (statistics != null) {
                statistics.close();
            }
        }
        handle.release();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        if (clazz.isInstance(handle.instance())) {
            return clazz.cast(handle.instance());
        }
        throw new IllegalArgumentException("Cannot unwrap CacheManager " + uri + " to [" + clazz.getName()
                + "]; supported: GridkeeperCacheManager, HazelcastInstance");
    }

    /** The Hazelcast member or client holding the caches. */
    public HazelcastInstance getHazelcastInstance() {
        return handle.instance();
    }

    /** The event bus of a new view of the cache. */
    ClusterEventBus eventBus(String cacheName) {
        synchronized (caches) {
            if (directory == null) {
                directory = new ListenerDirectory(handle.instance());
            }
            return new ClusterEventBus(directory, cacheName, ClusterEventBus.DEFAULT_ACK_TIMEOUT);
        }
    }

    /** The cluster-wide statistics MXBean of a new view of the cache. */
    ClusterStatistics.View statisticsView(String cacheName, CacheStatistics local) {
        synchronized (caches) {
            if (statistics == null) {
                statistics = new ClusterStatistics(handle.instance());
            }
            return statistics.view(cacheName, local);
        }
    }

    /** Called by a cache that was closed by the application. */
    void forget(GridkeeperCache<?, ?> cache) {
        caches.remove(cache.getName(), cache);
    }

    private <K, V> GridkeeperCache<K, V> open(
            String name, MutableConfiguration<K, V> configuration, boolean preExisting) {
        return new GridkeeperCache<>(this, name, configuration, handle, preExisting, nearCache);
    }

    private boolean mapExists(String name) {
        for (DistributedObject object : handle.instance().getDistributedObjects()) {
            if (name.equals(object.getName()) && object instanceof IMap) {
                return true;
            }
        }
        return false;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("CacheManager " + uri + " is closed");
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, V> MutableConfiguration<K, V> copyOf(Configuration<K, V> configuration) {
        if (configuration instanceof CompleteConfiguration<K, V> complete) {
            return new MutableConfiguration<>(complete);
        }
        MutableConfiguration<K, V> copy = new MutableConfiguration<>();
        copy.setTypes(configuration.getKeyType(), configuration.getValueType());
        copy.setStoreByValue(configuration.isStoreByValue());
        return copy;
    }
}
