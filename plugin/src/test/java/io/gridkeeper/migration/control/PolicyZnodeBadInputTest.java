package io.gridkeeper.migration.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.MigrationDecider;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Policy, hold and commands znodes written straight into ZooKeeper (not through the CLI, which validates): a real
 * member keeps the last valid policy, warns once per bad version with the reason (abbreviated, never the whole
 * data), and keeps running.
 */
final class PolicyZnodeBadInputTest {

    private static final String MARKER = "Ignoring the migration policy in ZooKeeper";

    private static TestingServer zookeeper;
    private static CuratorFramework tool;

    @BeforeAll
    static void startZookeeper() throws Exception {
        zookeeper = new TestingServer();
        tool = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(200));
        tool.start();
    }

    @AfterAll
    static void stopZookeeper() throws Exception {
        tool.close();
        zookeeper.close();
    }

    @Test
    void member_badPolicyZnodes_keepsLastValidPolicyAndWarnsOncePerVersion() throws Exception {
        String cluster = "bad-policy-" + UUID.randomUUID().toString().substring(0, 8);
        String clusterPath = "/gridkeeper/" + cluster;
        String policyPath = MigrationZnodes.path(clusterPath, MigrationZnodes.POLICY);
        ControllerWarnings captured = ControllerWarnings.about(cluster);
        List<String> warnings = captured.messages;
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig(cluster));
        try {
            MigrationController controller = awaitController(member);
            MigrationZnodes.setPolicy(tool, clusterPath, Map.of("policy", "delayed", "grace-seconds", "45"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> controller.decider().policy().name().equals("delayed"));
            MigrationDecider valid = controller.decider();

            List<byte[]> bad = List.of(
                    bytes("{\"policy\":\"nope\"}"),
                    bytes("{\"policy\":\"window\",\"start\":\"25:99\",\"end\":\"03:00\"}"),
                    bytes("{\"policy\":\"delayed\",\"grace-seconds\":\"-5\"}"),
                    bytes("{\"policy\":\"delayed\",\"grace-seconds\":\"99999999999999999999\"}"),
                    bytes("{\"policy\":{\"nested\":[1,2,3]}}"),
                    bytes("{\"policy\":null}"),
                    bytes("[".repeat(100_000)),
                    junk(900 * 1024));
            for (int i = 0; i < bad.size(); i++) {
                tool.setData().forPath(policyPath, bad.get(i));
                int expected = i + 1;
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> policyWarnings(warnings).size() == expected);
                assertThat(controller.decider()).isSameAs(valid);
                assertThat(controller.policySource()).isEqualTo("ZooKeeper");
            }
            assertThat(policyWarnings(warnings))
                    .allSatisfy(w -> assertThat(w).contains("keeping [delayed]").hasSizeLessThan(1000));
            assertThat(policyWarnings(warnings).get(0)).contains("nope");
            assertThat(policyWarnings(warnings).get(7)).contains("(921600 bytes)");
            assertThat(policyWarnings(warnings).get(5)).contains("without nulls");

            // other events below the migration znode do not repeat the warning about the same bad version; junk
            // operator commands get their own single warning (the controller handles events one at a time, in order,
            // so each awaited warning proves every earlier event was read)
            String probe = MigrationZnodes.path(clusterPath, "probe");
            for (int i = 0; i < 10; i++) {
                tool.create().orSetData().forPath(probe, bytes("event " + i));
            }
            tool.create()
                    .orSetData()
                    .forPath(MigrationZnodes.path(clusterPath, MigrationZnodes.COMMANDS), junk(500_000));
            await().atMost(Duration.ofSeconds(20)).until(() -> commandWarnings(warnings) == 1);
            for (int i = 0; i < 10; i++) {
                tool.create().orSetData().forPath(probe, bytes("again " + i));
            }

            // a valid policy written afterwards is taken at once
            MigrationZnodes.setPolicy(tool, clusterPath, Map.of("policy", "debounce"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> controller.decider().policy().name().equals("debounce"));
            assertThat(policyWarnings(warnings)).hasSize(bad.size());
            assertThat(commandWarnings(warnings)).isEqualTo(1);
            assertThat(warnings).allSatisfy(w -> assertThat(w).hasSizeLessThan(1000));
            assertThat(member.getLifecycleService().isRunning()).isTrue();
        } finally {
            member.getLifecycleService().terminate();
            captured.close();
        }
    }

    @Test
    void member_junkHoldAndHistoryBeforeItLeads_leadsWarnsAndReplacesThem() throws Exception {
        String cluster = "bad-hold-" + UUID.randomUUID().toString().substring(0, 8);
        String clusterPath = "/gridkeeper/" + cluster;
        ControllerWarnings captured = ControllerWarnings.about(cluster);
        List<String> warnings = captured.messages;
        tool.create()
                .creatingParentsIfNeeded()
                .forPath(MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD), bytes("{\"type\": [unterminated"));
        tool.create().forPath(MigrationZnodes.path(clusterPath, MigrationZnodes.DECISIONS), junk(10_000));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig(cluster));
        try {
            MigrationController controller = awaitController(member);

            // it leads despite the junk: its first decision replaces both records with readable ones
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            controller.isLeader() && controller.lastDecision().isPresent());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(MigrationZnodes.readHold(tool, clusterPath)).isPresent();
                assertThat(MigrationZnodes.readDecisions(tool, clusterPath)).isNotEmpty();
            });
            assertThat(warnings)
                    .filteredOn(w -> w.contains("Ignoring the unreadable"))
                    .hasSize(2)
                    .allSatisfy(w -> assertThat(w).hasSizeLessThan(1000));
            assertThat(member.getLifecycleService().isRunning()).isTrue();
        } finally {
            member.getLifecycleService().terminate();
            captured.close();
        }
    }

    private static MigrationController awaitController(HazelcastInstance member) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> MigrationService.forInstance(member).flatMap(MigrationService::controller),
                        o -> o.isPresent())
                .orElseThrow();
    }

    /** The migration controller's WARN (and worse) messages that name one cluster, collected until closed. */
    private static final class ControllerWarnings extends AppenderBase<ILoggingEvent> implements AutoCloseable {

        private final String cluster;
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final Logger log = (Logger) LoggerFactory.getLogger(MigrationController.class);

        private ControllerWarnings(String cluster) {
            this.cluster = cluster;
        }

        static ControllerWarnings about(String cluster) {
            ControllerWarnings warnings = new ControllerWarnings(cluster);
            warnings.start();
            warnings.log.addAppender(warnings);
            return warnings;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                    && event.getFormattedMessage().contains(cluster)) {
                messages.add(event.getFormattedMessage());
            }
        }

        @Override
        public void close() {
            log.detachAppender(this);
            stop();
        }
    }

    private static long commandWarnings(List<String> warnings) {
        return warnings.stream()
                .filter(w -> w.contains("Ignoring unreadable operator commands"))
                .count();
    }

    private static List<String> policyWarnings(List<String> warnings) {
        return warnings.stream().filter(w -> w.contains(MARKER)).toList();
    }

    private static Config memberConfig(String cluster) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                        new ZookeeperDiscoveryStrategyFactory(),
                        Map.of("connect-string", zookeeper.getConnectString(), "session-timeout-seconds", "6")));
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] junk(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 'x');
        return data;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
