package io.gridkeeper.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import javax.cache.Cache;

/**
 * The ledgered part every fault scenario shares: {@value #WRITERS} writers put through a cache while the scenario's
 * {@link Fault} runs; once it returns, the writers must acknowledge 100 more writes, then they stop, the figures go to
 * {@link FaultResults} as one row, and every acknowledged write must still be in the cache ({@link Ledger}).
 *
 * <p>Runs on the calling thread; the figures are read before the writers stop, the ledger is checked after.
 */
final class FaultScenario {

    private static final int WRITERS = 4;

    private FaultScenario() {}

    /** What a scenario does to the cluster while the writers run. */
    @FunctionalInterface
    interface Fault {

        /** Injects the fault, waits until the cluster recovered, and returns the (worst) time it took to recover. */
        Duration inject(Workload workload) throws Exception;
    }

    /**
     * Runs {@code fault} under the writers, records the row {@code scenario | faults | figures} and asserts that no
     * acknowledged write was lost.
     */
    static void run(String scenario, String faults, Cache<String, Long> cache, Fault fault) throws Exception {
        Ledger ledger = new Ledger();
        long operations;
        long acknowledged;
        long failures;
        Duration recovery;
        try (Workload workload = new Workload(cache, ledger, WRITERS)) {
            recovery = fault.inject(workload);
            workload.awaitProgress(100);
            operations = workload.operations();
            acknowledged = workload.acknowledged();
            failures = workload.failures();
        }
        Map<String, String> lost = ledger.lost(cache::get);
        FaultResults.record(scenario, faults, operations, acknowledged, failures, lost.size(), recovery);
        assertThat(ledger.size()).isPositive();
        assertThat(lost).as("acknowledged writes lost (expected -> found)").isEmpty();
    }
}
