/**
 * Hazelcast Discovery SPI over Apache Curator: members and clients find each other through ZooKeeper.
 *
 * <p>Only {@link io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory} (the entry point Hazelcast loads),
 * {@link io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy} (the name declarative configuration uses),
 * {@link io.gridkeeper.zookeeper.ZookeeperDiscoveryProperties} (the property keys),
 * {@link io.gridkeeper.zookeeper.ZookeeperDiscoveryConfig} (the validated configuration),
 * {@link io.gridkeeper.zookeeper.MemberPayload} (the registration format) and
 * {@link io.gridkeeper.zookeeper.ZookeeperMember} (the shared connection handle) are public.
 */
@NullMarked
package io.gridkeeper.zookeeper;

import org.jspecify.annotations.NullMarked;
