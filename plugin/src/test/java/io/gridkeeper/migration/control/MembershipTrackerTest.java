package io.gridkeeper.migration.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridkeeper.migration.Arrival;
import io.gridkeeper.migration.ClusterMember;
import io.gridkeeper.migration.Departure;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MembershipTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final MembershipTracker tracker = new MembershipTracker();

    private static List<ClusterMember> members(String... nodeIds) {
        return Arrays.stream(nodeIds)
                .map(id -> new ClusterMember(id, "z-" + id))
                .toList();
    }

    @Test
    void update_firstSnapshot_becomesBaselineWithoutChanges() {
        boolean changed = tracker.update(members("n1", "n2", "n3"), T0);

        assertThat(changed).isFalse();
        assertThat(tracker.baseline()).containsExactly("n1", "n2", "n3");
        assertThat(tracker.hasPendingChanges()).isFalse();
    }

    @Test
    void update_memberLeft_isMissingSinceThen() {
        tracker.update(members("n1", "n2", "n3"), T0);

        boolean changed = tracker.update(members("n1", "n2"), T0.plusSeconds(5));

        assertThat(changed).isTrue();
        assertThat(tracker.departures()).containsExactly(new Departure("n3", "z-n3", T0.plusSeconds(5)));
    }

    @Test
    void update_sameNodeIdBack_isReturningArrivalAndNoLongerMissing() {
        tracker.update(members("n1", "n2", "n3"), T0);
        tracker.update(members("n1", "n2"), T0.plusSeconds(5));

        tracker.update(members("n1", "n2", "n3"), T0.plusSeconds(20));

        assertThat(tracker.departures()).isEmpty();
        assertThat(tracker.arrivals()).containsExactly(new Arrival("n3", "z-n3", T0.plusSeconds(20), true));
    }

    @Test
    void update_newMember_isNewArrivalKeptUntilRebalanced() {
        tracker.update(members("n1", "n2"), T0);
        tracker.update(members("n1", "n2", "n4"), T0.plusSeconds(3));

        boolean changedAgain = tracker.update(members("n1", "n2", "n4"), T0.plusSeconds(9));
        tracker.rebalanced(members("n1", "n2", "n4"));

        assertThat(changedAgain).isFalse();
        assertThat(tracker.hasPendingChanges()).isFalse();
        assertThat(tracker.baseline()).containsExactly("n1", "n2", "n4");
    }

    @Test
    void update_returnedMemberLeavesAgain_isMissingFromTheSecondDeparture() {
        tracker.update(members("n1", "n2", "n3"), T0);
        tracker.update(members("n1", "n2"), T0.plusSeconds(5));
        tracker.update(members("n1", "n2", "n3"), T0.plusSeconds(20));

        tracker.update(members("n1", "n2"), T0.plusSeconds(30));

        assertThat(tracker.arrivals()).isEmpty();
        assertThat(tracker.departures()).containsExactly(new Departure("n3", "z-n3", T0.plusSeconds(30)));
    }

    @Test
    void update_newMemberLeavesBeforeRebalance_isForgotten() {
        tracker.update(members("n1", "n2"), T0);
        tracker.update(members("n1", "n2", "n4"), T0.plusSeconds(3));

        tracker.update(members("n1", "n2"), T0.plusSeconds(4));

        assertThat(tracker.hasPendingChanges()).isFalse();
    }

    @Test
    void restore_persistedState_isResumed() {
        tracker.restore(List.of("n1", "n2", "n3"), List.of(new Departure("n3", "c", T0)), List.of());

        boolean changed = tracker.update(members("n1", "n2"), T0.plusSeconds(40));

        assertThat(changed).isFalse();
        assertThat(tracker.departures()).containsExactly(new Departure("n3", "c", T0));
    }
}
