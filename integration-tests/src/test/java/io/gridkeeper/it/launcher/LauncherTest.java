package io.gridkeeper.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.cli.GridkeeperCommand;
import io.gridkeeper.it.fixture.FreePorts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code java -jar gridkeeper.jar node}, twice, forms a cluster that a member configured from the documented
 * hazelcast.yaml joins; SIGTERM shuts each node down gracefully; dev mode shares one embedded ZooKeeper.
 */
final class LauncherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int SIGTERM_EXIT_CODE = 128 + 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void node_twoProcessesAgainstZookeeper_formAClusterAYamlMemberJoinsAndSigtermLeavesGracefully() throws Exception {
        String cluster = "launcher-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestingServer zookeeper = new TestingServer(FreePorts.next(), true);
                NodeProcess first = node("first", cluster, "--zookeeper", zookeeper.getConnectString());
                NodeProcess second = node("second", cluster, "--zookeeper", zookeeper.getConnectString())) {
            List<String> status = List.of("--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster);

            JsonNode formed = awaitStatus(
                    status,
                    json -> members(json).size() == 2 && json.path("leader").isObject());
            assertThat(members(formed))
                    .extracting(m -> m.path("nodeId").asText())
                    .containsExactlyInAnyOrder("first", "second");
            assertThat(members(formed)).allMatch(m -> m.path("registered").asBoolean());
            assertThat(formed.path("clusterState").asText()).isEqualTo("ACTIVE");

            // A member configured only from the documented hazelcast.yaml joins the launcher nodes, then leaves.
            HazelcastInstance yamlMember = Hazelcast.newHazelcastInstance(Config.loadFromString(
                    documentedYaml(cluster, zookeeper.getConnectString(), NodeProcess.freePort())));
            try {
                awaitStatus(status, json -> members(json).size() == 3);
            } finally {
                yamlMember.shutdown();
            }
            awaitStatus(status, json -> members(json).size() == 2);

            String firstLeader = formed.path("leader").path("nodeId").asText();
            long firstEpoch = formed.path("epoch").asLong();
            NodeProcess leader = firstLeader.equals("first") ? first : second;
            NodeProcess follower = leader == first ? second : first;

            assertThat(leader.terminate()).isEqualTo(SIGTERM_EXIT_CODE);

            assertThat(leader.log()).contains("shutting down gracefully", "Gridkeeper node stopped gracefully");
            JsonNode afterLeave = awaitStatus(
                    status,
                    json -> members(json).size() == 1
                            && json.path("epoch").asLong() > firstEpoch
                            && !json.path("leader").path("nodeId").asText().equals(firstLeader));
            assertThat(afterLeave.path("clusterSafe").asBoolean()).isTrue();
            assertThat(follower.terminate()).isEqualTo(SIGTERM_EXIT_CODE);
            assertThat(follower.log()).contains("Gridkeeper node stopped gracefully");
        }
    }

    @Test
    void node_withoutZookeeper_servesTheDevZookeeperAndASecondNodeSharesIt() {
        String cluster = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        String devPort = String.valueOf(NodeProcess.freePort());
        try (NodeProcess host = node("dev-host", cluster, "--dev-zookeeper-port", devPort)) {
            host.awaitLog("DEV MODE: started a development ZooKeeper at [127.0.0.1:" + devPort + "]");
            try (NodeProcess sibling = node("dev-sibling", cluster, "--dev-zookeeper-port", devPort)) {
                sibling.awaitLog("DEV MODE: using the development ZooKeeper a sibling node serves at [127.0.0.1:"
                        + devPort + "]");

                JsonNode formed = awaitStatus(
                        List.of("--dev-zookeeper-port", devPort, "--cluster-name", cluster),
                        json -> members(json).size() == 2);
                assertThat(formed.path("zookeeper").asText()).isEqualTo("127.0.0.1:" + devPort);

                assertThat(sibling.terminate()).isEqualTo(SIGTERM_EXIT_CODE);
            }
            assertThat(host.terminate()).isEqualTo(SIGTERM_EXIT_CODE);
            assertThat(host.log())
                    .contains("DEV MODE: stopped the development ZooKeeper at [127.0.0.1:" + devPort + "]");
        }
    }

    /** The member example of docs/discovery.md, with this test's cluster, ZooKeeper and a free port. */
    private static String documentedYaml(String cluster, String connectString, int port) {
        return """
                hazelcast:
                  cluster-name: %s
                  properties:
                    hazelcast.discovery.enabled: true
                    hazelcast.phone.home.enabled: false
                  network:
                    port:
                      port: %d
                    join:
                      multicast:
                        enabled: false
                      auto-detection:
                        enabled: false
                      discovery-strategies:
                        discovery-strategies:
                          - class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy
                            enabled: true
                            properties:
                              connect-string: %s
                """.formatted(cluster, port, connectString);
    }

    private static NodeProcess node(String nodeId, String cluster, String... zookeeperArgs) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "node",
                "--cluster-name",
                cluster,
                "--node-id",
                nodeId,
                "--port",
                String.valueOf(NodeProcess.freePort())));
        args.addAll(List.of(zookeeperArgs));
        return NodeProcess.start(nodeId, args.toArray(String[]::new));
    }

    /** Runs {@code status --json} (in this JVM) until {@code condition} holds; returns the last answer. */
    private static JsonNode awaitStatus(List<String> args, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            last[0] = status(args);
            return last[0] != null && condition.test(last[0]);
        });
        return last[0];
    }

    private static JsonNode status(List<String> args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = GridkeeperCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        List<String> all = new java.util.ArrayList<>(List.of("status", "--json", "--timeout-seconds", "5"));
        all.addAll(args);
        if (commandLine.execute(all.toArray(String[]::new)) != 0) {
            return null;
        }
        try {
            return JSON.readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> members(JsonNode status) {
        return StreamSupport.stream(status.path("members").spliterator(), false)
                .filter(m -> m.path("inCluster").asBoolean())
                .toList();
    }
}
