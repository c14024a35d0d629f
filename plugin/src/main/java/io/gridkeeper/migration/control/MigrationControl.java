package io.gridkeeper.migration.control;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;

/** The {@link MigrationControlMBean} of one member's controller. */
final class MigrationControl implements MigrationControlMBean {

    private final MigrationController controller;
    private final CuratorFramework curator;
    private final String clusterPath;
    private final Clock clock;

    MigrationControl(MigrationController controller, CuratorFramework curator, String clusterPath, Clock clock) {
        this.controller = controller;
        this.curator = curator;
        this.clusterPath = clusterPath;
        this.clock = clock;
    }

    @Override
    public String getPolicy() {
        return controller.decider() + " from " + controller.policySource();
    }

    @Override
    public String getLeadership() {
        return controller.isLeader() ? "leader" : "follower";
    }

    @Override
    public String getHold() {
        return controller
                .lastSeenHold()
                .map(hold -> hold.type() + (hold.until() == null ? "" : " until [" + hold.until() + "]") + " by ["
                        + hold.policy() + "]: " + hold.explanation())
                .orElse("none");
    }

    @Override
    public String[] getDecisions() {
        List<DecisionRecord> decisions = MigrationZnodes.readDecisions(curator, clusterPath);
        return decisions.stream().map(DecisionRecord::toString).toArray(String[]::new);
    }

    @Override
    public void changePolicy(String settings) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : settings.trim().split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "Expected key=value pairs such as [policy=delayed grace-seconds=60] but found [" + pair + "]");
            }
            parsed.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        MigrationZnodes.setPolicy(curator, clusterPath, parsed);
    }

    @Override
    public void removePolicy() {
        MigrationZnodes.clearPolicy(curator, clusterPath);
    }

    @Override
    public void rebalance(String note) {
        MigrationZnodes.requestRebalance(curator, clusterPath, clock.instant(), note);
    }

    @Override
    public void holdFor(long seconds, String note) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("Hold seconds must be positive but was [" + seconds + "]");
        }
        Instant now = clock.instant();
        MigrationZnodes.holdUntil(curator, clusterPath, now, now.plusSeconds(seconds), note);
    }
}
