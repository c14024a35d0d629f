package io.gridkeeper.jcache.event;

import io.gridkeeper.jcache.integration.Closeables;
import java.util.List;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/** One registered listener with its filter, created from its configuration's factories. */
final class ListenerRegistration<K, V> {

    private final CacheEntryListenerConfiguration<K, V> configuration;
    private final CacheEntryListener<? super K, ? super V> listener;
    private final @Nullable CacheEntryEventFilter<? super K, ? super V> filter;

    ListenerRegistration(CacheEntryListenerConfiguration<K, V> configuration) {
        this.configuration = configuration;
        this.listener = configuration.getCacheEntryListenerFactory().create();
        Factory<CacheEntryEventFilter<? super K, ? super V>> filterFactory =
                configuration.getCacheEntryEventFilterFactory();
        this.filter = filterFactory == null ? null : filterFactory.create();
    }

    CacheEntryListenerConfiguration<K, V> configuration() {
        return configuration;
    }

    boolean isSynchronous() {
        return configuration.isSynchronous();
    }

    boolean interestedIn(EventType type) {
        return switch (type) {
            case CREATED -> listener instanceof CacheEntryCreatedListener;
            case UPDATED -> listener instanceof CacheEntryUpdatedListener;
            case REMOVED -> listener instanceof CacheEntryRemovedListener;
            case EXPIRED -> listener instanceof CacheEntryExpiredListener;
        };
    }

    /** Delivers the events of one type that pass the filter. */
    @SuppressWarnings("unchecked")
    void deliver(EventType type, List<CacheEntryEvent<K, V>> events) {
        List<CacheEntryEvent<K, V>> accepted =
                filter == null ? events : events.stream().filter(this::accepts).toList();
        if (accepted.isEmpty()) {
            return;
        }
        Iterable<CacheEntryEvent<? extends K, ? extends V>> batch = (Iterable) accepted;
        try {
            switch (type) {
                case CREATED -> ((CacheEntryCreatedListener<K, V>) listener).onCreated(batch);
                case UPDATED -> ((CacheEntryUpdatedListener<K, V>) listener).onUpdated(batch);
                case REMOVED -> ((CacheEntryRemovedListener<K, V>) listener).onRemoved(batch);
                case EXPIRED -> ((CacheEntryExpiredListener<K, V>) listener).onExpired(batch);
            }
        } catch (CacheEntryListenerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheEntryListenerException("Listener " + listener + " failed on " + type + " events", e);
        }
    }

    private boolean accepts(CacheEntryEvent<K, V> event) {
        try {
            return filter.evaluate((CacheEntryEvent<? extends K, ? extends V>) event);
        } catch (CacheEntryListenerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheEntryListenerException("Filter " + filter + " failed on " + event, e);
        }
    }

    void close() {
        Closeables.closeQuietly(listener);
        Closeables.closeQuietly(filter);
    }
}
