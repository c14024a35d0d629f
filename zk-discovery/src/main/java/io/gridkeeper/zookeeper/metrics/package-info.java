/**
 * ZooKeeper connection, discovery and leadership metrics in each member's Hazelcast metrics registry (so Management
 * Center, its Prometheus export and JMX show them), registered by a Hazelcast service found through {@code
 * META-INF/services/com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider}.
 */
@NullMarked
package io.gridkeeper.zookeeper.metrics;

import org.jspecify.annotations.NullMarked;
