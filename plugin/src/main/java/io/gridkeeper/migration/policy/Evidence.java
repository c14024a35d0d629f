package io.gridkeeper.migration.policy;

import io.gridkeeper.migration.Arrival;
import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Departure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Formatting of the observed values that explanations quote, so every policy words them alike. */
final class Evidence {

    private Evidence() {}

    /** An instant to the second: {@code 2026-11-21T18:00:00Z}. */
    static Instant at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Whole seconds between two instants, never negative. */
    static long secondsBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    static String departed(List<Departure> departures) {
        return ids(departures, Departure::nodeId);
    }

    static String arrived(List<Arrival> arrivals) {
        return ids(arrivals, Arrival::nodeId);
    }

    /** {@code left [n2], joined [n4, n5]}, or {@code no pending changes}. */
    static String pending(ClusterView view) {
        if (!view.hasPendingChanges()) {
            return "no pending changes";
        }
        StringBuilder text = new StringBuilder();
        if (!view.departures().isEmpty()) {
            text.append("left ").append(departed(view.departures()));
        }
        if (!view.arrivals().isEmpty()) {
            text.append(text.length() == 0 ? "" : ", ").append("joined ").append(arrived(view.arrivals()));
        }
        return text.toString();
    }

    private static <T> String ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
