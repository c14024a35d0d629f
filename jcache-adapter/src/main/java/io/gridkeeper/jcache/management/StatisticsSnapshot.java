package io.gridkeeper.jcache.management;

import java.io.Serializable;

/** The counters of one cache view, as published for the other members and clients. */
public record StatisticsSnapshot(
        String cacheName,
        long hits,
        long misses,
        long puts,
        long removals,
        long evictions,
        long getTimeNanos,
        long putTimeNanos,
        long removeTimeNanos)
        implements Serializable {

    /** The sum of two snapshots of the same cache. */
    StatisticsSnapshot plus(StatisticsSnapshot other) {
        return new StatisticsSnapshot(
                cacheName,
                hits + other.hits,
                misses + other.misses,
                puts + other.puts,
                removals + other.removals,
                evictions + other.evictions,
                getTimeNanos + other.getTimeNanos,
                putTimeNanos + other.putTimeNanos,
                removeTimeNanos + other.removeTimeNanos);
    }
}
