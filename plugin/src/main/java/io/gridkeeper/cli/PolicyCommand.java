package io.gridkeeper.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gridkeeper policy show|set|reset}: the cluster-wide migration policy in ZooKeeper. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = {
            "Shows or changes the cluster-wide migration policy, stored in ZooKeeper and watched by every member.",
            "Works with ZooKeeper alone (no Hazelcast client)."
        },
        subcommands = {PolicyShowCommand.class, PolicySetCommand.class, PolicyResetCommand.class})
public final class PolicyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: choose one of " + spec.subcommands().keySet());
    }
}
