package io.gridkeeper.jcache.event;

import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryExpiredListener;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Turns the IMap's expiry events (a TTL ran out and Hazelcast removed the entry, when read or by its background
 * sweep) into JSR-107 EXPIRED events for the listeners of one view, delivered on a named thread so that Hazelcast's
 * event threads never run user code. Listens to the IMap only while a local listener wants expiries.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class MapExpiryWatch<K, V> {

    private final IMap<K, V> map;
    private final EventDispatcher<K, V> events;
    private final String name;
    private @Nullable Watch watch;
    private boolean closed;

    public MapExpiryWatch(IMap<K, V> map, EventDispatcher<K, V> events, String name) {
        this.map = map;
        this.events = events;
        this.name = name;
    }

    /** Starts or stops listening to the IMap as the view's listeners now want expiry events or not. */
    public synchronized void update() {
        boolean wanted = !closed && events.wantsLocally(EventType.EXPIRED);
        if (wanted && watch == null) {
            ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "gridkeeper-jcache-expiry-" + name);
                thread.setDaemon(true);
                return thread;
            });
            UUID registration = map.addEntryListener(
                    (EntryExpiredListener<K, V>) event -> {
                        V oldValue = event.getOldValue();
                        if (oldValue != null) {
                            executor.execute(() -> events.expiredInMap(event.getKey(), oldValue));
                        }
                    },
                    true);
            watch = new Watch(registration, executor);
        } else if (!wanted && watch != null) {
            Watch stopped = watch;
            watch = null;
            try {
                map.removeEntryListener(stopped.registration());
            } catch (RuntimeException e) {
                // the instance may be gone; nothing left to remove
            }
            stopped.executor().shutdown();
        }
    }

    /** Stops listening for good. */
    public synchronized void close() {
        closed = true;
        update();
    }

    private record Watch(UUID registration, ExecutorService executor) {}
}
