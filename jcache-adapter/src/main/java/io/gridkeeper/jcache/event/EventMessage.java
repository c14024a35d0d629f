package io.gridkeeper.jcache.event;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The events of one operation, published to the other views of a cache.
 *
 * @param id unique per message, echoed in acknowledgements
 * @param origin the view that ran the operation
 * @param events the events in order
 * @param acknowledgeBy the views with synchronous listeners the origin waits for
 */
record EventMessage(String id, String origin, List<EventRecord> events, Set<String> acknowledgeBy)
        implements Serializable {}
