package io.gridkeeper.migration.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.logging.Logger;
import io.gridkeeper.migration.control.ManualStateWatch.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class ManualStateWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final ManualStateWatch watch = new ManualStateWatch(Logger.getLogger("test"));

    @Test
    void check_stateTheControllerSet_steers() {
        watch.applied(ClusterState.NO_MIGRATION);

        assertThat(watch.check(T0, ClusterState.NO_MIGRATION, null, "delayed")).isEqualTo(Verdict.STEER);
    }

    @Test
    void check_stateChangedByHand_isNoticedOnceThenRespected() {
        watch.applied(ClusterState.NO_MIGRATION);

        Verdict first = watch.check(T0, ClusterState.ACTIVE, null, "delayed");
        Verdict second = watch.check(T0.plusSeconds(1), ClusterState.ACTIVE, null, "delayed");

        assertThat(first).isEqualTo(Verdict.NOTICED);
        assertThat(second).isEqualTo(Verdict.RESPECT);
        assertThat(watch.explanation(ClusterState.ACTIVE))
                .isEqualTo("cluster state changed by hand to [ACTIVE], the controller had set [NO_MIGRATION];"
                        + " respected: the controller stops steering until the state is changed back, an operator"
                        + " runs `gridkeeper rebalance` or `gridkeeper hold`, or the policy changes");
    }

    @Test
    void check_operatorCommandAfterTheManualChange_endsIt() {
        watch.applied(ClusterState.NO_MIGRATION);
        watch.check(T0, ClusterState.ACTIVE, null, "delayed");
        CommandsRecord hold = new CommandsRecord(
                T0.plusSeconds(5).toEpochMilli(), null, T0.plusSeconds(60).toEpochMilli(), "test");

        assertThat(watch.check(T0.plusSeconds(6), ClusterState.ACTIVE, hold, "delayed"))
                .isEqualTo(Verdict.ENDED);
        assertThat(watch.lastApplied()).isEqualTo(ClusterState.ACTIVE);
    }

    @Test
    void check_policyChangedAfterTheManualChange_endsIt() {
        watch.applied(ClusterState.NO_MIGRATION);
        watch.check(T0, ClusterState.ACTIVE, null, "delayed");

        assertThat(watch.check(T0.plusSeconds(1), ClusterState.ACTIVE, null, "window"))
                .isEqualTo(Verdict.ENDED);
    }

    @Test
    void check_activeAfterAnOperatorRebalanceRequest_isNotManual() {
        watch.applied(ClusterState.NO_MIGRATION);
        CommandsRecord rebalance =
                new CommandsRecord(T0.toEpochMilli(), T0.toEpochMilli(), null, "member [b] is shutting down");

        assertThat(watch.check(T0, ClusterState.ACTIVE, rebalance, "delayed")).isEqualTo(Verdict.STEER);
        assertThat(watch.lastApplied()).isEqualTo(ClusterState.ACTIVE);
    }

    @Test
    void check_frozen_isRespectedEvenWithACommand() {
        watch.applied(ClusterState.NO_MIGRATION);
        watch.check(T0, ClusterState.FROZEN, null, "delayed");
        CommandsRecord rebalance = new CommandsRecord(
                T0.plusSeconds(1).toEpochMilli(), T0.plusSeconds(1).toEpochMilli(), null, null);

        assertThat(watch.check(T0.plusSeconds(2), ClusterState.FROZEN, rebalance, "delayed"))
                .isEqualTo(Verdict.RESPECT);
    }

    @Test
    void resume_manualStateStoredByThePreviousLeader_isRespected() {
        watch.resume(ClusterState.ACTIVE, "ACTIVE", T0, "delayed");

        assertThat(watch.check(T0.plusSeconds(1), ClusterState.ACTIVE, null, "delayed"))
                .isEqualTo(Verdict.RESPECT);
    }
}
