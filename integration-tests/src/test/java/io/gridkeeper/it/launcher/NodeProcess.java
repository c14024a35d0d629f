package io.gridkeeper.it.launcher;

import static org.awaitility.Awaitility.await;

import io.gridkeeper.it.fixture.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar plugin/target/gridkeeper.jar ...} process with its output in a log file under
 * {@code target/launcher-logs}. Closing it kills the process if it still runs.
 */
final class NodeProcess implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path log;

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** The executable jar the reactor built in plugin's package phase (before this module's tests run). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("user.dir"))
                .resolve("../plugin/target/gridkeeper.jar")
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("[" + jar + "] is missing: build it first (mvn package, or mvn verify from"
                    + " the root, which packages plugin before these tests run)");
        }
        return jar;
    }

    /** Starts {@code gridkeeper <args>} on loopback, with no GRIDKEEPER_* variables inherited. */
    static NodeProcess start(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true",
                "-Dhazelcast.local.localAddress=127.0.0.1",
                "-Dhazelcast.phone.home.enabled=false",
                "-jar",
                jar().toString()));
        command.addAll(List.of(args));
        try {
            Path logs = Files.createDirectories(Path.of("target", "launcher-logs"));
            Path log = logs.resolve(name + "-" + System.nanoTime() + ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("GRIDKEEPER_"));
            return new NodeProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the log contains {@code text}; fails early, showing the log, if the process died. */
    void awaitLog(String text) {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .failFast("process [" + name + "] exited; its log:\n" + tail(), () -> !process.isAlive())
                .until(() -> log().contains(text));
    }

    /** Sends SIGTERM (what {@code kill} and container runtimes send) and returns the exit code. */
    int terminate() {
        process.destroy();
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(
                        "process [" + name + "] did not exit within " + TIMEOUT + " of SIGTERM:\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    String tail() {
        String text = log();
        return text.length() > 4_000 ? text.substring(text.length() - 4_000) : text;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        return FreePorts.next();
    }
}
