package io.gridkeeper.migration;

import java.util.Set;

/**
 * The service-provider interface for policies, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.gridkeeper.migration.MigrationPolicyFactory}. The built-in policies register the same
 * way. Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface MigrationPolicyFactory {

    /** The kebab-case policy name, unique among all factories on the class path. */
    String name();

    /**
     * The setting keys this policy reads (without the {@code <name>.} prefix). Settings not claimed by any configured
     * policy or by the {@link SafetyGuard} are rejected, so a typo never goes unnoticed.
     */
    Set<String> settingKeys();

    /** A policy configured from {@code settings}; throws {@code InvalidConfigurationException} for bad values. */
    MigrationPolicy create(PolicySettings settings);
}
