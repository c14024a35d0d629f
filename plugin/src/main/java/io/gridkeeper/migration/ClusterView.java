package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of what a policy may look at: the instant of the snapshot, the data members present, the
 * members of the last balanced cluster that are missing (by node id, since when), the members that joined since the
 * last rebalance, the partition table's replica health, load samples and pending operator commands.
 *
 * <p>"Pending" changes are the departures and arrivals not yet covered by a rebalance; with none pending the cluster
 * is balanced and a policy's hold only decides whether the next change is caught (cluster state {@code
 * NO_MIGRATION}) or migrated at once.
 */
public record ClusterView(
        Instant now,
        List<ClusterMember> members,
        List<Departure> departures,
        List<Arrival> arrivals,
        PartitionHealth partitions,
        List<LoadSample> load,
        OperatorCommands operator) {

    public ClusterView {
        requireNonNull(now, "now");
        members = List.copyOf(members);
        departures = List.copyOf(departures);
        arrivals = List.copyOf(arrivals);
        requireNonNull(partitions, "partitions");
        load = List.copyOf(load);
        requireNonNull(operator, "operator");
    }

    /** A builder reading "now" from {@code clock}; defaults: no members, nothing pending, healthy, no load. */
    public static Builder builder(Clock clock) {
        return new Builder(clock.instant());
    }

    /** True when members left or joined since the last rebalance. */
    public boolean hasPendingChanges() {
        return !departures.isEmpty() || !arrivals.isEmpty();
    }

    /** The earliest pending membership change, or empty when the cluster is balanced. */
    public Optional<Instant> pendingSince() {
        return changeInstants().min(Comparator.naturalOrder());
    }

    /** The latest pending membership change, or empty when the cluster is balanced. */
    public Optional<Instant> lastChange() {
        return changeInstants().max(Comparator.naturalOrder());
    }

    /** The latest departure still missing, or empty. */
    public Optional<Departure> lastDeparture() {
        return departures.stream().max(Comparator.comparing(Departure::since));
    }

    private Stream<Instant> changeInstants() {
        return Stream.concat(
                departures.stream().map(Departure::since), arrivals.stream().map(Arrival::at));
    }

    /** Collects a view; not thread-safe. */
    public static final class Builder {
        private final Instant now;
        private final List<ClusterMember> members = new ArrayList<>();
        private final List<Departure> departures = new ArrayList<>();
        private final List<Arrival> arrivals = new ArrayList<>();
        private PartitionHealth partitions = PartitionHealth.healthy(271, 1);
        private final List<LoadSample> load = new ArrayList<>();
        private OperatorCommands operator = OperatorCommands.NONE;

        private Builder(Instant now) {
            this.now = requireNonNull(now, "now");
        }

        public Builder member(String nodeId, @Nullable String zone) {
            members.add(new ClusterMember(nodeId, zone));
            return this;
        }

        public Builder members(List<ClusterMember> members) {
            this.members.addAll(members);
            return this;
        }

        public Builder departure(String nodeId, @Nullable String zone, Instant since) {
            departures.add(new Departure(nodeId, zone, since));
            return this;
        }

        public Builder departures(List<Departure> departures) {
            this.departures.addAll(departures);
            return this;
        }

        public Builder arrival(String nodeId, @Nullable String zone, Instant at, boolean returning) {
            arrivals.add(new Arrival(nodeId, zone, at, returning));
            return this;
        }

        public Builder arrivals(List<Arrival> arrivals) {
            this.arrivals.addAll(arrivals);
            return this;
        }

        public Builder partitions(PartitionHealth partitions) {
            this.partitions = requireNonNull(partitions, "partitions");
            return this;
        }

        public Builder load(List<LoadSample> samples) {
            load.addAll(samples);
            return this;
        }

        public Builder operator(OperatorCommands operator) {
            this.operator = requireNonNull(operator, "operator");
            return this;
        }

        public ClusterView build() {
            return new ClusterView(now, members, departures, arrivals, partitions, load, operator);
        }
    }
}
