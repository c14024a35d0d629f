package io.gridkeeper.migration.control;

import io.gridkeeper.migration.Arrival;
import io.gridkeeper.migration.ClusterMember;
import io.gridkeeper.migration.Departure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns successive snapshots of the data members (by stable node id) into the pending changes a policy reads: the
 * members of the last balanced cluster (the baseline) that are missing and since when, and the members that joined
 * since, marked {@code returning} when their node id belongs to the baseline (a restart: new UUID, same node id).
 * {@link #rebalanced} makes the present members the new baseline. Not thread-safe: confined to the controller's
 * thread.
 */
final class MembershipTracker {

    private final Set<String> baseline = new TreeSet<>();
    private final Map<String, Departure> departures = new LinkedHashMap<>();
    private final Map<String, Arrival> arrivals = new LinkedHashMap<>();
    private final Map<String, @Nullable String> zones = new LinkedHashMap<>();

    /** Starts from a persisted state (a new leader resuming), or empty when {@code baseline} is empty. */
    void restore(Collection<String> baseline, List<Departure> departures, List<Arrival> arrivals) {
        this.baseline.clear();
        this.baseline.addAll(baseline);
        this.departures.clear();
        departures.forEach(departure -> this.departures.put(departure.nodeId(), departure));
        this.arrivals.clear();
        arrivals.forEach(arrival -> this.arrivals.put(arrival.nodeId(), arrival));
    }

    /**
     * Compares {@code present} with what was known and records changes at {@code now}.
     *
     * @return true when a member left, joined or returned
     */
    boolean update(List<ClusterMember> present, Instant now) {
        Map<String, @Nullable String> current = new LinkedHashMap<>();
        present.forEach(member -> current.put(member.nodeId(), member.zone()));
        zones.putAll(current);
        if (baseline.isEmpty() && departures.isEmpty() && arrivals.isEmpty()) {
            baseline.addAll(current.keySet());
            return false;
        }
        boolean changed = false;
        for (String nodeId : baseline) {
            boolean here = current.containsKey(nodeId);
            if (!here && !departures.containsKey(nodeId)) {
                arrivals.remove(nodeId);
                departures.put(nodeId, new Departure(nodeId, zones.get(nodeId), now));
                changed = true;
            } else if (here && departures.containsKey(nodeId)) {
                departures.remove(nodeId);
                arrivals.put(nodeId, new Arrival(nodeId, current.get(nodeId), now, true));
                changed = true;
            }
        }
        for (String nodeId : current.keySet()) {
            if (!baseline.contains(nodeId) && !arrivals.containsKey(nodeId)) {
                arrivals.put(nodeId, new Arrival(nodeId, current.get(nodeId), now, false));
                changed = true;
            }
        }
        List<String> gone = new ArrayList<>();
        arrivals.forEach((nodeId, arrival) -> {
            if (!current.containsKey(nodeId)) {
                gone.add(nodeId);
            }
        });
        for (String nodeId : gone) {
            arrivals.remove(nodeId);
            if (baseline.contains(nodeId)) {
                departures.put(nodeId, new Departure(nodeId, zones.get(nodeId), now));
            }
            changed = true;
        }
        return changed;
    }

    /** A rebalance covered every pending change: the present members are the new baseline. */
    void rebalanced(List<ClusterMember> present) {
        baseline.clear();
        present.forEach(member -> baseline.add(member.nodeId()));
        departures.clear();
        arrivals.clear();
    }

    boolean hasPendingChanges() {
        return !departures.isEmpty() || !arrivals.isEmpty();
    }

    Set<String> baseline() {
        return new TreeSet<>(baseline);
    }

    List<Departure> departures() {
        return List.copyOf(departures.values());
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals.values());
    }
}
