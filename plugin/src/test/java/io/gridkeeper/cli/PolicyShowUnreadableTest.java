package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code policy show} against a real ZooKeeper whose policy or hold znode this tool cannot read (junk written past the
 * CLI, a read ACL): the command still exits 0 and reports what it could not read, with the reason.
 */
final class PolicyShowUnreadableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestingServer zookeeper;
    private static CuratorFramework tool;

    @BeforeAll
    static void startZookeeper() throws Exception {
        zookeeper = new TestingServer();
        tool = client(null);
    }

    @AfterAll
    static void stopZookeeper() throws Exception {
        tool.close();
        zookeeper.close();
    }

    @Test
    void policyShow_junkHold_printsThePolicyAndSaysTheHoldIsUnreadable() throws Exception {
        String cluster = cluster();
        String clusterPath = "/gridkeeper/" + cluster;
        MigrationZnodes.setPolicy(tool, clusterPath, Map.of("policy", "delayed", "grace-seconds", "30"));
        String holdPath = MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD);
        tool.create().forPath(holdPath, "{\"type\":[".getBytes(StandardCharsets.UTF_8));

        CliRun text = run(cluster, "policy", "show");
        CliRun json = run(cluster, "policy", "show", "--json");

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
        String cluster = cluster();
        String policyPath = MigrationZnodes.path("/gridkeeper/" + cluster, MigrationZnodes.POLICY);
        List<ACL> acl = List.of(new ACL(
                ZooDefs.Perms.ALL, new Id("digest", DigestAuthenticationProvider.generateDigest("admin:secret"))));
        try (CuratorFramework admin = client("admin:secret")) {
            admin.create()
                    .creatingParentsIfNeeded()
                    .withACL(acl)
                    .forPath(policyPath, "{\"policy\":\"manual\"}".getBytes(StandardCharsets.UTF_8));
        }

        CliRun text = run(cluster, "policy", "show");
        CliRun json = run(cluster, "policy", "show", "--json");

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
    void read_interrupted_failsAndKeepsTheInterruptFlag() {
        String clusterPath = "/gridkeeper/" + cluster();

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

    private static String cluster() {
        return "unreadable-" + UUID.randomUUID().toString().substring(0, 8);
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

    private static CuratorFramework client(String credential) throws InterruptedException {
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(zookeeper.getConnectString())
                .retryPolicy(new RetryOneTime(100));
        if (credential != null) {
            builder.authorization("digest", credential.getBytes(StandardCharsets.UTF_8));
        }
        CuratorFramework client = builder.build();
        client.start();
        client.blockUntilConnected();
        return client;
    }
}
