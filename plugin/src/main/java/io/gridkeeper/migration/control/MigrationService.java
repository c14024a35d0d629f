package io.gridkeeper.migration.control;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.internal.services.GracefulShutdownAwareService;
import com.hazelcast.internal.services.ManagedService;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.impl.NodeEngine;
import io.gridkeeper.migration.LoadSource;
import io.gridkeeper.migration.MigrationPolicies;
import io.gridkeeper.zookeeper.ZookeeperMember;
import io.gridkeeper.zookeeper.election.ClusterLeadership;
import io.gridkeeper.zookeeper.election.LeaderElection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The Hazelcast service that runs a {@link MigrationController} on every member with ZooKeeper discovery. Registered
 * through {@code META-INF/services/com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider}, so a member that
 * has the plugin jar on its class path gets it without code, in the launcher and embedded alike.
 *
 * <p>Settings come from the member's Hazelcast properties (hazelcast.yaml {@code properties:} or {@code
 * Config.setProperty}) with the prefix {@value #PREFIX}, overridden by JVM system properties of the same name:
 * {@code gridkeeper.migration.policy=delayed}, {@code gridkeeper.migration.grace-seconds=60}, ...; {@code
 * gridkeeper.migration.enabled=false} turns the controller off. The controller starts once the member has started
 * and its ZooKeeper discovery handle exists; it uses the member's leader election (started by the discovery strategy,
 * {@link ClusterLeadership}).
 *
 * <p>On a graceful shutdown ({@link GracefulShutdownAwareService}), while the cluster holds migrations and partitions
 * lack backups, it restores {@code ACTIVE} and waits until the cluster is safe before the member leaves.
 */
public final class MigrationService implements ManagedService, GracefulShutdownAwareService {

    public static final String SERVICE_NAME = "gridkeeper:migrationService";
    public static final String PREFIX = "gridkeeper.migration.";
    public static final String ENABLED = "enabled";

    private static final Map<String, MigrationService> BY_INSTANCE = new ConcurrentHashMap<>();

    private final AtomicReference<@Nullable Running> running = new AtomicReference<>();
    private volatile @Nullable NodeEngine nodeEngine;
    private volatile @Nullable ILogger logger;

    private record Running(LeaderElection election, MigrationController controller) {}

    /** The service of a member instance in this JVM, once that member started. */
    public static Optional<MigrationService> forInstance(HazelcastInstance instance) {
        return Optional.ofNullable(BY_INSTANCE.get(instance.getName()));
    }

    /** The running controller, if ZooKeeper discovery is in use and the member has started. */
    public Optional<MigrationController> controller() {
        Running current = running.get();
        return current == null ? Optional.empty() : Optional.of(current.controller());
    }

    /** The member's leader election (owned by the discovery strategy). */
    public Optional<LeaderElection> election() {
        Running current = running.get();
        return current == null ? Optional.empty() : Optional.of(current.election());
    }

    @Override
    public void init(NodeEngine nodeEngine, Properties properties) {
        this.nodeEngine = nodeEngine;
        ILogger log = nodeEngine.getLogger(MigrationService.class);
        this.logger = log;
        Map<String, String> settings = settings(nodeEngine);
        if ("false".equalsIgnoreCase(settings.remove(ENABLED))) {
            log.info("Gridkeeper migration controller disabled by [" + PREFIX + ENABLED + "=false]");
            return;
        }
        HazelcastInstance instance = nodeEngine.getHazelcastInstance();
        instance.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.STARTED) {
                start(nodeEngine, settings, log);
            }
        });
    }

    private void start(NodeEngine nodeEngine, Map<String, String> settings, ILogger log) {
        HazelcastInstance instance = nodeEngine.getHazelcastInstance();
        Optional<ZookeeperMember> member = ZookeeperMember.forInstance(instance);
        if (member.isEmpty()) {
            log.info("No ZooKeeper discovery on this member: the Gridkeeper migration controller does not run and"
                    + " Hazelcast migrates as usual");
            return;
        }
        ZookeeperMember zk = member.get();
        Optional<LeaderElection> shared = ClusterLeadership.forMember(zk);
        if (shared.isEmpty()) {
            log.warning("ZooKeeper discovery runs without a leader election on member [" + zk.nodeId() + "]: the"
                    + " Gridkeeper migration controller does not run and Hazelcast migrates as usual");
            return;
        }
        LeaderElection election = shared.get();
        MigrationController controller = new MigrationController(
                nodeEngine,
                zk.curator(),
                zk.clusterPath(),
                zk.nodeId(),
                election,
                settings,
                MigrationPolicies.load(nodeEngine.getConfigClassLoader()),
                Clock.systemUTC(),
                LoadSource.NONE);
        if (!running.compareAndSet(null, new Running(election, controller))) {
            return;
        }
        controller.start();
        BY_INSTANCE.put(instance.getName(), this);
    }

    /**
     * Checks the {@value #PREFIX}* settings a member would start with (its configuration's properties and JVM system
     * properties). Every member runs this while Hazelcast builds it ({@link MigrationServiceDescriptorProvider}), so
     * a member with an invalid setting does not start; a launcher may call it earlier to fail before any work.
     *
     * @throws InvalidConfigurationException naming the setting, the value and what is allowed
     */
    public static void checkSettings(Config config) {
        Map<String, String> settings = settings(config);
        if ("false".equalsIgnoreCase(settings.remove(ENABLED))) {
            return;
        }
        try {
            MigrationPolicies.load(
                            config.getClassLoader() == null
                                    ? MigrationService.class.getClassLoader()
                                    : config.getClassLoader())
                    .decider(settings);
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException(
                    "Invalid migration settings " + prefixed(settings) + ": " + e.getMessage(), e);
        }
    }

    private static String prefixed(Map<String, String> settings) {
        StringBuilder text = new StringBuilder("[");
        settings.forEach((key, value) -> text.append(text.length() > 1 ? ", " : "")
                .append(PREFIX)
                .append(key)
                .append('=')
                .append(value));
        return text.append(']').toString();
    }

    private static Map<String, String> settings(NodeEngine nodeEngine) {
        return settings(nodeEngine.getConfig());
    }

    private static Map<String, String> settings(Config config) {
        Map<String, String> settings = new TreeMap<>();
        config.getProperties().forEach((key, value) -> {
            if (key instanceof String name && name.startsWith(PREFIX) && value != null) {
                settings.put(name.substring(PREFIX.length()), value.toString());
            }
        });
        System.getProperties().forEach((key, value) -> {
            if (key instanceof String name && name.startsWith(PREFIX) && value != null) {
                settings.put(name.substring(PREFIX.length()), value.toString());
            }
        });
        return settings;
    }

    @Override
    public boolean onShutdown(long timeout, TimeUnit unit) {
        return controller()
                .map(controller -> controller.prepareShutdown(Duration.ofMillis(unit.toMillis(timeout))))
                .orElse(true);
    }

    @Override
    public void reset() {
        // Nothing kept per cluster membership.
    }

    @Override
    public void shutdown(boolean terminate) {
        Running current = running.getAndSet(null);
        NodeEngine engine = nodeEngine;
        if (engine != null) {
            BY_INSTANCE.remove(engine.getHazelcastInstance().getName(), this);
        }
        if (current == null) {
            return;
        }
        // The election belongs to the discovery strategy, which closes it.
        try {
            current.controller().close();
        } catch (RuntimeException e) {
            ILogger log = logger;
            if (log != null) {
                log.warning("Closing the migration controller failed: " + e.getMessage(), e);
            }
        }
    }
}
