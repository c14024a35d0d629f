package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class GridkeeperCommandTest {

    @Test
    void help_rootAndEveryCommand_printsUsageAndSucceeds() {
        for (String[] args : new String[][] {{"--help"}, {"node", "--help"}, {"status", "--help"}, {"help", "node"}}) {
            Run run = run(args);

            assertThat(run.exitCode).as(String.join(" ", args)).isZero();
            assertThat(run.out).contains("Usage: gridkeeper");
        }
    }

    @Test
    void node_help_documentsEveryFlagWithItsEnvironmentVariable() {
        Run run = run("node", "--help");

        assertThat(run.out)
                .contains("--zookeeper=CONNECT", "GRIDKEEPER_ZOOKEEPER", "DEV MODE")
                .contains("--dev-zookeeper-port=PORT", "Default: 21810")
                .contains("--config=FILE", "--port=PORT", "--public-address=HOST:PORT")
                .contains("--cluster-name=NAME", "--cluster-id=ID", "--base-path=ZNODE")
                .contains("--zone=ZONE", "--rack=RACK", "--node-id=ID");
    }

    @Test
    void root_withoutCommand_usageErrorListingCommands() {
        Run run = run();

        assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err)
                .contains(
                        "error: Missing command: choose one of [node, status, policy, rebalance, hold, decisions, doctor, caches, help]");
    }

    @Test
    void node_unknownOption_usageError() {
        Run run = run("node", "--colour=blue");

        assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err).contains("error: Unknown option: '--colour=blue'", "Try 'gridkeeper node --help'.");
    }

    @Test
    void node_portNotANumber_usageErrorNamingTheOption() {
        Run run = run("node", "--port", "fifty");

        assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err).contains("Invalid value for option '--port': 'fifty' is not an int");
    }

    @Test
    void node_portOutOfRange_usageErrorNamingTheOptionAndValue() {
        Run run = run("node", "--port", "70000");

        assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err)
                .contains("error: Option '--port' must be in [1, 65535] but was [70000]")
                .contains("Try 'gridkeeper node --help'.");
    }

    @Test
    void node_missingConfigFile_usageErrorNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");

        Run run = run("node", "--config", missing.toString());

        assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err)
                .contains(
                        "error: Option '--config' must name a readable hazelcast.yaml/.xml but was [" + missing + "]");
    }

    @Test
    void status_zookeeperUnreachable_oneLineErrorAndExitOne() {
        int port = freePort();

        Run run = run("status", "--zookeeper", "127.0.0.1:" + port, "--timeout-seconds", "1");

        assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip())
                .isEqualTo("error: ZooKeeper [127.0.0.1:" + port + "] did not answer within [1s]; check --zookeeper");
    }

    @Test
    void status_devModeWithoutDevNode_errorSuggestsStartingOne() {
        int port = freePort();

        Run run = run("status", "--dev-zookeeper-port", String.valueOf(port), "--timeout-seconds", "1");

        assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
        assertThat(run.err.strip())
                .isEqualTo("error: ZooKeeper [127.0.0.1:" + port + "] did not answer within [1s]; no dev node runs"
                        + " here: start one, or pass --zookeeper");
    }

    @Test
    void status_zookeeperUpButNoMember_oneLineErrorNamingTheCluster() throws Exception {
        try (TestingServer zookeeper = new TestingServer()) {
            Run run = run(
                    "status",
                    "--zookeeper",
                    zookeeper.getConnectString(),
                    "--cluster-name",
                    "nobody-home",
                    "--timeout-seconds",
                    "2");

            assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_FAILURE);
            assertThat(run.err.lines()).hasSize(1);
            assertThat(run.err)
                    .startsWith("error: No member of cluster [nobody-home] answered within [2s] (ZooKeeper ["
                            + zookeeper.getConnectString() + "] lists [0] registered member(s) under"
                            + " [/gridkeeper/nobody-home])");
        }
    }

    @Test
    void status_timeoutNotPositive_usageError() {
        Run run = run("status", "--timeout-seconds", "0");

        assertThat(run.exitCode).isEqualTo(GridkeeperCommand.EXIT_USAGE);
        assertThat(run.err).contains("error: Option '--timeout-seconds' must be positive but was [0]");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GridkeeperCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int exitCode, String out, String err) {}
}
