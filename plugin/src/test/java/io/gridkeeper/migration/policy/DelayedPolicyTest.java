package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Views.T0;
import static io.gridkeeper.migration.policy.Views.at;
import static io.gridkeeper.migration.policy.Views.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.InvalidConfigurationException;
import io.gridkeeper.migration.Decision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class DelayedPolicyTest {

    private final DelayedPolicy policy = new DelayedPolicy(Duration.ofSeconds(60));

    @Test
    void decide_memberLeft_holdsForGraceFromDeparture() {
        Decision decision = policy.decide(at(12).departure("n4", "d", T0).build());

        assertThat(decision)
                .isEqualTo(Decision.hold(
                        "delayed",
                        T0.plusSeconds(60),
                        "members [n4] missing, last membership change [12s] ago at [2026-11-21T10:00:00Z]; waiting"
                                + " for them to return until [2026-11-21T10:01:00Z] [grace-seconds=60], the timer"
                                + " restarts on each membership change"));
    }

    @Test
    void decide_anotherChangeDuringHold_restartsTimer() {
        Decision decision = policy.decide(at(50).departure("n4", "d", T0)
                .arrival("n5", "a", T0.plusSeconds(40), false)
                .build());

        assertThat(decision.type()).isEqualTo(Decision.Type.HOLD);
        assertThat(decision.until()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void decide_memberStillMissingAtDeadline_rebalances() {
        Decision decision = policy.decide(at(60).departure("n4", "d", T0).build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                        "delayed",
                        "members [n4] still missing [60s] after the last membership change at"
                                + " [2026-11-21T10:00:00Z], the limit [grace-seconds=60]"));
    }

    @Test
    void decide_memberReturnedWithinGrace_rebalancesOnce() {
        Decision decision = policy.decide(
                at(20).arrival("n4", "d", T0.plusSeconds(20), true).build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                        "delayed",
                        "members [n4] returned within [grace-seconds=60], no member missing; one rebalance restores"
                                + " their replicas"));
    }

    @Test
    void decide_onlyNewMembersJoined_rebalances() {
        Decision decision = policy.decide(at(5).arrival("n9", "a", T0, false).build());

        assertThat(decision.isRebalance()).isTrue();
        assertThat(decision.explanation()).contains("[n9] joined", "holds only departures");
    }

    @Test
    void decide_balanced_holdsOneGracePeriodAheadToCatchTheNextDeparture() {
        Decision decision = policy.decide(at(0).build());

        assertThat(decision.until()).isEqualTo(T0.plusSeconds(60));
        assertThat(decision.explanation())
                .startsWith("balanced, no member missing")
                .contains("[grace-seconds=60]");
    }

    @Test
    void factory_negativeGrace_namesKeyValueAndRange() {
        assertThatThrownBy(() -> new DelayedPolicy.Factory().create(settings("grace-seconds", "-5")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'grace-seconds' must be between 1 and 31622400 but was [-5]");
    }

    @Test
    void factory_notANumber_namesKeyValueAndRange() {
        assertThatThrownBy(() -> new DelayedPolicy.Factory().create(settings("grace-seconds", "1m")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'grace-seconds' must be a whole number between 1 and 31622400 but was [1m]");
    }

    @Test
    void factory_noSettings_usesDefaultGrace() {
        assertThat(new DelayedPolicy.Factory().create(settings()).grace()).isEqualTo(Duration.ofSeconds(60));
    }
}
