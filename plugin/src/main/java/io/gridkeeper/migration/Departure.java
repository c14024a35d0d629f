package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A data member of the last balanced cluster that is missing now, by stable node id, and since when. */
public record Departure(String nodeId, @Nullable String zone, Instant since) {

    public Departure {
        requireNonNull(nodeId, "nodeId");
        requireNonNull(since, "since");
    }
}
