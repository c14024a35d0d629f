package io.gridkeeper.cli;

import com.hazelcast.config.InvalidConfigurationException;
import io.gridkeeper.migration.MigrationPolicies;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.curator.framework.CuratorFramework;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridkeeper policy set <names> [--setting key=value ...]}: validated, then written to ZooKeeper. */
@Command(
        name = "set",
        mixinStandardHelpOptions = true,
        description = {
            "Sets the cluster-wide migration policy: one policy name or a comma-separated composite (delayed,window),"
                    + " with its settings. Validated with the same policy registry the members use before anything is"
                    + " written; every member switches within a second.",
            "Example: gridkeeper policy set delayed --setting grace-seconds=120"
        })
public final class PolicySetCommand implements Callable<Integer> {

    /**
     * What {@code policy set} wrote.
     *
     * @param path the policy znode
     * @param settings everything written, {@code policy} included
     */
    record PolicyWritten(String path, Map<String, String> settings) {}

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Parameters(
            index = "0",
            paramLabel = "POLICIES",
            description = "A policy name or a comma-separated list, e.g. delayed or delayed,window.")
    String policies;

    @Option(
            names = {"-s", "--setting"},
            paramLabel = "KEY=VALUE",
            description = "A policy or safety setting, repeatable: --setting grace-seconds=120 --setting"
                    + " max-unprotected-seconds=600. A '<policy>.' prefix limits a setting to one policy.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Map<String, String> all = validated();
        String path;
        try (CuratorFramework curator = ZookeeperConnection.open(cluster, output.timeout())) {
            MigrationZnodes.setPolicy(curator, cluster.clusterPath(), all);
            path = MigrationZnodes.path(cluster.clusterPath(), MigrationZnodes.POLICY);
        }
        PrintWriter out = spec.commandLine().getOut();
        PolicyWritten written = new PolicyWritten(path, all);
        out.println(
                output.json
                        ? OutputOptions.json(written)
                        : "Policy [" + all.get(MigrationPolicies.POLICY) + "] set cluster-wide in " + path
                                + (settings.isEmpty() ? "" : " with " + settings)
                                + "; every member switches to it within a second (check: gridkeeper policy show)");
        out.flush();
        return 0;
    }

    /** The settings to write, validated like the members validate them; a usage error otherwise. */
    Map<String, String> validated() {
        if (settings.containsKey(MigrationPolicies.POLICY)) {
            throw new IllegalArgumentException("Setting '" + MigrationPolicies.POLICY
                    + "' is the POLICIES parameter; write: gridkeeper policy set " + settings.get("policy"));
        }
        Map<String, String> all = new TreeMap<>(settings);
        all.put(MigrationPolicies.POLICY, policies.trim());
        try {
            MigrationPolicies.load(PolicySetCommand.class.getClassLoader()).decider(all);
        } catch (InvalidConfigurationException e) {
            throw new IllegalArgumentException(GridkeeperCommand.oneLine(e), e);
        }
        return all;
    }
}
