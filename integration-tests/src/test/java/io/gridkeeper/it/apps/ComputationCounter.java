package io.gridkeeper.it.apps;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the values one app instance computed (cache misses that ran the method body). Each framework's
 * {@code Computations} bean extends it and adds its own annotations. Thread-safe.
 */
public class ComputationCounter {

    private final String instanceName;
    private final AtomicInteger count = new AtomicInteger();

    protected ComputationCounter(String instanceName) {
        this.instanceName = instanceName;
    }

    /** Records one computation and returns a label naming this instance, e.g. {@code computed by a #3}. */
    public String record() {
        return "computed by " + instanceName + " #" + count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
