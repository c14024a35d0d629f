package io.gridkeeper.jcache.event;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/** An event about one entry; the old value is available for updates, removals and expiries. */
public final class GridkeeperCacheEntryEvent<K, V> extends CacheEntryEvent<K, V> {

    private static final long serialVersionUID = 1L;

    private final K key;
    private final @Nullable V value;
    private final @Nullable V oldValue;
    private final boolean oldValueAvailable;

    public GridkeeperCacheEntryEvent(
            Cache<K, V> source, EventType type, K key, @Nullable V value, @Nullable V oldValue, boolean oldAvailable) {
        super(source, type);
        this.key = key;
        this.value = value;
        this.oldValue = oldValue;
        this.oldValueAvailable = oldAvailable;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public @Nullable V getValue() {
        return value;
    }

    @Override
    public @Nullable V getOldValue() {
        return oldValue;
    }

    @Override
    public boolean isOldValueAvailable() {
        return oldValueAvailable;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        throw new IllegalArgumentException("Cannot unwrap a cache entry event to [" + clazz.getName() + "]");
    }

    @Override
    public String toString() {
        return "CacheEntryEvent{" + getEventType() + ", key=" + key + "}";
    }
}
