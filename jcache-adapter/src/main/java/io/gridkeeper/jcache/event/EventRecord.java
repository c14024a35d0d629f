package io.gridkeeper.jcache.event;

import java.io.Serializable;
import javax.cache.event.EventType;
import org.jspecify.annotations.Nullable;

/** An event as it travels between members and clients. */
record EventRecord(
        EventType type,
        Object key,
        @Nullable Object value,
        @Nullable Object oldValue,
        boolean oldValueAvailable) implements Serializable {}
