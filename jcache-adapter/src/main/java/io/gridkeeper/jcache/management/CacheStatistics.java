package io.gridkeeper.jcache.management;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * The JSR-107 statistics of one cache view, counted by the caller that ran each operation.
 *
 * <p>Counting follows the specification's rules (a get is a hit or a miss, a put counts only when a value is stored,
 * removals only when an entry was removed). Average times are in microseconds. Thread-safe.
 */
public final class CacheStatistics implements CacheStatisticsMXBean {

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder removals = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder getTimeNanos = new LongAdder();
    private final LongAdder putTimeNanos = new LongAdder();
    private final LongAdder removeTimeNanos = new LongAdder();
    private volatile boolean enabled;

    public CacheStatistics(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The start of a timed operation: {@link System#nanoTime()}, or 0 without a clock read when disabled. */
    public long start() {
        return enabled ? System.nanoTime() : 0;
    }

    /** Counts one read as a hit when the entry was present, else as a miss. */
    public void read(boolean present) {
        if (enabled) {
            (present ? hits : misses).increment();
        }
    }

    /** Counts one stored value and the time of the put that stored it (not at all when started while disabled). */
    public void put(long startNanos) {
        if (enabled && startNanos != 0) {
            puts.increment();
            putTimeNanos.add(System.nanoTime() - startNanos);
        }
    }

    /** Counts one removed entry and the time of the removal. */
    public void removal(long startNanos) {
        if (enabled && startNanos != 0) {
            removals.increment();
            removeTimeNanos.add(System.nanoTime() - startNanos);
        }
    }

    public void hits(long count) {
        if (enabled) {
            hits.add(count);
        }
    }

    public void misses(long count) {
        if (enabled) {
            misses.add(count);
        }
    }

    public void puts(long count) {
        if (enabled) {
            puts.add(count);
        }
    }

    public void removals(long count) {
        if (enabled) {
            removals.add(count);
        }
    }

    public void getTime(long startNanos) {
        if (enabled && startNanos != 0) {
            getTimeNanos.add(System.nanoTime() - startNanos);
        }
    }

    public void putTime(long startNanos) {
        if (enabled && startNanos != 0) {
            putTimeNanos.add(System.nanoTime() - startNanos);
        }
    }

    public void removeTime(long startNanos) {
        if (enabled && startNanos != 0) {
            removeTimeNanos.add(System.nanoTime() - startNanos);
        }
    }

    /** The counters now. */
    public StatisticsSnapshot snapshot(String cacheName) {
        return new StatisticsSnapshot(
                cacheName,
                hits.sum(),
                misses.sum(),
                puts.sum(),
                removals.sum(),
                evictions.sum(),
                getTimeNanos.sum(),
                putTimeNanos.sum(),
                removeTimeNanos.sum());
    }

    @Override
    public void clear() {
        for (LongAdder adder :
                new LongAdder[] {hits, misses, puts, removals, evictions, getTimeNanos, putTimeNanos, removeTimeNanos
                }) {
            adder.reset();
        }
    }

    @Override
    public long getCacheHits() {
        return hits.sum();
    }

    @Override
    public float getCacheHitPercentage() {
        long gets = getCacheGets();
        return gets == 0 ? 0 : getCacheHits() * 100f / gets;
    }

    @Override
    public long getCacheMisses() {
        return misses.sum();
    }

    @Override
    public float getCacheMissPercentage() {
        long gets = getCacheGets();
        return gets == 0 ? 0 : getCacheMisses() * 100f / gets;
    }

    @Override
    public long getCacheGets() {
        return hits.sum() + misses.sum();
    }

    @Override
    public long getCachePuts() {
        return puts.sum();
    }

    @Override
    public long getCacheRemovals() {
        return removals.sum();
    }

    @Override
    public long getCacheEvictions() {
        return evictions.sum();
    }

    @Override
    public float getAverageGetTime() {
        return average(getTimeNanos.sum(), getCacheGets());
    }

    @Override
    public float getAveragePutTime() {
        return average(putTimeNanos.sum(), getCachePuts());
    }

    @Override
    public float getAverageRemoveTime() {
        return average(removeTimeNanos.sum(), getCacheRemovals());
    }

    private static float average(long totalNanos, long count) {
        return count == 0 ? 0 : totalNanos / 1000f / count;
    }
}
