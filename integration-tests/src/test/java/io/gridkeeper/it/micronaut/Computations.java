package io.gridkeeper.it.micronaut;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the values this app instance computed (cache misses that ran the method body). Thread-safe. */
@Singleton
class Computations {

    private final String instanceName;
    private final AtomicInteger count = new AtomicInteger();

    Computations(@Value("${bookshelf.instance-name}") String instanceName) {
        this.instanceName = instanceName;
    }

    /** Records one computation and returns a label naming this instance, e.g. {@code computed by a #3}. */
    String record() {
        return "computed by " + instanceName + " #" + count.incrementAndGet();
    }

    int count() {
        return count.get();
    }
}
