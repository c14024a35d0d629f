package io.gridkeeper.jcache;

import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.event.EventDispatcher;
import io.gridkeeper.jcache.integration.CacheIntegration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.integration.CompletionListener;
import org.jspecify.annotations.Nullable;

/**
 * {@link javax.cache.Cache#loadAll} of one cache view: loads on a shared pool of named daemon threads and reports to
 * the completion listener; closing the view waits for the loads in flight. Thread-safe.
 */
final class BulkLoader<K, V> {

    /** How long closing a cache waits for its running {@code loadAll} calls. */
    private static final long LOAD_DRAIN_SECONDS = 30;

    private static final AtomicInteger LOADER_THREADS = new AtomicInteger();
    private static final ExecutorService LOADERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "gridkeeper-jcache-loader-" + LOADER_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final IMap<K, V> map;
    private final EntryStore<K, V> store;
    private final CacheIntegration<K, V> integration;
    private final EventDispatcher<K, V> events;
    private final CacheGuard<K, V> guard;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

    BulkLoader(
            IMap<K, V> map,
            EntryStore<K, V> store,
            CacheIntegration<K, V> integration,
            EventDispatcher<K, V> events,
            CacheGuard<K, V> guard) {
        this.map = map;
        this.store = store;
        this.integration = integration;
        this.events = events;
        this.guard = guard;
    }

    /** Loads the checked keys in the background; the listener hears of the completion or the failure. */
    void loadAll(
            Set<? extends K> keys, boolean replaceExistingValues, @Nullable CompletionListener completionListener) {
        CompletionListener listener = completionListener == null ? NoOpCompletionListener.INSTANCE : completionListener;
        if (!integration.hasLoader()) {
            listener.onCompletion();
            return;
        }
        List<K> requested = new ArrayList<>(keys);
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight.add(done);
        LOADERS.execute(() -> {
            try {
                load(requested, replaceExistingValues);
                listener.onCompletion();
            } catch (Exception e) {
                listener.onException(e instanceof RuntimeException runtime ? guard.translate(runtime) : e);
            } finally {
                inFlight.remove(done);
                done.complete(null);
            }
        });
    }

    private void load(List<K> requested, boolean replaceExistingValues) {
        List<K> toLoad = new ArrayList<>();
        for (K key : requested) {
            if (replaceExistingValues || !map.containsKey(key)) {
                toLoad.add(key);
            }
        }
        if (toLoad.isEmpty()) {
            return;
        }
        Map<K, V> loaded = integration.loadAll(toLoad);
        EventDispatcher<K, V>.Batch batch = events.batch();
        for (Map.Entry<K, V> entry : loaded.entrySet()) {
            K key = entry.getKey();
            V value = entry.getValue();
            if (key == null || value == null) {
                continue;
            }
            if (replaceExistingValues) {
                store.storeReplacingLoaded(key, value, batch);
            } else {
                store.storeLoaded(key, value, batch);
            }
        }
        batch.dispatch();
    }

    /** Lets running loads finish before their loader is closed. */
    void awaitLoads() {
        for (CompletableFuture<Void> load : List.copyOf(inFlight)) {
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

    private enum NoOpCompletionListener implements CompletionListener {
        INSTANCE;

        @Override
        public void onCompletion() {}

        @Override
        public void onException(Exception e) {}
    }
}
