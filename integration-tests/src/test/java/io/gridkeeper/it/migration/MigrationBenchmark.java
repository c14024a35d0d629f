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
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Default Hazelcast versus Gridkeeper's policies, side by side in one run (not a test; run by hand, see
 * docs/migration.md). Scenarios: (a) a member JVM is killed with SIGKILL and comes back after 20 s (default vs
 * {@code delayed}); (b) scale out by 3 members 10 s apart (default vs {@code debounce}); (c) a rolling restart of the
 * two member JVMs, each stopped with SIGTERM (graceful) and started again (default vs {@code delayed}). Each reports
 * replica migrations apart (as seen by a member's {@code MigrationListener}: moved from a source member, promoted to owner
 * without a source, and backup replicas created without a source, which are filled by replica sync), the
 * time from the first change to a settled, safe cluster, the seconds during which some partition had no backup, and
 * entries lost; (d) scale out by 2 members while a paced load generator runs map operations on the observer: latency
 * percentiles during the busy minute, default vs {@code load-aware} vs {@code window} (closed). Arguments: {@code
 * [entries=50000] [value-bytes=1024] [scenarios=abc|d]}.
 */
public final class MigrationBenchmark {

    private record Result(
            String scenario,
            String mode,
            long moved,
            long promotions,
            long backupsCreated,
            long dataReplicas,
            double seconds,
            double unprotected,
            long lost) {}

    private record LatencyResult(
            String mode,
            long operations,
            double p50Millis,
            double p99Millis,
            double p999Millis,
            double maxMillis,
            long movedDuringBusy,
            String stateAtEnd,
            long lost) {}

    private static final int BACKUP_COUNT = 1;
    private static final int LOAD_THREADS = 2;
    private static final int LOAD_RATE_PER_THREAD = 1_000;
    private static final int LOAD_JOINS = 2;
    private static final int BUSY_SECONDS = 60;

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
        List<LatencyResult> latencies = new ArrayList<>();
        if (scenarios.contains("d")) {
            for (String mode : List.of("default", "load-aware", "window")) {
                latencies.add(scaleOutUnderLoad(mode, entries, valueBytes));
                System.out.println("RESULT " + latencies.get(latencies.size() - 1));
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
                "%-28s %-11s %6s %11s %15s %13s %12s %15s %6s%n",
                "scenario",
                "mode",
                "moved",
                "promotions",
                "backups-created",
                "data (idx<=1)",
                "to-safe (s)",
                "unprotected (s)",
                "lost");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %-11s %6d %11d %15d %13d %12.1f %15.1f %6d%n",
                    r.scenario(),
                    r.mode(),
                    r.moved(),
                    r.promotions(),
                    r.backupsCreated(),
                    r.dataReplicas(),
                    r.seconds(),
                    r.unprotected(),
                    r.lost());
        }
        if (!latencies.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "%n(d) scale out +%d while %d threads run %d map ops/s in total (50%% get, 50%% set), latency over the"
                            + " busy %d s from the first join, measured from each operation's scheduled start%n",
                    LOAD_JOINS,
                    LOAD_THREADS,
                    LOAD_THREADS * LOAD_RATE_PER_THREAD,
                    BUSY_SECONDS);
            System.out.printf(
                    Locale.ROOT,
                    "%-11s %8s %9s %9s %9s %9s %13s %14s %6s%n",
                    "mode",
                    "ops",
                    "p50 (ms)",
                    "p99 (ms)",
                    "p999 (ms)",
                    "max (ms)",
                    "data replicas",
                    "state at end",
                    "lost");
            for (LatencyResult r : latencies) {
                System.out.printf(
                        Locale.ROOT,
                        "%-11s %8d %9.2f %9.2f %9.2f %9.2f %13d %14s %6d%n",
                        r.mode(),
                        r.operations(),
                        r.p50Millis(),
                        r.p99Millis(),
                        r.p999Millis(),
                        r.maxMillis(),
                        r.movedDuringBusy(),
                        r.stateAtEnd(),
                        r.lost());
            }
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

    /**
     * (d): a paced load generator runs map operations on the observer; members join while it runs; the latency of every
     * operation started in the busy minute (from the first join) is measured from its scheduled start, so a stalled
     * operation also delays the ones queued behind it (no coordinated omission).
     */
    private static LatencyResult scaleOutUnderLoad(String mode, int entries, int valueBytes) throws Exception {
        Map<String, String> policy =
                switch (mode) {
                    case "default" -> Map.of("enabled", "false");
                    case "load-aware" ->
                        Map.of(
                                "policy", "load-aware",
                                "max-operations-per-second", "500",
                                "max-cpu-percent", "100",
                                "max-defer-seconds", "600");
                    case "window" -> closedWindow();
                    default -> throw new IllegalArgumentException("Unknown mode [" + mode + "]");
                };
        try (MigrationCluster cluster = new MigrationCluster(policy)) {
            HazelcastInstance observer = cluster.member("obs");
            cluster.process("m1", Members.freePort());
            cluster.process("m2", Members.freePort());
            IMap<Integer, byte[]> map = load(observer, entries, valueBytes);
            settle(cluster, observer, "default", 3);
            try (LoadGenerator generator = new LoadGenerator(map, entries, valueBytes)) {
                // Warm up; load-aware needs a load sample (published every 5 s) before it holds.
                TimeUnit.SECONDS.sleep(15);
                if (!mode.equals("default")) {
                    waitUntil(() -> observer.getCluster().getClusterState() == ClusterState.NO_MIGRATION, 120);
                }
                try (Probe probe = new Probe(observer)) {
                    long start = System.nanoTime();
                    long end = start + TimeUnit.SECONDS.toNanos(BUSY_SECONDS);
                    generator.measure(start, end);
                    for (int i = 1; i <= LOAD_JOINS; i++) {
                        long started = System.nanoTime();
                        cluster.process("x" + i, Members.freePort());
                        long left = TimeUnit.SECONDS.toNanos(10) - (System.nanoTime() - started);
                        TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
                    long[] latencies = generator.stop();
                    Result migrations = probe.result("(d)", mode, start, 0);
                    String stateAtEnd = observer.getCluster().getClusterState().name();
                    Arrays.sort(latencies);
                    return new LatencyResult(
                            mode,
                            latencies.length,
                            percentile(latencies, 0.50),
                            percentile(latencies, 0.99),
                            percentile(latencies, 0.999),
                            latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                            migrations.dataReplicas(),
                            stateAtEnd,
                            entries - map.size());
                }
            }
        }
    }

    /** A window that opens in two hours: closed during the whole run. */
    private static Map<String, String> closedWindow() {
        LocalTime opens =
                LocalTime.now(ZoneOffset.UTC).plusHours(2).withSecond(0).withNano(0);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);
        return Map.of(
                "policy", "window",
                "days", "MON-SUN",
                "start", opens.format(format),
                "end", opens.plusHours(1).format(format),
                "zone", "UTC",
                "max-defer-seconds", "600");
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Paced map operations ({@value #LOAD_RATE_PER_THREAD}/s per thread), latencies kept while measuring. */
    private static final class LoadGenerator implements AutoCloseable {
        private final List<Thread> threads = new ArrayList<>();
        private final List<long[]> samples = new ArrayList<>();
        private final int[] counts = new int[LOAD_THREADS];
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile long measureFrom = Long.MAX_VALUE;
        private volatile long measureTo = Long.MIN_VALUE;

        LoadGenerator(IMap<Integer, byte[]> map, int entries, int valueBytes) {
            for (int t = 0; t < LOAD_THREADS; t++) {
                int index = t;
                samples.add(new long[LOAD_RATE_PER_THREAD * (BUSY_SECONDS + 30)]);
                Thread thread = new Thread(() -> run(index, map, entries, valueBytes), "load-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void run(int index, IMap<Integer, byte[]> map, int entries, int valueBytes) {
            long interval = TimeUnit.SECONDS.toNanos(1) / LOAD_RATE_PER_THREAD;
            long scheduled = System.nanoTime();
            byte[] value = new byte[valueBytes];
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running.get()) {
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int key = random.nextInt(entries);
                if (random.nextBoolean()) {
                    map.get(key);
                } else {
                    map.set(key, value);
                }
                long latency = System.nanoTime() - scheduled;
                if (scheduled >= measureFrom && scheduled < measureTo) {
                    long[] own = samples.get(index);
                    if (counts[index] == own.length) {
                        own = Arrays.copyOf(own, own.length * 2);
                        samples.set(index, own);
                    }
                    own[counts[index]++] = latency;
                }
                scheduled += interval;
            }
        }

        void measure(long from, long to) {
            measureTo = to;
            measureFrom = from;
        }

        long[] stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
            long[] all = new long[0];
            for (int t = 0; t < LOAD_THREADS; t++) {
                int from = all.length;
                all = Arrays.copyOf(all, from + counts[t]);
                System.arraycopy(samples.get(t), 0, all, from, counts[t]);
            }
            return all;
        }

        @Override
        public void close() {
            running.set(false);
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
        private final AtomicLong dataReplicas = new AtomicLong();
        private final Map<String, AtomicLong> byIndex = new ConcurrentSkipListMap<>();
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
            System.out.println("EVENTS " + scenario + " " + mode + " " + byIndex);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return new Result(
                    scenario,
                    mode,
                    moved.get(),
                    promotions.get(),
                    backupsCreated.get(),
                    dataReplicas.get(),
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
            // Hazelcast assigns every replica index up to the member count, but a backup-count-1 map keeps data only
            // at indexes 0 and 1: an assignment at index 2 copies nothing of it.
            boolean promotion = event.getSource() == null && event.getReplicaIndex() == 0;
            byIndex.computeIfAbsent(
                            "index " + event.getReplicaIndex() + (event.getSource() == null ? " no source" : " moved"),
                            key -> new AtomicLong())
                    .incrementAndGet();
            if (!promotion && event.getReplicaIndex() <= BACKUP_COUNT) {
                dataReplicas.incrementAndGet();
            }
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
