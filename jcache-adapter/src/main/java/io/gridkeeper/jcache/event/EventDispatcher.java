package io.gridkeeper.jcache.event;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The listeners of one cache view, and the events one operation produced.
 *
 * <p>Events are delivered in the calling thread once the operation has changed the map, in order of occurrence per
 * type; so the call returns after its listeners ran (asynchronous listeners are allowed to run synchronously). A
 * failing listener surfaces as {@code CacheEntryListenerException} after all listeners got the events.
 */
public final class EventDispatcher<K, V> {

    private final Cache<K, V> source;
    private final List<ListenerRegistration<K, V>> registrations = new CopyOnWriteArrayList<>();

    public EventDispatcher(Cache<K, V> source) {
        this.source = source;
    }

    /** Registers a listener. */
    public void register(CacheEntryListenerConfiguration<K, V> configuration) {
        registrations.add(new ListenerRegistration<>(configuration));
    }

    /** Removes a listener; returns whether it was registered. */
    public boolean deregister(CacheEntryListenerConfiguration<K, V> configuration) {
        for (ListenerRegistration<K, V> registration : registrations) {
            if (registration.configuration().equals(configuration)) {
                registrations.remove(registration);
                registration.close();
                return true;
            }
        }
        return false;
    }

    /** Whether any listener is registered. */
    public boolean hasListeners() {
        return !registrations.isEmpty();
    }

    /** Whether a listener wants events of this type. */
    public boolean wants(EventType type) {
        for (ListenerRegistration<K, V> registration : registrations) {
            if (registration.interestedIn(type)) {
                return true;
            }
        }
        return false;
    }

    /** A new, empty batch for one operation. */
    public Batch batch() {
        return new Batch();
    }

    /** Closes all listeners. */
    public void close() {
        registrations.forEach(ListenerRegistration::close);
        registrations.clear();
    }

    /** The events of one operation. Not thread-safe. */
    public final class Batch {
        private final Map<EventType, List<CacheEntryEvent<K, V>>> events = new EnumMap<>(EventType.class);

        /** Records that an entry was created. */
        public void created(K key, V value) {
            add(EventType.CREATED, key, value, null, false);
        }

        /** Records that an entry was updated. */
        public void updated(K key, V value, V oldValue) {
            add(EventType.UPDATED, key, value, oldValue, true);
        }

        /** Records that an entry was removed. */
        public void removed(K key, V oldValue) {
            add(EventType.REMOVED, key, oldValue, oldValue, true);
        }

        /** Records that an entry expired. */
        public void expired(K key, V oldValue) {
            add(EventType.EXPIRED, key, oldValue, oldValue, true);
        }

        private void add(EventType type, K key, @Nullable V value, @Nullable V oldValue, boolean oldAvailable) {
            if (registrations.isEmpty()) {
                return;
            }
            events.computeIfAbsent(type, t -> new ArrayList<>())
                    .add(new GridkeeperCacheEntryEvent<>(source, type, key, value, oldValue, oldAvailable));
        }

        /** Delivers the recorded events to the listeners. */
        public void dispatch() {
            if (events.isEmpty()) {
                return;
            }
            RuntimeException failure = null;
            for (Map.Entry<EventType, List<CacheEntryEvent<K, V>>> entry : events.entrySet()) {
                for (ListenerRegistration<K, V> registration : registrations) {
                    if (registration.interestedIn(entry.getKey())) {
                        try {
                            registration.deliver(entry.getKey(), entry.getValue());
                        } catch (RuntimeException e) {
                            if (failure == null) {
                                failure = e;
                            } else {
                                failure.addSuppressed(e);
                            }
                        }
                    }
                }
            }
            events.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
