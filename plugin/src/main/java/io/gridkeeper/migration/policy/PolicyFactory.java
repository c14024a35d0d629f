package io.gridkeeper.migration.policy;

import io.gridkeeper.migration.MigrationPolicy;
import io.gridkeeper.migration.MigrationPolicyFactory;
import io.gridkeeper.migration.PolicySettings;
import java.util.Set;

/**
 * The name and setting keys every built-in factory answers alike; a subclass only builds its policy. Package-private:
 * the public SPI stays {@link MigrationPolicyFactory}, and each {@code <Policy>.Factory} keeps its public no-argument
 * constructor for {@link java.util.ServiceLoader}. Immutable and thread-safe.
 */
abstract class PolicyFactory<P extends MigrationPolicy> implements MigrationPolicyFactory {

    private final String name;
    private final Set<String> settingKeys;

    PolicyFactory(String name, String... settingKeys) {
        this.name = name;
        this.settingKeys = Set.of(settingKeys);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> settingKeys() {
        return settingKeys;
    }

    @Override
    public abstract P create(PolicySettings settings);
}
