package io.gridkeeper.cli;

import com.hazelcast.core.HazelcastInstance;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.curator.framework.CuratorFramework;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gridkeeper caches}: the JCache caches of the cluster with their cluster-wide statistics. */
@Command(
        name = "caches",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the cluster's JCache caches (Gridkeeper JCache adapter) with their cluster-wide statistics: hits,"
                    + " misses, hit ratio, puts, removals, evictions, average latencies. Counters come from caches"
                    + " with statistics enabled (MutableConfiguration.setStatisticsEnabled(true)), summed over every"
                    + " member and client view; they are published every second."
        })
public final class CachesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        ClusterStatusReader reader = new ClusterStatusReader(cluster, output.timeout());
        int registered;
        try (CuratorFramework curator = ZookeeperConnection.open(cluster, output.timeout())) {
            registered = ClusterStatusReader.readRegistry(curator, cluster.clusterPath())
                    .entries()
                    .size();
        }
        HazelcastInstance client = reader.connectCluster(cluster.connectStringOrDev(), registered);
        List<CacheStats> caches;
        try {
            caches = CacheStatsReader.read(client);
        } finally {
            client.shutdown();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(output.json ? OutputOptions.json(caches) : text(caches));
        out.flush();
        return 0;
    }

    static String text(List<CacheStats> caches) {
        if (caches.isEmpty()) {
            return "No JCache caches in this cluster (none created through the Gridkeeper JCache adapter)";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "CACHE", "HITS", "MISSES", "HIT%", "PUTS", "REMOVALS", "EVICTIONS", "GET-US", "PUT-US", "REMOVE-US"
        });
        for (CacheStats cache : caches) {
            rows.add(new String[] {
                cache.name(),
                Long.toString(cache.hits()),
                Long.toString(cache.misses()),
                cache.gets() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", cache.hitRatio() * 100),
                Long.toString(cache.puts()),
                Long.toString(cache.removals()),
                Long.toString(cache.evictions()),
                String.format(Locale.ROOT, "%.1f", cache.averageGetMicros()),
                String.format(Locale.ROOT, "%.1f", cache.averagePutMicros()),
                String.format(Locale.ROOT, "%.1f", cache.averageRemoveMicros())
            });
        }
        return Table.format(rows);
    }
}
