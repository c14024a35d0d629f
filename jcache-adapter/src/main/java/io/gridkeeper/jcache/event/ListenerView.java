package io.gridkeeper.jcache.event;

import java.io.Serializable;

/**
 * A cache view somewhere in the cluster that has listeners.
 *
 * @param cacheName the cache
 * @param synchronous whether one of its listeners is synchronous (the origin of an event waits for it)
 */
public record ListenerView(String cacheName, boolean synchronous) implements Serializable {}
