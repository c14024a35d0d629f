package io.gridkeeper.zookeeper.election;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * A point-in-time read of a cluster's election znodes, for tools that do not take part (the {@code status} CLI).
 *
 * @param leader the participant that holds the latch now, empty when nobody does
 * @param epoch the latest epoch taken by any leader (0 when no leader was ever elected)
 * @param epochHolder the member that took {@code epoch}; differs from {@code leader} only while a new leader is
 *     taking its term, or after the leader left and nobody replaced it
 * @param participants every member taking part in the election, in latch order
 */
public record LeadershipView(
        Optional<LeaderIdentity> leader,
        long epoch,
        Optional<LeaderIdentity> epochHolder,
        List<LeaderIdentity> participants) {

    public LeadershipView {
        requireNonNull(leader, "leader");
        requireNonNull(epochHolder, "epochHolder");
        participants = List.copyOf(participants);
    }

    /**
     * Reads the election znodes of {@code clusterPath} synchronously.
     *
     * @throws IllegalStateException when ZooKeeper cannot be read, naming the path
     */
    public static LeadershipView read(CuratorFramework client, String clusterPath) {
        String latchPath = ElectionZnodes.latchPath(clusterPath);
        String epochPath = ElectionZnodes.epochPath(clusterPath);
        try {
            List<String> sorted = ElectionZnodes.sortedLatchNodes(getChildrenOrEmpty(client, latchPath));
            List<LeaderIdentity> participants = new ArrayList<>();
            Optional<LeaderIdentity> leader = Optional.empty();
            for (int i = 0; i < sorted.size(); i++) {
                Optional<LeaderIdentity> identity = getDataOrEmpty(client, ZKPaths.makePath(latchPath, sorted.get(i)));
                identity.ifPresent(participants::add);
                if (i == 0) {
                    leader = identity;
                }
            }
            byte[] epochData = getDataBytesOrNull(client, epochPath);
            if (epochData == null) {
                return new LeadershipView(leader, 0, Optional.empty(), participants);
            }
            ElectionZnodes.EpochRecord record = ElectionZnodes.decodeEpoch(epochPath, epochData);
            return new LeadershipView(leader, record.epoch(), Optional.ofNullable(record.holder()), participants);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading leader znodes under [" + clusterPath + "]", e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not read leader znodes under [" + clusterPath + "]: " + e.getMessage(), e);
        }
    }

    private static List<String> getChildrenOrEmpty(CuratorFramework client, String path) throws Exception {
        try {
            return client.getChildren().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        }
    }

    private static Optional<LeaderIdentity> getDataOrEmpty(CuratorFramework client, String path) throws Exception {
        return ElectionZnodes.decodeIdentity(getDataBytesOrNull(client, path));
    }

    private static byte @Nullable [] getDataBytesOrNull(CuratorFramework client, String path) throws Exception {
        try {
            return client.getData().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return null;
        }
    }
}
