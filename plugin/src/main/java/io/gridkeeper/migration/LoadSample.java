package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

/** One member's recent load: operations per second and process CPU in percent (0-100). */
public record LoadSample(String nodeId, double operationsPerSecond, double cpuPercent) {

    public LoadSample {
        requireNonNull(nodeId, "nodeId");
        if (!(operationsPerSecond >= 0) || !(cpuPercent >= 0)) {
            throw new IllegalArgumentException("load of member [" + nodeId + "] must be non-negative but was ["
                    + operationsPerSecond + " ops/s, " + cpuPercent + "% cpu]");
        }
    }
}
