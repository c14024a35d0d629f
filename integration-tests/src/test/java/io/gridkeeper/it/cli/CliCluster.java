package io.gridkeeper.it.cli;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.cli.GridkeeperCommand;
import io.gridkeeper.it.fixture.FreePorts;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.migration.control.MigrationController;
import io.gridkeeper.migration.control.MigrationService;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import picocli.CommandLine;

/**
 * A real ZooKeeper and members in this JVM (ZooKeeper discovery, migration control on) of one uniquely named cluster,
 * and the {@code gridkeeper} command line run in-process against it. {@link #close()} terminates the members.
 */
final class CliCluster implements AutoCloseable {

    static final String MAP = "data";

    final ZookeeperFixture zookeeper;
    final String clusterName = "cli-" + UUID.randomUUID().toString().substring(0, 8);
    final CuratorFramework tool;
    private final List<HazelcastInstance> members = new ArrayList<>();

    /** A cluster on a fresh single ZooKeeper server. */
    CliCluster() {
        this(ZookeeperFixture.single());
    }

    /** A cluster on the given ZooKeeper (closed with this cluster). */
    CliCluster(ZookeeperFixture zookeeper) {
        this.zookeeper = zookeeper;
        this.tool = zookeeper.newClient();
    }

    String clusterPath() {
        return "/gridkeeper/" + clusterName;
    }

    /** Starts a member with node id {@code nodeId} and extra Hazelcast properties. */
    HazelcastInstance member(String nodeId, Map<String, String> properties) {
        return member(nodeId, properties, 6);
    }

    /** Starts a member that asks ZooKeeper for a session of {@code sessionTimeoutSeconds}. */
    HazelcastInstance member(String nodeId, Map<String, String> properties, int sessionTimeoutSeconds) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        config.setProperty("hazelcast.partition.count", "31");
        properties.forEach(config::setProperty);
        config.getNetworkConfig().setPort(FreePorts.next()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        Map<String, Comparable> discovery = new HashMap<>();
        discovery.put("connect-string", zookeeper.connectString());
        discovery.put("node-id", nodeId);
        discovery.put("session-timeout-seconds", Integer.toString(sessionTimeoutSeconds));
        discovery.put("connection-timeout-seconds", "3");
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(
                        new DiscoveryStrategyConfig(new ZookeeperDiscoveryStrategyFactory(), discovery));
        config.addMapConfig(new MapConfig(MAP).setBackupCount(1));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        members.add(member);
        return member;
    }

    List<HazelcastInstance> members() {
        return List.copyOf(members);
    }

    static boolean hasController(HazelcastInstance member) {
        return MigrationService.forInstance(member)
                .flatMap(MigrationService::controller)
                .isPresent();
    }

    static MigrationController controller(HazelcastInstance member) {
        return MigrationService.forInstance(member)
                .flatMap(MigrationService::controller)
                .orElseThrow(() -> new AssertionError("no migration controller on " + member.getName()));
    }

    /** Runs {@code gridkeeper <args> --zookeeper <this> --cluster-name <this>} in-process. */
    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--zookeeper", zookeeper.connectString(), "--cluster-name", clusterName));
        return Run.of(all.toArray(String[]::new));
    }

    @Override
    public void close() {
        for (HazelcastInstance member : members) {
            member.getLifecycleService().terminate();
        }
        zookeeper.close();
    }

    /** The outcome of one command line. */
    record Run(int exitCode, String out, String err) {

        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = GridkeeperCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(args);
            return new Run(exitCode, out.toString(), err.toString());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
