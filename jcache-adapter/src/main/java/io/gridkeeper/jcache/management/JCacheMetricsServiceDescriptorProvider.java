package io.gridkeeper.jcache.management;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptor;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider;

/**
 * Registers the JCache metrics service with every member that has the adapter on its class path (found by Hazelcast
 * through {@code META-INF/services}; Hazelcast internal SPI). Clients never load it.
 */
public final class JCacheMetricsServiceDescriptorProvider implements ServiceDescriptorProvider {

    @Override
    public ServiceDescriptor[] createServiceDescriptors() {
        return new ServiceDescriptor[] {
            new ServiceDescriptor() {
                @Override
                public String getServiceName() {
                    return JCacheMetricsService.SERVICE_NAME;
                }

                @Override
                public Object getService(NodeEngine nodeEngine) {
                    return new JCacheMetricsService();
                }
            }
        };
    }
}
