package io.gridkeeper.it.jcache.bench;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JCache operations on a 2-member loopback cluster, through member 0 or a client: Gridkeeper's provider, Hazelcast's
 * provider and the raw IMap, on 10,000 keys spread over all partitions.
 */
@State(Scope.Benchmark)
public class JCacheBenchmark {

    @Param({"member", "client"})
    public String mode;

    @Param({"gridkeeper", "hazelcast", "imap"})
    public String implementation;

    private Target target;

    @Setup(Level.Trial)
    public void setUp() {
        target = Target.of(implementation, mode, "bench-" + implementation + "-" + mode);
    }

    private static Integer key() {
        return ThreadLocalRandom.current().nextInt(Target.KEYS);
    }

    @Benchmark
    public Integer get() {
        return target.get(key());
    }

    @Benchmark
    public void put() {
        Integer key = key();
        target.put(key, key);
    }

    @Benchmark
    public Integer getAndPut() {
        Integer key = key();
        return target.getAndPut(key, key);
    }

    @Benchmark
    public boolean replace() {
        Integer key = key();
        return target.replace(key, key);
    }

    @Benchmark
    public Integer invokeIncrement() {
        return target.increment(key());
    }

    @Benchmark
    public Object mix90Get10Put() {
        Integer key = key();
        if (ThreadLocalRandom.current().nextInt(10) == 0) {
            target.put(key, key);
            return key;
        }
        return target.get(key);
    }
}
