package io.gridkeeper.migration.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gridkeeper.migration.Arrival;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.Departure;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The controller's state in {@code <clusterPath>/migration/hold}: the decision in force (a hold with its deadline, in
 * epoch milliseconds, or a rebalance), who decided it under which leader epoch, whether a human set the cluster state by
 * hand, and the pending membership changes against the last balanced cluster so that a new leader resumes them. Every
 * member reads it for the dead-man switch and remembers it in memory in case ZooKeeper becomes unreachable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HoldRecord(
        String type,
        String policy,
        String explanation,
        @Nullable Long untilMillis,
        long decidedAtMillis,
        long epoch,
        String leader,
        @Nullable String manualState,
        List<String> baseline,
        List<PendingChange> departures,
        List<PendingChange> arrivals) {

    public HoldRecord {
        baseline = baseline == null ? List.of() : List.copyOf(baseline);
        departures = departures == null ? List.of() : List.copyOf(departures);
        arrivals = arrivals == null ? List.of() : List.copyOf(arrivals);
    }

    /** A member that left ({@code returning} unused) or joined, with the instant in epoch milliseconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PendingChange(String nodeId, @Nullable String zone, long atMillis, boolean returning) {}

    static HoldRecord of(
            Decision decision,
            Instant decidedAt,
            long epoch,
            String leader,
            @Nullable String manualState,
            MembershipTracker tracker) {
        Instant until = decision.until();
        return new HoldRecord(
                decision.type().name(),
                decision.policy(),
                decision.explanation(),
                until == null ? null : until.toEpochMilli(),
                decidedAt.toEpochMilli(),
                epoch,
                leader,
                manualState,
                List.copyOf(tracker.baseline()),
                tracker.departures().stream()
                        .map(d -> new PendingChange(
                                d.nodeId(), d.zone(), d.since().toEpochMilli(), false))
                        .toList(),
                tracker.arrivals().stream()
                        .map(a -> new PendingChange(a.nodeId(), a.zone(), a.at().toEpochMilli(), a.returning()))
                        .toList());
    }

    static HoldRecord manual(String clusterState, Instant at, long epoch, String leader, MembershipTracker tracker) {
        HoldRecord pending = of(Decision.rebalance("operator", "by hand"), at, epoch, leader, clusterState, tracker);
        return new HoldRecord(
                "MANUAL",
                "operator",
                "cluster state [" + clusterState + "] set by hand",
                null,
                at.toEpochMilli(),
                epoch,
                leader,
                clusterState,
                pending.baseline(),
                pending.departures(),
                pending.arrivals());
    }

    /** True for a hold the controller decided (not a state a human set by hand). */
    public boolean isHold() {
        return Decision.Type.HOLD.name().equals(type) && untilMillis != null && manualState == null;
    }

    public @Nullable Instant until() {
        return untilMillis == null ? null : Instant.ofEpochMilli(untilMillis);
    }

    List<Departure> departureList() {
        return departures.stream()
                .map(c -> new Departure(c.nodeId(), c.zone(), Instant.ofEpochMilli(c.atMillis())))
                .toList();
    }

    List<Arrival> arrivalList() {
        return arrivals.stream()
                .map(c -> new Arrival(c.nodeId(), c.zone(), Instant.ofEpochMilli(c.atMillis()), c.returning()))
                .toList();
    }
}
