package io.gridkeeper.jcache.micronaut;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.jspecify.annotations.Nullable;

/**
 * The {@link CacheManager} bean: Gridkeeper's manager, plus the policy for caches that are neither listed under
 * {@code gridkeeper.jcache.caches} nor known to the cluster ({@link MissingCaches}). Micronaut's {@code JCacheManager}
 * asks it by name; {@link #getCache(String)} then creates the cache with the defaults or rejects it with a message
 * naming the cache and the setting. Every other call goes to the delegate. Thread-safe.
 */
public final class ConfiguredCacheManager implements CacheManager {

    private final CacheManager delegate;
    private final MissingCaches missingCaches;
    private final Supplier<MutableConfiguration<Object, Object>> defaults;
    private final List<String> configured;
    private final List<CacheCreationListener> listeners;

    ConfiguredCacheManager(
            CacheManager delegate,
            MissingCaches missingCaches,
            Supplier<MutableConfiguration<Object, Object>> defaults,
            List<String> configured,
            List<CacheCreationListener> listeners) {
        this.delegate = delegate;
        this.missingCaches = missingCaches;
        this.defaults = defaults;
        this.configured = configured.stream().sorted().toList();
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public <K, V> @Nullable Cache<K, V> getCache(String cacheName) {
        Cache<K, V> cache = delegate.getCache(cacheName);
        if (cache != null) {
            return cache;
        }
        if (missingCaches == MissingCaches.REJECT) {
            throw new CacheException("Cache [" + cacheName + "] is not configured: list it under [gridkeeper.jcache"
                    + ".caches." + cacheName + "] or set [gridkeeper.jcache.missing-caches=create]; configured caches: "
                    + configured);
        }
        try {
            @SuppressWarnings("unchecked")
            Cache<K, V> created = (Cache<K, V>) delegate.createCache(cacheName, defaults.get());
            listeners.forEach(listener -> listener.created(created));
            return created;
        } catch (CacheException e) {
            // created a moment ago by another thread of this application
            Cache<K, V> existing = delegate.getCache(cacheName);
            if (existing == null) {
                throw e;
            }
            return existing;
        }
    }

    @Override
    public <K, V> @Nullable Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
        return delegate.getCache(cacheName, keyType, valueType);
    }

    @Override
    public CachingProvider getCachingProvider() {
        return delegate.getCachingProvider();
    }

    @Override
    public URI getURI() {
        return delegate.getURI();
    }

    @Override
    public ClassLoader getClassLoader() {
        return delegate.getClassLoader();
    }

    @Override
    public Properties getProperties() {
        return delegate.getProperties();
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
        return delegate.createCache(cacheName, configuration);
    }

    @Override
    public Iterable<String> getCacheNames() {
        return delegate.getCacheNames();
    }

    @Override
    public void destroyCache(String cacheName) {
        delegate.destroyCache(cacheName);
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        delegate.enableManagement(cacheName, enabled);
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        delegate.enableStatistics(cacheName, enabled);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        return delegate.unwrap(clazz);
    }

    @Override
    public String toString() {
        return "ConfiguredCacheManager[" + getURI() + ", missing-caches="
                + missingCaches.name().toLowerCase(Locale.ROOT) + ", configured=" + configured + "]";
    }
}
