package io.gridkeeper.zookeeper;

import com.hazelcast.client.impl.clientside.ClientLoggingService;
import com.hazelcast.instance.BuildInfoProvider;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.impl.LoggingServiceImpl;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * Finds the Hazelcast cluster name of the member or client that created a discovery strategy.
 *
 * <p>The Discovery SPI hands a strategy no configuration but its own properties. The only object that knows the
 * cluster is the {@link ILogger} Hazelcast passes in: on a member it belongs to the member's logging service,
 * which holds the {@link Node}; on a client the client logging service formats the cluster name into its log
 * prefix. Both are read reflectively; when Hazelcast changes these internals the lookup answers empty and the
 * strategy falls back to {@link ZookeeperDiscoveryConfig#DEFAULT_CLUSTER_ID} with a warning to set
 * {@code cluster-id} explicitly.
 */
final class ClusterNames {

    private ClusterNames() {}

    /** The cluster name of the instance that owns the logger, if it can be found. */
    static Optional<String> of(ILogger logger) {
        try {
            Object service = field(logger, "this$0");
            if (service instanceof LoggingServiceImpl) {
                Object node = field(service, "node");
                if (node instanceof Node member) {
                    return Optional.ofNullable(member.getConfig().getClusterName());
                }
            } else if (service instanceof ClientLoggingService) {
                return fromClientPrefix(
                        (String) field(service, "versionMessage"), (String) field(service, "instanceName"));
            }
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses {@code "<instance> [<cluster>] [<version>] "}, the client logging service's prefix. */
    static Optional<String> fromClientPrefix(String versionMessage, String instanceName) {
        String head = instanceName + " [";
        String tail = "] [" + BuildInfoProvider.getBuildInfo().getVersion() + "] ";
        if (!versionMessage.startsWith(head)
                || !versionMessage.endsWith(tail)
                || versionMessage.length() < head.length() + tail.length()) {
            return Optional.empty();
        }
        String name = versionMessage.substring(head.length(), versionMessage.length() - tail.length());
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Class<?> type = target.getClass();
        while (type != null) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                type = type.getSuperclass();
            }
        }
        throw new NoSuchFieldException(name);
    }
}
