package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import com.hazelcast.config.InvalidConfigurationException;
import io.gridkeeper.migration.policy.CompositePolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The policies known on the class path, found through {@link ServiceLoader} of {@link MigrationPolicyFactory}
 * (built-in ones register the same way). Builds a policy from a spec such as {@code delayed} or {@code
 * delayed,window} (a {@link CompositePolicy}) and the decider from a settings map whose {@value #POLICY} key names the
 * policy. Settings no known policy or the {@link SafetyGuard} claims are rejected. Immutable and thread-safe.
 */
public final class MigrationPolicies {

    /** The settings key naming the policy, e.g. {@code policy=delayed,window}. */
    public static final String POLICY = "policy";

    /** The policy used when none is configured: Hazelcast's own behaviour. */
    public static final String DEFAULT_POLICY = "immediate";

    private final SortedMap<String, MigrationPolicyFactory> factories;

    private MigrationPolicies(SortedMap<String, MigrationPolicyFactory> factories) {
        this.factories = factories;
    }

    /** Every factory visible to {@code classLoader}. */
    public static MigrationPolicies load(ClassLoader classLoader) {
        List<MigrationPolicyFactory> found = new ArrayList<>();
        try {
            ServiceLoader.load(MigrationPolicyFactory.class, classLoader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new InvalidConfigurationException(
                    "Cannot load a migration policy listed in META-INF/services/"
                            + MigrationPolicyFactory.class.getName() + ": " + e.getMessage(),
                    e);
        }
        return of(found);
    }

    /** The factories visible to this class's own class loader. */
    public static MigrationPolicies load() {
        return load(MigrationPolicies.class.getClassLoader());
    }

    /** Exactly these factories; names must be unique kebab-case words. */
    public static MigrationPolicies of(Collection<? extends MigrationPolicyFactory> factories) {
        SortedMap<String, MigrationPolicyFactory> byName = new TreeMap<>();
        for (MigrationPolicyFactory factory : factories) {
            String name = requireNonNull(
                    factory.name(), () -> "name of " + factory.getClass().getName());
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new InvalidConfigurationException("Migration policy name [" + name + "] of "
                        + factory.getClass().getName() + " must be kebab-case: lowercase letters, digits, '-'");
            }
            MigrationPolicyFactory previous = byName.putIfAbsent(name, factory);
            if (previous != null) {
                throw new InvalidConfigurationException("Migration policy [" + name + "] is registered twice, by "
                        + previous.getClass().getName() + " and "
                        + factory.getClass().getName());
            }
        }
        return new MigrationPolicies(byName);
    }

    /** The known policy names, sorted. */
    public Set<String> names() {
        return factories.keySet();
    }

    /** The decider for {@code settings}: the policy named by {@value #POLICY} (default immediate) and the guard. */
    public MigrationDecider decider(Map<String, String> settings) {
        PolicySettings parsed = PolicySettings.of(settings);
        String spec = parsed.get(POLICY).orElse(DEFAULT_POLICY);
        return new MigrationDecider(create(spec, parsed), new SafetyGuard(parsed));
    }

    /** The policy for a spec such as {@code delayed} or {@code delayed,window}. */
    public MigrationPolicy create(String spec, Map<String, String> settings) {
        return create(spec, PolicySettings.of(settings));
    }

    /** The policy for a spec such as {@code delayed} or {@code delayed,window}. */
    public MigrationPolicy create(String spec, PolicySettings settings) {
        requireNonNull(spec, "spec");
        rejectUnknownKeys(settings);
        Set<String> names = new LinkedHashSet<>();
        for (String part : spec.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
                throw new InvalidConfigurationException("Property '" + POLICY + "' must be a policy name or a"
                        + " comma-separated list of them " + names() + " but was [" + spec + "]");
            }
            if (!factories.containsKey(name)) {
                throw new InvalidConfigurationException("Unknown migration policy [" + name + "] in [" + POLICY + "="
                        + spec + "]; known policies: " + names());
            }
            if (!names.add(name)) {
                throw new InvalidConfigurationException(
                        "Migration policy [" + name + "] appears twice in [" + POLICY + "=" + spec + "]");
            }
        }
        List<MigrationPolicy> policies = new ArrayList<>();
        for (String name : names) {
            policies.add(factories.get(name).create(settings.scoped(name)));
        }
        return policies.size() == 1 ? policies.get(0) : new CompositePolicy(policies);
    }

    private void rejectUnknownKeys(PolicySettings settings) {
        Set<String> known = new TreeSet<>(SafetyGuard.SETTING_KEYS);
        known.add(POLICY);
        factories.forEach((name, factory) -> {
            for (String key : factory.settingKeys()) {
                known.add(key);
                known.add(name + "." + key);
            }
        });
        for (String key : settings.asMap().keySet()) {
            if (!known.contains(key)) {
                throw new InvalidConfigurationException("Unknown migration setting '" + key + "'; known settings: "
                        + known + " (a '<policy>.' prefix limits a setting to one policy)");
            }
        }
    }

    @Override
    public String toString() {
        return "MigrationPolicies" + names();
    }
}
