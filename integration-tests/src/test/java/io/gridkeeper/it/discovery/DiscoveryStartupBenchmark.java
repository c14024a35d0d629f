package io.gridkeeper.it.discovery;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.FreePorts;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Start-up time of Hazelcast members in one JVM: ZooKeeper discovery vs TCP-IP member list vs multicast, for a
 * lone first member and for three members started one after the other. Not a test: run it by hand (see
 * docs/discovery.md), e.g. with {@code -Dwait=1} to set {@code hazelcast.wait.seconds.before.join}.
 */
public final class DiscoveryStartupBenchmark {

    private static final List<String> MODES = List.of("zookeeper", "tcp-ip", "multicast");

    private DiscoveryStartupBenchmark() {}

    public static void main(String[] args) {
        int rounds = Integer.getInteger("rounds", 3);
        String wait = System.getProperty("wait", "5");
        try (ZookeeperFixture zookeeper = ZookeeperFixture.single()) {
            // warm-up: class loading and JIT of the first round are not what we measure
            for (String mode : MODES) {
                time(mode, 1, zookeeper, wait);
            }
            System.out.printf("hazelcast.wait.seconds.before.join=%s, %d rounds, median ms%n", wait, rounds);
            for (int members : new int[] {1, 3}) {
                for (String mode : MODES) {
                    List<Long> samples = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        samples.add(time(mode, members, zookeeper, wait));
                    }
                    samples.sort(null);
                    System.out.printf("%-10s %d member(s): %6d ms%n", mode, members, samples.get(samples.size() / 2));
                }
            }
        }
        System.exit(0);
    }

    /** Milliseconds from the first start call until the last member runs in a cluster of all of them. */
    private static long time(String mode, int count, ZookeeperFixture zookeeper, String wait) {
        String cluster = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        // TCP-IP lists three members even when one starts: a first member must find out the others are not there
        int[] ports = new int[3];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = FreePorts.next();
        }
        List<HazelcastInstance> members = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                members.add(Hazelcast.newHazelcastInstance(config(mode, cluster, ports, i, zookeeper, wait)));
            }
            int size = members.get(0).getCluster().getMembers().size();
            if (size != count) {
                throw new IllegalStateException(mode + ": cluster of [" + size + "] instead of [" + count + "]");
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            members.forEach(member -> member.getLifecycleService().terminate());
        }
    }

    private static Config config(
            String mode, String cluster, int[] ports, int index, ZookeeperFixture zookeeper, String wait) {
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", wait);
        config.getNetworkConfig().setPort(ports[index]).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        switch (mode) {
            case "zookeeper" -> {
                config.setProperty("hazelcast.discovery.enabled", "true");
                join.getDiscoveryConfig()
                        .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                                new ZookeeperDiscoveryStrategyFactory(),
                                Map.of("connect-string", zookeeper.connectString())));
            }
            case "tcp-ip" -> {
                join.getTcpIpConfig().setEnabled(true);
                for (int port : ports) {
                    join.getTcpIpConfig().addMember("127.0.0.1:" + port);
                }
            }
            case "multicast" -> join.getMulticastConfig().setEnabled(true).setLoopbackModeEnabled(true);
            default -> throw new IllegalArgumentException("unknown mode [" + mode + "]");
        }
        return config;
    }
}
