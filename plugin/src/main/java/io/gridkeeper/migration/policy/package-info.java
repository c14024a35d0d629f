/**
 * The built-in migration policies, one final class per policy, each with a nested {@code Factory} registered through
 * {@code META-INF/services/io.gridkeeper.migration.MigrationPolicyFactory} exactly like a third-party policy.
 */
@NullMarked
package io.gridkeeper.migration.policy;

import org.jspecify.annotations.NullMarked;
