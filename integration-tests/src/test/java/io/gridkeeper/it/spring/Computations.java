package io.gridkeeper.it.spring;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Counts the values this app instance computed (cache misses that ran the method body). Thread-safe. */
@Component
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
