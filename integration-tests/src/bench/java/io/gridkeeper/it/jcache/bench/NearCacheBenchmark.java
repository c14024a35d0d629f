package io.gridkeeper.it.jcache.bench;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reads (hits) through Gridkeeper's provider without and with its near cache, and over a map with Hazelcast's
 * {@code read-backup-data} (member mode: a member reads its local replica), next to Hazelcast's JCache.
 */
@State(Scope.Benchmark)
public class NearCacheBenchmark {

    @Param({"member", "client"})
    public String mode;

    @Param({"gridkeeper", "gridkeeper-near", "gridkeeper-local", "hazelcast"})
    public String implementation;

    private Target target;

    @Setup(Level.Trial)
    public void setUp() {
        target = Target.of(implementation, mode, "near-" + implementation + "-" + mode);
    }

    @Benchmark
    public Integer get() {
        return target.get(ThreadLocalRandom.current().nextInt(Target.KEYS));
    }
}
