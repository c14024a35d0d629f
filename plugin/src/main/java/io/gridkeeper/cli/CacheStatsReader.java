package io.gridkeeper.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.jcache.configuration.CacheConfigRegistry;
import io.gridkeeper.jcache.management.ClusterStatistics;
import io.gridkeeper.jcache.management.StatisticsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the JCache adapter's cluster-wide statistics: every cache view publishes its counters to the IMap {@value
 * ClusterStatistics#MAP_NAME} every second; the caches themselves are the keys of {@value
 * CacheConfigRegistry#MAP_NAME}. Sums the views of each cache, as the adapter's statistics MXBean does.
 */
final class CacheStatsReader {

    private CacheStatsReader() {}

    /** Every cache known to the cluster, sorted by name; caches without published counters have zeros. */
    static List<CacheStats> read(HazelcastInstance client) {
        Map<String, List<StatisticsSnapshot>> byCache = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        for (Object name : client.getMap(CacheConfigRegistry.MAP_NAME).keySet()) {
            names.add(String.valueOf(name));
        }
        client.<String, StatisticsSnapshot>getMap(ClusterStatistics.MAP_NAME)
                .values()
                .forEach(snapshot -> byCache.computeIfAbsent(snapshot.cacheName(), k -> new ArrayList<>())
                        .add(snapshot));
        names.addAll(byCache.keySet());
        List<CacheStats> caches = new ArrayList<>();
        for (String name : names) {
            caches.add(sum(name, byCache.getOrDefault(name, List.of())));
        }
        return caches;
    }

    static CacheStats sum(String name, List<StatisticsSnapshot> views) {
        long hits = 0;
        long misses = 0;
        long puts = 0;
        long removals = 0;
        long evictions = 0;
        long getNanos = 0;
        long putNanos = 0;
        long removeNanos = 0;
        for (StatisticsSnapshot view : views) {
            hits += view.hits();
            misses += view.misses();
            puts += view.puts();
            removals += view.removals();
            evictions += view.evictions();
            getNanos += view.getTimeNanos();
            putNanos += view.putTimeNanos();
            removeNanos += view.removeTimeNanos();
        }
        return new CacheStats(
                name,
                hits,
                misses,
                hits + misses == 0 ? 0 : (double) hits / (hits + misses),
                puts,
                removals,
                evictions,
                micros(getNanos, hits + misses),
                micros(putNanos, puts),
                micros(removeNanos, removals),
                views.size());
    }

    private static double micros(long nanos, long count) {
        return count == 0 ? 0 : nanos / 1000.0 / count;
    }
}
