package io.gridkeeper.it.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;

/**
 * Writer threads that put {@code key -> sequence} through a JCache {@link Cache} until stopped, recording each
 * acknowledged write in the {@link Ledger}. A failed write is retried with the same value until it succeeds, so a
 * write that failed but was applied can never leave a newer value than the ledger's.
 */
final class Workload implements AutoCloseable {

    private static final int KEYS_PER_WRITER = 500;

    private final Cache<String, Long> cache;
    private final Ledger ledger;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<Thread> writers = new ArrayList<>();

    Workload(Cache<String, Long> cache, Ledger ledger, int writerCount) {
        this.cache = cache;
        this.ledger = ledger;
        for (int i = 0; i < writerCount; i++) {
            int writer = i;
            Thread thread = new Thread(() -> write(writer), "fault-writer-" + i);
            thread.setDaemon(true);
            writers.add(thread);
        }
        writers.forEach(Thread::start);
    }

    private void write(int writer) {
        long sequence = 0;
        while (running.get()) {
            sequence++;
            String key = "w" + writer + "-" + (sequence % KEYS_PER_WRITER);
            boolean done = false;
            ledger.attempt(key, sequence);
            while (!done && running.get()) {
                operations.incrementAndGet();
                try {
                    cache.put(key, sequence);
                    ledger.acknowledge(key, sequence);
                    acknowledged.incrementAndGet();
                    done = true;
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    // back off a little; parkNanos keeps the loop from spinning while the cluster recovers
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                }
            }
        }
    }

    long operations() {
        return operations.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failures() {
        return failures.get();
    }

    /** Waits until the writers have acknowledged {@code writes} more writes than now: proof they work again. */
    void awaitProgress(long writes) {
        long from = acknowledged();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged() > from + writes);
    }

    /** Stops the writers and waits for them; an unacknowledged last write is simply not in the ledger. */
    @Override
    public void close() {
        running.set(false);
        for (Thread writer : writers) {
            try {
                writer.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
