package io.gridkeeper.it.jcache.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks in interleaved rounds and prints the medians of the per-round throughput ratios: Gridkeeper /
 * Hazelcast JCache, Gridkeeper / raw IMap, near cache / no near cache, and for reads the near cache and a map with
 * {@code read-backup-data} / Hazelcast JCache.
 *
 * <p>Arguments: {@code rounds} (default 3), {@code seconds} per measured iteration (default 2), {@code threads} as a
 * comma list (default {@code 1,2}), optionally {@code operations} (a regular expression over the benchmark methods,
 * e.g. {@code invokeIncrement|get}; default all) and {@code modes} (a comma list of {@code member}, {@code client};
 * default both) to iterate faster on a few figures. The benchmarks run in this JVM (no fork) so the cluster starts
 * once; a discarded first pass warms up the JIT and every target. In each round, per operation and mode, the
 * implementations run back to back in an order rotated every round, each a 1-second settle and one measured
 * iteration of {@code seconds}: a full run takes about {@code 44 x (1 + seconds) x rounds x threads} seconds plus
 * two minutes of start-up (e.g. {@code 5 2 1,2}: 24 minutes).
 */
public final class JCacheBenchmarkMain {

    private static final List<String> OPERATIONS =
            List.of("get", "put", "getAndPut", "replace", "invokeIncrement", "mix90Get10Put");
    private static final List<String> IMPLEMENTATIONS = List.of("gridkeeper", "hazelcast", "imap");
    private static final List<String> NEAR_CACHE_IMPLEMENTATIONS =
            List.of("gridkeeper", "gridkeeper-near", "gridkeeper-local", "hazelcast");

    private JCacheBenchmarkMain() {}

    public static void main(String[] args) throws RunnerException {
        int status = 1;
        try {
            runRounds(args);
            status = 0;
        } finally {
            // the shared cluster's threads would keep the JVM alive
            System.exit(status);
        }
    }

    private static void runRounds(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String[] threads = (args.length > 2 ? args[2] : "1,2").split(",");
        String operations = args.length > 3 ? args[3] : ".*";
        String[] modes = (args.length > 4 ? args[4] : "member,client").split(",");
        Selection selection = new Selection(operations, modes);
        // ratio name -> per-round values
        Map<String, List<Double>> ratios = new TreeMap<>();
        // a first pass warms the JIT and every target; its scores are discarded
        runRound(selection, 0, 1, 1, new TreeMap<>());
        for (int round = 1; round <= rounds; round++) {
            for (String thread : threads) {
                int count = Integer.parseInt(thread.trim());
                Map<String, Double> scores = new TreeMap<>();
                runRound(selection, round, count, seconds, scores);
                addRatios(scores, count, ratios);
                System.out.println("round " + round + ", " + count + " thread(s): " + scores);
            }
        }
        System.out.println();
        System.out.println("| ratio (median of " + rounds + " rounds) | value | rounds |");
        System.out.println("|---|---|---|");
        ratios.forEach((name, values) -> System.out.printf("| %s | %.2f | %s |%n", name, median(values), values));
    }

    /** Which benchmark methods and modes a run covers. */
    private record Selection(String operations, String[] modes) {}

    /**
     * One round: per operation and mode, the implementations back to back (the partners of a ratio run seconds
     * apart), in an order rotated every round so that none always runs first or last.
     */
    private static void runRound(Selection selection, int round, int threads, int seconds, Map<String, Double> scores)
            throws RunnerException {
        for (String operation : OPERATIONS) {
            if (!operation.matches(selection.operations())) {
                continue;
            }
            for (String mode : selection.modes()) {
                for (String implementation : rotated(IMPLEMENTATIONS, round)) {
                    collect(run(JCacheBenchmark.class, operation, mode, implementation, threads, seconds), scores);
                }
                if (operation.equals("get")) {
                    for (String implementation : rotated(NEAR_CACHE_IMPLEMENTATIONS, round)) {
                        collect(
                                run(NearCacheBenchmark.class, operation, mode, implementation, threads, seconds),
                                scores);
                    }
                }
            }
        }
    }

    private static List<String> rotated(List<String> values, int by) {
        List<String> result = new ArrayList<>(values);
        java.util.Collections.rotate(result, -(by % values.size()));
        return result;
    }

    private static Collection<RunResult> run(
            Class<?> benchmark, String operation, String mode, String implementation, int threads, int seconds)
            throws RunnerException {
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + "\\." + operation + "$")
                .param("mode", mode)
                .param("implementation", implementation)
                .forks(0)
                .threads(threads)
                // the JIT is warm after the first pass: a short settle, then one measured iteration per round
                .warmupIterations(1)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(seconds))
                .shouldFailOnError(true)
                .build();
        return new Runner(options).run();
    }

    private static void collect(Collection<RunResult> results, Map<String, Double> scores) {
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String name = result.getParams().getBenchmark().contains("NearCache") ? "near-get" : method;
            String key = name + "/" + result.getParams().getParam("mode") + "/"
                    + result.getParams().getParam("implementation");
            scores.put(key, result.getPrimaryResult().getScore());
        }
    }

    private static void addRatios(Map<String, Double> scores, int threads, Map<String, List<Double>> ratios) {
        for (String operation : List.of("get", "put", "getAndPut", "replace", "invokeIncrement", "mix90Get10Put")) {
            for (String mode : List.of("member", "client")) {
                Double gridkeeper = scores.get(operation + "/" + mode + "/gridkeeper");
                Double hazelcast = scores.get(operation + "/" + mode + "/hazelcast");
                Double map = scores.get(operation + "/" + mode + "/imap");
                if (gridkeeper != null && hazelcast != null) {
                    add(ratios, operation + " " + mode + " " + threads + "t: Gridkeeper/Hazelcast JCache", gridkeeper / hazelcast);
                }
                if (gridkeeper != null && map != null) {
                    add(ratios, operation + " " + mode + " " + threads + "t: Gridkeeper/IMap", gridkeeper / map);
                }
                if (hazelcast != null && map != null) {
                    // the anchor against the ceiling of a view over an IMap: where this is ~1, only beating the
                    // raw IMap could put Gridkeeper 1.1x ahead of Hazelcast's JCache
                    add(ratios, operation + " " + mode + " " + threads + "t: Hazelcast JCache/IMap", hazelcast / map);
                }
            }
        }
        for (String mode : List.of("member", "client")) {
            Double plain = scores.get("near-get/" + mode + "/gridkeeper");
            Double near = scores.get("near-get/" + mode + "/gridkeeper-near");
            Double local = scores.get("near-get/" + mode + "/gridkeeper-local");
            Double hazelcast = scores.get("near-get/" + mode + "/hazelcast");
            if (plain != null && near != null) {
                add(ratios, "get " + mode + " " + threads + "t: near cache/no near cache", near / plain);
            }
            if (near != null && hazelcast != null) {
                add(ratios, "get " + mode + " " + threads + "t: near cache/Hazelcast JCache", near / hazelcast);
            }
            if (local != null && hazelcast != null) {
                add(ratios, "get " + mode + " " + threads + "t: read-backup-data/Hazelcast JCache", local / hazelcast);
            }
        }
    }

    private static void add(Map<String, List<Double>> ratios, String name, double value) {
        ratios.computeIfAbsent(name, key -> new ArrayList<>()).add(Math.round(value * 100) / 100.0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
