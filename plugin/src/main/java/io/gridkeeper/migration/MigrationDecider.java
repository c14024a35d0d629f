package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The whole decision for one view, in order of precedence from weakest to strongest: the configured policy, then the
 * operator's pending commands ("rebalance now" ends any hold, "hold until" extends one), then the {@link
 * SafetyGuard}, which overrules both. Immutable and thread-safe.
 */
public final class MigrationDecider {

    /** The name decisions carry when an operator command decided. */
    public static final String OPERATOR = "operator";

    private final MigrationPolicy policy;
    private final SafetyGuard guard;

    public MigrationDecider(MigrationPolicy policy, SafetyGuard guard) {
        this.policy = requireNonNull(policy, "policy");
        this.guard = requireNonNull(guard, "guard");
    }

    public MigrationPolicy policy() {
        return policy;
    }

    public SafetyGuard guard() {
        return guard;
    }

    /** The decision for {@code view}: policy, operator commands, safety guard. */
    public Decision decide(ClusterView view) {
        Decision decision = policy.decide(view);
        decision = applyOperator(decision, view);
        return guard.apply(decision, view);
    }

    private static Decision applyOperator(Decision decision, ClusterView view) {
        OperatorCommands operator = view.operator();
        String note = operator.note() == null ? "" : " (" + operator.note() + ")";
        Instant requested = operator.rebalanceRequestedAt();
        if (requested != null) {
            return Decision.rebalance(
                            OPERATOR,
                            "an operator asked for a rebalance at [%s]%s",
                            requested.truncatedTo(ChronoUnit.SECONDS),
                            note)
                    .withCauses(List.of(decision));
        }
        Instant holdUntil = operator.holdUntil();
        if (holdUntil != null
                && holdUntil.isAfter(view.now())
                && (decision.isRebalance() || decision.requireUntil().isBefore(holdUntil))) {
            return Decision.hold(
                            OPERATOR,
                            holdUntil,
                            "an operator holds migrations until [%s]%s; run `gridkeeper rebalance` to end it",
                            holdUntil.truncatedTo(ChronoUnit.SECONDS),
                            note)
                    .withCauses(List.of(decision));
        }
        return decision;
    }

    @Override
    public String toString() {
        return "MigrationDecider[policy=" + policy.name() + ", " + guard + "]";
    }
}
