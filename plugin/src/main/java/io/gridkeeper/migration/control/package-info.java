/**
 * The controller that applies migration decisions on real members: every member runs a {@link
 * io.gridkeeper.migration.control.MigrationController}, only the ZooKeeper leader decides and switches the cluster
 * state between {@code NO_MIGRATION} (hold) and {@code ACTIVE} (rebalance); every member keeps the dead-man switch.
 */
@NullMarked
package io.gridkeeper.migration.control;

import org.jspecify.annotations.NullMarked;
