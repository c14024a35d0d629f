package io.gridkeeper.jcache.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The listeners of one cache view, and the events one operation produced.
 *
 * <p>Events are delivered in the calling thread once the operation has changed the map, in order of occurrence;
 * then they are published to the cache's views on other members and clients ({@link ClusterEventBus}), and the call
 * returns once their synchronous listeners ran. A failing local listener surfaces as {@code
 * CacheEntryListenerException} after all listeners got the events.
 */
public final class EventDispatcher<K, V> {

    private final Cache<K, V> source;
    private final @Nullable ClusterEventBus bus;
    private final List<ListenerRegistration<K, V>> registrations = new CopyOnWriteArrayList<>();
    private final Batch silent = new Batch(false);

    public EventDispatcher(Cache<K, V> source, @Nullable ClusterEventBus bus) {
        this.source = source;
        this.bus = bus;
    }

    /** Registers a listener. */
    public void register(CacheEntryListenerConfiguration<K, V> configuration) {
        registrations.add(new ListenerRegistration<>(configuration));
        announce();
    }

    /** Removes a listener; returns whether it was registered. */
    public boolean deregister(CacheEntryListenerConfiguration<K, V> configuration) {
        for (ListenerRegistration<K, V> registration : registrations) {
            if (registration.configuration().equals(configuration)) {
                registrations.remove(registration);
                registration.close();
                announce();
                return true;
            }
        }
        return false;
    }

    private void announce() {
        if (bus != null) {
            boolean synchronous = registrations.stream().anyMatch(ListenerRegistration::isSynchronous);
            bus.listen(registrations.isEmpty() ? null : this::receive, synchronous);
        }
    }

    /** Whether a listener here or in another view of the cache wants events. */
    public boolean hasListeners() {
        return !registrations.isEmpty() || (bus != null && bus.hasRemoteViews());
    }

    /** Whether a listener of this view wants events of the type. */
    public boolean wantsLocally(EventType type) {
        for (ListenerRegistration<K, V> registration : registrations) {
            if (registration.interestedIn(type)) {
                return true;
            }
        }
        return false;
    }

    /** Delivers an expiry Hazelcast detected (a TTL ran out) to this view's listeners only. */
    public void expiredInMap(K key, V oldValue) {
        deliver(List.of(new GridkeeperCacheEntryEvent<>(source, EventType.EXPIRED, key, oldValue, oldValue, true)));
    }

    /**
     * A new, empty batch for one operation; when no listener anywhere wants events, a shared batch that records
     * nothing (no allocation on the hot path).
     */
    public Batch batch() {
        return hasListeners() ? new Batch(true) : silent;
    }

    /** Closes all listeners and leaves the cluster's event bus. */
    public void close() {
        if (bus != null) {
            bus.close();
        }
        registrations.forEach(ListenerRegistration::close);
        registrations.clear();
    }

    @SuppressWarnings("unchecked")
    private void receive(List<EventRecord> records) {
        List<CacheEntryEvent<K, V>> received = new ArrayList<>(records.size());
        for (EventRecord record : records) {
            received.add(new GridkeeperCacheEntryEvent<>(
                    source,
                    record.type(),
                    (K) record.key(),
                    (V) record.value(),
                    (V) record.oldValue(),
                    record.oldValueAvailable()));
        }
        deliver(received);
    }

    /** Delivers events in order: each run of events of one type goes to the listeners of that type. */
    private void deliver(List<CacheEntryEvent<K, V>> events) {
        RuntimeException failure = null;
        int start = 0;
        while (start < events.size()) {
            EventType type = events.get(start).getEventType();
            int end = start;
            while (end < events.size() && events.get(end).getEventType() == type) {
                end++;
            }
            List<CacheEntryEvent<K, V>> run = events.subList(start, end);
            for (ListenerRegistration<K, V> registration : registrations) {
                if (registration.interestedIn(type)) {
                    try {
                        registration.deliver(type, run);
                    } catch (RuntimeException e) {
                        if (failure == null) {
                            failure = e;
                        } else {
                            failure.addSuppressed(e);
                        }
                    }
                }
            }
            start = end;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The events of one operation. Not thread-safe. */
    public final class Batch {
        private final List<CacheEntryEvent<K, V>> events;
        private final boolean recording;

        private Batch(boolean recording) {
            this.recording = recording;
            this.events = recording ? new ArrayList<>() : List.of();
        }

        /** Whether the batch records events (some listener wants them). */
        public boolean isRecording() {
            return recording;
        }

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
            if (recording) {
                events.add(new GridkeeperCacheEntryEvent<>(source, type, key, value, oldValue, oldAvailable));
            }
        }

        /** Delivers the recorded events here, then to the other views of the cache. */
        public void dispatch() {
            if (events.isEmpty()) {
                return;
            }
            RuntimeException failure = null;
            try {
                deliver(events);
            } catch (RuntimeException e) {
                failure = e;
            }
            if (bus != null) {
                List<EventRecord> records = new ArrayList<>(events.size());
                for (CacheEntryEvent<K, V> event : events) {
                    records.add(new EventRecord(
                            event.getEventType(),
                            event.getKey(),
                            event.getValue(),
                            event.getOldValue(),
                            event.isOldValueAvailable()));
                }
                bus.publish(records);
            }
            events.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
