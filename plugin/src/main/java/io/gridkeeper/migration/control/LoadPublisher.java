package io.gridkeeper.migration.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.hazelcast.spi.impl.operationservice.OperationService;
import io.gridkeeper.migration.LoadSample;
import io.gridkeeper.migration.LoadSource;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.jspecify.annotations.Nullable;

/**
 * Cluster-wide load for the {@code load-aware} policy: each member publishes its own sample (operations executed per
 * second and process CPU) every {@value #PUBLISH_SECONDS}s in the ephemeral znode {@code
 * <clusterPath>/migration/load/<nodeId>}; {@link #sample()} returns the fresh samples of all members from the
 * controller's watched cache (no ZooKeeper round trip). Confined to the controller's thread.
 */
final class LoadPublisher implements LoadSource {

    static final String LOAD = "load";
    static final long PUBLISH_SECONDS = 5;
    private static final Duration FRESH = Duration.ofSeconds(PUBLISH_SECONDS * 4);

    private final CuratorFramework curator;
    private final CuratorCache cache;
    private final String loadPath;
    private final String nodeId;
    private final OperationService operations;
    private final Clock clock;
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private @Nullable Instant lastPublished;
    private long lastCount;

    /** What a member publishes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Published(String nodeId, double operationsPerSecond, double cpuPercent, long atMillis) {}

    LoadPublisher(
            CuratorFramework curator,
            CuratorCache cache,
            String clusterPath,
            String nodeId,
            OperationService operations,
            Clock clock) {
        this.curator = curator;
        this.cache = cache;
        this.loadPath = MigrationZnodes.path(clusterPath, LOAD);
        this.nodeId = nodeId;
        this.operations = operations;
        this.clock = clock;
    }

    /** Publishes this member's sample when due; failures are left to the next round. */
    void publishIfDue() throws Exception {
        Instant now = clock.instant();
        long count = operations.getExecutedOperationCount();
        if (lastPublished == null) {
            lastPublished = now;
            lastCount = count;
            return;
        }
        long millis = Duration.between(lastPublished, now).toMillis();
        if (millis < PUBLISH_SECONDS * 1000) {
            return;
        }
        double rate = (count - lastCount) * 1000.0 / millis;
        lastPublished = now;
        lastCount = count;
        Published sample = new Published(nodeId, Math.max(0, rate), cpuPercent(), now.toEpochMilli());
        curator.create()
                .orSetData()
                .creatingParentContainersIfNeeded()
                .withMode(CreateMode.EPHEMERAL)
                .forPath(ZKPaths.makePath(loadPath, nodeId), MigrationZnodes.encode(sample));
    }

    private double cpuPercent() {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double load = sun.getProcessCpuLoad();
            return load < 0 ? 0 : load * 100;
        }
        double average = os.getSystemLoadAverage();
        return average < 0 ? 0 : Math.min(100, average * 100 / os.getAvailableProcessors());
    }

    @Override
    public List<LoadSample> sample() {
        Instant oldest = clock.instant().minus(FRESH);
        List<LoadSample> samples = new ArrayList<>();
        cache.stream()
                .filter(data ->
                        loadPath.equals(ZKPaths.getPathAndNode(data.getPath()).getPath()))
                .map(ChildData::getData)
                .forEach(data -> {
                    try {
                        Published published = MigrationZnodes.decode(data, Published.class);
                        if (published.atMillis() >= oldest.toEpochMilli()) {
                            samples.add(new LoadSample(
                                    published.nodeId(), published.operationsPerSecond(), published.cpuPercent()));
                        }
                    } catch (IllegalArgumentException e) {
                        // A foreign or half-written entry: not a sample.
                    }
                });
        return samples;
    }
}
