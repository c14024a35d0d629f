package io.gridkeeper.migration.control;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptor;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider;

/**
 * Registers {@link MigrationService} with every member that has the plugin on its class path.
 *
 * <p>The member's {@code gridkeeper.migration.*} settings are checked here, while Hazelcast builds the member: an
 * invalid one (unknown policy, malformed window, negative grace) makes {@code Hazelcast.newHazelcastInstance} throw
 * an {@link com.hazelcast.config.InvalidConfigurationException} naming the setting, before the member joins or
 * registers in ZooKeeper. (A failure in the service's {@code init} would only be logged by Hazelcast.)
 */
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
                    MigrationService.checkSettings(nodeEngine.getConfig());
                    return new MigrationService();
                }
            }
        };
    }
}
