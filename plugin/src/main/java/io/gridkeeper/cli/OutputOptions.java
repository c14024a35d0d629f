package io.gridkeeper.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Output and timeout options shared by the inspecting and operating commands (a picocli mixin). */
public final class OutputOptions {

    /** Pretty JSON; instants as ISO-8601 strings. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(
            names = "--timeout-seconds",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long to wait for ZooKeeper (and for a member). Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--verbose", description = "Show ZooKeeper and Hazelcast client logs on stderr.")
    boolean verbose;

    /** The validated timeout; quiets library logging unless {@code --verbose} (call before anything logs). */
    Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException(
                    "Option '--timeout-seconds' must be positive but was [" + timeoutSeconds + "]");
        }
        StatusCommand.quietLogging(verbose);
        return Duration.ofSeconds(timeoutSeconds);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
