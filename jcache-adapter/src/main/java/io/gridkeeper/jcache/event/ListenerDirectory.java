package io.gridkeeper.jcache.event;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.io.Closeable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cache views in the cluster have listeners: an IMap named {@value #MAP_NAME} from view id to {@link
 * ListenerView}, mirrored locally through an entry listener so that publishing an event needs no lookup.
 *
 * <p>One per cache manager. Thread-safe; {@link #close()} is idempotent.
 */
public final class ListenerDirectory implements Closeable {

    /** The IMap of views with listeners. */
    public static final String MAP_NAME = "__gridkeeper.jcache.listeners";

    private final IMap<String, ListenerView> map;
    private final Map<String, ListenerView> views = new ConcurrentHashMap<>();
    private final UUID registration;
    private final HazelcastInstance instance;

    public ListenerDirectory(HazelcastInstance instance) {
        this.instance = instance;
        this.map = instance.getMap(MAP_NAME);
        this.registration = map.addEntryListener(new Mirror(), true);
        views.putAll(map);
    }

    /** The instance the directory lives in. */
    HazelcastInstance instance() {
        return instance;
    }

    /** Announces (or updates) a view with listeners. */
    void announce(String viewId, ListenerView view) {
        views.put(viewId, view);
        map.set(viewId, view);
    }

    /** Withdraws a view. */
    void withdraw(String viewId) {
        views.remove(viewId);
        map.delete(viewId);
    }

    /** Whether a view other than {@code self} has listeners for the cache. */
    boolean hasRemoteViews(String cacheName, String self) {
        for (Map.Entry<String, ListenerView> entry : views.entrySet()) {
            if (entry.getValue().cacheName().equals(cacheName)
                    && !entry.getKey().equals(self)) {
                return true;
            }
        }
        return false;
    }

    /** The views other than {@code self} with synchronous listeners for the cache. */
    java.util.Set<String> synchronousRemoteViews(String cacheName, String self) {
        java.util.Set<String> result = new java.util.HashSet<>();
        views.forEach((id, view) -> {
            if (view.cacheName().equals(cacheName) && view.synchronous() && !id.equals(self)) {
                result.add(id);
            }
        });
        return result;
    }

    /** Whether a view is still registered. */
    boolean isRegistered(String viewId) {
        return views.containsKey(viewId);
    }

    @Override
    public void close() {
        try {
            map.removeEntryListener(registration);
        } catch (RuntimeException e) {
            // the instance may be shutting down; nothing left to remove
        }
    }

    private final class Mirror
            implements EntryAddedListener<String, ListenerView>,
                    EntryUpdatedListener<String, ListenerView>,
                    EntryRemovedListener<String, ListenerView> {
        @Override
        public void entryAdded(EntryEvent<String, ListenerView> event) {
            views.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, ListenerView> event) {
            views.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, ListenerView> event) {
            views.remove(event.getKey());
        }
    }
}
