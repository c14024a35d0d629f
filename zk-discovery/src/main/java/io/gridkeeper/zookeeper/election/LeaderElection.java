package io.gridkeeper.zookeeper.election;

import static java.util.Objects.requireNonNull;

import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * Elects one leader per cluster and gives each leadership term a fencing epoch.
 *
 * <p>Members take part through a Curator {@link LeaderLatch} under {@code <clusterPath>/leader/latch}; the latch's
 * participant id is the member's {@link LeaderIdentity} as JSON. A member the latch elects is not leader yet: it first
 * increments the epoch in {@code <clusterPath>/leader/epoch} with a versioned compare-and-set, and only then reports
 * {@link #isLeader()} and tells listeners. Every new term therefore has a strictly higher epoch than every earlier
 * one, cluster-wide.
 *
 * <p><b>Fencing.</b> A leader passes its epoch along with every action and calls {@link #checkEpoch(long)} (or {@link
 * #runFenced}) right before applying it. The check runs a ZooKeeper transaction that verifies the epoch znode's version
 * is still the one this member wrote, which goes through the ZooKeeper leader and is therefore linearizable: it fails
 * once any other member has taken a newer term. For ZooKeeper writes, add {@link #fenceOp(long)} to the same
 * transaction so the write and the check are atomic. For actions outside ZooKeeper the check narrows but cannot close
 * the window between check and apply; keep such actions idempotent.
 *
 * <p><b>Connection loss.</b> Leadership is dropped at once when the connection is SUSPENDED or LOST (before the latch
 * notices), so {@link #isLeader()} never answers {@code true} while this member cannot prove it. After reconnection
 * the latch competes again and a re-elected member takes a new, higher epoch.
 *
 * <p><b>Threads.</b> Epoch increments and listener calls run on one named thread of this election, never on a
 * ZooKeeper or Curator event thread. Listeners fire only on a real change, in order. Query methods are thread safe and
 * do not block, except {@link #checkEpoch}, {@link #runFenced} and {@link #callFenced}, which do one ZooKeeper round
 * trip.
 *
 * <p><b>Lifecycle.</b> LATENT, then {@link #start()} once, then {@link #close()} (idempotent), which gives up
 * leadership and tells listeners.
 */
public final class LeaderElection implements Closeable {

    private static final long RETRY_DELAY_MILLIS = 1_000;
    private static final long CLOSE_WAIT_SECONDS = 5;
    private static final long NONE = -1;

    private enum State {
        LATENT,
        STARTED,
        CLOSED
    }

    private final CuratorFramework client;
    private final String clusterPath;
    private final String epochPath;
    private final String latchPath;
    private final LeaderIdentity self;
    private final ILogger logger;
    private final LeaderLatch latch;
    private final CuratorCache cache;
    private final ScheduledExecutorService executor;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicReference<@Nullable Term> term = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();
    /** The highest epoch this member has seen, so a new term never goes below it even if ZooKeeper lost data. */
    private final AtomicLong highestSeenEpoch = new AtomicLong();

    private final List<LeadershipListener> listeners = new CopyOnWriteArrayList<>();
    private final ConnectionStateListener connectionListener = (client, newState) -> connectionStateChanged(newState);
    private final LeaderLatchListener latchListener = new LeaderLatchListener() {
        @Override
        public void isLeader() {
            acquireTerm();
        }

        @Override
        public void notLeader() {
            drop("the leader latch was lost");
        }
    };

    /** The epoch of the term last announced to listeners; confined to {@link #executor}. */
    private long announcedEpoch = NONE;

    /** The last warning about a failed epoch increment, so a retry loop warns once; confined to the executor. */
    private @Nullable String lastAcquireWarning;

    /**
     * Creates an election for the cluster at {@code clusterPath}; nothing happens until {@link #start()}.
     *
     * @param client a started Curator client, owned by the caller and closed after this election
     * @param clusterPath the cluster's znode ({@code <base-path>/<cluster-id>})
     * @param self this member's identity, as other members and tools will see it
     */
    public LeaderElection(CuratorFramework client, String clusterPath, LeaderIdentity self) {
        this(client, clusterPath, self, Logger.getLogger(LeaderElection.class));
    }

    /** As {@link #LeaderElection(CuratorFramework, String, LeaderIdentity)}, logging to {@code logger}. */
    public LeaderElection(CuratorFramework client, String clusterPath, LeaderIdentity self, ILogger logger) {
        this.client = requireNonNull(client, "client");
        this.clusterPath = ZKPaths.fixForNamespace(null, requireNonNull(clusterPath, "clusterPath"));
        this.self = requireNonNull(self, "self");
        this.logger = requireNonNull(logger, "logger");
        this.latchPath = ElectionZnodes.latchPath(this.clusterPath);
        this.epochPath = ElectionZnodes.epochPath(this.clusterPath);
        this.latch =
                new LeaderLatch(client, latchPath, ElectionZnodes.participantId(self), LeaderLatch.CloseMode.SILENT);
        this.cache = CuratorCache.build(client, ElectionZnodes.leaderPath(this.clusterPath));
        // Tasks queued before close() still run (the final "lost" announcement among them); retries see CLOSED.
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gridkeeper-election-" + self.nodeId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Joins the election. Returns at once; leadership, if won, is reported later through listeners.
     *
     * @throws IllegalStateException when already started or closed, or when the latch cannot start
     */
    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("Leader election of [" + self + "] under [" + clusterPath + "] is "
                    + state.get() + "; start() may be called once");
        }
        client.getConnectionStateListenable().addListener(connectionListener);
        latch.addListener(latchListener, executor);
        cache.listenable()
                .addListener(CuratorCacheListener.builder()
                        .forCreatesAndChanges((oldData, data) -> noteEpoch(data))
                        .forInitialized(() -> cache.get(epochPath).ifPresent(this::noteEpoch))
                        .build());
        cache.start();
        try {
            latch.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the leader latch at [" + latchPath + "]", e);
        }
        logger.info("Leader election started for [" + self + "] at [" + latchPath + "]");
    }

    /**
     * Adds a listener. It is added on the election thread, so it never misses a change: if this member already leads,
     * it is told {@code leadershipGained(epoch)} at once.
     */
    public void addListener(LeadershipListener listener) {
        requireNonNull(listener, "listener");
        submit(() -> {
            listeners.add(listener);
            if (announcedEpoch != NONE) {
                notify(listener, true, announcedEpoch);
            }
        });
    }

    /** Removes a listener; calls already under way may still reach it. */
    public void removeListener(LeadershipListener listener) {
        submit(() -> listeners.remove(listener));
    }

    /** Whether this member leads now: it holds the latch, has taken an epoch, and its connection is not suspended. */
    public boolean isLeader() {
        return term.get() != null && latch.hasLeadership();
    }

    /** This member's epoch while it leads; empty otherwise. */
    public OptionalLong leaderEpoch() {
        Term current = term.get();
        return current != null && latch.hasLeadership() ? OptionalLong.of(current.epoch()) : OptionalLong.empty();
    }

    /** The latest epoch any leader took, as last seen in ZooKeeper (0 before the first leader). Does not block. */
    public long currentEpoch() {
        long epoch = cache.get(epochPath)
                .map(data ->
                        ElectionZnodes.decodeEpoch(epochPath, data.getData()).epoch())
                .orElse(0L);
        highestSeenEpoch.accumulateAndGet(epoch, Math::max);
        return epoch;
    }

    /** The member that holds the latch now, as every member sees it (from a watched cache; does not block). */
    public Optional<LeaderIdentity> currentLeader() {
        List<String> children = cache.stream()
                .filter(data ->
                        latchPath.equals(ZKPaths.getPathAndNode(data.getPath()).getPath()))
                .map(data -> ZKPaths.getNodeFromPath(data.getPath()))
                .toList();
        return ElectionZnodes.sortedLatchNodes(children).stream()
                .findFirst()
                .flatMap(node -> cache.get(ZKPaths.makePath(latchPath, node)))
                .map(ChildData::getData)
                .flatMap(ElectionZnodes::decodeIdentity);
    }

    /** This member's identity in the election. */
    public LeaderIdentity self() {
        return self;
    }

    /**
     * Verifies, with one ZooKeeper round trip, that this member still leads with {@code epoch}.
     *
     * @throws StaleEpochException when it does not (lost leadership, newer term, or ZooKeeper unreachable)
     */
    public void checkEpoch(long epoch) {
        Term current = requireCurrentTerm(epoch);
        try {
            client.transaction().forOperations(checkOp(current));
        } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
            throw new StaleEpochException(
                    epoch,
                    "Epoch [" + epoch + "] of [" + self + "] is stale: [" + epochPath
                            + "] was changed by a newer leader",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StaleEpochException(epoch, "Interrupted while checking epoch [" + epoch + "]", e);
        } catch (Exception e) {
            throw new StaleEpochException(
                    epoch,
                    "Could not verify epoch [" + epoch + "] of [" + self + "] at [" + epochPath + "]: "
                            + e.getMessage(),
                    e);
        }
        if (term.get() != current) {
            throw stale(epoch, "leadership was dropped during the check");
        }
    }

    /** Runs {@code action} after {@link #checkEpoch(long) checking} that this member still leads with {@code epoch}. */
    public void runFenced(long epoch, Runnable action) {
        checkEpoch(epoch);
        action.run();
    }

    /** Calls {@code action} after {@link #checkEpoch(long) checking} that this member still leads with {@code epoch}. */
    public <T> T callFenced(long epoch, Supplier<T> action) {
        checkEpoch(epoch);
        return action.get();
    }

    /**
     * A transaction operation that fails the whole transaction unless the epoch znode still holds this member's term
     * {@code epoch}. Add it to {@code client.transaction().forOperations(...)} next to the writes it fences.
     *
     * @throws StaleEpochException when this member does not lead with {@code epoch} right now
     */
    public CuratorOp fenceOp(long epoch) {
        Term current = requireCurrentTerm(epoch);
        return checkOp(current);
    }

    /** Leaves the election (deleting this member's latch node) and tells listeners if it led. Idempotent. */
    @Override
    public void close() {
        if (!state.compareAndSet(State.STARTED, State.CLOSED)) {
            if (state.compareAndSet(State.LATENT, State.CLOSED)) {
                executor.shutdown(); // never started: only listener registrations may be queued
            }
            return;
        }
        client.getConnectionStateListenable().removeListener(connectionListener);
        drop("the election was closed");
        IllegalStateException failure = null;
        try {
            latch.close();
        } catch (IOException | RuntimeException e) {
            failure = new IllegalStateException("Could not close the leader latch of [" + self + "]", e);
        }
        cache.close();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                logger.warning("Leadership listeners of [" + self + "] did not finish within [" + CLOSE_WAIT_SECONDS
                        + "s] of close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        logger.info("Leader election closed for [" + self + "]");
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        Term current = term.get();
        return "LeaderElection{self=" + self + ", path=" + clusterPath + ", state=" + state.get() + ", epoch="
                + (current == null ? "-" : current.epoch()) + "}";
    }

    private void noteEpoch(ChildData data) {
        if (epochPath.equals(data.getPath())) {
            try {
                highestSeenEpoch.accumulateAndGet(
                        ElectionZnodes.decodeEpoch(epochPath, data.getData()).epoch(), Math::max);
            } catch (IllegalStateException e) {
                logger.fine(e); // reported to whoever reads the epoch; the next leader rewrites it
            }
        }
    }

    private void connectionStateChanged(ConnectionState newState) {
        // Runs on Curator's connection-state thread: only flip atomics and hand work to the executor.
        switch (newState) {
            case SUSPENDED, LOST -> drop("the ZooKeeper connection is " + newState);
            case RECONNECTED -> submit(this::acquireTerm);
            default -> {
                // CONNECTED and READ_ONLY: nothing to do, the latch competes on its own.
            }
        }
    }

    /** Gives up the current term at once (any thread), then tells listeners on the executor. */
    private void drop(String reason) {
        generation.incrementAndGet();
        Term old = term.getAndSet(null);
        if (old != null) {
            logger.info("[" + self + "] gave up leadership of epoch [" + old.epoch() + "]: " + reason);
        }
        submit(this::announce);
    }

    /** Takes a new epoch if the latch elected this member; runs on the executor. */
    private void acquireTerm() {
        if (state.get() != State.STARTED || !latch.hasLeadership() || term.get() != null) {
            return;
        }
        long observed = generation.get();
        Term next;
        try {
            next = incrementEpoch();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            String warning = "[" + self + "] was elected but could not take a new epoch at [" + epochPath + "]: "
                    + e.getMessage() + "; retrying every [" + RETRY_DELAY_MILLIS + "ms]";
            if (!warning.equals(lastAcquireWarning)) {
                logger.warning(warning);
                lastAcquireWarning = warning;
            }
            logger.fine(e);
            schedule(this::acquireTerm, RETRY_DELAY_MILLIS);
            return;
        }
        if (!latch.hasLeadership() || generation.get() != observed || state.get() != State.STARTED) {
            logger.info("[" + self + "] took epoch [" + next.epoch() + "] but lost the latch meanwhile");
            return;
        }
        lastAcquireWarning = null;
        term.set(next);
        if (generation.get() != observed) {
            // A drop raced with us between the check and the set: it wins.
            term.compareAndSet(next, null);
            return;
        }
        logger.info("[" + self + "] is the leader of [" + clusterPath + "] with epoch [" + next.epoch() + "]");
        announce();
    }

    private Term incrementEpoch() throws Exception {
        try {
            client.create().creatingParentsIfNeeded().forPath(epochPath, ElectionZnodes.encodeEpoch(0, null));
        } catch (KeeperException.NodeExistsException e) {
            // Normal: an earlier leader created it.
        }
        while (true) {
            Stat stat = new Stat();
            byte[] data = client.getData().storingStatIn(stat).forPath(epochPath);
            long stored = ElectionZnodes.decodeEpoch(epochPath, data).epoch();
            if (stored < highestSeenEpoch.get()) {
                logger.warning("Epoch znode [" + epochPath + "] holds epoch [" + stored + "] below the highest seen ["
                        + highestSeenEpoch.get() + "] (ZooKeeper data was lost or restored); continuing above it");
            }
            long next = Math.max(stored, highestSeenEpoch.get()) + 1;
            try {
                Stat written = client.setData()
                        .withVersion(stat.getVersion())
                        .forPath(epochPath, ElectionZnodes.encodeEpoch(next, self));
                highestSeenEpoch.accumulateAndGet(next, Math::max);
                return new Term(next, written.getVersion());
            } catch (KeeperException.BadVersionException e) {
                // Another writer got there first (or a retried write of ours landed): read again.
            }
        }
    }

    /** Tells listeners what changed since the last announcement; runs on the executor. */
    private void announce() {
        Term current = term.get();
        long now = current == null ? NONE : current.epoch();
        if (now == announcedEpoch) {
            return;
        }
        long previous = announcedEpoch;
        announcedEpoch = now;
        if (previous != NONE) {
            listeners.forEach(listener -> notify(listener, false, previous));
        }
        if (now != NONE) {
            listeners.forEach(listener -> notify(listener, true, now));
        }
    }

    private void notify(LeadershipListener listener, boolean gained, long epoch) {
        try {
            if (gained) {
                listener.leadershipGained(epoch);
            } else {
                listener.leadershipLost(epoch);
            }
        } catch (RuntimeException e) {
            logger.warning(
                    "Leadership listener [" + listener + "] failed on " + (gained ? "gain" : "loss") + " of epoch ["
                            + epoch + "]",
                    e);
        }
    }

    private Term requireCurrentTerm(long epoch) {
        Term current = term.get();
        if (current == null || !latch.hasLeadership()) {
            throw stale(epoch, "this member is not the leader");
        }
        if (current.epoch() != epoch) {
            throw stale(epoch, "this member leads with epoch [" + current.epoch() + "]");
        }
        return current;
    }

    private CuratorOp checkOp(Term current) {
        try {
            return client.transactionOp().check().withVersion(current.version()).forPath(epochPath);
        } catch (Exception e) {
            // Building an operation does not talk to ZooKeeper; Curator only declares the exception.
            throw new IllegalStateException("Could not build a check of [" + epochPath + "]", e);
        }
    }

    private StaleEpochException stale(long epoch, String why) {
        return new StaleEpochException(epoch, "Epoch [" + epoch + "] of [" + self + "] is stale: " + why, null);
    }

    private void submit(Runnable task) {
        schedule(task, 0);
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed: nothing more to do.
        }
    }

    /** A leadership term: the epoch this member took and the epoch znode's version right after it wrote it. */
    private record Term(long epoch, int version) {}
}
