package io.gridkeeper.jcache;

import io.gridkeeper.jcache.instance.InstanceRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import org.jspecify.annotations.Nullable;

/**
 * The JSR-107 {@link CachingProvider} whose caches are views over Hazelcast {@code IMap}s.
 *
 * <p>Select it by class name ({@code io.gridkeeper.jcache.GridkeeperCachingProvider}), since Hazelcast's own jar
 * registers a provider as well. Cache managers are scoped per class loader and URI; their Hazelcast instance is chosen
 * by the URI and the properties (see {@link io.gridkeeper.jcache.configuration.ProviderProperties}). Thread-safe.
 */
public final class GridkeeperCachingProvider implements CachingProvider {

    /** The default URI: caches in the Hazelcast instance chosen by the properties alone. */
    public static final URI DEFAULT_URI = URI.create("gridkeeper:default");

    private final Map<ClassLoader, Map<URI, GridkeeperCacheManager>> managers = new WeakHashMap<>();
    private final InstanceRegistry instances = new InstanceRegistry();

    @Override
    public CacheManager getCacheManager(
            @Nullable URI uri, @Nullable ClassLoader classLoader, @Nullable Properties properties) {
        URI managerUri = uri == null ? getDefaultURI() : uri;
        ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
        Properties managerProperties = properties == null ? new Properties() : properties;
        synchronized (managers) {
            Map<URI, GridkeeperCacheManager> byUri = managers.computeIfAbsent(loader, key -> new java.util.HashMap<>());
            GridkeeperCacheManager manager = byUri.get(managerUri);
            if (manager == null || manager.isClosed()) {
                manager = new GridkeeperCacheManager(this, managerUri, loader, managerProperties, instances);
                byUri.put(managerUri, manager);
            }
            return manager;
        }
    }

    /** Forgets a closed manager; called by {@link GridkeeperCacheManager#close()}. */
    public void release(GridkeeperCacheManager manager) {
        synchronized (managers) {
            Map<URI, GridkeeperCacheManager> byUri = managers.get(manager.getClassLoader());
            if (byUri != null && byUri.get(manager.getURI()) == manager) {
                byUri.remove(manager.getURI());
                if (byUri.isEmpty()) {
                    managers.remove(manager.getClassLoader());
                }
            }
        }
    }

    @Override
    public ClassLoader getDefaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context == null ? GridkeeperCachingProvider.class.getClassLoader() : context;
    }

    @Override
    public URI getDefaultURI() {
        return DEFAULT_URI;
    }

    @Override
    public Properties getDefaultProperties() {
        return new Properties();
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
        return getCacheManager(uri, classLoader, getDefaultProperties());
    }

    @Override
    public CacheManager getCacheManager() {
        return getCacheManager(getDefaultURI(), getDefaultClassLoader(), getDefaultProperties());
    }

    @Override
    public void close() {
        List<GridkeeperCacheManager> toClose = new ArrayList<>();
        synchronized (managers) {
            managers.values().forEach(byUri -> toClose.addAll(byUri.values()));
            managers.clear();
        }
        toClose.forEach(GridkeeperCacheManager::close);
    }

    @Override
    public void close(ClassLoader classLoader) {
        ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
        List<GridkeeperCacheManager> toClose = new ArrayList<>();
        synchronized (managers) {
            Map<URI, GridkeeperCacheManager> byUri = managers.remove(loader);
            if (byUri != null) {
                toClose.addAll(byUri.values());
            }
        }
        toClose.forEach(GridkeeperCacheManager::close);
    }

    @Override
    public void close(URI uri, ClassLoader classLoader) {
        URI managerUri = uri == null ? getDefaultURI() : uri;
        ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
        GridkeeperCacheManager manager;
        synchronized (managers) {
            Map<URI, GridkeeperCacheManager> byUri = managers.get(loader);
            manager = byUri == null ? null : byUri.remove(managerUri);
            if (byUri != null && byUri.isEmpty()) {
                managers.remove(loader);
            }
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Override
    public boolean isSupported(OptionalFeature optionalFeature) {
        return false;
    }
}
