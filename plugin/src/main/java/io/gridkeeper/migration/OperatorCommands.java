package io.gridkeeper.migration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an operator asked for and has not been served yet: a rebalance now (requested at an instant), a hold until an
 * instant, with a free-text note (who, why). Both may be absent.
 */
public record OperatorCommands(
        @Nullable Instant rebalanceRequestedAt,
        @Nullable Instant holdUntil,
        @Nullable String note) {

    public static final OperatorCommands NONE = new OperatorCommands(null, null, null);

    public static OperatorCommands rebalanceRequested(Instant at, @Nullable String note) {
        return new OperatorCommands(at, null, note);
    }

    public static OperatorCommands holdUntil(Instant until, @Nullable String note) {
        return new OperatorCommands(null, until, note);
    }
}
