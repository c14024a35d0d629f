package io.gridkeeper.jcache;

import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.configuration.NearCaches;
import io.gridkeeper.jcache.event.EventDispatcher;
import io.gridkeeper.jcache.event.MapExpiryWatch;
import io.gridkeeper.jcache.expiry.ExpiryCalculator;
import io.gridkeeper.jcache.instance.InstanceHandle;
import io.gridkeeper.jcache.integration.CacheIntegration;
import io.gridkeeper.jcache.integration.Closeables;
import io.gridkeeper.jcache.management.CacheConfigurationBean;
import io.gridkeeper.jcache.management.CacheStatistics;
import io.gridkeeper.jcache.management.ClusterStatistics;
import io.gridkeeper.jcache.management.JmxRegistration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.management.CacheStatisticsMXBean;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;
import org.jspecify.annotations.Nullable;

/**
 * A JSR-107 {@link Cache} that is a view over the Hazelcast IMap of the same name.
 *
 * <p>Values are stored as they are (IMap users, SQL and Management Center see the same entries); expiry uses the
 * IMap's per-entry TTL. Operations without a writer and with eternal expiry are a single IMap call; the others run in
 * the caller under the key's cluster-wide lock ({@link EntryStore}), which also makes entry processors atomic whether
 * or not they are serializable ({@link EntryProcessors}). Loaders and writers are {@link CacheIntegration}'s, bulk
 * loads {@link BulkLoader}'s; listeners run in the calling thread before the call returns ({@link EventDispatcher}).
 * Thread-safe.
 */
public final class GridkeeperCache<K, V> implements Cache<K, V> {

    private final GridkeeperCacheManager manager;
    private final String name;
    private final IMap<K, V> map;
    private final MutableConfiguration<K, V> configuration;
    private final ExpiryCalculator expiry;
    private final CacheIntegration<K, V> integration;
    private final EventDispatcher<K, V> events;
    private final MapExpiryWatch<K, V> expiryWatch;
    private final CacheStatistics statistics;
    private final ClusterStatistics.View clusterStatistics;
    private final CacheGuard<K, V> guard;
    private final EntryStore<K, V> store;
    private final EntryProcessors<K, V> processors;
    private final BulkLoader<K, V> loader;
    private final boolean preExistingMap;
    private final AtomicBoolean closed = new AtomicBoolean();

    GridkeeperCache(
            GridkeeperCacheManager manager,
            String name,
            MutableConfiguration<K, V> configuration,
            InstanceHandle handle,
            boolean preExistingMap,
            boolean nearCache) {
        this.manager = manager;
        this.name = name;
        this.configuration = configuration;
        this.preExistingMap = preExistingMap;
        Factory<ExpiryPolicy> expiryFactory = configuration.getExpiryPolicyFactory();
        ExpiryPolicy policy = expiryFactory == null ? null : expiryFactory.create();
        this.expiry = new ExpiryCalculator(policy == null ? new EternalExpiryPolicy() : policy);
        // Hazelcast's near cache is not invalidated when an entry's TTL runs out: only eternal caches get one
        if (nearCache && expiry.isEternal()) {
            NearCaches.enable(handle.instance(), name);
        }
        boolean readsMayTrail = NearCaches.readsMayTrailTheOwner(handle.instance(), name);
        this.map = handle.instance().getMap(name);
        this.integration = new CacheIntegration<>(configuration);
        this.events = new EventDispatcher<>(this, manager.eventBus(name));
        for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
            events.register(listener);
        }
        this.expiryWatch = new MapExpiryWatch<>(map, events, name);
        expiryWatch.update();
        this.statistics = new CacheStatistics(configuration.isStatisticsEnabled());
        this.clusterStatistics = manager.statisticsView(name, statistics);
        this.guard = new CacheGuard<>(name, configuration, this::isClosed);
        this.store = new EntryStore<>(map, expiry, integration, statistics, readsMayTrail);
        this.processors = new EntryProcessors<>(map, store, integration, statistics, events, guard);
        this.loader = new BulkLoader<>(map, store, integration, events, guard);
        if (configuration.isManagementEnabled()) {
            setManagementEnabled(true);
        }
        if (configuration.isStatisticsEnabled()) {
            setStatisticsEnabled(true);
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public @Nullable V get(K key) {
        guard.checkKey(key);
        return perform((start, batch) -> {
            V value = map.get(key);
            statistics.read(value != null);
            if (value != null) {
                store.touch(key, value, batch);
            } else {
                value = store.loadThrough(key, batch);
            }
            statistics.getTime(start);
            return value;
        });
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        checkKeys(keys);
        return perform((start, batch) -> {
            Map<K, V> found = new LinkedHashMap<>(map.getAll(new HashSet<K>(keys)));
            statistics.hits(found.size());
            statistics.misses(keys.size() - found.size());
            if (!expiry.isEternal()) {
                found.forEach((key, value) -> store.touch(key, value, batch));
            }
            if (integration.readsThrough() && found.size() < keys.size()) {
                List<K> missing = new ArrayList<>();
                for (K key : keys) {
                    if (!found.containsKey(key)) {
                        missing.add(key);
                    }
                }
                for (Map.Entry<K, V> entry : integration.loadAll(missing).entrySet()) {
                    if (entry.getKey() != null && entry.getValue() != null) {
                        found.put(entry.getKey(), store.storeLoaded(entry.getKey(), entry.getValue(), batch));
                    }
                }
            }
            if (!keys.isEmpty()) {
                statistics.getTime(start);
            }
            return found;
        });
    }

    @Override
    public boolean containsKey(K key) {
        guard.checkKey(key);
        try {
            return map.containsKey(key);
        } catch (RuntimeException e) {
            throw guard.translate(e);
        }
    }

    @Override
    public void loadAll(
            Set<? extends K> keys, boolean replaceExistingValues, @Nullable CompletionListener completionListener) {
        guard.ensureOpen();
        Objects.requireNonNull(keys, "keys");
        keys.forEach(key -> Objects.requireNonNull(key, "keys must not contain null"));
        loader.loadAll(keys, replaceExistingValues, completionListener);
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void put(K key, V value) {
        guard.checkEntry(key, value);
        perform((start, batch) -> {
            if (!store.isDirect()) {
                store.locked(key, () -> store.putLocked(key, value, batch, true));
            } else if (batch.isRecording()) {
                EntryStore.recordPut(key, value, map.put(key, value), batch);
                statistics.puts(1);
            } else {
                map.set(key, value);
                statistics.puts(1);
            }
            statistics.putTime(start);
            return null;
        });
    }

    @Override
    public @Nullable V getAndPut(K key, V value) {
        guard.checkEntry(key, value);
        return perform((start, batch) -> {
            V old;
            if (store.isDirect()) {
                old = map.put(key, value);
                EntryStore.recordPut(key, value, old, batch);
                statistics.puts(1);
            } else {
                old = store.locked(key, () -> store.putLocked(key, value, batch, true));
            }
            statistics.read(old != null);
            statistics.getTime(start);
            statistics.putTime(start);
            return old;
        });
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        guard.ensureOpen();
        Objects.requireNonNull(entries, "entries");
        entries.forEach(guard::checkEntry);
        throwIfFailed(perform((start, batch) -> {
            Map<K, V> toStore = new LinkedHashMap<>(entries);
            CacheWriterException failure = integration.writeAll(toStore);
            if (store.isDirect() && !batch.isRecording()) {
                map.putAll(toStore);
                statistics.puts(toStore.size());
            } else {
                for (Map.Entry<K, V> entry : toStore.entrySet()) {
                    store.locked(entry.getKey(), () -> store.putLocked(entry.getKey(), entry.getValue(), batch, false));
                }
            }
            if (!toStore.isEmpty()) {
                statistics.putTime(start);
            }
            return failure;
        }));
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        guard.checkEntry(key, value);
        return perform((start, batch) -> {
            boolean stored;
            if (store.isDirect()) {
                stored = map.putIfAbsent(key, value) == null;
                if (stored) {
                    batch.created(key, value);
                    statistics.puts(1);
                }
            } else {
                stored = store.locked(key, () -> {
                    if (store.lockedValue(key) != null) {
                        return false;
                    }
                    integration.write(key, value);
                    if (store.storeNew(key, value, batch)) {
                        statistics.puts(1);
                    }
                    return true;
                });
            }
            statistics.read(!stored);
            if (stored) {
                statistics.putTime(start);
            }
            return stored;
        });
    }

    @Override
    public boolean remove(K key) {
        return removeAndGet(key, false) != null;
    }

    @Override
    public @Nullable V getAndRemove(K key) {
        return removeAndGet(key, true);
    }

    /** Removes the entry (deleting through first); {@code read} counts it as a get too. */
    private @Nullable V removeAndGet(K key, boolean read) {
        guard.checkKey(key);
        return perform((start, batch) -> {
            V old = integration.writesThrough()
                    ? store.locked(key, () -> {
                        integration.delete(key);
                        return map.remove(key);
                    })
                    : map.remove(key);
            if (old != null) {
                batch.removed(key, old);
                statistics.removal(start);
            }
            if (read) {
                statistics.read(old != null);
                statistics.getTime(start);
            }
            return old;
        });
    }

    @Override
    public boolean remove(K key, V oldValue) {
        guard.checkEntry(key, oldValue);
        return perform((start, batch) -> {
            boolean removed;
            if (store.isDirect() && !statistics.isEnabled()) {
                // one conditional IMap call (values compared in serialized form)
                removed = map.remove(key, oldValue);
                if (removed) {
                    batch.removed(key, oldValue);
                }
            } else {
                removed = store.ifValueEquals(key, oldValue, batch, current -> {
                    integration.delete(key);
                    map.delete(key);
                    batch.removed(key, current);
                    statistics.removal(start);
                });
                statistics.getTime(start);
            }
            return removed;
        });
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        guard.checkEntry(key, oldValue);
        guard.checkValue(newValue);
        return perform((start, batch) -> {
            boolean replaced;
            if (store.isDirect() && !statistics.isEnabled()) {
                // one conditional IMap call (values compared in serialized form)
                replaced = map.replace(key, oldValue, newValue);
                if (replaced) {
                    batch.updated(key, newValue, oldValue);
                }
            } else {
                replaced = store.ifValueEquals(key, oldValue, batch, current -> {
                    integration.write(key, newValue);
                    store.storeUpdate(key, newValue, current, batch);
                    statistics.put(start);
                });
                statistics.getTime(start);
            }
            return replaced;
        });
    }

    @Override
    public boolean replace(K key, V value) {
        return replaceAndGet(key, value) != null;
    }

    @Override
    public @Nullable V getAndReplace(K key, V value) {
        return replaceAndGet(key, value);
    }

    private @Nullable V replaceAndGet(K key, V value) {
        guard.checkEntry(key, value);
        return perform((start, batch) -> {
            V old;
            if (store.isDirect()) {
                old = map.replace(key, value);
                if (old != null) {
                    batch.updated(key, value, old);
                }
            } else {
                old = store.locked(key, () -> {
                    V current = store.lockedValue(key);
                    if (current != null) {
                        integration.write(key, value);
                        store.storeUpdate(key, value, current, batch);
                    }
                    return current;
                });
            }
            statistics.read(old != null);
            if (old != null) {
                statistics.put(start);
            }
            statistics.getTime(start);
            return old;
        });
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        checkKeys(keys);
        removeKeys(() -> new ArrayList<>(keys));
    }

    @Override
    public void removeAll() {
        guard.ensureOpen();
        removeKeys(() -> new ArrayList<>(map.keySet()));
    }

    /** Deletes the keys through, then removes those the writer deleted; a writer failure is thrown afterwards. */
    private void removeKeys(Supplier<List<K>> requested) {
        throwIfFailed(perform((start, batch) -> {
            List<K> keys = requested.get();
            CacheWriterException failure = integration.deleteAll(keys);
            int removed = 0;
            for (K key : keys) {
                V old = map.remove(key);
                if (old != null) {
                    removed++;
                    batch.removed(key, old);
                }
            }
            statistics.removals(removed);
            if (removed > 0) {
                statistics.removeTime(start);
            }
            return failure;
        }));
    }

    @Override
    public void clear() {
        guard.ensureOpen();
        try {
            map.clear();
        } catch (RuntimeException e) {
            throw guard.translate(e);
        }
    }

    // ---------------------------------------------------------------- processors

    @Override
    public <T> @Nullable T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        guard.checkKey(key);
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        try {
            return processors.invoke(key, entryProcessor, arguments);
        } catch (EntryProcessorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw guard.translate(e);
        }
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(
            Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        checkKeys(keys);
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        try {
            return processors.invokeAll(keys, entryProcessor, arguments);
        } catch (RuntimeException e) {
            throw guard.translate(e);
        }
    }

    // ---------------------------------------------------------------- lifecycle and metadata

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    @Override
    public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
        if (clazz.isInstance(configuration)) {
            return clazz.cast(configuration);
        }
        throw new IllegalArgumentException("The configuration of cache " + name + " is a "
                + configuration.getClass().getName() + ", not a " + clazz.getName());
    }

    @Override
    public void close() {
        if (closeView()) {
            manager.forget(this);
        }
    }

    /** Closes the view without touching its data; returns whether this call closed it. */
    boolean closeView() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        loader.awaitLoads();
        JmxRegistration.unregister(manager.getURI().toString(), name, JmxRegistration.Kind.CacheConfiguration);
        JmxRegistration.unregister(manager.getURI().toString(), name, JmxRegistration.Kind.CacheStatistics);
        events.close();
        expiryWatch.close();
        clusterStatistics.close();
        integration.close();
        Closeables.closeQuietly(expiry.policy());
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed.get() || manager.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        if (clazz.isInstance(map)) {
            return clazz.cast(map);
        }
        throw new IllegalArgumentException(
                "Cannot unwrap cache " + name + " to [" + clazz.getName() + "]; supported: GridkeeperCache, IMap");
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        guard.ensureOpen();
        Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
        configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
        events.register(listenerConfiguration);
        expiryWatch.update();
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        guard.ensureOpen();
        Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
        configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
        events.deregister(listenerConfiguration);
        expiryWatch.update();
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
        guard.ensureOpen();
        try {
            return new SnapshotIterator(new ArrayList<>(map.entrySet()).iterator());
        } catch (RuntimeException e) {
            throw guard.translate(e);
        }
    }

    /** Iterates over a snapshot of the entries; each entry returned is a hit and an access. */
    private final class SnapshotIterator implements Iterator<Entry<K, V>> {
        private final Iterator<Map.Entry<K, V>> snapshot;
        private @Nullable K last;

        SnapshotIterator(Iterator<Map.Entry<K, V>> snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean hasNext() {
            return snapshot.hasNext();
        }

        @Override
        public Entry<K, V> next() {
            if (!snapshot.hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<K, V> entry = snapshot.next();
            last = entry.getKey();
            statistics.hits(1);
            EventDispatcher<K, V>.Batch batch = events.batch();
            store.touch(entry.getKey(), entry.getValue(), batch);
            batch.dispatch();
            return new GridkeeperEntry<>(entry.getKey(), entry.getValue());
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() was not called");
            }
            GridkeeperCache.this.remove(last);
            last = null;
        }
    }

    /** Whether the IMap existed before the cache was created over it. */
    boolean isPreExistingMap() {
        return preExistingMap;
    }

    void setStatisticsEnabled(boolean enabled) {
        configuration.setStatisticsEnabled(enabled);
        statistics.setEnabled(enabled);
        if (enabled) {
            JmxRegistration.register(
                    clusterStatistics, manager.getURI().toString(), name, JmxRegistration.Kind.CacheStatistics);
        } else {
            JmxRegistration.unregister(manager.getURI().toString(), name, JmxRegistration.Kind.CacheStatistics);
        }
    }

    void setManagementEnabled(boolean enabled) {
        configuration.setManagementEnabled(enabled);
        if (enabled) {
            JmxRegistration.register(
                    new CacheConfigurationBean(configuration),
                    manager.getURI().toString(),
                    name,
                    JmxRegistration.Kind.CacheConfiguration);
        } else {
            JmxRegistration.unregister(manager.getURI().toString(), name, JmxRegistration.Kind.CacheConfiguration);
        }
    }

    /** The cluster-wide statistics of the cache, as its MXBean reports them. */
    public CacheStatisticsMXBean statistics() {
        return clusterStatistics;
    }

    /** One operation: its start time for the statistics and the batch of events it produces. */
    @FunctionalInterface
    private interface Operation<K, V, R> {
        R run(long start, EventDispatcher<K, V>.Batch batch);
    }

    /**
     * Runs an operation, then delivers its events (listeners' time is not the operation's); Hazelcast's exceptions
     * become the specification's.
     */
    private <R> R perform(Operation<K, V, R> operation) {
        try {
            long start = statistics.start();
            EventDispatcher<K, V>.Batch batch = events.batch();
            R result = operation.run(start, batch);
            batch.dispatch();
            return result;
        } catch (RuntimeException e) {
            throw guard.translate(e);
        }
    }

    /** Throws a writer's failure once the entries it did write were applied. */
    private static void throwIfFailed(@Nullable CacheWriterException failure) {
        if (failure != null) {
            throw failure;
        }
    }

    private void checkKeys(Set<? extends K> keys) {
        guard.ensureOpen();
        Objects.requireNonNull(keys, "keys");
        keys.forEach(guard::checkKey);
    }

    @Override
    public String toString() {
        return "GridkeeperCache{" + name + "}";
    }
}
