package io.gridkeeper.migration.control;

import com.hazelcast.logging.ILogger;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.zookeeper.election.LeaderElection;
import io.gridkeeper.zookeeper.election.StaleEpochException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * The leader's record in ZooKeeper: the decision in force with the pending changes ({@code migration/hold}) and the
 * last {@value #HISTORY_SIZE} decisions ({@code migration/decisions}), written in one transaction together with the
 * election's fencing check, so a leader whose epoch is stale records nothing. Writes only material changes: a new
 * decision type or policy, a membership change, a consumed operator command, a shorter hold, or a hold whose stored
 * deadline is half used (renewal, so that the dead-man switch sees a live leader). Confined to the controller's thread.
 */
final class DecisionJournal {

    /** The outcome of {@link #record}. */
    enum Outcome {
        /** Nothing material changed; nothing written. */
        UNCHANGED,
        WRITTEN,
        /** This member's epoch is stale: it must not act. */
        STALE,
        /** ZooKeeper did not take the write; try again at the next tick. */
        FAILED
    }

    static final int HISTORY_SIZE = 50;
    static final String MANUAL = "MANUAL";

    private final CuratorFramework curator;
    private final String clusterPath;
    private final LeaderElection election;
    private final String nodeId;
    private final ILogger logger;
    private final AtomicLong rebalanceDecisions = new AtomicLong();
    private final AtomicLong holdDecisions = new AtomicLong();
    private final AtomicLong manualDecisions = new AtomicLong();
    private List<DecisionRecord> history = new ArrayList<>();
    private @Nullable HoldRecord lastWritten;
    private @Nullable String lastFailure;

    DecisionJournal(
            CuratorFramework curator, String clusterPath, LeaderElection election, String nodeId, ILogger logger) {
        this.curator = curator;
        this.clusterPath = clusterPath;
        this.election = election;
        this.nodeId = nodeId;
        this.logger = logger;
    }

    /**
     * Prepares a new leadership term: creates the znodes if needed, reads the history and the stored hold. Junk in
     * either znode (written past the CLI) is ignored with a warning, as if there were no record: this term's first
     * write replaces it.
     */
    Optional<HoldRecord> resume() {
        createIfMissing(MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD), "{}");
        createIfMissing(MigrationZnodes.path(clusterPath, MigrationZnodes.DECISIONS), "[]");
        history = new ArrayList<>(readOrWarn(
                () -> MigrationZnodes.readDecisions(curator, clusterPath), List.of(), MigrationZnodes.DECISIONS));
        lastWritten = null;
        return readOrWarn(
                        () -> MigrationZnodes.readHold(curator, clusterPath),
                        Optional.<HoldRecord>empty(),
                        MigrationZnodes.HOLD)
                .filter(record -> record.type() != null);
    }

    /** The record, or {@code absent} with a warning when the znode holds junk (connection failures still throw). */
    private <T> T readOrWarn(Supplier<T> read, T absent, String znode) {
        try {
            return read.get();
        } catch (IllegalArgumentException junk) {
            logger.warning("Ignoring the unreadable " + znode + " record of [" + clusterPath + "] (this leader's first"
                    + " decision replaces it): " + junk.getMessage());
            return absent;
        }
    }

    /** Writes the next decision at the next opportunity even when it looks unchanged. */
    void forget() {
        lastWritten = null;
    }

    /** The record this member last wrote in this term. */
    @Nullable
    HoldRecord lastWritten() {
        return lastWritten;
    }

    /** Records {@code decision} if it changed materially; {@code changed} says the membership changed. */
    Outcome record(
            long epoch,
            Instant now,
            Decision decision,
            boolean changed,
            boolean consumeRebalanceRequest,
            MembershipTracker tracker) {
        HoldRecord previous = lastWritten;
        boolean newKind = previous == null
                || previous.epoch() != epoch
                || !decision.type().name().equals(previous.type())
                || !decision.policy().equals(previous.policy());
        if (!newKind && !changed && !consumeRebalanceRequest && !renewalDue(previous, decision, now)) {
            return Outcome.UNCHANGED;
        }
        DecisionRecord entry = newKind || changed ? DecisionRecord.of(decision, now, epoch, nodeId) : null;
        if (entry != null) {
            logger.info("Migration decision (epoch " + epoch + "): " + decision.describe());
        }
        return write(epoch, entry, HoldRecord.of(decision, now, epoch, nodeId, null, tracker), consumeRebalanceRequest);
    }

    /** Records that a human set the cluster state by hand. */
    Outcome recordManual(long epoch, Instant now, String clusterState, String explanation, MembershipTracker tracker) {
        DecisionRecord entry = new DecisionRecord(
                now.toEpochMilli(),
                MANUAL,
                "operator",
                explanation,
                null,
                "MANUAL by [operator]: cluster state [" + clusterState + "] set by hand",
                epoch,
                nodeId);
        logger.info("Migration decision (epoch " + epoch + "): " + explanation);
        return write(epoch, entry, HoldRecord.manual(clusterState, now, epoch, nodeId, tracker), false);
    }

    long rebalanceDecisions() {
        return rebalanceDecisions.get();
    }

    long holdDecisions() {
        return holdDecisions.get();
    }

    long manualDecisions() {
        return manualDecisions.get();
    }

    private static boolean renewalDue(@Nullable HoldRecord previous, Decision decision, Instant now) {
        if (previous == null || !decision.isHold()) {
            return false;
        }
        Instant stored = previous.until();
        Instant until = decision.requireUntil();
        if (stored == null || until.isBefore(stored)) {
            return true;
        }
        long remaining = Duration.between(now, stored).toMillis();
        long full = Duration.between(now, until).toMillis();
        return remaining * 2 < full;
    }

    private Outcome write(
            long epoch, @Nullable DecisionRecord entry, HoldRecord record, boolean consumeRebalanceRequest) {
        List<DecisionRecord> nextHistory = history;
        try {
            List<CuratorOp> ops = new ArrayList<>();
            ops.add(election.fenceOp(epoch));
            ops.add(curator.transactionOp()
                    .setData()
                    .forPath(MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD), MigrationZnodes.encode(record)));
            if (entry != null) {
                nextHistory = new ArrayList<>(history);
                nextHistory.add(entry);
                while (nextHistory.size() > HISTORY_SIZE) {
                    nextHistory.remove(0);
                }
                ops.add(curator.transactionOp()
                        .setData()
                        .forPath(
                                MigrationZnodes.path(clusterPath, MigrationZnodes.DECISIONS),
                                MigrationZnodes.encode(nextHistory)));
            }
            if (consumeRebalanceRequest) {
                ops.add(curator.transactionOp()
                        .delete()
                        .forPath(MigrationZnodes.path(clusterPath, MigrationZnodes.COMMANDS)));
            }
            curator.transaction().forOperations(ops);
        } catch (StaleEpochException | KeeperException.BadVersionException e) {
            logger.info("Not recording the decision: epoch [" + epoch + "] of [" + nodeId + "] is stale ("
                    + e.getMessage() + ")");
            return Outcome.STALE;
        } catch (KeeperException.NoNodeException e) {
            // The commands znode was removed meanwhile, or the migration znodes were: recreate, retry next tick.
            resume();
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        } catch (Exception e) {
            warnOnce("Cannot record the migration decision in ZooKeeper (" + e.getMessage() + "); not applying it"
                    + " until ZooKeeper answers");
            return Outcome.FAILED;
        }
        if (entry != null) {
            (entry.isRebalance() ? rebalanceDecisions : MANUAL.equals(entry.type()) ? manualDecisions : holdDecisions)
                    .incrementAndGet();
        }
        history = nextHistory;
        lastWritten = record;
        lastFailure = null;
        return Outcome.WRITTEN;
    }

    private void createIfMissing(String path, String initial) {
        try {
            curator.create().creatingParentContainersIfNeeded().forPath(path, initial.getBytes(StandardCharsets.UTF_8));
        } catch (KeeperException.NodeExistsException e) {
            // Already there.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            warnOnce("Cannot create [" + path + "]: " + e.getMessage());
        }
    }

    private void warnOnce(String message) {
        if (!message.equals(lastFailure)) {
            lastFailure = message;
            logger.warning(message);
        }
    }
}
