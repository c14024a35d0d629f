package io.gridkeeper.zookeeper.metrics;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptor;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider;

/**
 * Registers the ZooKeeper metrics service with every member that has zk-discovery on its class path (found by
 * Hazelcast through {@code META-INF/services}; Hazelcast internal SPI).
 */
public final class ZookeeperMetricsServiceDescriptorProvider implements ServiceDescriptorProvider {

    @Override
    public ServiceDescriptor[] createServiceDescriptors() {
        return new ServiceDescriptor[] {
            new ServiceDescriptor() {
                @Override
                public String getServiceName() {
                    return ZookeeperMetricsService.SERVICE_NAME;
                }

                @Override
                public Object getService(NodeEngine nodeEngine) {
                    return new ZookeeperMetricsService();
                }
            }
        };
    }
}
