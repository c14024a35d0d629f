package io.gridkeeper.cli;

import io.gridkeeper.migration.control.MigrationZnodes;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.curator.framework.CuratorFramework;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gridkeeper policy reset}: removes the cluster-wide policy; members return to their start configuration. */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = {
            "Removes the cluster-wide migration policy from ZooKeeper: every member returns to the policy of its start"
                    + " configuration (hazelcast.yaml properties or launcher flags)."
        })
public final class PolicyResetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        boolean existed;
        String path = MigrationZnodes.path(cluster.clusterPath(), MigrationZnodes.POLICY);
        try (CuratorFramework curator = ZookeeperConnection.open(cluster, output.timeout())) {
            existed = MigrationZnodes.readPolicy(curator, cluster.clusterPath()).isPresent();
            MigrationZnodes.clearPolicy(curator, cluster.clusterPath());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                output.json
                        ? OutputOptions.json(Map.of("path", path, "removed", existed))
                        : existed
                                ? "Cluster-wide policy removed from " + path
                                        + "; every member returns to its start configuration"
                                : "No cluster-wide policy at " + path
                                        + "; members already use their start configuration");
        out.flush();
        return 0;
    }
}
