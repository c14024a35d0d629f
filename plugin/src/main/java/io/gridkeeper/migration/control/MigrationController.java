package io.gridkeeper.migration.control;

import static java.util.Objects.requireNonNull;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.ClusterState;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.metrics.ProbeUnit;
import com.hazelcast.internal.partition.InternalPartitionService;
import com.hazelcast.logging.ILogger;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.transaction.TransactionException;
import io.gridkeeper.migration.ClusterMember;
import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.LoadSource;
import io.gridkeeper.migration.MigrationDecider;
import io.gridkeeper.migration.MigrationPolicies;
import io.gridkeeper.migration.OperatorCommands;
import io.gridkeeper.migration.PartitionHealth;
import io.gridkeeper.migration.policy.LoadAwarePolicy;
import io.gridkeeper.zookeeper.election.LeaderElection;
import io.gridkeeper.zookeeper.election.LeadershipListener;
import io.gridkeeper.zookeeper.election.StaleEpochException;
import java.io.Closeable;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.jspecify.annotations.Nullable;

/**
 * Steers Hazelcast's partition migrations on one member. Every member runs one; only the member that leads the
 * ZooKeeper election (with a fencing epoch) decides:
 *
 * <ol>
 *   <li>it tracks the data members by stable node id against the last balanced cluster, reads the partition table,
 *       load samples and operator commands, asks the {@link MigrationDecider} (policy, operator, safety guard);
 *   <li>it stores the decision and the pending changes in {@code <clusterPath>/migration/hold} (and material changes
 *       in the {@code decisions} history) in a ZooKeeper transaction fenced by its epoch, so a new leader resumes them;
 *   <li>it applies the decision with {@code Cluster.changeClusterState} ({@code NO_MIGRATION} to hold, {@code ACTIVE}
 *       to rebalance) after checking its epoch once more, retrying with backoff while Hazelcast refuses (migrations
 *       pending, members changing);
 *   <li>a cluster state changed by a human (Management Center, REST, CLI) is noticed, recorded and respected: the
 *       controller stops steering until the state is changed back or an operator command or a new policy arrives.
 * </ol>
 *
 * <p>Every member watches {@code <clusterPath>/migration} (policy changes take effect at once on all members) and keeps
 * the <b>dead-man switch</b> ({@link DeadManSwitch}): when the stored hold's deadline has passed by
 * {@value #DEAD_MAN_SLACK_SECONDS}s and the cluster is still in {@code NO_MIGRATION}, a member that does not lead
 * restores {@code ACTIVE} itself, also when ZooKeeper is unreachable (it remembers the last hold it saw); while the
 * member that wrote the hold is still in the cluster, the others leave it to that member for 30 s more.
 *
 * <p><b>Threads.</b> All decisions run on one named scheduled thread, every {@value #TICK_MILLIS} ms and on every
 * membership, migration, leadership or znode event; Hazelcast and Curator callbacks only hand work to it. Query methods
 * are thread-safe and do not block. <b>Lifecycle:</b> {@link #start()} once, {@link #close()} idempotent.
 */
public final class MigrationController implements Closeable {

    /** How often the controller re-evaluates without any event. */
    public static final long TICK_MILLIS = 1_000;
    /** How long past a stored hold's deadline the members wait for a leader before restoring ACTIVE themselves. */
    public static final long DEAD_MAN_SLACK_SECONDS = 3;
    /** How many decisions the history keeps. */
    public static final int HISTORY_SIZE = DecisionJournal.HISTORY_SIZE;

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final long NONE = -1;

    private enum State {
        LATENT,
        STARTED,
        CLOSED
    }

    private final NodeEngine nodeEngine;
    private final HazelcastInstance instance;
    private final Cluster cluster;
    private final CuratorFramework curator;
    private final String clusterPath;
    private final String nodeId;
    private final LeaderElection election;
    private final Map<String, String> startSettings;
    private final MigrationPolicies policies;
    private final Clock clock;
    private final LoadSource load;
    private final LoadPublisher loadPublisher;
    private final ILogger logger;
    private final ScheduledExecutorService executor;
    private final CuratorCache cache;
    private final MembershipTracker tracker = new MembershipTracker();
    private final PartitionHealthProbe probe;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicBoolean migrating = new AtomicBoolean();
    private final AtomicLong migrationsPlanned = new AtomicLong();
    private final AtomicLong migrationsCompleted = new AtomicLong();
    private final AtomicLong migrationsFailed = new AtomicLong();
    private final DecisionJournal journal;
    private final ManualStateWatch manualWatch;
    private final ClusterStateSwitch stateSwitch;
    private final MigrationMetrics metrics;
    private final ObjectName mbeanName;

    private final Reevaluation reevaluation = new Reevaluation();

    // Published for queries from other threads.
    private volatile MigrationDecider decider;
    private volatile String policySource = "start configuration";
    private volatile @Nullable Decision lastDecision;
    private volatile @Nullable HoldRecord lastSeenHold;
    /** Znode path to the data version (mzxid) of an unusable policy, hold or commands znode already warned about. */
    private final Map<String, Long> warnedVersions = new ConcurrentHashMap<>();

    private volatile @Nullable CommandsRecord commands;
    private volatile @Nullable PartitionHealth lastHealth;
    private volatile @Nullable ClusterState lastClusterState;

    // Confined to the executor thread.
    private @Nullable UUID membershipRegistration;
    private @Nullable UUID migrationRegistration;
    private long ledEpoch = NONE;
    private @Nullable String lastFailure;

    /**
     * A controller for the member of {@code nodeEngine}; nothing happens until {@link #start()}.
     *
     * @param curator the member's started Curator client (owned by the caller)
     * @param clusterPath the cluster's znode ({@code <base-path>/<cluster-id>})
     * @param nodeId this member's stable node id
     * @param election the member's started leader election (owned by the caller)
     * @param load the load samples for the load-aware policy; {@link LoadSource#NONE} means the samples every member
     *     publishes in ZooKeeper ({@code <clusterPath>/migration/load/<nodeId>}) while a load-aware policy is in force
     * @param startSettings the policy settings from the member's configuration ({@code policy}, {@code grace-seconds},
     *     ...); used while {@code <clusterPath>/migration/policy} is absent
     * @throws InvalidConfigurationException when {@code startSettings} are invalid
     */
    public MigrationController(
            NodeEngine nodeEngine,
            CuratorFramework curator,
            String clusterPath,
            String nodeId,
            LeaderElection election,
            Map<String, String> startSettings,
            MigrationPolicies policies,
            Clock clock,
            LoadSource load) {
        this.nodeEngine = requireNonNull(nodeEngine, "nodeEngine");
        this.instance = nodeEngine.getHazelcastInstance();
        this.cluster = instance.getCluster();
        this.curator = requireNonNull(curator, "curator");
        this.clusterPath = requireNonNull(clusterPath, "clusterPath");
        this.nodeId = requireNonNull(nodeId, "nodeId");
        this.election = requireNonNull(election, "election");
        this.startSettings = Map.copyOf(startSettings);
        this.policies = requireNonNull(policies, "policies");
        this.clock = requireNonNull(clock, "clock");
        requireNonNull(load, "load");
        this.logger = nodeEngine.getLogger(MigrationController.class);
        this.decider = policies.decider(this.startSettings);
        this.probe = new PartitionHealthProbe((InternalPartitionService) nodeEngine.getPartitionService());
        this.cache = CuratorCache.build(curator, MigrationZnodes.root(clusterPath));
        this.loadPublisher =
                new LoadPublisher(curator, cache, clusterPath, nodeId, nodeEngine.getOperationService(), clock);
        this.load = load == LoadSource.NONE ? loadPublisher : load;
        this.journal = new DecisionJournal(curator, clusterPath, election, nodeId, logger);
        this.stateSwitch = new ClusterStateSwitch(cluster, logger);
        this.manualWatch = new ManualStateWatch(logger);
        this.metrics = newMetrics();
        this.mbeanName = mbeanName(instance.getName());
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gridkeeper-migration-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
    }

    private MigrationMetrics newMetrics() {
        return new MigrationMetrics(
                new MigrationMetrics.Metric(
                        "holding", ProbeUnit.BOOLEAN, () -> lastClusterState == ClusterState.NO_MIGRATION ? 1 : 0),
                new MigrationMetrics.Metric("holdDeadline", ProbeUnit.MS, () -> {
                    HoldRecord hold = lastSeenHold;
                    return hold != null && hold.isHold() ? requireNonNull(hold.untilMillis()) : 0;
                }),
                new MigrationMetrics.Metric("decisionsRebalance", ProbeUnit.COUNT, journal::rebalanceDecisions),
                new MigrationMetrics.Metric("decisionsHold", ProbeUnit.COUNT, journal::holdDecisions),
                new MigrationMetrics.Metric("decisionsManual", ProbeUnit.COUNT, journal::manualDecisions),
                new MigrationMetrics.Metric("migrationsPlanned", ProbeUnit.COUNT, migrationsPlanned::get),
                new MigrationMetrics.Metric("migrationsCompleted", ProbeUnit.COUNT, migrationsCompleted::get),
                new MigrationMetrics.Metric("migrationsFailed", ProbeUnit.COUNT, migrationsFailed::get),
                new MigrationMetrics.Metric("partitionsWithoutBackup", ProbeUnit.COUNT, () -> {
                    PartitionHealth health = lastHealth;
                    return health == null ? 0 : health.withoutBackup();
                }),
                new MigrationMetrics.Metric("secondsUnprotected", ProbeUnit.COUNT, () -> {
                    PartitionHealth health = lastHealth;
                    Instant since = health == null ? null : health.unprotectedSince();
                    return since == null
                            ? 0
                            : Math.max(
                                    0, Duration.between(since, clock.instant()).toSeconds());
                }),
                new MigrationMetrics.Metric("leaderEpoch", ProbeUnit.COUNT, election::currentEpoch),
                new MigrationMetrics.Metric("leader", ProbeUnit.BOOLEAN, () -> election.isLeader() ? 1 : 0));
    }

    /** Starts watching and deciding. Returns at once. */
    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException(
                    "Migration controller of [" + nodeId + "] is " + state.get() + "; start() may be called once");
        }
        cache.listenable()
                .addListener(CuratorCacheListener.builder()
                        .forAll((type, oldData, data) -> submit(this::readZnodes))
                        .forInitialized(() -> submit(this::readZnodes))
                        .build());
        cache.start();
        election.addListener(reevaluation);
        executor.execute(() -> {
            membershipRegistration = cluster.addMembershipListener(reevaluation);
            migrationRegistration = instance.getPartitionService().addMigrationListener(new Migrations());
        });
        executor.scheduleWithFixedDelay(this::evaluateSafely, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        nodeEngine.getMetricsRegistry().registerDynamicMetricsProvider(metrics);
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(new MigrationControl(this, curator, clusterPath, clock), mbeanName);
        } catch (JMException e) {
            logger.warning("Cannot register the migration MBean [" + mbeanName + "]: " + e.getMessage());
        }
        logger.info("Migration controller started for [" + nodeId + "] under ["
                + MigrationZnodes.root(clusterPath) + "], policy ["
                + decider.policy().name() + "] from "
                + policySource + ", " + decider.guard());
    }

    /** The decider in force on this member (changes when {@code <clusterPath>/migration/policy} changes). */
    public MigrationDecider decider() {
        return decider;
    }

    /** Where the policy in force came from: the start configuration or ZooKeeper. */
    public String policySource() {
        return policySource;
    }

    /** The last decision this member made as leader. */
    public Optional<Decision> lastDecision() {
        return Optional.ofNullable(lastDecision);
    }

    /** The hold record this member last saw in ZooKeeper (remembered while ZooKeeper is unreachable). */
    public Optional<HoldRecord> lastSeenHold() {
        return Optional.ofNullable(lastSeenHold);
    }

    /** The partition health seen at the last evaluation. */
    public Optional<PartitionHealth> partitionHealth() {
        return Optional.ofNullable(lastHealth);
    }

    /** The JMX name of this member's {@link MigrationControlMBean}. */
    public static ObjectName mbeanName(String instanceName) {
        try {
            return new ObjectName("io.gridkeeper:type=Migration,instance=" + ObjectName.quote(instanceName));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Instance name [" + instanceName + "] is not usable in JMX", e);
        }
    }

    public boolean isLeader() {
        return election.isLeader();
    }

    /**
     * Prepares a graceful shutdown of this member: while the cluster holds migrations and partitions lack backups,
     * asks the leader for a rebalance, switches the cluster back to {@code ACTIVE} and waits until the cluster is safe,
     * at most {@code timeout}. Blocks the calling thread (the shutdown thread); never call it from a callback.
     *
     * @return true when the cluster was safe (or did not need it) before the timeout
     */
    public boolean prepareShutdown(Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        if (cluster.getClusterState() != ClusterState.NO_MIGRATION || withoutBackupNow() == 0) {
            return true;
        }
        logger.info("Member [" + nodeId + "] shuts down while partitions lack backups: restoring ACTIVE and waiting"
                + " until the cluster is safe, at most [" + timeout.toSeconds() + "s]");
        try {
            MigrationZnodes.requestRebalance(
                    curator, clusterPath, clock.instant(), "member [" + nodeId + "] is shutting down");
        } catch (IllegalStateException e) {
            logger.warning("Could not ask the leader for a rebalance before shutting down: " + e.getMessage());
        }
        long backoff = ClusterStateSwitch.INITIAL_BACKOFF_MILLIS;
        try {
            while (clock.instant().isBefore(deadline)) {
                try {
                    if (cluster.getClusterState() != ClusterState.ACTIVE) {
                        cluster.changeClusterState(ClusterState.ACTIVE);
                    }
                    if (cluster.getClusterState() == ClusterState.ACTIVE
                            && withoutBackupNow() == 0
                            && instance.getPartitionService().isClusterSafe()) {
                        logger.info("Cluster is safe; member [" + nodeId + "] may leave");
                        return true;
                    }
                } catch (IllegalStateException | TransactionException e) {
                    logger.fine("Cannot restore ACTIVE before shutdown yet: " + e.getMessage(), e);
                }
                TimeUnit.MILLISECONDS.sleep(backoff);
                backoff = Math.min(ClusterStateSwitch.MAX_BACKOFF_MILLIS / 4, backoff * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        logger.warning("Cluster was not safe within [" + timeout.toSeconds() + "s] before member [" + nodeId
                + "] shut down; partitions may lack backups");
        return false;
    }

    private int withoutBackupNow() {
        return PartitionHealthProbe.withoutBackup(
                (InternalPartitionService) nodeEngine.getPartitionService(),
                backupCount(),
                dataMembers().size(),
                cluster.getMembers());
    }

    /** Stops deciding and watching. Idempotent; does not close the election or the Curator client. */
    @Override
    public void close() {
        if (!state.compareAndSet(State.STARTED, State.CLOSED)) {
            state.compareAndSet(State.LATENT, State.CLOSED);
            return;
        }
        election.removeListener(reevaluation);
        nodeEngine.getMetricsRegistry().deregisterDynamicMetricsProvider(metrics);
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(mbeanName);
        } catch (JMException e) {
            logger.fine("Migration MBean [" + mbeanName + "] already gone", e);
        }
        cache.close();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            if (membershipRegistration != null) {
                cluster.removeMembershipListener(membershipRegistration);
            }
            if (migrationRegistration != null) {
                instance.getPartitionService().removeMigrationListener(migrationRegistration);
            }
        } catch (RuntimeException e) {
            logger.fine("Listeners already gone with the member: " + e.getMessage(), e);
        }
        logger.info("Migration controller closed for [" + nodeId + "]");
    }

    private void submit() {
        submit(this::evaluateSafely);
    }

    private void submit(Runnable task) {
        if (state.get() != State.STARTED) {
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // Closing: nothing left to do.
        }
    }

    private void readZnodes() {
        Optional<ChildData> policy = cache.get(MigrationZnodes.path(clusterPath, MigrationZnodes.POLICY));
        if (policy.isPresent()) {
            try {
                Map<String, String> settings =
                        MigrationZnodes.decodePolicy(policy.get().getData());
                MigrationDecider next = policies.decider(settings);
                if (!next.toString().equals(decider.toString()) || !"ZooKeeper".equals(policySource)) {
                    decider = next;
                    policySource = "ZooKeeper";
                    logger.info("Migration policy of [" + nodeId + "] is now ["
                            + next.policy().name() + "] from" + " ZooKeeper: " + next);
                }
            } catch (RuntimeException e) {
                // any failure (unknown name, bad value, null value, junk): keep the policy in force
                warnOncePerVersion(
                        policy.get(),
                        "Ignoring the migration policy in ZooKeeper and keeping ["
                                + decider.policy().name() + "] from "
                                + policySource + ": " + MigrationZnodes.abbreviate(e.getMessage())
                                + "; fix it with `gridkeeper policy set` or `gridkeeper policy reset`");
            }
        } else if (!"start configuration".equals(policySource)) {
            decider = policies.decider(startSettings);
            policySource = "start configuration";
            logger.info("Migration policy in ZooKeeper removed; [" + nodeId + "] uses its start configuration ["
                    + decider.policy().name() + "]");
        }
        cache.get(MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD))
                .filter(data -> data.getData() != null && data.getData().length > 2)
                .ifPresent(data -> {
                    try {
                        lastSeenHold = MigrationZnodes.decode(data.getData(), HoldRecord.class);
                    } catch (RuntimeException e) {
                        warnOncePerVersion(
                                data,
                                "Ignoring an unreadable hold record: " + MigrationZnodes.abbreviate(e.getMessage()));
                    }
                });
        Optional<ChildData> command = cache.get(MigrationZnodes.path(clusterPath, MigrationZnodes.COMMANDS));
        try {
            commands = command.map(data -> MigrationZnodes.decode(data.getData(), CommandsRecord.class))
                    .orElse(null);
        } catch (RuntimeException e) {
            warnOncePerVersion(
                    command.get(),
                    "Ignoring unreadable operator commands: " + MigrationZnodes.abbreviate(e.getMessage()));
            commands = null;
        }
        evaluateSafely();
    }

    /**
     * Warns about an unusable znode once per version of its data: readZnodes runs on every change below the
     * migration znode (load samples, decisions), which would otherwise repeat the warning each time.
     */
    private void warnOncePerVersion(ChildData data, String message) {
        long version = data.getStat() == null ? -1 : data.getStat().getMzxid();
        Long previous = warnedVersions.put(data.getPath(), version);
        if (previous == null || previous != version) {
            logger.warning(message);
        }
    }

    private void evaluateSafely() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            if (state.get() == State.STARTED && instance.getLifecycleService().isRunning()) {
                String message = "Migration controller evaluation failed, retrying every tick: " + e;
                if (message.equals(lastFailure)) {
                    logger.fine(message, e);
                } else {
                    lastFailure = message;
                    logger.warning(message, e);
                }
            }
        }
    }

    private void evaluate() {
        if (state.get() != State.STARTED || !nodeEngine.isRunning()) {
            return;
        }
        Instant now = clock.instant();
        if (decider.policy().name().contains(LoadAwarePolicy.NAME)) {
            try {
                loadPublisher.publishIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                logger.fine("Cannot publish this member's load: " + e.getMessage(), e);
            }
        }
        List<ClusterMember> present = dataMembers();
        boolean changed = tracker.update(present, now);
        ClusterState clusterState = cluster.getClusterState();
        lastClusterState = clusterState;
        PartitionHealth health = probe.probe(
                now, backupCount(), Math.max(present.size(), tracker.baseline().size()), cluster.getMembers());
        lastHealth = health;
        OptionalLong leaderEpoch = election.leaderEpoch();
        if (leaderEpoch.isEmpty()) {
            ledEpoch = NONE;
            deadManSwitch(now, clusterState, present);
            return;
        }
        long epoch = leaderEpoch.getAsLong();
        if (epoch != ledEpoch) {
            resume(epoch, clusterState);
            ledEpoch = epoch;
            changed = tracker.update(present, now) || changed;
        }
        lead(epoch, now, present, clusterState, health, changed);
    }

    private void resume(long epoch, ClusterState clusterState) {
        Optional<HoldRecord> stored = journal.resume();
        stored.filter(record -> !record.baseline().isEmpty())
                .ifPresent(record -> tracker.restore(record.baseline(), record.departureList(), record.arrivalList()));
        manualWatch.resume(
                clusterState,
                stored.map(HoldRecord::manualState).orElse(null),
                clock.instant(),
                decider.policy().name());
        stateSwitch.reset();
        logger.info("Member [" + nodeId + "] leads migration decisions with epoch [" + epoch + "], cluster state ["
                + clusterState + "], resuming "
                + stored.map(r -> "[" + r.type() + " by " + r.policy() + " until " + r.until() + ", missing "
                                + r.departures().size() + ", joined "
                                + r.arrivals().size() + "]")
                        .orElse("nothing"));
    }

    private void lead(
            long epoch,
            Instant now,
            List<ClusterMember> present,
            ClusterState clusterState,
            PartitionHealth health,
            boolean changed) {
        CommandsRecord pendingCommands = commands;
        if (clusterState == ClusterState.IN_TRANSITION) {
            return;
        }
        if (clusterState == ClusterState.ACTIVE
                && manualWatch.lastApplied() == ClusterState.ACTIVE
                && !changed
                && tracker.hasPendingChanges()
                && !migrating.get()
                && settled(now)
                && health.withoutBackup() == 0
                && health.maxLostReplicas() == 0
                && instance.getPartitionService().isClusterSafe()) {
            tracker.rebalanced(present);
            changed = true;
            logger.info("Rebalance complete, cluster safe; the balanced cluster is now " + tracker.baseline());
        }
        switch (manualWatch.check(
                now, clusterState, pendingCommands, decider.policy().name())) {
            case RESPECT -> {
                return;
            }
            case NOTICED -> {
                if (journal.recordManual(
                                epoch, now, clusterState.name(), manualWatch.explanation(clusterState), tracker)
                        == DecisionJournal.Outcome.WRITTEN) {
                    lastSeenHold = journal.lastWritten();
                }
                return;
            }
            case ENDED -> journal.forget();
            case STEER -> {
                // Nobody set the state by hand.
            }
        }
        ClusterView view = new ClusterView(
                now,
                present,
                tracker.departures(),
                tracker.arrivals(),
                health,
                load.sample(),
                pendingCommands == null ? OperatorCommands.NONE : pendingCommands.toCommands());
        Decision decision = decider.decide(view);
        lastDecision = decision;
        // An operator's rebalance request stays until the rebalance it asked for is complete (re-baselined above).
        boolean consumeRebalanceRequest = ManualStateWatch.rebalanceRequested(pendingCommands)
                && decision.isRebalance()
                && clusterState == ClusterState.ACTIVE
                && !tracker.hasPendingChanges();
        switch (journal.record(epoch, now, decision, changed, consumeRebalanceRequest, tracker)) {
            case STALE -> {
                ledEpoch = NONE;
                return;
            }
            case FAILED -> {
                return;
            }
            case WRITTEN -> {
                lastSeenHold = journal.lastWritten();
                if (consumeRebalanceRequest) {
                    commands = null;
                }
            }
            case UNCHANGED -> {
                // Already recorded.
            }
        }
        ClusterState desired = decision.isHold() ? ClusterState.NO_MIGRATION : ClusterState.ACTIVE;
        if (clusterState == desired) {
            manualWatch.applied(desired);
            return;
        }
        apply(epoch, now, desired, decision);
    }

    private void apply(long epoch, Instant now, ClusterState desired, Decision decision) {
        try {
            if (stateSwitch.change(now, desired, () -> election.checkEpoch(epoch))) {
                manualWatch.applied(desired);
                logger.info("Cluster state set to [" + desired + "] by [" + decision.policy() + "]: "
                        + decision.explanation());
            }
        } catch (StaleEpochException e) {
            logger.info("Not changing the cluster state: " + e.getMessage());
            ledEpoch = NONE;
        }
    }

    private void deadManSwitch(Instant now, ClusterState clusterState, List<ClusterMember> present) {
        HoldRecord hold = lastSeenHold;
        Optional<Decision> verdict = DeadManSwitch.check(
                now,
                hold,
                clusterState,
                nodeId,
                present.stream().map(ClusterMember::nodeId).toList());
        if (verdict.isEmpty() || verdict.get().isHold()) {
            return;
        }
        if (stateSwitch.change(now, ClusterState.ACTIVE, () -> {})) {
            logger.warning(
                    "Dead-man switch on [" + nodeId + "]: " + verdict.get().explanation());
        }
    }

    private boolean settled(Instant now) {
        return tracker.departures().stream()
                        .map(d -> d.since())
                        .max(Comparator.naturalOrder())
                        .map(last -> !now.isBefore(last.plus(SETTLE)))
                        .orElse(true)
                && tracker.arrivals().stream()
                        .map(a -> a.at())
                        .max(Comparator.naturalOrder())
                        .map(last -> !now.isBefore(last.plus(SETTLE)))
                        .orElse(true);
    }

    private List<ClusterMember> dataMembers() {
        List<ClusterMember> members = new ArrayList<>();
        for (Member member : cluster.getMembers()) {
            if (!member.isLiteMember()) {
                members.add(new ClusterMember(nodeIdOf(member), member.getAttribute(ZONE_ATTRIBUTE)));
            }
        }
        return members;
    }

    /** The member attribute carrying the stable node id (set by ZooKeeper discovery). */
    public static final String NODE_ID_ATTRIBUTE = "gridkeeper.node-id";

    private static final String ZONE_ATTRIBUTE = "hazelcast.partition.group.zone";

    /** A member's stable node id: its {@value #NODE_ID_ATTRIBUTE} attribute, or {@code host:port}. */
    public static String nodeIdOf(Member member) {
        String attribute = member.getAttribute(NODE_ID_ATTRIBUTE);
        if (attribute != null && !attribute.isBlank()) {
            return attribute;
        }
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    private int backupCount() {
        int backups = instance.getConfig().getMapConfig("default").getTotalBackupCount();
        for (MapConfig config : instance.getConfig().getMapConfigs().values()) {
            backups = Math.max(backups, config.getTotalBackupCount());
        }
        return backups;
    }

    @Override
    public String toString() {
        return "MigrationController{node=" + nodeId + ", state=" + state.get() + ", policy="
                + decider.policy().name() + ", leader=" + election.isLeader() + "}";
    }

    /**
     * Re-evaluates after every leadership and membership change; runs on ZooKeeper's and Hazelcast's event threads and
     * only hands the evaluation to the controller's executor.
     */
    private final class Reevaluation implements LeadershipListener, MembershipListener {
        @Override
        public void leadershipGained(long epoch) {
            submit();
        }

        @Override
        public void leadershipLost(long epoch) {
            submit();
        }

        @Override
        public void memberAdded(MembershipEvent event) {
            submit();
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            submit();
        }
    }

    /** Counts migrations; runs on Hazelcast's event threads and only flips atomics. */
    private final class Migrations implements MigrationListener {
        @Override
        public void migrationStarted(MigrationState migrationState) {
            migrating.set(true);
            migrationsPlanned.addAndGet(migrationState.getPlannedMigrations());
        }

        @Override
        public void migrationFinished(MigrationState migrationState) {
            migrating.set(false);
            submit();
        }

        @Override
        public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
            migrationsCompleted.incrementAndGet();
        }

        @Override
        public void replicaMigrationFailed(ReplicaMigrationEvent event) {
            migrationsFailed.incrementAndGet();
        }
    }
}
