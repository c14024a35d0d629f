package io.gridkeeper.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/** Appends one row per scenario to {@code target/fault-results.md} (header written once) and prints it. */
final class FaultResults {

    static final Path FILE = Path.of("target", "fault-results.md");

    /** The first scenario of this JVM starts a fresh table. */
    private static boolean started;

    private FaultResults() {}

    static synchronized void record(
            String scenario,
            String faults,
            long operations,
            long acknowledged,
            long failures,
            int lost,
            Duration timeToRecover) {
        String row = String.format(
                "| %s | %s | %d | %d | %d | %d | %.1f s |%n",
                scenario, faults, operations, acknowledged, failures, lost, timeToRecover.toMillis() / 1000.0);
        try {
            Files.createDirectories(FILE.getParent());
            if (!started || !Files.exists(FILE)) {
                started = true;
                Files.writeString(
                        FILE,
                        "| scenario | faults injected | operations | acknowledged writes | failed attempts (retried)"
                                + " | acknowledged writes lost | time to recover (worst) |\n"
                                + "|---|---|---|---|---|---|---|\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print("FAULT-RESULT " + row);
    }
}
