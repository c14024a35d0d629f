package io.gridkeeper.cli;

/**
 * Cluster-wide JSR-107 statistics of one cache, summed over every view that publishes them.
 *
 * @param name the cache
 * @param hits cache hits
 * @param misses cache misses
 * @param hitRatio hits / (hits + misses), 0 without gets
 * @param puts puts
 * @param removals removals
 * @param evictions evictions
 * @param averageGetMicros average get time in microseconds
 * @param averagePutMicros average put time in microseconds
 * @param averageRemoveMicros average remove time in microseconds
 * @param views how many views (cache managers on members and clients) published counters
 */
record CacheStats(
        String name,
        long hits,
        long misses,
        double hitRatio,
        long puts,
        long removals,
        long evictions,
        double averageGetMicros,
        double averagePutMicros,
        double averageRemoveMicros,
        int views) {

    long gets() {
        return hits + misses;
    }
}
