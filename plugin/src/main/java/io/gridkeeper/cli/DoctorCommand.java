package io.gridkeeper.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridkeeper doctor}: checks the cluster, explains what is wrong and what to do; the exit code says how bad. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the cluster and explains each problem: what was seen, what it means, what to do. Looks at"
                    + " ZooKeeper (reachable, registry, leader, hold, policy), every member (partitions without backup,"
                    + " safety, clocks, timeouts, migrations, policy) and the JCache statistics.",
            "Exit code: 0 healthy (at most INFO findings), 3 WARNING findings, 4 CRITICAL findings, 2 usage error."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:healthy", "3:warnings", "4:critical problems", "2:usage error"})
public final class DoctorCommand implements Callable<Integer> {

    /** Exit code when the worst finding is a warning. */
    public static final int EXIT_WARNING = 3;

    /** Exit code when the worst finding is critical. */
    public static final int EXIT_CRITICAL = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--max-clock-skew",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "2s",
            description = "Largest tolerated clock difference between members, ZooKeeper and this machine."
                    + " Default: ${DEFAULT-VALUE}.")
    Duration maxClockSkew;

    @Option(
            names = "--min-hit-ratio",
            paramLabel = "RATIO",
            defaultValue = "0.5",
            description = "Lowest acceptable cache hit ratio (0..1), judged after 100 gets. Default: ${DEFAULT-VALUE}.")
    double minHitRatio;

    @Override
    public Integer call() {
        if (!(minHitRatio >= 0 && minHitRatio <= 1)) {
            throw new IllegalArgumentException(
                    "Option '--min-hit-ratio' must be between 0 and 1 but was [" + minHitRatio + "]");
        }
        DoctorChecks checks = DoctorChecks.defaults();
        checks = new DoctorChecks(
                maxClockSkew, checks.holdWarning(), checks.stuckAfter(), minHitRatio, checks.minGets());
        DoctorInput input = new DoctorProbe(cluster, output.timeout()).observe();
        List<Finding> findings = checks.run(input);
        Finding.Severity worst = DoctorChecks.worst(findings);
        int exitCode = worst == Finding.Severity.CRITICAL
                ? EXIT_CRITICAL
                : worst == Finding.Severity.WARNING ? EXIT_WARNING : 0;
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cluster", cluster.clusterNameOrDefault());
            json.put("zookeeper", cluster.connectStringOrDev());
            json.put("clusterPath", cluster.clusterPath());
            json.put("healthy", exitCode == 0);
            json.put("exitCode", exitCode);
            json.put("members", input.clusterMembers().size());
            json.put("registered", input.registry().size());
            json.put("checks", DoctorChecks.CHECKS);
            json.put("findings", findings);
            out.println(OutputOptions.json(json));
        } else {
            out.println(text(input, findings, exitCode));
        }
        out.flush();
        return exitCode;
    }

    String text(DoctorInput input, List<Finding> findings, int exitCode) {
        StringBuilder text = new StringBuilder();
        PolicyShowCommand.line(
                text,
                "Doctor",
                "cluster " + cluster.clusterNameOrDefault() + " (ZooKeeper " + cluster.connectStringOrDev() + ", "
                        + cluster.clusterPath() + "): " + input.clusterMembers().size() + " member(s) in the cluster, "
                        + input.registry().size() + " registered");
        long critical = count(findings, Finding.Severity.CRITICAL);
        long warnings = count(findings, Finding.Severity.WARNING);
        PolicyShowCommand.line(
                text,
                "Verdict",
                exitCode == 0
                        ? "HEALTHY (checked: " + String.join(", ", DoctorChecks.CHECKS) + ")"
                        : "UNHEALTHY: " + critical + " critical, " + warnings + " warning(s) (exit " + exitCode + ")");
        for (Finding finding : findings) {
            text.append(System.lineSeparator());
            text.append(String.format("%-9s %s", finding.severity(), finding.check()))
                    .append(System.lineSeparator());
            text.append("  seen:   ").append(finding.summary()).append(System.lineSeparator());
            text.append("  means:  ").append(finding.meaning()).append(System.lineSeparator());
            text.append("  fix:    ").append(finding.fix()).append(System.lineSeparator());
        }
        return text.toString().stripTrailing();
    }

    private static long count(List<Finding> findings, Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
