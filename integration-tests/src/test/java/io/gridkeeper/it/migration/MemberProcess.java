package io.gridkeeper.it.migration;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A member JVM ({@link MemberMain}) that a test can kill with SIGKILL. */
final class MemberProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private boolean frozen;

    private MemberProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a member JVM and waits until it runs. */
    static MemberProcess start(
            String connectString, String clusterName, String nodeId, int port, Map<String, String> policy) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx" + System.getProperty("gridkeeper.it.member-heap", "256m"),
                "-Dgridkeeper.it.partitions=" + Members.PARTITIONS,
                "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true",
                "-Dhazelcast.phone.home.enabled=false",
                "-Dhazelcast.shutdownhook.policy=GRACEFUL",
                "-Dhazelcast.logging.type=slf4j",
                "-cp",
                System.getProperty("java.class.path"),
                MemberMain.class.getName(),
                connectString,
                clusterName,
                nodeId,
                String.valueOf(port)));
        policy.forEach((key, value) -> command.add(key + "=" + value));
        try {
            Path log = Files.createTempFile(Path.of("target"), "member-" + nodeId + "-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MemberProcess member = new MemberProcess(process, log);
            await("member JVM " + nodeId + " ready, log " + log)
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> member.output().contains(MemberMain.READY) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("Member JVM " + nodeId + " exited: " + member.output());
            }
            return member;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM: Hazelcast's shutdown hook shuts the member down gracefully; waits until the JVM exited. */
    void stop() {
        process.destroy();
        await().atMost(Duration.ofSeconds(120)).until(() -> !process.isAlive());
    }

    /** SIGKILL: no shutdown hook, no goodbye to the cluster. */
    void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** SIGSTOP: the JVM stays alive but silent (no heartbeats, no ZooKeeper pings), like a long GC pause. */
    void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT: a frozen JVM runs on, unaware of the time it lost. */
    void thaw() {
        signal("CONT");
        frozen = false;
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            await().atMost(Duration.ofSeconds(10)).until(() -> !kill.isAlive());
            if (kill.exitValue() != 0) {
                throw new IllegalStateException(
                        "kill -" + name + " " + process.pid() + " exited with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            if (frozen) {
                thaw();
            }
            kill();
        }
    }
}
