package io.gridkeeper.it.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every acknowledged write: key to the last value whose {@code put} returned normally. Each key belongs to one writer
 * thread, and a writer retries a failed write with the same value until it is acknowledged, so the stored value of
 * a key must equal its last acknowledged value exactly.
 */
final class Ledger {

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

    void acknowledge(String key, long value) {
        acknowledged.put(key, value);
    }

    int size() {
        return acknowledged.size();
    }

    /** Keys whose stored value differs from the last acknowledged one, with {@code expected -> found}. */
    Map<String, String> lost(Function<String, Long> store) {
        Map<String, String> lost = new TreeMap<>();
        acknowledged.forEach((key, expected) -> {
            Long found = store.apply(key);
            if (!expected.equals(found)) {
                lost.put(key, expected + " -> " + found);
            }
        });
        return lost;
    }
}
