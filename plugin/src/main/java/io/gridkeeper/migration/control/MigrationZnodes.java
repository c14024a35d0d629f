package io.gridkeeper.migration.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridkeeper.migration.MigrationPolicies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * The migration znodes under {@code <clusterPath>/migration} and the operations tools (CLI, JMX, tests) use on them:
 *
 * <ul>
 *   <li>{@code policy}: the cluster-wide policy settings as a JSON object of strings ({@code {"policy":"delayed",
 *       "grace-seconds":"60"}}), watched by every member; absent means each member's start configuration;
 *   <li>{@code hold}: the decision in force and the pending changes ({@link HoldRecord}), written by the leader;
 *   <li>{@code decisions}: the last decisions, newest last ({@link DecisionRecord}), written by the leader;
 *   <li>{@code commands}: pending operator commands ({@link CommandsRecord}).
 * </ul>
 *
 * All methods do synchronous ZooKeeper round trips; call them from tool threads, never from a ZooKeeper callback.
 */
public final class MigrationZnodes {

    public static final String MIGRATION = "migration";
    public static final String POLICY = "policy";
    public static final String HOLD = "hold";
    public static final String DECISIONS = "decisions";
    public static final String COMMANDS = "commands";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};
    private static final TypeReference<List<DecisionRecord>> HISTORY = new TypeReference<>() {};

    private MigrationZnodes() {}

    public static String root(String clusterPath) {
        return ZKPaths.makePath(clusterPath, MIGRATION);
    }

    public static String path(String clusterPath, String node) {
        return ZKPaths.makePath(clusterPath, MIGRATION, node);
    }

    /**
     * Sets the cluster-wide policy after validating it (every member picks it up through its watch).
     *
     * @throws com.hazelcast.config.InvalidConfigurationException when the settings are invalid; nothing is written
     */
    public static void setPolicy(CuratorFramework curator, String clusterPath, Map<String, String> settings) {
        MigrationPolicies.load(MigrationZnodes.class.getClassLoader()).decider(settings);
        write(curator, path(clusterPath, POLICY), encode(new TreeMap<>(settings)));
    }

    /** Removes the cluster-wide policy: members fall back to their start configuration. */
    public static void clearPolicy(CuratorFramework curator, String clusterPath) {
        delete(curator, path(clusterPath, POLICY));
    }

    public static Optional<Map<String, String>> readPolicy(CuratorFramework curator, String clusterPath) {
        return read(curator, path(clusterPath, POLICY)).map(MigrationZnodes::decodePolicy);
    }

    /** Asks the leader for a rebalance now (ends any hold, subject to nothing but itself). */
    public static void requestRebalance(
            CuratorFramework curator, String clusterPath, Instant at, @Nullable String note) {
        write(
                curator,
                path(clusterPath, COMMANDS),
                encode(new CommandsRecord(at.toEpochMilli(), at.toEpochMilli(), null, note)));
    }

    /** Asks the leader to hold migrations until {@code until} (the safety guard still overrules it). */
    public static void holdUntil(
            CuratorFramework curator, String clusterPath, Instant now, Instant until, @Nullable String note) {
        write(
                curator,
                path(clusterPath, COMMANDS),
                encode(new CommandsRecord(now.toEpochMilli(), null, until.toEpochMilli(), note)));
    }

    public static Optional<CommandsRecord> readCommands(CuratorFramework curator, String clusterPath) {
        return read(curator, path(clusterPath, COMMANDS)).map(data -> decode(data, CommandsRecord.class));
    }

    public static Optional<HoldRecord> readHold(CuratorFramework curator, String clusterPath) {
        return read(curator, path(clusterPath, HOLD)).map(data -> decode(data, HoldRecord.class));
    }

    /** The decision history, oldest first. */
    public static List<DecisionRecord> readDecisions(CuratorFramework curator, String clusterPath) {
        return read(curator, path(clusterPath, DECISIONS))
                .map(MigrationZnodes::decodeHistory)
                .orElse(List.of());
    }

    static byte[] encode(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value, e);
        }
    }

    static <T> T decode(byte[] data, Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Unreadable " + type.getSimpleName() + " " + abbreviate(data) + ": " + abbreviate(e.getMessage()),
                    e);
        }
    }

    static Map<String, String> decodePolicy(byte[] data) {
        Map<String, String> settings;
        try {
            settings = JSON.readValue(data, SETTINGS);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Unreadable policy settings " + abbreviate(data)
                            + ": expected a JSON object of strings such as {\"policy\":\"delayed\",\"grace-seconds\":\"60\"}",
                    e);
        }
        if (settings == null || settings.containsValue(null)) {
            throw new IllegalArgumentException("Unreadable policy settings " + abbreviate(data)
                    + ": expected a JSON object of strings without nulls such as {\"policy\":\"delayed\"}");
        }
        return settings;
    }

    /**
     * The start of a znode's data for a message, {@code [<at most 80 characters>...] (<n> bytes)}: the data may be
     * megabytes of junk or hostile text, which must not end up whole in logs or on a terminal.
     */
    static String abbreviate(byte[] data) {
        String text = new String(data, 0, Math.min(data.length, 80), StandardCharsets.UTF_8);
        return "[" + printable(text) + (data.length > 80 ? "..." : "") + "] (" + data.length + " bytes)";
    }

    /** The first 200 printable characters of a message (parser messages quote the data they failed on). */
    static String abbreviate(@Nullable String message) {
        if (message == null) {
            return "no detail";
        }
        String text = printable(message.length() <= 400 ? message : message.substring(0, 400));
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}\\s]+", " ");
    }

    static List<DecisionRecord> decodeHistory(byte[] data) {
        try {
            return JSON.readValue(data, HISTORY);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable decision history: " + abbreviate(e.getMessage()), e);
        }
    }

    private static Optional<byte[]> read(CuratorFramework curator, String path) {
        try {
            return Optional.of(curator.getData().forPath(path));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading [" + path + "]", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read [" + path + "]: " + e.getMessage(), e);
        }
    }

    /** The ACL of the nearest existing ancestor of {@code path}, or null when only the root exists. */
    private static @Nullable List<ACL> inheritedAcl(CuratorFramework curator, String path) throws Exception {
        String ancestor = ZKPaths.getPathAndNode(path).getPath();
        while (!ancestor.equals("/")) {
            if (curator.checkExists().forPath(ancestor) != null) {
                return curator.getACL().forPath(ancestor);
            }
            ancestor = ZKPaths.getPathAndNode(ancestor).getPath();
        }
        return null;
    }

    private static void write(CuratorFramework curator, String path, byte[] data) {
        try {
            Stat stat = curator.checkExists().forPath(path);
            if (stat == null) {
                // inherit the ACL of the nearest existing ancestor (the cluster path, which members create with
                // the configured acl), so that an operator tool with a plain client does not create open znodes
                List<ACL> acl = inheritedAcl(curator, path);
                if (acl == null) {
                    curator.create().orSetData().creatingParentsIfNeeded().forPath(path, data);
                } else {
                    curator.create()
                            .orSetData()
                            .creatingParentsIfNeeded()
                            .withACL(acl, true)
                            .forPath(path, data);
                }
            } else {
                curator.setData().forPath(path, data);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing [" + path + "]", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write [" + path + "]: " + e.getMessage(), e);
        }
    }

    private static void delete(CuratorFramework curator, String path) {
        try {
            curator.delete().quietly().forPath(path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deleting [" + path + "]", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot delete [" + path + "]: " + e.getMessage(), e);
        }
    }
}
