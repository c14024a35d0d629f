package io.gridkeeper.jcache;

import com.hazelcast.core.EntryView;
import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.event.EventDispatcher;
import io.gridkeeper.jcache.expiry.ExpiryCalculator;
import io.gridkeeper.jcache.integration.CacheIntegration;
import io.gridkeeper.jcache.management.CacheStatistics;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How a cache view changes its IMap when one IMap call is not enough: under the key's cluster-wide lock, with the
 * expiry policy's TTLs, write-through and the events each change produces. Thread-safe.
 */
final class EntryStore<K, V> {

    private final IMap<K, V> map;
    private final ExpiryCalculator expiry;
    private final CacheIntegration<K, V> integration;
    private final CacheStatistics statistics;
    private final boolean readsMayTrail;

    /**
     * @param readsMayTrail whether a plain get may answer from a copy behind the owner's (a near cache, or
     *     {@code read-backup-data} on a member): reads under the lock must then go to the owner
     */
    EntryStore(
            IMap<K, V> map,
            ExpiryCalculator expiry,
            CacheIntegration<K, V> integration,
            CacheStatistics statistics,
            boolean readsMayTrail) {
        this.map = map;
        this.expiry = expiry;
        this.integration = integration;
        this.statistics = statistics;
        this.readsMayTrail = readsMayTrail;
    }

    /** Whether operations can be single IMap calls: no writer to call first and no TTL to compute. */
    boolean isDirect() {
        return !integration.writesThrough() && expiry.isEternal();
    }

    /**
     * The value as the partition owner holds it, for reads under the key's lock: a near cache or a backup replica
     * ({@code read-backup-data}) may not have seen another member's change yet, and a stale read there would lose
     * that change.
     */
    @Nullable
    V lockedValue(K key) {
        if (!readsMayTrail) {
            return map.get(key);
        }
        EntryView<K, V> view = map.getEntryView(key);
        return view == null ? null : view.getValue();
    }

    /** Runs the body holding the key's cluster-wide lock. */
    <R> R locked(K key, Supplier<R> body) {
        map.lock(key);
        try {
            return body.get();
        } finally {
            map.unlock(key);
        }
    }

    /** Under the key's lock: writes through (when asked), stores, records the event; returns the old value. */
    @Nullable
    V putLocked(K key, V value, EventDispatcher<K, V>.Batch batch, boolean write) {
        V old = lockedValue(key);
        if (write) {
            integration.write(key, value);
        }
        if (old == null) {
            if (storeNew(key, value, batch)) {
                statistics.puts(1);
            }
        } else {
            storeUpdate(key, value, old, batch);
            statistics.puts(1);
        }
        return old;
    }

    /**
     * Under the key's lock: when the entry holds {@code expected}, runs {@code onMatch} with the current value and
     * returns true; otherwise applies the access expiry to a present entry and returns false. Counts the read.
     */
    boolean ifValueEquals(K key, V expected, EventDispatcher<K, V>.Batch batch, Consumer<V> onMatch) {
        return locked(key, () -> {
            V current = lockedValue(key);
            statistics.read(current != null);
            if (current == null) {
                return false;
            }
            if (!current.equals(expected)) {
                touch(key, current, batch);
                return false;
            }
            onMatch.accept(current);
            return true;
        });
    }

    /** Records the event of a put whose old value the IMap returned. */
    static <K, V> void recordPut(K key, V value, @Nullable V old, EventDispatcher<K, V>.Batch batch) {
        if (old == null) {
            batch.created(key, value);
        } else {
            batch.updated(key, value, old);
        }
    }

    /** Stores a value on an absent entry with the creation expiry; returns false when it expired at once. */
    boolean storeNew(K key, V value, EventDispatcher<K, V>.Batch batch) {
        long ttl = expiry.forCreation();
        if (ttl == ExpiryCalculator.EXPIRE_NOW) {
            return false;
        }
        map.set(key, value, ttl, TimeUnit.MILLISECONDS);
        batch.created(key, value);
        return true;
    }

    /** Stores a value over a present entry with the update expiry. */
    void storeUpdate(K key, V value, V old, EventDispatcher<K, V>.Batch batch) {
        long ttl = expiry.forUpdate();
        if (ttl == ExpiryCalculator.EXPIRE_NOW) {
            map.delete(key);
            batch.expired(key, old);
            return;
        }
        if (ttl == ExpiryCalculator.UNCHANGED) {
            ttl = expiry.isEternal() ? ExpiryCalculator.ETERNAL : remainingTtl(key);
        }
        map.set(key, value, ttl, TimeUnit.MILLISECONDS);
        batch.updated(key, value, old);
    }

    /** Stores a loaded value unless a value is present; returns the value the cache holds. */
    V storeLoaded(K key, V value, EventDispatcher<K, V>.Batch batch) {
        long ttl = expiry.forCreation();
        if (ttl == ExpiryCalculator.EXPIRE_NOW) {
            return value;
        }
        V prior = map.putIfAbsent(key, value, ttl, TimeUnit.MILLISECONDS);
        if (prior != null) {
            return prior;
        }
        batch.created(key, value);
        return value;
    }

    /** Under the key's lock: stores a loaded value, replacing a present one. */
    void storeReplacingLoaded(K key, V value, EventDispatcher<K, V>.Batch batch) {
        locked(key, () -> {
            V old = lockedValue(key);
            if (old == null) {
                storeNew(key, value, batch);
            } else {
                storeUpdate(key, value, old, batch);
            }
            return null;
        });
    }

    /** Reads an absent entry through the loader and stores it; null when read-through is off or nothing loaded. */
    @Nullable
    V loadThrough(K key, EventDispatcher<K, V>.Batch batch) {
        V loaded = integration.readThrough(key);
        return loaded == null ? null : storeLoaded(key, loaded, batch);
    }

    /** Applies the access expiry to an entry that was read. */
    void touch(K key, V value, EventDispatcher<K, V>.Batch batch) {
        if (expiry.isEternal()) {
            return;
        }
        long ttl = expiry.forAccess();
        if (ttl == ExpiryCalculator.UNCHANGED) {
            return;
        }
        if (ttl == ExpiryCalculator.EXPIRE_NOW) {
            if (map.remove(key, value)) {
                batch.expired(key, value);
            }
            return;
        }
        map.setTtl(key, ttl, TimeUnit.MILLISECONDS);
    }

    private long remainingTtl(K key) {
        EntryView<K, V> view = map.getEntryView(key);
        if (view == null || view.getExpirationTime() <= 0 || view.getExpirationTime() == Long.MAX_VALUE) {
            return ExpiryCalculator.ETERNAL;
        }
        return Math.max(1, view.getExpirationTime() - System.currentTimeMillis());
    }
}
