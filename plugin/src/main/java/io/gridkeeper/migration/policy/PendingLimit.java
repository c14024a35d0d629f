package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Evidence.at;
import static io.gridkeeper.migration.policy.Evidence.secondsBetween;

import io.gridkeeper.migration.ClusterView;
import java.time.Duration;
import java.time.Instant;

/**
 * The longest that pending changes wait, counted from the first of them ({@code max-hold-seconds}, {@code
 * max-defer-seconds}): the cap that gives every hold of the manual, load-aware and window policies a deadline, and the
 * words their explanations quote it in, so all three word it alike. The owning policy validates {@code limit}.
 * Immutable.
 */
record PendingLimit(String key, Duration limit) {

    /** When the changes pending in {@code view} must migrate at the latest; with none pending, {@code limit} ahead. */
    Instant cap(ClusterView view) {
        return since(view).plus(limit);
    }

    /** True once the changes pending in {@code view} have waited the whole limit. */
    boolean reached(ClusterView view) {
        return !view.now().isBefore(cap(view));
    }

    /** {@code changes pending since [2026-11-21T10:00:00Z] waited [3600s]}. */
    String waited(ClusterView view) {
        Instant since = since(view);
        return "changes pending since [" + at(since) + "] waited [" + secondsBetween(since, view.now()) + "s]";
    }

    /** {@code at most until [2026-11-21T11:00:00Z] [max-defer-seconds=3600]}. */
    String atMostUntil(ClusterView view) {
        return "at most until [" + at(cap(view)) + "] " + setting();
    }

    /** {@code [max-defer-seconds=3600]}. */
    String setting() {
        return "[" + key + "=" + limit.toSeconds() + "]";
    }

    private static Instant since(ClusterView view) {
        return view.pendingSince().orElse(view.now());
    }
}
