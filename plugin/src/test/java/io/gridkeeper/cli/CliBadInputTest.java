package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command with wrong flags and bad values (a usage error, exit 2), against unreachable ZooKeeper and a cluster
 * without members (one line on stderr, exit 1, bounded by {@code --timeout-seconds}), against junk written past the
 * CLI into the policy and hold znodes and policy/hold znodes this tool may not read ({@code policy show} still exits 0
 * and reports them unreadable, {@code doctor} reports them as findings of their own and not as ZooKeeper unreachable;
 * a lost connection still fails), and against a cluster whose znodes only its credential may write.
 */
final class CliBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestingServer zookeeper;

    @BeforeAll
    static void startZookeeper() throws Exception {
        zookeeper = new TestingServer();
    }

    @AfterAll
    static void stopZookeeper() throws Exception {
        zookeeper.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "",
                "node",
                "status",
                "doctor",
                "caches",
                "decisions",
                "hold --for 10m",
                "rebalance",
                "policy",
                "policy show",
                "policy set delayed",
                "policy reset"
            })
    void everyCommand_unknownFlag_usageErrorNamingItAndExitTwo(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : Arrays.asList(command.split(" ")));
        args.add("--no-such-flag");

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--no-such-flag").contains("--help");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hold --for 5 parsecs                          | 5 parsecs
            hold --for -10m                               | -10m
            rebalance --wait --interval forever           | forever
            doctor --max-clock-skew soon                  | soon
            doctor --min-hit-ratio 1.5                    | 1.5
            doctor --min-hit-ratio lots                   | lots
            decisions --last many                         | many
            decisions --last 0                            | 0
            status --timeout-seconds -1                   | -1
            status --timeout-seconds soon                 | soon
            policy set nope                               | nope
            policy set delayed --setting grace-seconds=-5 | -5
            policy set window --setting start=25:99       | 25:99
            policy set delayed --setting oops             | oops
            """)
    void command_badValue_usageErrorNamingTheValueAndExitTwo(String command, String value) {
        List<String> args = new ArrayList<>();
        // a value containing spaces is one argument
        String[] words = command.split(" ");
        int valueWords = value.split(" ").length;
        args.addAll(Arrays.asList(words).subList(0, words.length - valueWords));
        args.add(value);
        args.addAll(List.of("--zookeeper", zookeeper.getConnectString()));
        if (!command.startsWith("node")) {
            args.addAll(List.of("--cluster-name", "bad-" + UUID.randomUUID()));
        }

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err()).contains(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "status",
                "caches",
                "decisions",
                "hold --for 10m",
                "rebalance",
                "policy show",
                "policy set delayed",
                "policy reset"
            })
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyClusterCommand_zookeeperUnreachable_oneLineErrorAndExitOne(String command) {
        int port = freePort();
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(List.of("--zookeeper", "127.0.0.1:" + port, "--timeout-seconds", "1"));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains("127.0.0.1:" + port);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void doctor_zookeeperUnreachable_reportsCriticalFindingAndExitsNonZero() {
        int port = freePort();

        CliRun run = CliRun.of("doctor", "--zookeeper", "127.0.0.1:" + port, "--timeout-seconds", "1");

        assertThat(run.exitCode()).as(run.err()).isNotZero().isNotEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.out()).contains("CRITICAL  zookeeper-unreachable").contains("127.0.0.1:" + port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status", "caches"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void memberCommand_zookeeperUpButNoMember_oneLineErrorAndExitOne(String command) {
        String cluster = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        CliRun run = CliRun.of(
                command,
                "--zookeeper",
                zookeeper.getConnectString(),
                "--cluster-name",
                cluster,
                "--timeout-seconds",
                "2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(cluster);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --node-id        | a/b          | Property 'node-id' must be a non-empty znode name
            --public-address | 127.0.0.1:0  | Property 'public-address' must be host:port with a port in 1..65535
            """)
    void node_invalidDiscoverySetting_oneLineErrorNamingTheKey(String option, String value, String message) {
        CliRun run = CliRun.of(
                "node",
                option,
                value,
                "--port",
                String.valueOf(freePort()),
                "--zookeeper",
                "127.0.0.1:" + freePort(),
                "--cluster-name",
                "bad-node-" + UUID.randomUUID());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: " + message).contains("[" + value + "]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            policy: nope                                 | Unknown migration policy [nope]
            policy: window, gridkeeper.migration.start: 25:99  | Property 'start' must be a time of day
            policy: delayed, gridkeeper.migration.grace-seconds: -5 | Property 'grace-seconds' must be between
            """)
    void node_invalidMigrationSettingInConfigFile_refusesToStartNamingIt(
            String properties, String message, @TempDir Path directory) throws IOException {
        StringBuilder yaml = new StringBuilder("hazelcast:\n  properties:\n");
        for (String property : properties.split(", ")) {
            String[] keyValue = property.split(": ", 2);
            String key = keyValue[0].startsWith("gridkeeper.") ? keyValue[0] : "gridkeeper.migration." + keyValue[0];
            yaml.append("    ").append(key).append(": \"").append(keyValue[1]).append("\"\n");
        }
        Path config = Files.writeString(directory.resolve("hazelcast.yaml"), yaml);

        CliRun run = CliRun.of(
                "node",
                "--config",
                config.toString(),
                "--port",
                String.valueOf(freePort()),
                "--zookeeper",
                "127.0.0.1:" + freePort());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("error: Invalid migration settings [gridkeeper.migration.")
                .contains(message);
    }

    @Test
    void policyShow_junkPolicyWrittenPastTheCli_reportsItUnreadableWithoutDumpingIt() throws Exception {
        String cluster = "junk-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] junk = new byte[900 * 1024];
        Arrays.fill(junk, (byte) 'x');
        try (CuratorFramework tool = client(null)) {
            tool.create()
                    .creatingParentsIfNeeded()
                    .forPath(MigrationZnodes.path("/gridkeeper/" + cluster, MigrationZnodes.POLICY), junk);
        }

        CliRun run = policyShow(cluster);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("<unreadable>")
                .contains("the stored policy is unreadable (members ignore it)")
                .contains("(921600 bytes)")
                .hasSizeLessThan(2_000);

        CliRun doctor = doctor(cluster);

        assertThat(doctor.out())
                .contains("policy-invalid")
                .contains("(921600 bytes)")
                .hasSizeLessThan(5_000);
    }

    @Test
    void policySet_clusterWritableOnlyByItsCredential_failsWithoutItAndWorksWithIt() throws Exception {
        String cluster = "secured-" + UUID.randomUUID().toString().substring(0, 8);
        String clusterPath = "/gridkeeper/" + cluster;
        String credential = "gridkeeper:" + UUID.randomUUID();
        // what members with auth and acl=creator create: everything for the credential, read for anyone
        List<ACL> acl =
                List.of(ToolClients.allFor(credential), new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE));
        try (CuratorFramework owner = client(credential)) {
            owner.create().creatingParentsIfNeeded().withACL(acl).forPath(clusterPath);
        }
        String[] set = {
            "policy", "set", "delayed", "--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster
        };

        CliRun anonymous = CliRun.of(set);
        CliRun authenticated;
        System.setProperty("gridkeeper.zookeeper.auth", credential);
        try {
            authenticated = CliRun.of(set);
        } finally {
            System.clearProperty("gridkeeper.zookeeper.auth");
        }

        assertThat(anonymous.exitCode()).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
        assertThat(anonymous.err().lines()).hasSize(1);
        assertThat(anonymous.err()).startsWith("error: ").contains("NoAuth");
        assertThat(authenticated.exitCode()).as(authenticated.err()).isZero();
        assertThat(authenticated.out() + authenticated.err()).doesNotContain(credential.substring(11));
        try (CuratorFramework reader = client(null)) {
            String policy = MigrationZnodes.path(clusterPath, MigrationZnodes.POLICY);
            assertThat(new String(reader.getData().forPath(policy), StandardCharsets.UTF_8))
                    .contains("delayed");
            // ZooKeeper shows digest ids masked: compare with what it reports for the cluster path
            assertThat(reader.getACL().forPath(policy))
                    .containsExactlyInAnyOrderElementsOf(reader.getACL().forPath(clusterPath));
        }
    }

    @Test
    void policyShow_junkHold_printsThePolicyAndSaysTheHoldIsUnreadable() throws Exception {
        String cluster = "unreadable-" + UUID.randomUUID().toString().substring(0, 8);
        String clusterPath = "/gridkeeper/" + cluster;
        String holdPath = MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD);
        try (CuratorFramework tool = client(null)) {
            MigrationZnodes.setPolicy(tool, clusterPath, Map.of("policy", "delayed", "grace-seconds", "30"));
            tool.create().forPath(holdPath, "{\"type\":[".getBytes(StandardCharsets.UTF_8));
        }

        CliRun text = policyShow(cluster);
        CliRun json = policyShow(cluster, "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Policy    delayed  (cluster-wide, from ZooKeeper " + clusterPath + "/migration/policy")
                .contains("Settings  grace-seconds=30")
                .contains("Safety    max-lost-replicas=1 max-unprotected-seconds=300")
                .contains("Decision  unreadable ([" + holdPath + "] Unreadable HoldRecord [{\"type\":[] (9 bytes)");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.path("policy").asText()).isEqualTo("delayed");
        assertThat(report.path("decision").isNull()).isTrue();
        assertThat(report.path("unreadable")).hasSize(1);
        assertThat(report.path("unreadable").get(0).asText()).startsWith("[" + holdPath + "] Unreadable HoldRecord");
    }

    @Test
    void policyShow_policyReadableOnlyByItsCredential_reportsItUnreadableNamingNoAuth() throws Exception {
        String cluster = "unreadable-" + UUID.randomUUID().toString().substring(0, 8);
        String policyPath = MigrationZnodes.path("/gridkeeper/" + cluster, MigrationZnodes.POLICY);
        List<ACL> acl = List.of(ToolClients.allFor("admin:secret"));
        try (CuratorFramework admin = client("admin:secret")) {
            admin.create()
                    .creatingParentsIfNeeded()
                    .withACL(acl)
                    .forPath(policyPath, "{\"policy\":\"manual\"}".getBytes(StandardCharsets.UTF_8));
        }

        CliRun text = policyShow(cluster);
        CliRun json = policyShow(cluster, "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Policy    <unreadable>  (cluster-wide, from ZooKeeper " + policyPath + ")")
                .contains("Safety    error=the stored policy is unreadable by this tool: [" + policyPath
                        + "] KeeperErrorCode = NoAuth")
                .contains("Decision  none recorded yet");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.path("source").asText()).isEqualTo("ZOOKEEPER");
        assertThat(report.path("policy").asText()).isEqualTo("<unreadable>");
        assertThat(report.path("setAt").isNull()).isTrue();
        assertThat(report.path("unreadable").get(0).asText())
                .isEqualTo("[" + policyPath + "] KeeperErrorCode = NoAuth for " + policyPath);
    }

    @Test
    void doctor_junkHold_reportsTheHoldUnreadableAndRunsTheOtherChecks() throws Exception {
        String cluster = "unreadable-" + UUID.randomUUID().toString().substring(0, 8);
        String holdPath = MigrationZnodes.path("/gridkeeper/" + cluster, MigrationZnodes.HOLD);
        try (CuratorFramework tool = client(null)) {
            tool.create().creatingParentsIfNeeded().forPath(holdPath, "{\"type\":[".getBytes(StandardCharsets.UTF_8));
        }

        CliRun run = doctor(cluster);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(DoctorCommand.EXIT_CRITICAL);
        assertThat(run.out())
                .contains("WARNING   hold-unreadable")
                .contains(
                        "  seen:   the hold record holds junk: [" + holdPath + "] Unreadable HoldRecord [{\"type\":[]")
                .contains("a new leader ignores it and replaces it with its first decision")
                .contains("gridkeeper hold --for")
                // ZooKeeper answered: the other checks ran (no member here, so the cluster is unreachable)
                .contains("CRITICAL  cluster-unreachable")
                .doesNotContain("zookeeper-unreachable");
    }

    @Test
    void doctor_holdAndPolicyReadableOnlyByTheirCredential_reportsThemUnreadableNamingNoAuth() throws Exception {
        String cluster = "unreadable-" + UUID.randomUUID().toString().substring(0, 8);
        String clusterPath = "/gridkeeper/" + cluster;
        String holdPath = MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD);
        String policyPath = MigrationZnodes.path(clusterPath, MigrationZnodes.POLICY);
        List<ACL> acl = List.of(ToolClients.allFor("admin:secret"));
        try (CuratorFramework admin = client("admin:secret")) {
            admin.create()
                    .creatingParentsIfNeeded()
                    .withACL(acl)
                    .forPath(policyPath, "{\"policy\":\"manual\"}".getBytes(StandardCharsets.UTF_8));
            admin.create().withACL(acl).forPath(holdPath, "{}".getBytes(StandardCharsets.UTF_8));
        }

        CliRun run = doctor(cluster);

        assertThat(run.out())
                .contains("WARNING   hold-unreadable")
                .contains("the hold record is unreadable by this tool: [" + holdPath + "] KeeperErrorCode = NoAuth")
                .contains("WARNING   policy-unreadable")
                .contains("the cluster-wide policy is unreadable by this tool: [" + policyPath
                        + "] KeeperErrorCode = NoAuth")
                .contains("-Dgridkeeper.zookeeper.auth=user:password")
                .doesNotContain("zookeeper-unreachable")
                .doesNotContain("policy-invalid");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void znodeReads_zookeeperConnectionLost_stillFailInsteadOfReportingTheZnodeUnreadable() throws Exception {
        String clusterPath = "/gridkeeper/lost-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestingServer server = new TestingServer();
                CuratorFramework tool = CuratorFrameworkFactory.builder()
                        .connectString(server.getConnectString())
                        .connectionTimeoutMs(1_000)
                        .retryPolicy(new RetryOneTime(100))
                        .build()) {
            tool.start();
            tool.blockUntilConnected();
            server.stop();

            assertThatThrownBy(() -> PolicyShowCommand.readHold(tool, clusterPath))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ConnectionLoss");
            assertThatThrownBy(() -> PolicyShowCommand.readPolicy(tool, clusterPath))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ConnectionLoss");
            assertThatThrownBy(() -> ClusterStatusReader.readRegistry(tool, clusterPath))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ConnectionLoss");
            assertThatThrownBy(() -> ClusterStatusReader.readLeadership(tool, clusterPath))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ConnectionLoss");
        }
    }

    @Test
    void policyShowRead_interrupted_failsAndKeepsTheInterruptFlag() throws Exception {
        String clusterPath =
                "/gridkeeper/unreadable-" + UUID.randomUUID().toString().substring(0, 8);

        try (CuratorFramework tool = client(null)) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> PolicyShowCommand.read(tool, clusterPath))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Interrupted while reading [");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void holdAndRebalance_junkEpochZnode_storeTheRequestAndSayTheLeaderIsUnknown() throws Exception {
        String cluster = "unreadable-" + UUID.randomUUID().toString().substring(0, 8);
        String clusterPath = "/gridkeeper/" + cluster;
        String epochPath = clusterPath + "/leader/epoch";
        try (CuratorFramework tool = client(null)) {
            tool.create().creatingParentsIfNeeded().forPath(epochPath, "not json".getBytes(StandardCharsets.UTF_8));

            CliRun hold = CliRun.of(
                    "hold", "--for", "2m", "--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster);
            assertThat(hold.exitCode()).as(hold.err()).isZero();
            assertThat(hold.out())
                    .contains("Hold requested until ")
                    .contains("the leader is unknown, the election is unreadable: [" + epochPath + "] ");
            assertThat(MigrationZnodes.readCommands(tool, clusterPath)
                            .orElseThrow()
                            .holdUntilMillis())
                    .isNotNull();

            CliRun rebalance = CliRun.of(
                    "rebalance", "--json", "--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster);
            assertThat(rebalance.exitCode()).as(rebalance.err()).isZero();
            JsonNode report = JSON.readTree(rebalance.out());
            assertThat(report.path("leader").isNull()).isTrue();
            assertThat(report.path("epoch").asLong()).isZero();
            assertThat(report.path("unreadable")).hasSize(1);
            assertThat(report.path("unreadable").get(0).asText()).startsWith("[" + epochPath + "] ");
            assertThat(MigrationZnodes.readCommands(tool, clusterPath)
                            .orElseThrow()
                            .rebalanceRequestedAtMillis())
                    .isNotNull();
        }
    }

    private static CliRun policyShow(String cluster, String... flags) {
        List<String> args = new ArrayList<>(
                List.of("policy", "show", "--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster));
        args.addAll(Arrays.asList(flags));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun doctor(String cluster) {
        return CliRun.of(
                "doctor",
                "--zookeeper",
                zookeeper.getConnectString(),
                "--cluster-name",
                cluster,
                "--timeout-seconds",
                "1");
    }

    private static CuratorFramework client(String credential) throws InterruptedException {
        return ToolClients.connected(zookeeper.getConnectString(), credential);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
