package io.gridkeeper.migration.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.ClusterState;
import io.gridkeeper.migration.Decision;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DeadManSwitchTest {

    private static final Instant UNTIL = Instant.parse("2026-11-21T10:00:00Z");
    private static final HoldRecord HOLD = new HoldRecord(
            "HOLD",
            "delayed",
            "members [c] missing",
            UNTIL.toEpochMilli(),
            0,
            7,
            "a",
            null,
            List.of(),
            List.of(),
            List.of());

    @Test
    void check_beforeDeadlinePlusSlack_waits() {
        Decision decision = checkHeld(UNTIL.plusSeconds(2), "b", "b");

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.until()).isEqualTo(UNTIL.plus(DeadManSwitch.SLACK));
    }

    @Test
    void check_writerGoneAndDeadlinePlusSlackPassed_restoresActive() {
        Decision decision = checkHeld(UNTIL.plus(DeadManSwitch.SLACK), "b", "b", "c");

        assertThat(decision.isRebalance()).isTrue();
        assertThat(decision.explanation())
                .isEqualTo("the hold by [delayed] expired at [2026-11-21T10:00:00Z] and no leader acted within [3s];"
                        + " restoring ACTIVE");
    }

    @Test
    void check_writerStillAMember_leavesTheDeadlineToItForLonger() {
        Instant afterSlack = UNTIL.plus(DeadManSwitch.SLACK).plusSeconds(1);

        Decision decision = checkHeld(afterSlack, "b", "a", "b");

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.until()).isEqualTo(UNTIL.plus(DeadManSwitch.SLACK).plus(DeadManSwitch.DEFER_TO_WRITER));
        assertThat(decision.explanation())
                .endsWith("leaving it to [a], which wrote the hold and is still a member, for [30s] more");
    }

    @Test
    void check_writerStillAMemberButDeferralPassed_restoresActiveAnyway() {
        Instant late = UNTIL.plus(DeadManSwitch.SLACK).plus(DeadManSwitch.DEFER_TO_WRITER);

        Decision decision = checkHeld(late, "b", "a", "b");

        assertThat(decision.isRebalance()).isTrue();
        assertThat(decision.explanation())
                .isEqualTo("the hold by [delayed] expired at [2026-11-21T10:00:00Z] and no leader acted within [33s],"
                        + " although its writer [a] is still a member; restoring ACTIVE");
    }

    @Test
    void check_theWriterItself_doesNotDeferToItself() {
        Decision decision = checkHeld(UNTIL.plus(DeadManSwitch.SLACK), "a", "a", "b");

        assertThat(decision.isRebalance()).isTrue();
    }

    @Test
    void check_clusterActiveOrNoHoldSeen_hasNothingToEnd() {
        Instant late = UNTIL.plusSeconds(3_600);

        assertThat(DeadManSwitch.check(late, HOLD, ClusterState.ACTIVE, "b", List.of("b")))
                .isEmpty();
        assertThat(DeadManSwitch.check(late, null, ClusterState.NO_MIGRATION, "b", List.of("b")))
                .isEmpty();
    }

    /** The switch's decision at {@code now} on member {@code self} while HOLD is in force (NO_MIGRATION). */
    private static Decision checkHeld(Instant now, String self, String... members) {
        return DeadManSwitch.check(now, HOLD, ClusterState.NO_MIGRATION, self, List.of(members))
                .orElseThrow();
    }
}
