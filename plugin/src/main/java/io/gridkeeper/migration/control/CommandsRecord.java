package io.gridkeeper.migration.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gridkeeper.migration.OperatorCommands;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Pending operator commands in {@code <clusterPath>/migration/commands}: a rebalance request and/or a hold until an
 * instant (epoch milliseconds), with a note. The leader removes the rebalance request once it has rebalanced.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandsRecord(
        long issuedAtMillis,
        @Nullable Long rebalanceRequestedAtMillis,
        @Nullable Long holdUntilMillis,
        @Nullable String note) {

    OperatorCommands toCommands() {
        return new OperatorCommands(
                rebalanceRequestedAtMillis == null ? null : Instant.ofEpochMilli(rebalanceRequestedAtMillis),
                holdUntilMillis == null ? null : Instant.ofEpochMilli(holdUntilMillis),
                note);
    }
}
