package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridkeeper.migration.control.CommandsRecord;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration commands against a real ZooKeeper without members: what they write and read in the migration znodes.
 * (With members: {@code io.gridkeeper.it.cli.MigrationCommandsClusterTest}.)
 */
final class MigrationCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    void policySet_validPolicy_writesSettingsAndShowReadsThem() throws Exception {
        String cluster = cluster();

        CliRun set = run(cluster, "policy", "set", "delayed", "--setting", "grace-seconds=30");
        CliRun show = run(cluster, "policy", "show", "--json");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("Policy [delayed] set cluster-wide in /gridkeeper/" + cluster);
        assertThat(MigrationZnodes.readPolicy(tool, "/gridkeeper/" + cluster))
                .contains(Map.of("policy", "delayed", "grace-seconds", "30"));
        JsonNode report = JSON.readTree(show.out());
        assertThat(report.path("source").asText()).isEqualTo("ZOOKEEPER");
        assertThat(report.path("policy").asText()).isEqualTo("delayed");
        assertThat(report.path("settings").path("grace-seconds").asText()).isEqualTo("30");
        assertThat(report.path("safety").path("max-unprotected-seconds").asText())
                .isEqualTo("300");
        assertThat(report.path("knownPolicies").toString()).contains("delayed", "window", "manual");
    }

    @Test
    void policySet_unknownPolicy_usageErrorListingKnownPoliciesAndNothingWritten() {
        String cluster = cluster();

        CliRun run = run(cluster, "policy", "set", "dealyed");

        assertThat(run.exitCode()).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err())
                .contains("error: Unknown migration policy [dealyed] in [policy=dealyed]; known policies: [debounce,"
                        + " delayed, immediate, load-aware, manual, ")
                .contains("window]");
        assertThat(MigrationZnodes.readPolicy(tool, "/gridkeeper/" + cluster)).isEmpty();
    }

    @Test
    void policySet_invalidSetting_usageErrorNamingKeyAndValue() {
        CliRun run = run(cluster(), "policy", "set", "delayed", "--setting", "grace-seconds=-1");

        assertThat(run.exitCode()).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err()).contains("error: Property 'grace-seconds' must be between 1 and 31622400 but was [-1]");
    }

    @Test
    void policyReset_afterSet_removesThePolicyAndShowSaysStartConfiguration() {
        String cluster = cluster();
        run(cluster, "policy", "set", "manual");

        CliRun reset = run(cluster, "policy", "reset");
        CliRun show = run(cluster, "policy", "show");

        assertThat(reset.exitCode()).isZero();
        assertThat(MigrationZnodes.readPolicy(tool, "/gridkeeper/" + cluster)).isEmpty();
        assertThat(show.out())
                .contains("Policy    each member's start configuration (no cluster-wide policy at /gridkeeper/"
                        + cluster + "/migration/policy)")
                .contains("Decision  none recorded yet");
    }

    @Test
    void hold_forTenMinutes_writesTheHoldCommandAndNamesTheSafetyBounds() {
        String cluster = cluster();
        Instant before = Instant.now();

        CliRun run = run(cluster, "hold", "--for", "10m", "--note", "rolling restart");

        assertThat(run.exitCode()).as(run.err()).isZero();
        CommandsRecord commands =
                MigrationZnodes.readCommands(tool, "/gridkeeper/" + cluster).orElseThrow();
        assertThat(Instant.ofEpochMilli(commands.holdUntilMillis()))
                .isBetween(before.plus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(commands.note()).isEqualTo("rolling restart");
        assertThat(run.out())
                .contains("no leader right now")
                .contains("[max-lost-replicas=1]", "[max-unprotected-seconds=300]");
    }

    @Test
    void hold_zeroDuration_usageError() {
        CliRun run = run(cluster(), "hold", "--for", "0s");

        assertThat(run.exitCode()).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err()).contains("error: Option '--for' must be between 1s and 31622400s but was [0s]");
    }

    @Test
    void rebalance_json_writesTheRequest() throws Exception {
        String cluster = cluster();

        CliRun run = run(cluster, "rebalance", "--note", "ops", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(MigrationZnodes.readCommands(tool, "/gridkeeper/" + cluster)
                        .orElseThrow()
                        .rebalanceRequestedAtMillis())
                .isNotNull();
        assertThat(JSON.readTree(run.out()).path("note").asText()).isEqualTo("ops");
    }

    @Test
    void decisions_noneRecorded_saysSo() {
        String cluster = cluster();

        CliRun run = run(cluster, "decisions");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("No decisions recorded under /gridkeeper/" + cluster + "/migration");
    }

    @Test
    void decisions_lastNotPositive_usageError() {
        CliRun run = run(cluster(), "decisions", "--last", "0");

        assertThat(run.exitCode()).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err()).contains("error: Option '--last' must be positive but was [0]");
    }

    @Test
    void policyShow_zookeeperUnreachable_oneLineErrorWithTheConnectString() {
        CliRun run = CliRun.of("policy", "show", "--zookeeper", "127.0.0.1:1", "--timeout-seconds", "1");

        assertThat(run.exitCode()).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
        assertThat(run.err().strip())
                .isEqualTo("error: ZooKeeper [127.0.0.1:1] did not answer within [1s]; check --zookeeper");
    }

    private static String cluster() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CliRun run(String cluster, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--zookeeper";
        all[args.length + 1] = zookeeper.getConnectString();
        all[args.length + 2] = "--cluster-name";
        all[args.length + 3] = cluster;
        return CliRun.of(all);
    }
}
