package io.gridkeeper.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.node.ClusterHealth;
import io.gridkeeper.node.ClusterHealthTask;
import io.gridkeeper.node.GridkeeperNode;
import io.gridkeeper.zookeeper.election.LeaderIdentity;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a cluster's status: the registry and election znodes from ZooKeeper, the member list as a Hazelcast client
 * (found through the ZooKeeper discovery strategy), and state/safety from a {@link ClusterHealthTask} run on one
 * member through an {@code IExecutorService} (cluster state and {@code isClusterSafe()} are member-only APIs).
 */
final class ClusterStatusReader {

    /** The discovery strategy's registry: one znode per member under {@code <cluster-path>/members}. */
    static final String MEMBERS_NODE = "members";

    /** Hazelcast finds a strategy by its class name (the factory's strategy type). */
    private static final String STRATEGY_CLASS = "io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy";

    private static final String EXECUTOR = "gridkeeper-status";
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
            int registered = readRegistry(curator, options.clusterPath()).size();
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
            Map<String, RegistryEntry> registry = readRegistry(curator, clusterPath);
            LeadershipView leadership = LeadershipView.read(curator, clusterPath);
            List<Member> members = new ArrayList<>(client.getCluster().getMembers());
            ClusterHealth health = null;
            String healthNote = null;
            try {
                health = client.getExecutorService(EXECUTOR)
                        .submit(new ClusterHealthTask())
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                healthNote = "interrupted";
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                healthNote = "no member answered the health check (members not started by gridkeeper.jar lack"
                        + " its classes): " + GridkeeperCommand.oneLine(e);
            }
            return assemble(
                    options.connectStringOrDev(), clusterPath, registry, leadership, members, health, healthNote);
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

    static Map<String, RegistryEntry> readRegistry(CuratorFramework curator, String clusterPath) {
        String membersPath = ZKPaths.makePath(clusterPath, MEMBERS_NODE);
        Map<String, RegistryEntry> entries = new TreeMap<>();
        try {
            List<String> children;
            try {
                children = curator.getChildren().forPath(membersPath);
            } catch (KeeperException.NoNodeException e) {
                return entries;
            }
            for (String child : children) {
                try {
                    RegistryEntry entry =
                            RegistryEntry.parse(curator.getData().forPath(ZKPaths.makePath(membersPath, child)));
                    if (entry != null) {
                        entries.put(entry.privateAddress(), entry);
                    }
                } catch (KeeperException.NoNodeException e) {
                    // Left between the listing and the read.
                }
            }
            return entries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading [" + membersPath + "]", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not read the registry [" + membersPath + "]: " + GridkeeperCommand.oneLine(e), e);
        }
    }

    private ClusterStatus assemble(
            String connectString,
            String clusterPath,
            Map<String, RegistryEntry> registry,
            LeadershipView leadership,
            List<Member> members,
            @Nullable ClusterHealth health,
            @Nullable String healthNote) {
        LeaderIdentity leader = leadership.leader().orElse(null);
        List<ClusterStatus.MemberStatus> statuses = new ArrayList<>();
        Map<String, RegistryEntry> unmatched = new LinkedHashMap<>(registry);
        for (Member member : members) {
            String address =
                    member.getAddress().getHost() + ":" + member.getAddress().getPort();
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
            String nodeId = member.getAttribute(GridkeeperNode.NODE_ID_ATTRIBUTE);
            if (nodeId == null && entry != null) {
                nodeId = entry.nodeId();
            }
            String zone = member.getAttribute(GridkeeperNode.ZONE_ATTRIBUTE);
            if (zone == null && entry != null) {
                zone = entry.zone();
            }
            statuses.add(new ClusterStatus.MemberStatus(
                    address, nodeId, zone, true, entry != null, isLeader(leader, address, nodeId)));
        }
        for (RegistryEntry entry : unmatched.values()) {
            statuses.add(new ClusterStatus.MemberStatus(
                    entry.privateAddress(),
                    entry.nodeId(),
                    entry.zone(),
                    false,
                    true,
                    isLeader(leader, entry.privateAddress(), entry.nodeId())));
        }
        Map<String, Integer> zoneCounts = new TreeMap<>();
        statuses.stream()
                .filter(ClusterStatus.MemberStatus::inCluster)
                .map(ClusterStatus.MemberStatus::zone)
                .filter(Objects::nonNull)
                .forEach(zone -> zoneCounts.merge(zone, 1, Integer::sum));
        return new ClusterStatus(
                options.clusterNameOrDefault(),
                connectString,
                clusterPath,
                health == null ? null : health.clusterState(),
                health == null ? null : health.clusterSafe(),
                healthNote,
                leader == null ? null : new ClusterStatus.Leader(leader.nodeId(), leader.address()),
                leadership.epoch(),
                statuses,
                zoneCounts.entrySet().stream()
                        .map(e -> new ClusterStatus.Zone(e.getKey(), e.getValue()))
                        .toList());
    }

    private static boolean isLeader(@Nullable LeaderIdentity leader, String address, @Nullable String nodeId) {
        return leader != null
                && (leader.address().equals(address) || leader.nodeId().equals(nodeId));
    }

    /** What the status needs from a registration znode (a Curator ServiceInstance whose payload is the member's). */
    record RegistryEntry(
            String privateAddress,
            @Nullable String publicAddress,
            @Nullable String nodeId,
            @Nullable String zone) {

        static @Nullable RegistryEntry parse(byte[] data) {
            try {
                JsonNode payload = JSON.readTree(data).path("payload");
                String privateAddress = text(payload, "privateAddress");
                if (privateAddress == null) {
                    return null;
                }
                return new RegistryEntry(
                        privateAddress, text(payload, "publicAddress"), text(payload, "nodeId"), text(payload, "zone"));
            } catch (IOException e) {
                return null; // unreadable: the discovery strategy warns about it
            }
        }

        private static @Nullable String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || !value.isTextual() ? null : value.asText();
        }
    }
}
