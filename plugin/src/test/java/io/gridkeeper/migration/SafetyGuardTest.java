package io.gridkeeper.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.InvalidConfigurationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SafetyGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Decision HOLD = Decision.hold("delayed", T0.plusSeconds(600), "waiting");

    private final SafetyGuard guard = SafetyGuard.defaults();

    /** Member n2 left at T0, [180] partitions have no backup since then. */
    private static ClusterView oneMemberMissing(long secondsLater) {
        return at(secondsLater)
                .departure("n2", "b", T0)
                .partitions(new PartitionHealth(271, 1, 180, 1, T0))
                .build();
    }

    private static ClusterView.Builder at(long seconds) {
        return ClusterView.builder(Clock.fixed(T0.plusSeconds(seconds), ZoneOffset.UTC))
                .member("n1", "a");
    }

    @Test
    void apply_secondDataMemberLeftDuringHold_rebalancesAtOnce() {
        ClusterView view = at(30).departure("n2", "b", T0)
                .departure("n3", "c", T0.plusSeconds(20))
                .partitions(new PartitionHealth(271, 1, 180, 1, T0))
                .build();

        Decision decision = guard.apply(HOLD, view);

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                                "safety",
                                "partitions may have lost [2] replicas with [2] data members missing [n2, n3] and"
                                        + " backup-count [1], more than allowed [max-lost-replicas=1]; rebalancing at"
                                        + " once to re-create backups")
                        .withCauses(List.of(HOLD)));
    }

    @Test
    void apply_partitionTableShowsMoreLostReplicas_rebalances() {
        ClusterView view = at(30).departure("n2", "b", T0)
                .partitions(new PartitionHealth(271, 2, 10, 2, T0))
                .build();

        assertThat(guard.apply(HOLD, view).isRebalance()).isTrue();
    }

    @Test
    void apply_oneMemberMissingWithinLimits_keepsTheHold() {
        ClusterView view = oneMemberMissing(30);

        Decision shortHold = Decision.hold("delayed", T0.plusSeconds(60), "waiting");

        assertThat(guard.apply(shortHold, view)).isSameAs(shortHold);
    }

    @Test
    void apply_holdLongerThanUnprotectedLimit_isShortenedToTheLimit() {
        ClusterView view = oneMemberMissing(30);
        SafetyGuard strict = new SafetyGuard(PolicySettings.of(Map.of("max-unprotected-seconds", "120")));

        Decision decision = strict.apply(HOLD, view);

        assertThat(decision)
                .isEqualTo(Decision.hold(
                                "safety",
                                T0.plusSeconds(120),
                                "hold of [delayed] shortened from [2026-11-21T10:10:00Z] to [2026-11-21T10:02:00Z]:"
                                        + " [180] partitions without backup since [2026-11-21T10:00:00Z] may stay"
                                        + " unprotected at most [max-unprotected-seconds=120]")
                        .withCauses(List.of(HOLD)));
    }

    @Test
    void apply_unprotectedLongerThanLimit_rebalances() {
        ClusterView view = oneMemberMissing(300);

        Decision decision = guard.apply(HOLD, view);

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                                "safety",
                                "[180] partitions have had no backup since [2026-11-21T10:00:00Z], [300s] ago, the"
                                        + " limit [max-unprotected-seconds=300]; rebalancing at once")
                        .withCauses(List.of(HOLD)));
    }

    @Test
    void apply_holdPastItsDeadline_rebalances() {
        Decision decision = guard.apply(HOLD, at(600).build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                                "safety",
                                "hold of [delayed] reached its deadline [2026-11-21T10:10:00Z]; a hold never outlives"
                                        + " its deadline")
                        .withCauses(List.of(HOLD)));
    }

    @Test
    void apply_partitionsNotAssignedYet_neverHolds() {
        ClusterView view =
                at(0).partitions(new PartitionHealth(271, 1, 0, 0, null, false)).build();

        Decision decision = guard.apply(HOLD, view);

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                                "safety",
                                "the [271] partitions are not assigned yet and hazelcast assigns them on first use only"
                                        + " while migrations are allowed; no hold until then")
                        .withCauses(List.of(HOLD)));
    }

    @Test
    void apply_rebalance_passesThrough() {
        Decision rebalance = Decision.rebalance("immediate", "never holds");
        ClusterView unsafe =
                at(0).departure("n2", null, T0).departure("n3", null, T0).build();

        assertThat(guard.apply(rebalance, unsafe)).isSameAs(rebalance);
    }

    @Test
    void new_negativeLostReplicas_namesKeyValueAndRange() {
        assertThatThrownBy(() -> new SafetyGuard(PolicySettings.of(Map.of("max-lost-replicas", "-1"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'max-lost-replicas' must be between 0 and 6 but was [-1]");
    }
}
