package io.gridkeeper.jcache;

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.configuration.NearCaches;
import io.gridkeeper.jcache.event.EventDispatcher;
import io.gridkeeper.jcache.expiry.ExpiryCalculator;
import io.gridkeeper.jcache.instance.InstanceHandle;
import io.gridkeeper.jcache.integration.Integration;
import io.gridkeeper.jcache.management.CacheConfigurationBean;
import io.gridkeeper.jcache.management.CacheStatistics;
import io.gridkeeper.jcache.management.ClusterStatistics;
import io.gridkeeper.jcache.management.JmxRegistration;
import io.gridkeeper.jcache.processor.CallerMutableEntry;
import io.gridkeeper.jcache.processor.EntryProcessorResults;
import io.gridkeeper.jcache.processor.OwnerEntryProcessor;
import io.gridkeeper.jcache.processor.OwnerResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
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
 * the caller under the key's cluster-wide lock, which also makes entry processors atomic whether or not they are
 * serializable. Listeners run in the calling thread before the call returns. Thread-safe.
 */
public final class GridkeeperCache<K, V> implements Cache<K, V> {

    /** How long closing a cache waits for its running {@code loadAll} calls. */
    private static final long LOAD_DRAIN_SECONDS = 30;

    private static final AtomicInteger LOADER_THREADS = new AtomicInteger();
    private static final ExecutorService LOADERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "gridkeeper-jcache-loader-" + LOADER_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final GridkeeperCacheManager manager;
    private final String name;
    private final IMap<K, V> map;
    private final MutableConfiguration<K, V> configuration;
    private final ExpiryCalculator expiry;
    private final @Nullable CacheLoader<K, V> loader;
    private final @Nullable CacheWriter<? super K, ? super V> writer;
    private final boolean readThrough;
    private final EventDispatcher<K, V> events;
    private final CacheStatistics statistics;
    private final ClusterStatistics.View clusterStatistics;
    private final boolean preExistingMap;
    private final boolean nearCached;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<CompletableFuture<Void>> loadsInFlight = ConcurrentHashMap.newKeySet();
    private @Nullable ExpiryWatch expiryWatch;

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
        ExpiryPolicy policy = expiryFactory == null ? new EternalExpiryPolicy() : expiryFactory.create();
        this.expiry = new ExpiryCalculator(policy == null ? new EternalExpiryPolicy() : policy);
        // Hazelcast's near cache is not invalidated when an entry's TTL runs out: only eternal caches get one
        if (nearCache && expiry.isEternal()) {
            NearCaches.enable(handle.instance(), name);
        }
        this.nearCached = NearCaches.isEnabled(handle.instance(), name);
        this.map = handle.instance().getMap(name);
        this.loader = configuration.getCacheLoaderFactory() == null
                ? null
                : configuration.getCacheLoaderFactory().create();
        this.writer = configuration.isWriteThrough() && configuration.getCacheWriterFactory() != null
                ? configuration.getCacheWriterFactory().create()
                : null;
        this.readThrough = configuration.isReadThrough() && loader != null;
        this.events = new EventDispatcher<>(this, manager.eventBus(name));
        for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
            events.register(listener);
        }
        watchExpiries();
        this.statistics = new CacheStatistics(configuration.isStatisticsEnabled());
        this.clusterStatistics = manager.statisticsView(name, statistics);
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
        ensureOpen();
        checkKey(key);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            V value = map.get(key);
            if (value != null) {
                statistics.hits(1);
                touch(key, value, batch);
            } else {
                statistics.misses(1);
                if (readThrough) {
                    value = loadThrough(key, batch);
                }
            }
            statistics.getTime(start);
            batch.dispatch();
            return value;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        ensureOpen();
        Objects.requireNonNull(keys, "keys");
        keys.forEach(this::checkKey);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            Map<K, V> found = new LinkedHashMap<>(map.getAll(new HashSet<K>(keys)));
            statistics.hits(found.size());
            statistics.misses(keys.size() - found.size());
            if (!expiry.isEternal()) {
                found.forEach((key, value) -> touch(key, value, batch));
            }
            if (readThrough && found.size() < keys.size()) {
                List<K> missing = new ArrayList<>();
                for (K key : keys) {
                    if (!found.containsKey(key)) {
                        missing.add(key);
                    }
                }
                Map<K, V> loaded = Integration.loadAll(loader, missing);
                for (Map.Entry<K, V> entry : loaded.entrySet()) {
                    if (entry.getKey() != null && entry.getValue() != null) {
                        found.put(entry.getKey(), storeLoaded(entry.getKey(), entry.getValue(), batch));
                    }
                }
            }
            if (statistics.isEnabled() && !keys.isEmpty()) {
                statistics.getTime(start);
            }
            batch.dispatch();
            return found;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean containsKey(K key) {
        ensureOpen();
        checkKey(key);
        try {
            return map.containsKey(key);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public void loadAll(
            Set<? extends K> keys, boolean replaceExistingValues, @Nullable CompletionListener completionListener) {
        ensureOpen();
        Objects.requireNonNull(keys, "keys");
        keys.forEach(key -> Objects.requireNonNull(key, "keys must not contain null"));
        CompletionListener listener = completionListener == null ? NoOpCompletionListener.INSTANCE : completionListener;
        if (loader == null) {
            listener.onCompletion();
            return;
        }
        List<K> requested = new ArrayList<>(keys);
        CompletableFuture<Void> done = new CompletableFuture<>();
        loadsInFlight.add(done);
        LOADERS.execute(() -> {
            try {
                List<K> toLoad = new ArrayList<>();
                for (K key : requested) {
                    if (replaceExistingValues || !map.containsKey(key)) {
                        toLoad.add(key);
                    }
                }
                if (!toLoad.isEmpty()) {
                    Map<K, V> loaded = Integration.loadAll(loader, toLoad);
                    EventDispatcher<K, V>.Batch batch = events.batch();
                    for (Map.Entry<K, V> entry : loaded.entrySet()) {
                        K key = entry.getKey();
                        V value = entry.getValue();
                        if (key == null || value == null) {
                            continue;
                        }
                        if (replaceExistingValues) {
                            locked(key, () -> {
                                V old = lockedValue(key);
                                if (old == null) {
                                    storeNew(key, value, batch);
                                } else {
                                    storeUpdate(key, value, old, batch);
                                }
                                return null;
                            });
                        } else {
                            storeLoaded(key, value, batch);
                        }
                    }
                    batch.dispatch();
                }
                listener.onCompletion();
            } catch (Exception e) {
                listener.onException(e instanceof RuntimeException runtime ? translate(runtime) : e);
            } finally {
                loadsInFlight.remove(done);
                done.complete(null);
            }
        });
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void put(K key, V value) {
        ensureOpen();
        checkKey(key);
        checkValue(value);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            if (isDirect()) {
                if (events.hasListeners()) {
                    V old = map.put(key, value);
                    recordPut(key, value, old, batch);
                } else {
                    map.set(key, value);
                }
                statistics.puts(1);
            } else {
                locked(key, () -> putLocked(key, value, batch, true));
            }
            statistics.putTime(start);
            batch.dispatch();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public @Nullable V getAndPut(K key, V value) {
        ensureOpen();
        checkKey(key);
        checkValue(value);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            V old;
            if (isDirect()) {
                old = map.put(key, value);
                recordPut(key, value, old, batch);
                statistics.puts(1);
            } else {
                old = locked(key, () -> putLocked(key, value, batch, true));
            }
            if (old == null) {
                statistics.misses(1);
            } else {
                statistics.hits(1);
            }
            statistics.getTime(start);
            statistics.putTime(start);
            batch.dispatch();
            return old;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        ensureOpen();
        Objects.requireNonNull(entries, "entries");
        entries.forEach((key, value) -> {
            checkKey(key);
            checkValue(value);
        });
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            Map<K, V> toStore = new LinkedHashMap<>(entries);
            CacheWriterException failure = null;
            if (writer != null && !toStore.isEmpty()) {
                List<Cache.Entry<K, V>> pending = new ArrayList<>();
                toStore.forEach((key, value) -> pending.add(new GridkeeperEntry<>(key, value)));
                try {
                    Integration.writeAll(writer, pending);
                    pending.clear();
                } catch (CacheWriterException e) {
                    failure = e;
                }
                for (Cache.Entry<K, V> notWritten : pending) {
                    toStore.remove(notWritten.getKey());
                }
            }
            if (isDirect() && !events.hasListeners()) {
                map.putAll(toStore);
                statistics.puts(toStore.size());
            } else {
                for (Map.Entry<K, V> entry : toStore.entrySet()) {
                    locked(entry.getKey(), () -> putLocked(entry.getKey(), entry.getValue(), batch, false));
                }
            }
            if (!toStore.isEmpty()) {
                statistics.putTime(start);
            }
            batch.dispatch();
            if (failure != null) {
                throw failure;
            }
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        ensureOpen();
        checkKey(key);
        checkValue(value);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            boolean stored;
            if (isDirect()) {
                V existing = map.putIfAbsent(key, value);
                stored = existing == null;
                if (stored) {
                    batch.created(key, value);
                    statistics.puts(1);
                }
            } else {
                stored = locked(key, () -> {
                    if (lockedValue(key) != null) {
                        return false;
                    }
                    if (writer != null) {
                        Integration.write(writer, new GridkeeperEntry<>(key, value));
                    }
                    if (storeNew(key, value, batch)) {
                        statistics.puts(1);
                    }
                    return true;
                });
            }
            if (stored) {
                statistics.misses(1);
                statistics.putTime(start);
            } else {
                statistics.hits(1);
            }
            batch.dispatch();
            return stored;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean remove(K key) {
        ensureOpen();
        checkKey(key);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            V old = writer == null
                    ? map.remove(key)
                    : locked(key, () -> {
                        Integration.delete(writer, key);
                        return map.remove(key);
                    });
            if (old != null) {
                batch.removed(key, old);
                statistics.removals(1);
                statistics.removeTime(start);
            }
            batch.dispatch();
            return old != null;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean remove(K key, V oldValue) {
        ensureOpen();
        checkKey(key);
        checkValue(oldValue);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            if (isDirect() && !statistics.isEnabled()) {
                // one conditional IMap call (values compared in serialized form)
                boolean removed = map.remove(key, oldValue);
                if (removed) {
                    batch.removed(key, oldValue);
                }
                batch.dispatch();
                return removed;
            }
            boolean removed = locked(key, () -> {
                V current = lockedValue(key);
                if (current == null) {
                    statistics.misses(1);
                    return false;
                }
                statistics.hits(1);
                if (!current.equals(oldValue)) {
                    touch(key, current, batch);
                    return false;
                }
                if (writer != null) {
                    Integration.delete(writer, key);
                }
                map.delete(key);
                batch.removed(key, current);
                statistics.removals(1);
                return true;
            });
            if (removed) {
                statistics.removeTime(start);
            }
            statistics.getTime(start);
            batch.dispatch();
            return removed;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public @Nullable V getAndRemove(K key) {
        ensureOpen();
        checkKey(key);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            V old = writer == null
                    ? map.remove(key)
                    : locked(key, () -> {
                        Integration.delete(writer, key);
                        return map.remove(key);
                    });
            if (old != null) {
                statistics.hits(1);
                batch.removed(key, old);
                statistics.removals(1);
                statistics.removeTime(start);
            } else {
                statistics.misses(1);
            }
            statistics.getTime(start);
            batch.dispatch();
            return old;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        ensureOpen();
        checkKey(key);
        checkValue(oldValue);
        checkValue(newValue);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            if (isDirect() && !statistics.isEnabled()) {
                // one conditional IMap call (values compared in serialized form)
                boolean replaced = map.replace(key, oldValue, newValue);
                if (replaced) {
                    batch.updated(key, newValue, oldValue);
                }
                batch.dispatch();
                return replaced;
            }
            boolean replaced = locked(key, () -> {
                V current = lockedValue(key);
                if (current == null) {
                    statistics.misses(1);
                    return false;
                }
                statistics.hits(1);
                if (!current.equals(oldValue)) {
                    touch(key, current, batch);
                    return false;
                }
                if (writer != null) {
                    Integration.write(writer, new GridkeeperEntry<>(key, newValue));
                }
                storeUpdate(key, newValue, current, batch);
                statistics.puts(1);
                return true;
            });
            if (replaced) {
                statistics.putTime(start);
            }
            statistics.getTime(start);
            batch.dispatch();
            return replaced;
        } catch (RuntimeException e) {
            throw translate(e);
        }
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
        ensureOpen();
        checkKey(key);
        checkValue(value);
        try {
            long start = System.nanoTime();
            EventDispatcher<K, V>.Batch batch = events.batch();
            V old;
            if (isDirect()) {
                old = map.replace(key, value);
                if (old != null) {
                    batch.updated(key, value, old);
                    statistics.puts(1);
                }
            } else {
                old = locked(key, () -> {
                    V current = lockedValue(key);
                    if (current == null) {
                        return null;
                    }
                    if (writer != null) {
                        Integration.write(writer, new GridkeeperEntry<>(key, value));
                    }
                    storeUpdate(key, value, current, batch);
                    statistics.puts(1);
                    return current;
                });
            }
            if (old == null) {
                statistics.misses(1);
            } else {
                statistics.hits(1);
                statistics.putTime(start);
            }
            statistics.getTime(start);
            batch.dispatch();
            return old;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        ensureOpen();
        Objects.requireNonNull(keys, "keys");
        keys.forEach(this::checkKey);
        try {
            removeKeys(new ArrayList<>(keys));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public void removeAll() {
        ensureOpen();
        try {
            removeKeys(new ArrayList<>(map.keySet()));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private void removeKeys(List<K> keys) {
        long start = System.nanoTime();
        EventDispatcher<K, V>.Batch batch = events.batch();
        List<K> toRemove = keys;
        CacheWriterException failure = null;
        if (writer != null && !keys.isEmpty()) {
            List<K> pending = new ArrayList<>(keys);
            try {
                Integration.deleteAll(writer, pending);
                pending.clear();
            } catch (CacheWriterException e) {
                failure = e;
            }
            Set<K> notDeleted = new HashSet<>(pending);
            toRemove = new ArrayList<>();
            for (K key : keys) {
                if (!notDeleted.contains(key)) {
                    toRemove.add(key);
                }
            }
        }
        int removed = 0;
        for (K key : toRemove) {
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
        batch.dispatch();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void clear() {
        ensureOpen();
        try {
            map.clear();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    // ---------------------------------------------------------------- processors

    @Override
    public <T> @Nullable T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        ensureOpen();
        checkKey(key);
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        try {
            EventDispatcher<K, V>.Batch batch = events.batch();
            T result;
            if (runsOnOwner(entryProcessor, arguments)) {
                long start = System.nanoTime();
                OwnerResult<V, T> outcome = map.executeOnKey(
                        key, new OwnerEntryProcessor<>(entryProcessor, arguments, events.hasListeners()));
                result = applyOwnerResult(key, outcome, start, batch);
            } else {
                result = locked(key, () -> invokeLocked(key, entryProcessor, arguments, batch));
            }
            batch.dispatch();
            return result;
        } catch (EntryProcessorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private <T> @Nullable T invokeLocked(
            K key, EntryProcessor<K, V, T> processor, Object[] arguments, EventDispatcher<K, V>.Batch batch) {
        long start = System.nanoTime();
        V current = lockedValue(key);
        Function<K, @Nullable V> load = readThrough ? k -> Integration.load(loader, k) : null;
        CallerMutableEntry<K, V> entry = new CallerMutableEntry<>(key, current, load);
        T result;
        try {
            result = processor.process(entry, arguments);
        } catch (EntryProcessorException e) {
            throw e;
        } catch (Exception e) {
            throw new EntryProcessorException(e);
        }
        if (current == null) {
            statistics.misses(1);
        } else {
            statistics.hits(1);
        }
        statistics.getTime(start);
        try {
            switch (entry.action()) {
                case NONE -> {
                    if (current != null) {
                        touch(key, current, batch);
                    }
                }
                case LOADED -> storeNew(key, entry.value(), batch);
                case CREATED -> {
                    if (writer != null) {
                        Integration.write(writer, new GridkeeperEntry<>(key, entry.value()));
                    }
                    if (storeNew(key, entry.value(), batch)) {
                        statistics.puts(1);
                        statistics.putTime(start);
                    }
                }
                case UPDATED -> {
                    if (writer != null) {
                        Integration.write(writer, new GridkeeperEntry<>(key, entry.value()));
                    }
                    storeUpdate(key, entry.value(), current, batch);
                    statistics.puts(1);
                    statistics.putTime(start);
                }
                case REMOVED -> {
                    if (writer != null) {
                        Integration.delete(writer, key);
                    }
                    if (current != null) {
                        map.delete(key);
                        batch.removed(key, current);
                        statistics.removals(1);
                        statistics.removeTime(start);
                    }
                }
            }
        } catch (CacheException e) {
            throw new EntryProcessorException(e);
        }
        return result;
    }

    /** Serializable processors run on the partition owner when no writer, loader or expiry needs the caller. */
    private boolean runsOnOwner(EntryProcessor<K, V, ?> processor, Object[] arguments) {
        return isDirect() && !readThrough && OwnerEntryProcessor.canRunOnOwner(processor, arguments);
    }

    private <T> @Nullable T applyOwnerResult(
            K key, OwnerResult<V, T> outcome, long start, EventDispatcher<K, V>.Batch batch) {
        if (outcome.failure() != null) {
            Throwable failure = outcome.failure();
            throw failure instanceof EntryProcessorException processorException
                    ? processorException
                    : new EntryProcessorException(failure);
        }
        V original = outcome.original();
        if (outcome.existed()) {
            statistics.hits(1);
        } else {
            statistics.misses(1);
        }
        statistics.getTime(start);
        switch (outcome.action()) {
            case CREATED -> {
                batch.created(key, outcome.value());
                statistics.puts(1);
                statistics.putTime(start);
            }
            case UPDATED -> {
                batch.updated(key, outcome.value(), original);
                statistics.puts(1);
                statistics.putTime(start);
            }
            case REMOVED -> {
                if (outcome.existed()) {
                    batch.removed(key, original);
                    statistics.removals(1);
                    statistics.removeTime(start);
                }
            }
            default -> {
                // read only
            }
        }
        return outcome.result();
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(
            Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        ensureOpen();
        Objects.requireNonNull(keys, "keys");
        keys.forEach(this::checkKey);
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        Map<K, EntryProcessorResult<T>> results = new HashMap<>();
        if (runsOnOwner(entryProcessor, arguments)) {
            ensureOpen();
            try {
                // one asynchronous owner call per key, all in flight at once
                long start = System.nanoTime();
                Map<K, CompletableFuture<OwnerResult<V, T>>> pending = new LinkedHashMap<>();
                for (K key : keys) {
                    pending.put(
                            key,
                            map.submitToKey(
                                            key,
                                            new OwnerEntryProcessor<>(entryProcessor, arguments, events.hasListeners()))
                                    .toCompletableFuture());
                }
                EventDispatcher<K, V>.Batch batch = events.batch();
                for (Map.Entry<K, CompletableFuture<OwnerResult<V, T>>> entry : pending.entrySet()) {
                    try {
                        T result = applyOwnerResult(
                                entry.getKey(), entry.getValue().join(), start, batch);
                        if (result != null) {
                            results.put(entry.getKey(), EntryProcessorResults.of(result));
                        }
                    } catch (EntryProcessorException e) {
                        results.put(entry.getKey(), EntryProcessorResults.failed(e));
                    }
                }
                batch.dispatch();
                return results;
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? translate(cause) : new CacheException(e);
            } catch (RuntimeException e) {
                throw translate(e);
            }
        }
        for (K key : keys) {
            try {
                T result = invoke(key, entryProcessor, arguments);
                if (result != null) {
                    results.put(key, EntryProcessorResults.of(result));
                }
            } catch (EntryProcessorException e) {
                results.put(key, EntryProcessorResults.failed(e));
            } catch (CacheException e) {
                results.put(key, EntryProcessorResults.failed(new EntryProcessorException(e)));
            }
        }
        return results;
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
        awaitLoads();
        JmxRegistration.unregister(manager.getURI().toString(), name, JmxRegistration.Kind.CacheConfiguration);
        JmxRegistration.unregister(manager.getURI().toString(), name, JmxRegistration.Kind.CacheStatistics);
        events.close();
        watchExpiries();
        clusterStatistics.close();
        closeQuietly(loader);
        closeQuietly(writer);
        closeQuietly(expiry.policy());
        return true;
    }

    /** Lets running {@link #loadAll} calls finish before their loader is closed. */
    private void awaitLoads() {
        for (CompletableFuture<Void> load : List.copyOf(loadsInFlight)) {
            try {
                load.get(LOAD_DRAIN_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // the load reports its own failure to its completion listener; closing goes on
            }
        }
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
        ensureOpen();
        Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
        configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
        events.register(listenerConfiguration);
        watchExpiries();
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        ensureOpen();
        Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
        configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
        events.deregister(listenerConfiguration);
        watchExpiries();
    }

    /**
     * Entries whose TTL ran out are removed by Hazelcast (when read, or by its background sweep) and reported as IMap
     * expiry events to every view that listens for expiries; they are delivered here on a named thread.
     */
    private synchronized void watchExpiries() {
        boolean wanted = events.wantsLocally(javax.cache.event.EventType.EXPIRED) && !closed.get();
        if (wanted && expiryWatch == null) {
            ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "gridkeeper-jcache-expiry-" + name);
                thread.setDaemon(true);
                return thread;
            });
            UUID registration = map.addEntryListener(
                    (com.hazelcast.map.listener.EntryExpiredListener<K, V>) event -> {
                        V oldValue = event.getOldValue();
                        if (oldValue != null) {
                            executor.execute(() -> events.expiredInMap(event.getKey(), oldValue));
                        }
                    },
                    true);
            expiryWatch = new ExpiryWatch(registration, executor);
        } else if (!wanted && expiryWatch != null) {
            ExpiryWatch watch = expiryWatch;
            expiryWatch = null;
            try {
                map.removeEntryListener(watch.registration());
            } catch (RuntimeException e) {
                // the instance may be gone; nothing left to remove
            }
            watch.executor().shutdown();
        }
    }

    private record ExpiryWatch(UUID registration, ExecutorService executor) {}

    @Override
    public Iterator<Entry<K, V>> iterator() {
        ensureOpen();
        try {
            Iterator<Map.Entry<K, V>> snapshot = new ArrayList<>(map.entrySet()).iterator();
            return new Iterator<>() {
                private @Nullable K last;

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
                    touch(entry.getKey(), entry.getValue(), batch);
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
            };
        } catch (RuntimeException e) {
            throw translate(e);
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

    // ---------------------------------------------------------------- helpers

    private boolean isDirect() {
        return writer == null && expiry.isEternal();
    }

    /**
     * The value as the partition owner holds it, for reads under the key's lock: a near cache may not have seen
     * another member's change yet, and a stale read there would lose that change.
     */
    private @Nullable V lockedValue(K key) {
        if (!nearCached) {
            return map.get(key);
        }
        EntryView<K, V> view = map.getEntryView(key);
        return view == null ? null : view.getValue();
    }

    private <R> R locked(K key, Supplier<R> body) {
        map.lock(key);
        try {
            return body.get();
        } finally {
            map.unlock(key);
        }
    }

    /** Under the key's lock: writes through (when asked), stores, records the event; returns the old value. */
    private @Nullable V putLocked(K key, V value, EventDispatcher<K, V>.Batch batch, boolean write) {
        V old = lockedValue(key);
        if (write && writer != null) {
            Integration.write(writer, new GridkeeperEntry<>(key, value));
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

    private void recordPut(K key, V value, @Nullable V old, EventDispatcher<K, V>.Batch batch) {
        if (old == null) {
            batch.created(key, value);
        } else {
            batch.updated(key, value, old);
        }
    }

    /** Stores a value on an absent entry with the creation expiry; returns false when it expired at once. */
    private boolean storeNew(K key, V value, EventDispatcher<K, V>.Batch batch) {
        long ttl = expiry.forCreation();
        if (ttl == ExpiryCalculator.EXPIRE_NOW) {
            return false;
        }
        map.set(key, value, ttl, TimeUnit.MILLISECONDS);
        batch.created(key, value);
        return true;
    }

    /** Stores a value over a present entry with the update expiry. */
    private void storeUpdate(K key, V value, V old, EventDispatcher<K, V>.Batch batch) {
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
    private V storeLoaded(K key, V value, EventDispatcher<K, V>.Batch batch) {
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

    private @Nullable V loadThrough(K key, EventDispatcher<K, V>.Batch batch) {
        V loaded = Integration.load(loader, key);
        return loaded == null ? null : storeLoaded(key, loaded, batch);
    }

    /** Applies the access expiry to an entry that was read. */
    private void touch(K key, V value, EventDispatcher<K, V>.Batch batch) {
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

    private void checkKey(K key) {
        Objects.requireNonNull(key, "key");
        Class<K> type = configuration.getKeyType();
        if (type != Object.class && !type.isInstance(key)) {
            throw new ClassCastException("Cache " + name + " has key type [" + type.getName() + "] but the key is a ["
                    + key.getClass().getName() + "]");
        }
    }

    private void checkValue(V value) {
        Objects.requireNonNull(value, "value");
        Class<V> type = configuration.getValueType();
        if (type != Object.class && !type.isInstance(value)) {
            throw new ClassCastException("Cache " + name + " has value type [" + type.getName()
                    + "] but the value is a [" + value.getClass().getName() + "]");
        }
    }

    private void ensureOpen() {
        if (isClosed()) {
            throw new IllegalStateException("Cache " + name + " is closed");
        }
    }

    private RuntimeException translate(RuntimeException e) {
        if (e instanceof HazelcastInstanceNotActiveException
                || e instanceof com.hazelcast.client.HazelcastClientNotActiveException) {
            return new IllegalStateException("Cache " + name + " is closed: its Hazelcast instance is not running", e);
        }
        if (e.getClass().getName().startsWith("com.hazelcast.")) {
            return new CacheException("Cache " + name + ": " + e.getMessage(), e);
        }
        return e;
    }

    private static void closeQuietly(@Nullable Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "GridkeeperCache{" + name + "}";
    }

    private enum NoOpCompletionListener implements CompletionListener {
        INSTANCE;

        @Override
        public void onCompletion() {}

        @Override
        public void onException(Exception e) {}
    }
}
