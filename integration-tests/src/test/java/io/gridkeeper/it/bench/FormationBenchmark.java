package io.gridkeeper.it.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.node.GridkeeperNode;
import io.gridkeeper.node.NodeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;

/**
 * Measures, side by side in one run: how long 3 members started together take to form a cluster, and how long a
 * first member alone takes to be ready, through ZooKeeper (the launcher's configuration), Hazelcast's TCP-IP member
 * list on loopback and multicast; then how long the ZooKeeper registry takes to drop a killed (kill -9) and a frozen
 * (SIGSTOP) member JVM started with {@code java -jar plugin/target/gridkeeper.jar node}.
 *
 * <p>Not a test: run by hand, see docs/launcher.md. System properties: {@code rounds} (default 5), {@code
 * dropRounds} (default 2), {@code skipDrop} (default false).
 */
public final class FormationBenchmark {

    private static final int MEMBERS = 3;

    private FormationBenchmark() {}

    /** How members find each other in one measurement. */
    private enum Method {
        ZOOKEEPER_LAUNCHER("ZooKeeper, launcher (wait-before-join 1 s, master question 1 s)"),
        ZOOKEEPER_HZ_DEFAULTS("ZooKeeper, Hazelcast defaults (5 s, 5 s)"),
        TCP_IP_DEFAULTS("TCP-IP member list, Hazelcast defaults"),
        TCP_IP_TUNED("TCP-IP member list, the launcher's tuning (1 s, 1 s)"),
        MULTICAST_DEFAULTS("Multicast, Hazelcast defaults");

        final String label;

        Method(String label) {
            this.label = label;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        int dropRounds = Integer.getInteger("dropRounds", 2);
        System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        System.setProperty("hazelcast.phone.home.enabled", "false");
        System.setProperty("hazelcast.logging.type", "none");
        System.setProperty("java.net.preferIPv4Stack", "true");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        try (TestingServer zookeeper = new TestingServer()) {
            Map<Method, List<Long>> formation = new LinkedHashMap<>();
            Map<Method, List<Long>> first = new LinkedHashMap<>();
            for (Method method : Method.values()) {
                formation.put(method, new ArrayList<>());
                first.put(method, new ArrayList<>());
            }
            // One unrecorded warm-up of every method (class loading, JIT), then rounds in a rotating order so that
            // no method always runs first or last.
            for (Method method : Method.values()) {
                formCluster(method, zookeeper);
                firstMember(method, zookeeper);
            }
            List<Method> order = new ArrayList<>(List.of(Method.values()));
            for (int round = 1; round <= rounds; round++) {
                Collections.rotate(order, 1);
                for (Method method : order) {
                    formation.get(method).add(formCluster(method, zookeeper));
                    first.get(method).add(firstMember(method, zookeeper));
                }
                System.out.printf("round %d/%d done%n", round, rounds);
            }
            System.out.printf(
                    "%nFormation of %d members started together (ms, median of %d rounds; -1 = did not"
                            + " form within 60 s)%n",
                    MEMBERS, rounds);
            formation.forEach((method, times) -> print(method.label, times));
            System.out.printf("%nFirst member alone ready (ms, median of %d rounds)%n", rounds);
            first.forEach((method, times) -> print(method.label, times));
            if (!Boolean.getBoolean("skipDrop")) {
                registryDrop(zookeeper, dropRounds);
            }
        }
        System.exit(0);
    }

    /** Starts 3 members at once; the time until every one of them sees all 3. */
    private static long formCluster(Method method, TestingServer zookeeper) throws Exception {
        String cluster = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = List.of(freePort(), freePort(), freePort());
        ExecutorService pool = Executors.newFixedThreadPool(MEMBERS);
        List<CompletableFuture<Supplier<HazelcastInstance>>> starts = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < MEMBERS; i++) {
            int index = i;
            starts.add(CompletableFuture.supplyAsync(
                    () -> startMember(method, cluster, ports, index, zookeeper.getConnectString()), pool));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long deadline = start + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (starts.stream()
                        .allMatch(s -> s.join().get().getCluster().getMembers().size() == MEMBERS)) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
                Thread.sleep(10);
            }
            return -1;
        } catch (java.util.concurrent.TimeoutException e) {
            return -1;
        } finally {
            pool.shutdown();
            terminateAll();
        }
    }

    /** Starts one member configured as if for a 3-member cluster; the time until it is ready. */
    private static long firstMember(Method method, TestingServer zookeeper) {
        String cluster = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = List.of(freePort(), freePort(), freePort());
        long start = System.nanoTime();
        try {
            startMember(method, cluster, ports, 0, zookeeper.getConnectString());
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            terminateAll();
        }
    }

    private static Supplier<HazelcastInstance> startMember(
            Method method, String cluster, List<Integer> ports, int index, String connectString) {
        int port = ports.get(index);
        if (method == Method.ZOOKEEPER_LAUNCHER) {
            GridkeeperNode node = GridkeeperNode.start(
                    new NodeSettings(null, connectString, 21810, cluster, null, null, null, null, null, port, null));
            GridkeeperNodes.add(node);
            return node::instance;
        }
        Config config = new Config();
        config.setClusterName(cluster);
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        switch (method) {
            case ZOOKEEPER_HZ_DEFAULTS -> {
                config.setProperty("hazelcast.discovery.enabled", "true");
                join.getDiscoveryConfig()
                        .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                                "io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy",
                                Map.of("connect-string", connectString)));
            }
            case TCP_IP_DEFAULTS, TCP_IP_TUNED -> {
                join.getTcpIpConfig().setEnabled(true);
                ports.forEach(p -> join.getTcpIpConfig().addMember("127.0.0.1:" + p));
                if (method == Method.TCP_IP_TUNED) {
                    config.setProperty("hazelcast.wait.seconds.before.join", "1");
                    join.getTcpIpConfig().setConnectionTimeoutSeconds(1);
                }
            }
            case MULTICAST_DEFAULTS ->
                join.getMulticastConfig().setEnabled(true).setLoopbackModeEnabled(true);
            default -> throw new IllegalArgumentException(method.name());
        }
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
        return () -> instance;
    }

    /** How long the registry keeps the znode of a member JVM that was killed (kill -9) or frozen (SIGSTOP). */
    private static void registryDrop(TestingServer zookeeper, int rounds) throws Exception {
        Path jar = Path.of("plugin/target/gridkeeper.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("../plugin/target/gridkeeper.jar").toAbsolutePath().normalize();
        }
        System.out.printf(
                "%nRegistry drop of a member JVM (ms from the signal until its znode is gone, median of %d)%n", rounds);
        try (CuratorFramework curator =
                CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100))) {
            curator.start();
            curator.blockUntilConnected();
            for (int sessionTimeout : new int[] {30, 10}) {
                Map<String, List<Long>> drops = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (String signal : List.of("KILL", "STOP")) {
                        drops.computeIfAbsent("kill -" + signal, k -> new ArrayList<>())
                                .add(dropOnce(jar, zookeeper, curator, signal, sessionTimeout));
                    }
                }
                drops.forEach((signal, times) -> print(signal + ", session-timeout-seconds=" + sessionTimeout, times));
            }
        }
    }

    private static long dropOnce(
            Path jar, TestingServer zookeeper, CuratorFramework curator, String signal, int sessionTimeoutSeconds)
            throws Exception {
        String cluster = "drop-" + UUID.randomUUID().toString().substring(0, 8);
        String nodeId = "victim";
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-Dhazelcast.local.localAddress=127.0.0.1",
                        "-Dhazelcast.phone.home.enabled=false",
                        "-Dgridkeeper.zookeeper.session-timeout-seconds=" + sessionTimeoutSeconds,
                        "-jar",
                        jar.toString(),
                        "node",
                        "--zookeeper",
                        zookeeper.getConnectString(),
                        "--cluster-name",
                        cluster,
                        "--node-id",
                        nodeId,
                        "--port",
                        String.valueOf(freePort()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String znode = "/gridkeeper/" + cluster + "/members/" + nodeId;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (curator.checkExists().forPath(znode) == null) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("the member never registered at [" + znode + "]");
                }
                Thread.sleep(50);
            }
            long start = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                    .start()
                    .waitFor();
            while (curator.checkExists().forPath(znode) != null) {
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(120)) {
                    return -1;
                }
                Thread.sleep(50);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            process.destroyForcibly();
            new ProcessBuilder("kill", "-CONT", String.valueOf(process.pid()))
                    .start()
                    .waitFor();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void terminateAll() {
        Hazelcast.getAllHazelcastInstances()
                .forEach(instance -> instance.getLifecycleService().terminate());
        GridkeeperNodes.clear();
    }

    private static void print(String label, List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        System.out.printf("  %-62s median %6d   all %s%n", label, median, times);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher nodes of one measurement, closed after it. */
    private static final class GridkeeperNodes {
        private static final List<GridkeeperNode> NODES = Collections.synchronizedList(new ArrayList<>());

        static void add(GridkeeperNode node) {
            NODES.add(node);
        }

        static void clear() {
            NODES.clear();
        }
    }
}
