/**
 * The node launcher: starts a Hazelcast member that discovers its peers through ZooKeeper (or, with no ZooKeeper
 * configured, through an embedded development ZooKeeper). See {@link io.gridkeeper.node.GridkeeperNode}.
 */
@NullMarked
package io.gridkeeper.node;

import org.jspecify.annotations.NullMarked;
