package io.gridkeeper.it.migration;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.FreePorts;
import io.gridkeeper.migration.control.DecisionRecord;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationController;
import io.gridkeeper.migration.control.MigrationService;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;

/** A real ZooKeeper, members in this JVM and member JVMs of one uniquely named cluster, and a tool's Curator client. */
final class MigrationCluster implements AutoCloseable {

    final TestingServer zookeeper;
    final String clusterName = "mig-" + UUID.randomUUID().toString().substring(0, 8);
    final Map<String, String> policy;
    final CuratorFramework tool;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<MemberProcess> processes = new ArrayList<>();

    MigrationCluster(Map<String, String> policy) throws Exception {
        this.policy = Map.copyOf(policy);
        this.zookeeper = new TestingServer(FreePorts.next(), true);
        this.tool = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(200));
        tool.start();
    }

    String clusterPath() {
        return "/gridkeeper/" + clusterName;
    }

    HazelcastInstance member(String nodeId) {
        HazelcastInstance member = Hazelcast.newHazelcastInstance(
                Members.config(zookeeper.getConnectString(), clusterName, nodeId, Members.freePort(), policy));
        members.add(member);
        return member;
    }

    MemberProcess process(String nodeId, int port) {
        MemberProcess process = MemberProcess.start(zookeeper.getConnectString(), clusterName, nodeId, port, policy);
        processes.add(process);
        return process;
    }

    /**
     * Makes Hazelcast assign the partitions (it does so on first use); until then the safety guard never holds,
     * because Hazelcast refuses to assign partitions in {@code NO_MIGRATION}.
     */
    static void assignPartitions(HazelcastInstance member) {
        member.getMap("assign-partitions").put(0, 0);
    }

    static MigrationController controller(HazelcastInstance member) {
        return MigrationService.forInstance(member)
                .flatMap(MigrationService::controller)
                .orElseThrow(() -> new AssertionError("no migration controller on " + member.getName()));
    }

    static boolean hasController(HazelcastInstance member) {
        return MigrationService.forInstance(member)
                .flatMap(MigrationService::controller)
                .isPresent();
    }

    List<DecisionRecord> decisions() {
        return MigrationZnodes.readDecisions(tool, clusterPath());
    }

    /** The decisions after the first {@code count}, from one read of the history (it may grow between two reads). */
    List<DecisionRecord> decisionsAfter(int count) {
        List<DecisionRecord> all = decisions();
        return all.subList(Math.min(count, all.size()), all.size());
    }

    Optional<HoldRecord> hold() {
        return MigrationZnodes.readHold(tool, clusterPath()).filter(record -> record.type() != null);
    }

    static ClusterState state(HazelcastInstance member) {
        return member.getCluster().getClusterState();
    }

    @Override
    public void close() throws Exception {
        for (MemberProcess process : processes) {
            process.close();
        }
        for (HazelcastInstance member : members) {
            member.getLifecycleService().terminate();
        }
        tool.close();
        zookeeper.close();
    }
}
