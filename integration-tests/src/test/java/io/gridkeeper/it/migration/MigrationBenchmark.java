package io.gridkeeper.it.migration;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.partition.InternalPartition;
import com.hazelcast.internal.partition.InternalPartitionService;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.gridkeeper.migration.control.HoldRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Default Hazelcast versus Gridkeeper's policies, side by side in one run (not a test; run by hand, see
 * docs/migration.md). Scenarios: (a) a member JVM is killed with SIGKILL and comes back after 20 s (default vs
 * {@code delayed}); (b) scale out by 3 members 10 s apart (default vs {@code debounce}); (c) a rolling restart of the
 * two member JVMs, each stopped with SIGTERM (graceful) and started again (default vs {@code delayed}). Each reports
 * replica migrations apart (as seen by a member's {@code MigrationListener}: moved from a source member, promoted to owner
 * without a source, and backup replicas created without a source, which are filled by replica sync), the
 * time from the first change to a settled, safe cluster, the seconds during which some partition had no backup, and
 * entries lost. Arguments: {@code [entries=50000] [value-bytes=1024] [scenarios=abc]}.
 */
public final class MigrationBenchmark {

    private record Result(
            String scenario,
            String mode,
            long moved,
            long promotions,
            long backupsCreated,
            double seconds,
            double unprotected,
            long lost) {}

    private MigrationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int valueBytes = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        String scenarios = args.length > 2 ? args[2] : "abc";
        List<Result> results = new ArrayList<>();
        for (String mode : List.of("default", "gridkeeper")) {
            if (scenarios.contains("a")) {
                results.add(crashAndReturn(mode, entries, valueBytes));
                System.out.println("RESULT " + results.get(results.size() - 1));
            }
            if (scenarios.contains("b")) {
                results.add(scaleOut(mode, entries, valueBytes));
                System.out.println("RESULT " + results.get(results.size() - 1));
            }
            if (scenarios.contains("c")) {
                results.add(rollingRestart(mode, entries, valueBytes));
                System.out.println("RESULT " + results.get(results.size() - 1));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n%d entries x %d B, backup-count 1, %d partitions, 3 members%n",
                entries,
                valueBytes,
                Members.PARTITIONS);
        System.out.printf(
                Locale.ROOT,
                "%-28s %-11s %6s %11s %15s %12s %15s %6s%n",
                "scenario",
                "mode",
                "moved",
                "promotions",
                "backups-created",
                "to-safe (s)",
                "unprotected (s)",
                "lost");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %-11s %6d %11d %15d %12.1f %15.1f %6d%n",
                    r.scenario(),
                    r.mode(),
                    r.moved(),
                    r.promotions(),
                    r.backupsCreated(),
                    r.seconds(),
                    r.unprotected(),
                    r.lost());
        }
        System.exit(0);
    }

    private static Result crashAndReturn(String mode, int entries, int valueBytes) throws Exception {
        Map<String, String> policy = mode.equals("default")
                ? Map.of("enabled", "false")
                : Map.of("policy", "delayed", "grace-seconds", "60");
        try (MigrationCluster cluster = new MigrationCluster(policy)) {
            HazelcastInstance observer = cluster.member("obs");
            cluster.process("m1", Members.freePort());
            int port = Members.freePort();
            MemberProcess victim = cluster.process("m2", port);
            IMap<Integer, byte[]> map = load(observer, entries, valueBytes);
            settle(cluster, observer, mode, 3);
            try (Probe probe = new Probe(observer)) {
                long start = System.nanoTime();
                victim.kill();
                TimeUnit.SECONDS.sleep(20);
                cluster.process("m2", port);
                settle(cluster, observer, mode, 3);
                return probe.result("(a) crash, back after 20 s", mode, start, entries - map.size());
            }
        }
    }

    private static Result scaleOut(String mode, int entries, int valueBytes) throws Exception {
        Map<String, String> policy = mode.equals("default")
                ? Map.of("enabled", "false")
                : Map.of("policy", "debounce", "quiet-seconds", "15", "max-seconds", "120");
        try (MigrationCluster cluster = new MigrationCluster(policy)) {
            HazelcastInstance observer = cluster.member("obs");
            cluster.process("m1", Members.freePort());
            cluster.process("m2", Members.freePort());
            IMap<Integer, byte[]> map = load(observer, entries, valueBytes);
            settle(cluster, observer, mode, 3);
            try (Probe probe = new Probe(observer)) {
                long start = System.nanoTime();
                for (int i = 1; i <= 3; i++) {
                    long started = System.nanoTime();
                    cluster.process("x" + i, Members.freePort());
                    if (i < 3) {
                        // 10 s from one start to the next, however long a JVM takes to come up.
                        long left = TimeUnit.SECONDS.toNanos(10) - (System.nanoTime() - started);
                        TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
                    }
                }
                settle(cluster, observer, mode, 6);
                return probe.result("(b) scale out +3, 10 s apart", mode, start, entries - map.size());
            }
        }
    }

    private static Result rollingRestart(String mode, int entries, int valueBytes) throws Exception {
        Map<String, String> policy = mode.equals("default")
                ? Map.of("enabled", "false")
                : Map.of("policy", "delayed", "grace-seconds", "120");
        try (MigrationCluster cluster = new MigrationCluster(policy)) {
            HazelcastInstance observer = cluster.member("obs");
            Map<String, Integer> ports = Map.of("m1", Members.freePort(), "m2", Members.freePort());
            Map<String, MemberProcess> processes = new HashMap<>();
            ports.forEach((nodeId, port) -> processes.put(nodeId, cluster.process(nodeId, port)));
            IMap<Integer, byte[]> map = load(observer, entries, valueBytes);
            settle(cluster, observer, mode, 3);
            try (Probe probe = new Probe(observer)) {
                long start = System.nanoTime();
                for (String nodeId : List.of("m1", "m2")) {
                    processes.get(nodeId).stop();
                    processes.put(nodeId, cluster.process(nodeId, ports.get(nodeId)));
                    settle(cluster, observer, mode, 3);
                }
                return probe.result("(c) rolling restart, 2 JVMs", mode, start, entries - map.size());
            }
        }
    }

    private static IMap<Integer, byte[]> load(HazelcastInstance member, int entries, int valueBytes) {
        waitUntil(() -> member.getCluster().getMembers().size() == 3, 120);
        IMap<Integer, byte[]> map = member.getMap(Members.MAP);
        Map<Integer, byte[]> batch = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            batch.put(i, new byte[valueBytes]);
            if (batch.size() == 1_000) {
                map.putAll(batch);
                batch.clear();
            }
        }
        map.putAll(batch);
        return map;
    }

    /** Waits until {@code members} are in, each owns partitions, every backup exists and the cluster is safe. */
    private static void settle(MigrationCluster cluster, HazelcastInstance observer, String mode, int members) {
        waitUntil(
                () -> observer.getCluster().getMembers().size() == members
                        && everyMemberOwnsPartitions(observer)
                        && withoutBackup(observer) == 0
                        && observer.getPartitionService().isClusterSafe()
                        && (mode.equals("default")
                                || (observer.getCluster().getClusterState() == ClusterState.NO_MIGRATION
                                        && cluster.hold()
                                                .filter(HoldRecord::isHold)
                                                .filter(h -> h.baseline().size() == members
                                                        && h.departures().isEmpty()
                                                        && h.arrivals().isEmpty())
                                                .isPresent())),
                600);
    }

    private static boolean everyMemberOwnsPartitions(HazelcastInstance observer) {
        Map<Member, Integer> owned = new HashMap<>();
        for (Partition partition : observer.getPartitionService().getPartitions()) {
            Member owner = partition.getOwner();
            if (owner != null) {
                owned.merge(owner, 1, Integer::sum);
            }
        }
        return owned.keySet().containsAll(observer.getCluster().getMembers());
    }

    static int withoutBackup(HazelcastInstance member) {
        InternalPartitionService partitions = ((HazelcastInstanceProxy) member)
                .getOriginal()
                .node
                .getNodeEngine()
                .getPartitionService();
        int count = 0;
        for (int id = 0; id < partitions.getPartitionCount(); id++) {
            InternalPartition partition = partitions.getPartition(id, false);
            if (partition.getReplica(0) != null && partition.getReplica(1) == null) {
                count++;
            }
        }
        return count;
    }

    private static void waitUntil(BooleanSupplier condition, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not settled within " + seconds + "s");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    /** Counts replica migrations and samples how long some partition has had no backup. */
    private static final class Probe implements AutoCloseable, MigrationListener {
        private final HazelcastInstance observer;
        private final java.util.UUID registration;
        private final AtomicLong moved = new AtomicLong();
        private final AtomicLong promotions = new AtomicLong();
        private final AtomicLong backupsCreated = new AtomicLong();
        private final AtomicLong unprotectedMillis = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        Probe(HazelcastInstance observer) {
            this.observer = observer;
            this.registration = observer.getPartitionService().addMigrationListener(this);
            sampler.scheduleAtFixedRate(
                    () -> {
                        if (running.get() && withoutBackup(observer) > 0) {
                            unprotectedMillis.addAndGet(100);
                        }
                    },
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
        }

        Result result(String scenario, String mode, long startNanos, long lost) {
            running.set(false);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return new Result(
                    scenario,
                    mode,
                    moved.get(),
                    promotions.get(),
                    backupsCreated.get(),
                    seconds,
                    unprotectedMillis.get() / 1000.0,
                    lost);
        }

        @Override
        public void migrationStarted(MigrationState state) {}

        @Override
        public void migrationFinished(MigrationState state) {}

        @Override
        public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
            if (event.getSource() != null) {
                moved.incrementAndGet();
            } else if (event.getReplicaIndex() == 0) {
                promotions.incrementAndGet();
            } else {
                backupsCreated.incrementAndGet();
            }
        }

        @Override
        public void replicaMigrationFailed(ReplicaMigrationEvent event) {}

        @Override
        public void close() {
            sampler.shutdownNow();
            observer.getPartitionService().removeMigrationListener(registration);
        }
    }
}
