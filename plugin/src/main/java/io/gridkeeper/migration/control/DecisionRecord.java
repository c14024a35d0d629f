package io.gridkeeper.migration.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gridkeeper.migration.Decision;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the decision history in {@code <clusterPath>/migration/decisions}: when, what, by which policy, why
 * ({@code detail} includes every cause, one per line), under which leader and epoch.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionRecord(
        long atMillis,
        String type,
        String policy,
        String explanation,
        @Nullable Long untilMillis,
        String detail,
        long epoch,
        String leader) {

    static DecisionRecord of(Decision decision, Instant at, long epoch, String leader) {
        Instant until = decision.until();
        return new DecisionRecord(
                at.toEpochMilli(),
                decision.type().name(),
                decision.policy(),
                decision.explanation(),
                until == null ? null : until.toEpochMilli(),
                decision.describe(),
                epoch,
                leader);
    }

    public boolean isRebalance() {
        return Decision.Type.REBALANCE.name().equals(type);
    }

    @Override
    public String toString() {
        return Instant.ofEpochMilli(atMillis) + " epoch " + epoch + " " + detail;
    }
}
