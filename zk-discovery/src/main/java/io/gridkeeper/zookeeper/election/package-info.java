/**
 * One leader per cluster through Curator's {@code LeaderLatch}, with a monotonically increasing epoch (fencing
 * token) per leadership term stored in ZooKeeper. See {@link io.gridkeeper.zookeeper.election.LeaderElection}.
 */
@NullMarked
package io.gridkeeper.zookeeper.election;

import org.jspecify.annotations.NullMarked;
