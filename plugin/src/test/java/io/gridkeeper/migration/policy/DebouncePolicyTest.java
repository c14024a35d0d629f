package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Views.T0;
import static io.gridkeeper.migration.policy.Views.at;
import static io.gridkeeper.migration.policy.Views.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.InvalidConfigurationException;
import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class DebouncePolicyTest {

    private final DebouncePolicy policy = new DebouncePolicy(Duration.ofSeconds(30), Duration.ofSeconds(120));

    @Test
    void decide_threeJoinsStillComing_holdsUntilQuiet() {
        Decision decision = policy.decide(threeJoins(25));

        assertThat(decision)
                .isEqualTo(Decision.hold(
                        "debounce",
                        T0.plusSeconds(50),
                        "[3] members joined [n4, n5, n6], last membership change [5s] ago; waiting until"
                                + " [2026-11-21T10:00:50Z] for [quiet-seconds=30] without changes, at most until"
                                + " [2026-11-21T10:02:00Z] [max-seconds=120]"));
    }

    @Test
    void decide_quietLongEnough_rebalancesOnceForAllJoins() {
        Decision decision = policy.decide(threeJoins(50));

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                        "debounce",
                        "membership quiet for [30s] after [3] joins [n4, n5, n6] [quiet-seconds=30]; one rebalance"
                                + " for all of them"));
    }

    @Test
    void decide_joinsKeepComing_holdIsBoundedByMaxSeconds() {
        Decision decision = policy.decide(at(110).arrival("n4", "a", T0, false)
                .arrival("n5", "b", T0.plusSeconds(105), false)
                .build());

        assertThat(decision.until()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void decide_joinsPastMaxSeconds_rebalances() {
        Decision decision = policy.decide(at(120).arrival("n4", "a", T0, false)
                .arrival("n5", "b", T0.plusSeconds(115), false)
                .build());

        assertThat(decision.isRebalance()).isTrue();
        assertThat(decision.explanation()).contains("began [120s] ago", "[max-seconds=120]");
    }

    @Test
    void decide_onlyDepartures_rebalances() {
        Decision decision = policy.decide(at(1).departure("n3", "c", T0).build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                        "debounce", "members [n3] left and none joined; the debounce policy holds only joins"));
    }

    @Test
    void decide_balanced_holdsAheadToCatchTheFirstJoin() {
        Decision decision = policy.decide(at(0).build());

        assertThat(decision.until()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void factory_maxBelowQuiet_namesBothKeys() {
        assertThatThrownBy(
                        () -> new DebouncePolicy.Factory().create(settings("quiet-seconds", "60", "max-seconds", "30")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'max-seconds' must be at least quiet-seconds [60] but was [30]");
    }

    @Test
    void factory_zeroQuiet_namesKeyValueAndRange() {
        assertThatThrownBy(() -> new DebouncePolicy.Factory().create(settings("quiet-seconds", "0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'quiet-seconds' must be between 1 and 31622400 but was [0]");
    }

    /** Members n4, n5 and n6 joined at T0, T0+10s and T0+20s. */
    private static ClusterView threeJoins(long secondsLater) {
        return at(secondsLater)
                .arrival("n4", "a", T0, false)
                .arrival("n5", "b", T0.plusSeconds(10), false)
                .arrival("n6", "c", T0.plusSeconds(20), false)
                .build();
    }
}
