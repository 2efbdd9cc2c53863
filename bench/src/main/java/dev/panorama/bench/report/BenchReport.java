package dev.panorama.bench.report;

import dev.panorama.devstack.process.Java;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark of this module, one after another in its own JVM (so one's garbage and threads
 * cannot slow the next), and writes one report of all their figures beside their baselines:
 * {@code report.md}, {@code report.json} and a PNG per chart, plus each benchmark's full output under
 * {@code logs/}. A benchmark that fails or overruns its limit is named in the report, never left out.
 *
 * <p>Arguments: {@code --quick} for smaller loads; {@code --only name[,name]} to run some of them;
 * {@code --out dir} (default {@code target/bench-report}).
 */
public final class BenchReport {

    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        String fromLauncher = System.getProperty("panorama.bench.arguments", "").strip();
        Options options = Options.parse(args.length == 0 && !fromLauncher.isEmpty() ? fromLauncher.split("\\s+") : args);
        Path out = options.out();
        Files.createDirectories(out.resolve("logs"));
        Path results = out.resolve("results.jsonl");
        Files.deleteIfExists(results);
        List<Outcome> outcomes = new ArrayList<>();
        for (BenchPlan.Run run : BenchPlan.of(options.quick())) {
            if (options.selects(run.name())) {
                outcomes.add(execute(run, results, out.resolve("logs").resolve(run.name() + ".log")));
            }
        }
        ReportWriter.write(out, outcomes, ResultsFile.read(results), options.quick());
        System.out.printf("report written to %s%n", out.resolve("report.md").toAbsolutePath());
        if (outcomes.stream().anyMatch(outcome -> !outcome.succeeded())) {
            System.exit(1);
        }
    }

    /** How one benchmark run ended. */
    public record Outcome(BenchPlan.Run run, int exitCode, boolean timedOut, Duration took) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    private static Outcome execute(BenchPlan.Run run, Path results, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx512m",
                "-D" + BenchResults.FILE_PROPERTY + "=" + results.toAbsolutePath(),
                "-classpath", System.getProperty("java.class.path"), run.mainClass()));
        command.addAll(run.arguments());
        System.out.printf("== %s (%s %s), output in %s%n", run.name(), run.mainClass(), String.join(" ", run.arguments()), log);
        Instant start = Instant.now();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(run.limit().toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
        Outcome outcome = new Outcome(run, finished ? process.exitValue() : -1, !finished, Duration.between(start, Instant.now()));
        System.out.printf("   %s in %d s%n", outcome.succeeded() ? "done" : "FAILED", outcome.took().toSeconds());
        return outcome;
    }

    /** The command line. */
    record Options(boolean quick, List<String> only, Path out) {

        static Options parse(String[] args) {
            boolean quick = false;
            List<String> only = List.of();
            Path out = Path.of("target", "bench-report");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--only" -> only = List.of(args[++i].split(","));
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + " (expected --quick, --only name[,name], --out dir)");
                }
            }
            return new Options(quick, only, out);
        }

        boolean selects(String name) {
            return only.isEmpty() || only.contains(name);
        }
    }
}
