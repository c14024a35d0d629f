package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a policy wants now: {@link Type#REBALANCE} (let Hazelcast migrate partitions, cluster state {@code ACTIVE}) or
 * {@link Type#HOLD} until an instant (cluster state {@code NO_MIGRATION}, re-evaluated at the latest then). Always
 * carries the deciding policy's name and a lowercase explanation with the observed values in {@code [brackets]} and
 * the governing setting as {@code [key=value]}. A composite or an override lists the decisions it was built from in
 * {@link #causes()}. Immutable value object; equality covers every field.
 */
public final class Decision {

    /** The two answers a policy can give. */
    public enum Type {
        /** Allow migrations now: Hazelcast runs one rebalance covering everything held so far. */
        REBALANCE,
        /** Keep migrations stopped until {@link Decision#until()} at the latest. */
        HOLD
    }

    private final Type type;
    private final String policy;
    private final String explanation;
    private final @Nullable Instant until;
    private final List<Decision> causes;

    private Decision(Type type, String policy, String explanation, @Nullable Instant until, List<Decision> causes) {
        this.type = requireNonNull(type, "type");
        this.policy = requireNonNull(policy, "policy");
        this.explanation = requireNonNull(explanation, "explanation");
        this.until = until;
        this.causes = List.copyOf(causes);
        if ((type == Type.HOLD) != (until != null)) {
            throw new IllegalArgumentException(
                    "a hold needs a deadline and a rebalance has none, but was " + type + " until [" + until + "]");
        }
    }

    /** A rebalance-now decision; {@code explanation} is a {@link String#format} pattern (root locale). */
    public static Decision rebalance(String policy, String explanation, Object... args) {
        return new Decision(Type.REBALANCE, policy, format(explanation, args), null, List.of());
    }

    /** A hold until {@code until}; {@code explanation} is a {@link String#format} pattern (root locale). */
    public static Decision hold(String policy, Instant until, String explanation, Object... args) {
        return new Decision(Type.HOLD, policy, format(explanation, args), requireNonNull(until, "until"), List.of());
    }

    /** A copy that names the decisions it was derived from (composites, operator commands, the safety guard). */
    public Decision withCauses(List<Decision> causes) {
        return new Decision(type, policy, explanation, until, causes);
    }

    public Type type() {
        return type;
    }

    public boolean isHold() {
        return type == Type.HOLD;
    }

    public boolean isRebalance() {
        return type == Type.REBALANCE;
    }

    /** The name of the policy (or override) that made this decision. */
    public String policy() {
        return policy;
    }

    public String explanation() {
        return explanation;
    }

    /** The deadline of a hold; {@code null} for a rebalance. */
    public @Nullable Instant until() {
        return until;
    }

    /** The deadline of a hold; fails for a rebalance. */
    public Instant requireUntil() {
        if (until == null) {
            throw new IllegalStateException("a rebalance decision has no deadline: " + this);
        }
        return until;
    }

    public List<Decision> causes() {
        return causes;
    }

    /** One line: {@code HOLD until [t] by [delayed]: member [n2] left ...}, causes indented below. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        describe(text, 0);
        return text.toString();
    }

    private void describe(StringBuilder text, int depth) {
        text.append("  ".repeat(depth)).append(type);
        if (until != null) {
            text.append(" until [").append(until).append(']');
        }
        text.append(" by [").append(policy).append("]: ").append(explanation);
        for (Decision cause : causes) {
            text.append('\n');
            cause.describe(text, depth + 1);
        }
    }

    private static String format(String pattern, Object... args) {
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other
                || (other instanceof Decision that
                        && type == that.type
                        && policy.equals(that.policy)
                        && explanation.equals(that.explanation)
                        && Objects.equals(until, that.until)
                        && causes.equals(that.causes));
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, policy, explanation, until, causes);
    }

    @Override
    public String toString() {
        return "Decision{" + describe().replace("\n", " | ") + "}";
    }
}
