package io.gridkeeper.it.jcache.bench;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Reads (hits) through Gridkeeper's provider with and without its near cache. */
@State(Scope.Benchmark)
public class NearCacheBenchmark {

    @Param({"member", "client"})
    public String mode;

    @Param({"gridkeeper", "gridkeeper-near"})
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
