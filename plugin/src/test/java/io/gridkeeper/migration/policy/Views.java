package io.gridkeeper.migration.policy;

import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.PolicySettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Test helpers: views at a fixed instant and settings from key/value pairs. */
final class Views {

    /** Saturday 21 November 2026, 10:00 UTC. */
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private Views() {}

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A view at {@code T0 + seconds} with three members n1..n3 present. */
    static ClusterView.Builder at(long seconds) {
        return ClusterView.builder(clockAt(T0.plusSeconds(seconds)))
                .member("n1", "a")
                .member("n2", "b")
                .member("n3", "c");
    }

    static PolicySettings settings(String... keyValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return PolicySettings.of(map);
    }
}
