/**
 * The migration-policy API: a {@link io.gridkeeper.migration.MigrationPolicy} reads an immutable {@link
 * io.gridkeeper.migration.ClusterView} and answers with a {@link io.gridkeeper.migration.Decision} (rebalance now, or
 * hold until an instant), always explained. {@link io.gridkeeper.migration.SafetyGuard} overrules every policy when
 * data is at risk; {@link io.gridkeeper.migration.MigrationDecider} chains policy, operator commands and the guard.
 * Third-party policies plug in through {@link io.gridkeeper.migration.MigrationPolicyFactory} and {@link
 * java.util.ServiceLoader}.
 */
@NullMarked
package io.gridkeeper.migration;

import org.jspecify.annotations.NullMarked;
