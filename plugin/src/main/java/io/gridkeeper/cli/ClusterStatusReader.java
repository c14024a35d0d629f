package io.gridkeeper.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.node.GridkeeperNode;
import io.gridkeeper.zookeeper.election.LeaderIdentity;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * Reads a cluster's status: the registry and election znodes from ZooKeeper, the member list as a Hazelcast client
 * (found through the ZooKeeper discovery strategy), the policy and hold znodes, this tool's own ZooKeeper session, and
 * the {@link MemberReports} of every member (cluster state, {@code isClusterSafe()}, partitions without backup and the
 * member's ZooKeeper session are member-only views), the same observation {@code doctor} judges.
 */
final class ClusterStatusReader {

    /** The discovery strategy's registry: one znode per member under {@code <cluster-path>/members}. */
    static final String MEMBERS_NODE = "members";

    /** Hazelcast finds a strategy by its class name (the factory's strategy type). */
    private static final String STRATEGY_CLASS = "io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterOptions options;
    private final Duration timeout;

    ClusterStatusReader(ClusterOptions options, Duration timeout) {
        this.options = options;
        this.timeout = timeout;
    }

    /**
     * Reads the status once.
     *
     * @throws IllegalStateException with a one-line reason when ZooKeeper or the cluster cannot be reached
     */
    ClusterStatus read() {
        try (Session session = open()) {
            return session.read();
        }
    }

    /**
     * Connects to ZooKeeper and the cluster for repeated reads ({@code status --watch}); the caller closes it.
     *
     * @throws IllegalStateException with a one-line reason when ZooKeeper or the cluster cannot be reached
     */
    Session open() {
        CuratorFramework curator = ZookeeperConnection.open(options, timeout);
        try {
            int registered =
                    readRegistry(curator, options.clusterPath()).entries().size();
            return new Session(curator, connectCluster(options.connectStringOrDev(), registered));
        } catch (RuntimeException e) {
            curator.close();
            throw e;
        }
    }

    /** Open connections to ZooKeeper and the cluster; {@link #read()} as often as needed, then close. */
    final class Session implements AutoCloseable {
        private final CuratorFramework curator;
        private final HazelcastInstance client;

        private Session(CuratorFramework curator, HazelcastInstance client) {
            this.curator = curator;
            this.client = client;
        }

        HazelcastInstance client() {
            return client;
        }

        CuratorFramework curator() {
            return curator;
        }

        /** A fresh status over the open connections. */
        ClusterStatus read() {
            String clusterPath = options.clusterPath();
            // an unreadable znode (registration, election, policy, hold) is reported in the status, never fatal
            Registry registry = readRegistry(curator, clusterPath);
            ZnodeRead<LeadershipView> leadership = readLeadership(curator, clusterPath);
            ZnodeRead<HoldRecord> hold = PolicyShowCommand.readHold(curator, clusterPath);
            PolicyShowCommand.PolicyReport policy = PolicyShowCommand.read(curator, clusterPath, hold);
            ZookeeperHealth zookeeper = ZookeeperConnection.health(curator, options.connectStringOrDev());
            Map<String, Attributes> attributes = new TreeMap<>();
            client.getCluster()
                    .getMembers()
                    .forEach(member -> attributes.put(
                            MemberReports.address(member),
                            new Attributes(
                                    member.getAttribute(GridkeeperNode.NODE_ID_ATTRIBUTE),
                                    member.getAttribute(GridkeeperNode.ZONE_ATTRIBUTE))));
            MemberReports reports = MemberReports.collect(client, timeout);
            return assemble(registry, leadership, policy, hold.value().orElse(null), zookeeper, reports, attributes);
        }

        @Override
        public void close() {
            try {
                client.shutdown();
            } finally {
                curator.close();
            }
        }
    }

    HazelcastInstance connectCluster(String connectString, int registered) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(options.clusterNameOrDefault());
        config.setInstanceName("gridkeeper-status-" + ProcessHandle.current().pid());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        Map<String, Comparable> properties = new LinkedHashMap<>();
        properties.put("connect-string", connectString);
        properties.put("cluster-id", options.clusterIdOrDefault());
        properties.put("base-path", options.basePathOrDefault());
        // the client's discovery must give up within --timeout-seconds too (its default waits 30 s for ZooKeeper)
        String seconds = String.valueOf(Math.min(86_400, Math.max(1, timeout.toSeconds())));
        properties.put("startup-timeout-seconds", seconds);
        properties.put("connection-timeout-seconds", seconds);
        config.getNetworkConfig()
                .getDiscoveryConfig()
                .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(STRATEGY_CLASS, properties));
        config.getConnectionStrategyConfig()
                .getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(timeout.toMillis())
                .setInitialBackoffMillis(200)
                .setMaxBackoffMillis(1_000);
        try {
            return HazelcastClient.newHazelcastClient(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "No member of cluster [" + options.clusterNameOrDefault()
                            + "] answered within [" + timeout.toSeconds() + "s] (ZooKeeper [" + connectString
                            + "] lists ["
                            + registered + "] registered member(s) under [" + options.clusterPath() + "]): "
                            + GridkeeperCommand.oneLine(e),
                    e);
        }
    }

    /**
     * The registrations under {@code <cluster>/members}, by private address, and those that could not be read.
     *
     * @param entries the readable registrations, by private address
     * @param unreadable the registration znodes (or the members znode itself) that could not be read, and why
     */
    record Registry(Map<String, RegistryEntry> entries, List<Unreadable> unreadable) {}

    /**
     * Reads the registry; a registration that is junk or that this tool may not read is listed in
     * {@link Registry#unreadable()}, the others still count.
     *
     * @throws IllegalStateException when ZooKeeper cannot be reached, or the read was interrupted
     */
    static Registry readRegistry(CuratorFramework curator, String clusterPath) {
        String membersPath = ZKPaths.makePath(clusterPath, MEMBERS_NODE);
        Map<String, RegistryEntry> entries = new TreeMap<>();
        List<Unreadable> unreadable = new ArrayList<>();
        List<String> children;
        try {
            children = curator.getChildren().forPath(membersPath);
        } catch (KeeperException.NoNodeException e) {
            return new Registry(entries, unreadable);
        } catch (Exception e) {
            return new Registry(entries, List.of(Unreadable.of(Unreadable.Kind.REGISTRATION, membersPath, e)));
        }
        for (String child : children) {
            String path = ZKPaths.makePath(membersPath, child);
            try {
                Stat stat = new Stat();
                byte[] data = curator.getData().storingStatIn(stat).forPath(path);
                RegistryEntry entry = RegistryEntry.parse(data, stat.getEphemeralOwner());
                entries.put(entry.privateAddress(), entry);
            } catch (KeeperException.NoNodeException e) {
                // Left between the listing and the read.
            } catch (Exception e) {
                unreadable.add(Unreadable.of(Unreadable.Kind.REGISTRATION, path, e));
            }
        }
        return new Registry(entries, List.copyOf(unreadable));
    }

    /**
     * Reads the election znodes; junk in the epoch znode or a latch/epoch znode this tool may not read makes the
     * whole election unreadable (leader and epoch unknown), reported instead of thrown.
     *
     * @throws IllegalStateException when ZooKeeper cannot be reached, or the read was interrupted
     */
    static ZnodeRead<LeadershipView> readLeadership(CuratorFramework curator, String clusterPath) {
        // the path ZooKeeper names wins; junk can only be the epoch znode's (junk latch data is skipped)
        return ZnodeRead.of(
                Unreadable.Kind.ELECTION,
                ZKPaths.makePath(clusterPath, "leader", "epoch"),
                () -> Optional.of(LeadershipView.read(curator, clusterPath)));
    }

    private ClusterStatus assemble(
            Registry registry,
            ZnodeRead<LeadershipView> election,
            PolicyShowCommand.PolicyReport policy,
            @Nullable HoldRecord hold,
            ZookeeperHealth zookeeper,
            MemberReports reports,
            Map<String, Attributes> attributes) {
        LeadershipView leadership = election.value().orElse(null);
        LeaderIdentity leader = leadership == null ? null : leadership.leader().orElse(null);
        List<ClusterStatus.MemberStatus> statuses = new ArrayList<>();
        Map<String, RegistryEntry> unmatched = new LinkedHashMap<>(registry.entries());
        for (Map.Entry<String, String> member : reports.members().entrySet()) {
            String address = member.getKey();
            RegistryEntry entry = unmatched.remove(address);
            if (entry == null) {
                entry = unmatched.values().stream()
                        .filter(e -> address.equals(e.publicAddress()))
                        .findFirst()
                        .orElse(null);
                if (entry != null) {
                    unmatched.remove(entry.privateAddress());
                }
            }
            MemberReport report = reports.reports().get(address);
            Attributes attribute = attributes.getOrDefault(address, new Attributes(null, null));
            String nodeId = attribute.nodeId();
            if (nodeId == null && entry != null) {
                nodeId = entry.nodeId();
            }
            if (nodeId == null) {
                nodeId = member.getValue(); // the controller's fallback: the address
            }
            String zone = attribute.zone();
            if (zone == null && entry != null) {
                zone = entry.zone();
            }
            statuses.add(new ClusterStatus.MemberStatus(
                    address,
                    nodeId,
                    zone,
                    true,
                    entry != null,
                    isLeader(leader, address, nodeId),
                    entry == null ? null : entry.sessionId(),
                    report == null ? null : report.zookeeperState(),
                    report == null || report.zookeeperSessionId() == null
                            ? null
                            : "0x" + Long.toHexString(report.zookeeperSessionId()),
                    report == null ? null : report.negotiatedSessionTimeoutMillis(),
                    report == null ? null : report.policy(),
                    reports.errors().get(address)));
        }
        for (RegistryEntry entry : unmatched.values()) {
            statuses.add(new ClusterStatus.MemberStatus(
                    entry.privateAddress(),
                    entry.nodeId(),
                    entry.zone(),
                    false,
                    true,
                    isLeader(leader, entry.privateAddress(), entry.nodeId()),
                    entry.sessionId(),
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        Map<String, Integer> zoneCounts = new TreeMap<>();
        statuses.stream()
                .filter(ClusterStatus.MemberStatus::inCluster)
                .map(ClusterStatus.MemberStatus::zone)
                .filter(Objects::nonNull)
                .forEach(zone -> zoneCounts.merge(zone, 1, Integer::sum));
        Collection<MemberReport> answers = reports.reports().values();
        String state = MemberReports.clusterState(answers);
        MemberReport worst = MemberReports.worstBackup(answers).orElse(null);
        String healthNote = answers.isEmpty()
                ? "no member answered the status task (members not started by gridkeeper.jar lack its classes): "
                        + (reports.errors().isEmpty()
                                ? "no member in the cluster"
                                : reports.errors().values().iterator().next())
                : null;
        return new ClusterStatus(
                options.clusterNameOrDefault(),
                options.connectStringOrDev(),
                options.clusterPath(),
                state,
                answers.isEmpty()
                        ? null
                        : reports.errors().isEmpty() && answers.stream().allMatch(MemberReport::clusterSafe),
                healthNote,
                worst == null ? null : worst.partitionsWithoutBackup(),
                worst == null ? null : worst.unprotectedSeconds(),
                leader == null ? null : new ClusterStatus.Leader(leader.nodeId(), leader.address()),
                leadership == null ? 0 : leadership.epoch(),
                policy,
                HoldView.of(hold, state, Instant.now()),
                zookeeper,
                statuses,
                zoneCounts.entrySet().stream()
                        .map(e -> new ClusterStatus.Zone(e.getKey(), e.getValue()))
                        .toList(),
                unreadable(registry, election, policy));
    }

    /** Every znode the status could not read: registrations, election, policy, hold (the order of the text). */
    private static List<Unreadable> unreadable(
            Registry registry, ZnodeRead<LeadershipView> election, PolicyShowCommand.PolicyReport policy) {
        List<Unreadable> unreadable = new ArrayList<>(policy.unreadable());
        if (election.unreadable() != null) {
            unreadable.add(0, election.unreadable());
        }
        unreadable.addAll(registry.unreadable());
        return List.copyOf(unreadable);
    }

    private static boolean isLeader(@Nullable LeaderIdentity leader, String address, @Nullable String nodeId) {
        return leader != null
                && (leader.address().equals(address) || leader.nodeId().equals(nodeId));
    }

    /** The Gridkeeper member attributes the status shows, null when a member lacks them. */
    private record Attributes(
            @Nullable String nodeId, @Nullable String zone) {}

    /**
     * What the status needs from a registration znode (a Curator ServiceInstance whose payload is the member's).
     *
     * @param privateAddress the member's private address
     * @param publicAddress its public address, null when none
     * @param nodeId its node id
     * @param zone its zone
     * @param sessionId the ZooKeeper session owning the (ephemeral) znode in hex, null when it is not ephemeral
     */
    record RegistryEntry(
            String privateAddress,
            @Nullable String publicAddress,
            @Nullable String nodeId,
            @Nullable String zone,
            @Nullable String sessionId) {

        /**
         * Parses a registration znode's data.
         *
         * @throws IllegalArgumentException when it is not a Gridkeeper registration (junk, no private address)
         */
        static RegistryEntry parse(byte[] data, long ephemeralOwner) {
            try {
                JsonNode payload = JSON.readTree(data).path("payload");
                String privateAddress = text(payload, "privateAddress");
                if (privateAddress == null) {
                    throw new IllegalArgumentException("Not a Gridkeeper registration: no [payload.privateAddress] in"
                            + " the " + data.length + " bytes");
                }
                return new RegistryEntry(
                        privateAddress,
                        text(payload, "publicAddress"),
                        text(payload, "nodeId"),
                        text(payload, "zone"),
                        ephemeralOwner == 0 ? null : "0x" + Long.toHexString(ephemeralOwner));
            } catch (IOException e) {
                // the discovery strategy skips it with a warning; the parser's message quotes the start of the data
                throw new IllegalArgumentException(
                        "Unreadable registration (" + data.length + " bytes): " + GridkeeperCommand.oneLine(e), e);
            }
        }

        private static @Nullable String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || !value.isTextual() ? null : value.asText();
        }
    }
}
