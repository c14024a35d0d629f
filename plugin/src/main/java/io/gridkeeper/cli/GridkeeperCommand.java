package io.gridkeeper.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The executable jar's entry point: {@code java -jar gridkeeper.jar <command>}.
 *
 * <p>To add a command, write one class annotated with {@code @Command} (implementing {@code Callable<Integer>}) and
 * list it in {@code subcommands} below. Exit codes: 0 success, 1 runtime failure (one line on stderr), 2 usage error.
 */
@Command(
        name = "gridkeeper",
        mixinStandardHelpOptions = true,
        versionProvider = GridkeeperCommand.Version.class,
        description = "Hazelcast members coordinated by ZooKeeper: run a node, inspect a cluster.",
        subcommands = {
            NodeCommand.class,
            StatusCommand.class,
            PolicyCommand.class,
            RebalanceCommand.class,
            HoldCommand.class,
            DecisionsCommand.class,
            DoctorCommand.class,
            CachesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class GridkeeperCommand implements Runnable {

    /** Exit code of a command that failed at run time (ZooKeeper or cluster unreachable, member failed, ...). */
    public static final int EXIT_FAILURE = 1;

    /** Exit code of a usage error (unknown option, invalid value). */
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    /** Logback configuration of the executable jar (a classpath resource; not logback.xml, see the file). */
    static final String LOGBACK_CONFIGURATION = "gridkeeper-logback.xml";

    public static void main(String[] args) {
        // Before anything logs: the jar's console format, unless the user chose a configuration.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: one-line errors, usage errors with a hint to {@code --help}. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GridkeeperCommand());
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof IllegalArgumentException) {
                failed.getErr().println("error: " + exception.getMessage());
                failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
                return EXIT_USAGE;
            }
            failed.getErr().println("error: " + oneLine(exception));
            return EXIT_FAILURE;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("error: " + exception.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: choose one of " + spec.subcommands().keySet());
    }

    /** The message of {@code exception}, or of its first cause that has one, on one line. */
    static String oneLine(Throwable exception) {
        Throwable current = exception;
        // Hazelcast wraps a discovery property's validation failure in a bare "Invalid configuration": the cause
        // names the key, the value and what is allowed (the house style "Property 'key' ...")
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null
                    && cause.getMessage().startsWith("Property '")
                    && (current.getMessage() == null || !current.getMessage().contains(cause.getMessage()))) {
                current = cause;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        while (current.getMessage() == null && current.getCause() != null) {
            current = current.getCause();
        }
        String message = current.getMessage() == null ? current.getClass().getName() : current.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** The version from the jar manifest (a development build has none). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GridkeeperCommand.class.getPackage().getImplementationVersion();
            return new String[] {"gridkeeper " + (version == null ? "(development build)" : version)};
        }
    }
}
