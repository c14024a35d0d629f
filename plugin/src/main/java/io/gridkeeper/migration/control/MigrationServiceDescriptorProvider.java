package io.gridkeeper.migration.control;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptor;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider;

/** Registers {@link MigrationService} with every member that has the plugin on its class path. */
public final class MigrationServiceDescriptorProvider implements ServiceDescriptorProvider {

    @Override
    public ServiceDescriptor[] createServiceDescriptors() {
        return new ServiceDescriptor[] {
            new ServiceDescriptor() {
                @Override
                public String getServiceName() {
                    return MigrationService.SERVICE_NAME;
                }

                @Override
                public Object getService(NodeEngine nodeEngine) {
                    return new MigrationService();
                }
            }
        };
    }
}
