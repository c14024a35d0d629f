package io.gridkeeper.jcache;

import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.event.EventDispatcher;
import io.gridkeeper.jcache.integration.CacheIntegration;
import io.gridkeeper.jcache.management.CacheStatistics;
import io.gridkeeper.jcache.processor.CallerMutableEntry;
import io.gridkeeper.jcache.processor.EntryAction;
import io.gridkeeper.jcache.processor.EntryProcessorResults;
import io.gridkeeper.jcache.processor.OwnerEntryProcessor;
import io.gridkeeper.jcache.processor.OwnerResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.cache.CacheException;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;
import org.jspecify.annotations.Nullable;

/**
 * Runs the entry processors of one cache view, atomically per key: a serializable processor on the partition owner
 * (one round trip, {@link OwnerEntryProcessor}) when no writer, loader or expiry policy needs the caller; otherwise in
 * the caller under the key's cluster-wide lock ({@link CallerMutableEntry}). Either way the caller counts the
 * statistics and delivers the events. Thread-safe.
 */
final class EntryProcessors<K, V> {

    private final IMap<K, V> map;
    private final EntryStore<K, V> store;
    private final CacheIntegration<K, V> integration;
    private final CacheStatistics statistics;
    private final EventDispatcher<K, V> events;
    private final CacheGuard<K, V> guard;

    EntryProcessors(
            IMap<K, V> map,
            EntryStore<K, V> store,
            CacheIntegration<K, V> integration,
            CacheStatistics statistics,
            EventDispatcher<K, V> events,
            CacheGuard<K, V> guard) {
        this.map = map;
        this.store = store;
        this.integration = integration;
        this.statistics = statistics;
        this.events = events;
        this.guard = guard;
    }

    /** Runs the processor on the entry of a checked key; a failure of the processor is an EntryProcessorException. */
    <T> @Nullable T invoke(K key, EntryProcessor<K, V, T> processor, Object[] arguments) {
        EventDispatcher<K, V>.Batch batch = events.batch();
        T result;
        if (runsOnOwner(processor, arguments)) {
            long start = statistics.start();
            OwnerResult<V, T> outcome =
                    map.executeOnKey(key, new OwnerEntryProcessor<>(processor, arguments, batch.isRecording()));
            result = applyOwnerResult(key, outcome, start, batch);
        } else {
            result = store.locked(key, () -> invokeLocked(key, processor, arguments, batch));
        }
        batch.dispatch();
        return result;
    }

    /** Runs the processor on the entries of checked keys; failures are reported per key. */
    <T> Map<K, EntryProcessorResult<T>> invokeAll(
            Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object[] arguments) {
        Map<K, EntryProcessorResult<T>> results = new HashMap<>();
        if (runsOnOwner(processor, arguments)) {
            invokeAllOnOwners(keys, processor, arguments, results);
            return results;
        }
        for (K key : keys) {
            try {
                collect(results, key, invoke(key, processor, arguments));
            } catch (EntryProcessorException e) {
                results.put(key, EntryProcessorResults.failed(e));
            } catch (RuntimeException e) {
                RuntimeException translated = guard.translate(e);
                if (!(translated instanceof CacheException)) {
                    throw translated;
                }
                results.put(key, EntryProcessorResults.failed(new EntryProcessorException(translated)));
            }
        }
        return results;
    }

    /** One asynchronous owner call per key, all in flight at once. */
    private <T> void invokeAllOnOwners(
            Set<? extends K> keys,
            EntryProcessor<K, V, T> processor,
            Object[] arguments,
            Map<K, EntryProcessorResult<T>> results) {
        long start = statistics.start();
        EventDispatcher<K, V>.Batch batch = events.batch();
        Map<K, CompletableFuture<OwnerResult<V, T>>> pending = new LinkedHashMap<>();
        for (K key : keys) {
            // one wrapper per key: a member runs its local wrappers as they are, and each keeps its own outcome
            OwnerEntryProcessor<K, V, T> owner = new OwnerEntryProcessor<>(processor, arguments, batch.isRecording());
            pending.put(key, map.submitToKey(key, owner).toCompletableFuture());
        }
        try {
            for (Map.Entry<K, CompletableFuture<OwnerResult<V, T>>> entry : pending.entrySet()) {
                try {
                    collect(
                            results,
                            entry.getKey(),
                            applyOwnerResult(entry.getKey(), entry.getValue().join(), start, batch));
                } catch (EntryProcessorException e) {
                    results.put(entry.getKey(), EntryProcessorResults.failed(e));
                }
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? guard.translate(cause) : new CacheException(e);
        }
        batch.dispatch();
    }

    private static <K, T> void collect(Map<K, EntryProcessorResult<T>> results, K key, @Nullable T result) {
        if (result != null) {
            results.put(key, EntryProcessorResults.of(result));
        }
    }

    /** Serializable processors run on the partition owner when no writer, loader or expiry needs the caller. */
    private boolean runsOnOwner(EntryProcessor<K, V, ?> processor, Object[] arguments) {
        return store.isDirect()
                && !integration.readsThrough()
                && OwnerEntryProcessor.canRunOnOwner(processor, arguments);
    }

    private <T> @Nullable T invokeLocked(
            K key, EntryProcessor<K, V, T> processor, Object[] arguments, EventDispatcher<K, V>.Batch batch) {
        long start = statistics.start();
        V current = store.lockedValue(key);
        CallerMutableEntry<K, V> entry = new CallerMutableEntry<>(key, current, integration.readThroughFunction());
        T result;
        try {
            result = processor.process(entry, arguments);
        } catch (EntryProcessorException e) {
            throw e;
        } catch (Exception e) {
            throw new EntryProcessorException(e);
        }
        countRead(current != null, start);
        try {
            boolean stored =
                    switch (entry.action()) {
                        case NONE -> {
                            if (current != null) {
                                store.touch(key, current, batch);
                            }
                            yield false;
                        }
                        case LOADED -> {
                            store.storeNew(key, entry.value(), batch);
                            yield false;
                        }
                        case CREATED -> {
                            integration.write(key, entry.value());
                            yield store.storeNew(key, entry.value(), batch);
                        }
                        case UPDATED -> {
                            integration.write(key, entry.value());
                            store.storeUpdate(key, entry.value(), current, batch);
                            yield true;
                        }
                        case REMOVED -> {
                            integration.delete(key);
                            if (current != null) {
                                map.delete(key);
                                batch.removed(key, current);
                            }
                            yield current != null;
                        }
                    };
            countChange(entry.action(), stored, start);
        } catch (CacheException e) {
            throw new EntryProcessorException(e);
        }
        return result;
    }

    private <T> @Nullable T applyOwnerResult(
            K key, OwnerResult<V, T> outcome, long start, EventDispatcher<K, V>.Batch batch) {
        Throwable failure = outcome.failure();
        if (failure != null) {
            throw failure instanceof EntryProcessorException processorException
                    ? processorException
                    : new EntryProcessorException(failure);
        }
        switch (outcome.action()) {
            case CREATED -> batch.created(key, outcome.value());
            case UPDATED -> batch.updated(key, outcome.value(), outcome.original());
            case REMOVED -> {
                if (outcome.existed()) {
                    batch.removed(key, outcome.original());
                }
            }
            default -> {
                // read only
            }
        }
        countRead(outcome.existed(), start);
        countChange(outcome.action(), outcome.action() != EntryAction.REMOVED || outcome.existed(), start);
        return outcome.result();
    }

    /** The processor's read is a hit or a miss. */
    private void countRead(boolean existed, long start) {
        statistics.read(existed);
        statistics.getTime(start);
    }

    /** A stored value is a put, a removed entry a removal. */
    private void countChange(EntryAction action, boolean changed, long start) {
        if (!changed) {
            return;
        }
        switch (action) {
            case CREATED, UPDATED -> statistics.put(start);
            case REMOVED -> statistics.removal(start);
            default -> {
                // a read or a load: neither a put nor a removal
            }
        }
    }
}
