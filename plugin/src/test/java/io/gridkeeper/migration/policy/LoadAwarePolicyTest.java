package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Views.T0;
import static io.gridkeeper.migration.policy.Views.at;
import static io.gridkeeper.migration.policy.Views.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.InvalidConfigurationException;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.LoadSample;
import io.gridkeeper.migration.LoadSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

final class LoadAwarePolicyTest {

    private final LoadAwarePolicy policy = new LoadAwarePolicy.Factory()
            .create(settings("max-operations-per-second", "5000", "max-cpu-percent", "70", "max-defer-seconds", "600"));

    /** A load source the test steers, as the controller's sampler would be. */
    private final AtomicReference<List<LoadSample>> samples = new AtomicReference<>(List.of());

    private final LoadSource load = samples::get;

    @Test
    void decide_operationRateAboveThreshold_holdsUntilMaxDefer() {
        samples.set(List.of(new LoadSample("n1", 4000, 20), new LoadSample("n2", 3000, 30)));

        Decision decision = policy.decide(
                at(10).departure("n3", null, T0).load(load.sample()).build());

        assertThat(decision)
                .isEqualTo(Decision.hold(
                        "load-aware",
                        T0.plusSeconds(600),
                        "cluster busy, operation rate too high: operation rate [7000/s] over [2] members, cpu [30%]"
                                + " on busiest member [n2], thresholds [max-operations-per-second=5000]"
                                + " [max-cpu-percent=70]; left [n3], waiting for load to drop, at most until"
                                + " [2026-11-21T10:10:00Z] [max-defer-seconds=600]"));
    }

    @Test
    void decide_cpuAboveThreshold_holds() {
        samples.set(List.of(new LoadSample("n1", 10, 95), new LoadSample("n2", 10, 5)));

        Decision decision = policy.decide(
                at(10).departure("n3", null, T0).load(load.sample()).build());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.explanation())
                .startsWith("cluster busy, cpu too high")
                .contains("cpu [95%]", "[n1]");
    }

    @Test
    void decide_loadDropped_rebalances() {
        samples.set(List.of(new LoadSample("n1", 9000, 90)));
        Decision busy = policy.decide(
                at(10).departure("n3", null, T0).load(load.sample()).build());
        samples.set(List.of(new LoadSample("n1", 100, 10)));

        Decision quiet = policy.decide(
                at(20).departure("n3", null, T0).load(load.sample()).build());

        assertThat(busy.isHold()).isTrue();
        assertThat(quiet)
                .isEqualTo(Decision.rebalance(
                        "load-aware",
                        "operation rate [100/s] over [1] members, cpu [10%] on busiest member [n1] within"
                                + " [max-operations-per-second=5000] [max-cpu-percent=70]; left [n3]"));
    }

    @Test
    void decide_busyPastMaxDefer_rebalances() {
        samples.set(List.of(new LoadSample("n1", 9000, 90)));

        Decision decision = policy.decide(
                at(600).departure("n3", null, T0).load(load.sample()).build());

        assertThat(decision.isRebalance()).isTrue();
        assertThat(decision.explanation()).contains("waited [600s]", "[max-defer-seconds=600]");
    }

    @Test
    void decide_noSamples_rebalances() {
        Decision decision = policy.decide(at(10).departure("n3", null, T0).build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance("load-aware", "no load samples, nothing to wait for; left [n3]"));
    }

    @Test
    void factory_cpuOutOfRange_namesKeyValueAndRange() {
        assertThatThrownBy(() -> new LoadAwarePolicy.Factory().create(settings("max-cpu-percent", "150")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'max-cpu-percent' must be between 1 and 100 but was [150]");
    }

    @Test
    void factory_scopedKey_winsOverPlainKey() {
        LoadAwarePolicy scoped = new LoadAwarePolicy.Factory()
                .create(settings("max-defer-seconds", "60", "load-aware.max-defer-seconds", "900")
                        .scoped("load-aware"));
        samples.set(List.of(new LoadSample("n1", 1, 99)));

        Decision decision = scoped.decide(at(0).load(load.sample()).build());

        assertThat(decision.until()).isEqualTo(T0.plusSeconds(900));
    }
}
