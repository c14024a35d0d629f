package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import com.hazelcast.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The key/value settings of the migration policies, as read from configuration or from ZooKeeper. A view scoped to a
 * policy ({@link #scoped}) resolves {@code <policy>.<key>} first and then the plain {@code <key>}, so two policies of a
 * composite can take different values for a key they share ({@code window.max-defer-seconds}, {@code
 * load-aware.max-defer-seconds}). Typed getters validate and fail with {@link InvalidConfigurationException} naming the
 * key, the value seen and what is allowed. Immutable.
 */
public final class PolicySettings {

    /** The largest duration setting accepted: one year, in seconds. */
    public static final long MAX_SECONDS = 366L * 24 * 3600;

    private final Map<String, String> values;
    private final @Nullable String scope;

    private PolicySettings(Map<String, String> values, @Nullable String scope) {
        this.values = values;
        this.scope = scope;
    }

    /** Settings from a map; keys and values are trimmed, blank values count as absent. */
    public static PolicySettings of(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>();
        values.forEach((key, value) -> {
            String trimmed = requireNonNull(value, () -> "value of " + key).trim();
            if (!trimmed.isEmpty()) {
                copy.put(requireNonNull(key, "key").trim(), trimmed);
            }
        });
        return new PolicySettings(Map.copyOf(copy), null);
    }

    public static PolicySettings empty() {
        return new PolicySettings(Map.of(), null);
    }

    /** The same settings, resolving {@code <policy>.<key>} before {@code <key>}. */
    public PolicySettings scoped(String policy) {
        return new PolicySettings(values, requireNonNull(policy, "policy"));
    }

    /** Every setting, unscoped, sorted by key. */
    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }

    /** The raw value of {@code key}, scoped lookup first. */
    public Optional<String> get(String key) {
        String used = keyUsed(key);
        return Optional.ofNullable(values.get(used));
    }

    /** The key a lookup of {@code key} resolves to: the scoped one when present, otherwise the plain one. */
    public String keyUsed(String key) {
        if (scope != null && values.containsKey(scope + "." + key)) {
            return scope + "." + key;
        }
        return key;
    }

    /** The raw value of a required {@code key}; when absent fails naming the key and what is allowed. */
    public String required(String key, String allowed) {
        return get(key).orElseThrow(() -> new InvalidConfigurationException("Property '" + key + "' is required"
                + (scope == null ? "" : " by policy [" + scope + "]") + ": " + allowed));
    }

    /** A whole number of seconds in {@code [min, MAX_SECONDS]}, or the default. */
    public Duration seconds(String key, long defaultSeconds, long minSeconds) {
        return Duration.ofSeconds(longValue(key, defaultSeconds, minSeconds, MAX_SECONDS));
    }

    /** A whole number in {@code [min, max]}, or the default. */
    public long longValue(String key, long defaultValue, long min, long max) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw invalid(key, "between " + min + " and " + max);
        }
        return value;
    }

    /** A decimal number in {@code [min, max]}, if set. */
    public Optional<Double> decimal(String key, double min, double max) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        double value;
        try {
            value = Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "a number between " + plain(min) + " and " + plain(max));
        }
        if (!(value >= min && value <= max)) {
            throw invalid(key, "between " + plain(min) + " and " + plain(max));
        }
        return Optional.of(value);
    }

    /** The exception for a bad value: {@code Property 'grace-seconds' must be <allowed> but was [value]}. */
    public InvalidConfigurationException invalid(String key, String allowed) {
        String used = keyUsed(key);
        return new InvalidConfigurationException(
                "Property '" + used + "' must be " + allowed + " but was [" + values.get(used) + "]");
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public String toString() {
        return "PolicySettings" + values + (scope == null ? "" : " scoped to " + scope);
    }
}
