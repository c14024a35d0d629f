package io.gridkeeper.it.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every acknowledged write: key to the last value whose {@code put} returned normally. Each key belongs to one writer
 * thread, and a writer retries a failed write with the same value until it is acknowledged, so the stored value of
 * a key must equal its last acknowledged value exactly, with one exception: a write that failed (threw) when the
 * writers stopped may or may not have taken effect (for example an {@code IndeterminateOperationStateException}), so
 * that one attempted value is accepted too. Nothing older is.
 */
final class Ledger {

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Long> unconfirmed = new ConcurrentHashMap<>();

    /** A write of {@code value} is about to be attempted; until acknowledged it may or may not take effect. */
    void attempt(String key, long value) {
        unconfirmed.put(key, value);
    }

    void acknowledge(String key, long value) {
        acknowledged.put(key, value);
        unconfirmed.remove(key, value);
    }

    int size() {
        return acknowledged.size();
    }

    /**
     * Keys whose stored value is neither the last acknowledged one nor a later attempted one that was never
     * acknowledged, with {@code expected -> found}.
     */
    Map<String, String> lost(Function<String, Long> store) {
        Map<String, String> lost = new TreeMap<>();
        acknowledged.forEach((key, expected) -> {
            Long found = store.apply(key);
            if (!expected.equals(found) && !(found != null && found.equals(unconfirmed.get(key)))) {
                lost.put(key, expected + " -> " + found);
            }
        });
        return lost;
    }
}
