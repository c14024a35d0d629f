/**
 * A real, in-process ZooKeeper server for development, shared by the dev nodes of one machine. See {@link
 * io.gridkeeper.zookeeper.embedded.EmbeddedZookeeper}.
 */
@NullMarked
package io.gridkeeper.zookeeper.embedded;

import org.jspecify.annotations.NullMarked;
