package dev.panorama.bench.reliability;

import dev.panorama.bench.BenchArguments;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reliability suite under a heavier load than CI gives it: the {@code reliability} module's fault tests
 * (identity-service down, then kill -9 of each service, the gateway, Kafka and PostgreSQL in turn) run through Maven
 * at the given rate of channel messages, and their figures become the report's: messages sent beside those stored
 * exactly once, duplicates and losses, and each part's recovery time.
 *
 * <p>Arguments: messages per second (default 100), identity outage (default 60s). Needs the services' jars and the
 * reliability tests built ({@code ./panorama bench} installs them).
 */
public final class ReliabilityBench {

    static final String BENCH = "reliability";

    private ReliabilityBench() {
    }

    public static void main(String[] given) throws Exception {
        String[] args = BenchArguments.of(given, "[\\s,]+");
        String rate = args.length > 0 ? args[0] : "100";
        String outage = args.length > 1 ? args[1] : "60s";
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path figures = root.resolve("reliability/target/reliability-figures.txt");
        Files.deleteIfExists(figures);
        int exit = runSuite(root, rate, outage);
        List<ReliabilityFigures.Run> runs = ReliabilityFigures.parse(Files.exists(figures) ? Files.readString(figures) : "");
        runs.forEach(ReliabilityBench::record);
        System.out.printf("reliability at %s messages/s: %d fault run(s) reported, Maven exit %d%n", rate, runs.size(), exit);
        if (exit != 0 || runs.size() < 2) {
            throw new IllegalStateException("the reliability suite failed (exit " + exit + "), see its output above");
        }
    }

    private static int runSuite(Path root, String rate, String outage) throws IOException, InterruptedException {
        List<String> command = List.of(root.resolve("mvnw").toString(), "-B", "-ntp", "-pl", "reliability", "verify",
                "-Dpanorama.reliability.rate=" + rate, "-Dpanorama.reliability.identity-outage=" + outage);
        System.out.println("running " + String.join(" ", command));
        Process suite = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        if (!suite.waitFor(80, TimeUnit.MINUTES)) {
            suite.descendants().forEach(ProcessHandle::destroy);
            suite.destroy();
            return -1;
        }
        return suite.exitValue();
    }

    private static void record(ReliabilityFigures.Run run) {
        String at = " (" + run.name() + ")";
        BenchResults.figure(BENCH, "stored exactly once" + at, run.storedExactlyOnce(), "messages", "messages sent", run.sent(),
                Figure.Better.HIGHER, "every message sent, exactly once");
        BenchResults.figure(BENCH, "duplicated" + at, run.duplicated(), "messages", Figure.Better.LOWER);
        BenchResults.figure(BENCH, "lost" + at, run.lost(), "messages", Figure.Better.LOWER);
        run.recoveries().forEach((part, seconds) -> BenchResults.figure(BENCH, part + " answering again after kill -9" + at,
                seconds, "s", Figure.Better.LOWER));
    }
}
