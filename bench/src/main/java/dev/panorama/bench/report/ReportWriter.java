package dev.panorama.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes report.md and report.json (and the charts) of one report run. */
final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    static void write(Path out, List<BenchReport.Outcome> outcomes, ResultsFile results, boolean quick) throws IOException {
        Map<String, String> charts = Charts.draw(results.series(), out);
        Map<String, Object> machine = machine();
        Files.writeString(out.resolve("report.md"), markdown(outcomes, results, charts, machine, quick));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("generated", Instant.now().toString());
        json.put("quick", quick);
        json.put("machine", machine);
        json.put("runs", outcomes.stream().map(ReportWriter::run).toList());
        json.put("figures", results.figures());
        json.put("series", results.series());
        json.put("charts", charts);
        JSON.writeValue(out.resolve("report.json").toFile(), json);
    }

    private static Map<String, Object> run(BenchReport.Outcome outcome) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("name", outcome.run().name());
        run.put("mainClass", outcome.run().mainClass());
        run.put("arguments", outcome.run().arguments());
        run.put("succeeded", outcome.succeeded());
        run.put("exitCode", outcome.exitCode());
        run.put("timedOut", outcome.timedOut());
        run.put("seconds", outcome.took().toSeconds());
        return run;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return machine;
    }

    private static String markdown(List<BenchReport.Outcome> outcomes, ResultsFile results, Map<String, String> charts,
            Map<String, Object> machine, boolean quick) {
        StringBuilder md = new StringBuilder("# Panorama benchmark report\n\n");
        md.append(String.format(Locale.ROOT, "%s, %s run; %s cores, load average %.1f at the end; Java %s.%n%n",
                Instant.now(), quick ? "quick" : "full", machine.get("cores"), machine.get("loadAverageAtEnd"), machine.get("java")));
        md.append("Every figure is printed beside a baseline measured in the same run; a ratio is figure / baseline.\n\n");
        md.append("## Runs\n\n| benchmark | result | seconds |\n| --- | --- | ---: |\n");
        for (BenchReport.Outcome outcome : outcomes) {
            String result = outcome.succeeded() ? "ok" : outcome.timedOut() ? "TIMED OUT" : "FAILED (exit " + outcome.exitCode() + ")";
            md.append(String.format(Locale.ROOT, "| %s | %s | %d |%n", outcome.run().name(), result, outcome.took().toSeconds()));
        }
        for (BenchReport.Outcome outcome : outcomes) {
            String bench = outcome.run().name();
            List<Figure> figures = results.figures().stream().filter(figure -> figure.bench().equals(bench)).toList();
            md.append("\n## ").append(bench).append("\n\n");
            if (figures.isEmpty()) {
                md.append("No figures (see logs/").append(bench).append(".log).\n");
            } else {
                md.append("| figure | value | baseline | baseline value | ratio | target |\n| --- | ---: | --- | ---: | ---: | --- |\n");
                figures.forEach(figure -> md.append(row(figure)));
            }
            charts.forEach((title, file) -> {
                if (title.startsWith(bench + ": ")) {
                    md.append("\n![").append(title).append("](").append(file).append(")\n");
                }
            });
        }
        return md.toString();
    }

    private static String row(Figure figure) {
        boolean hasBaseline = !Double.isNaN(figure.baselineValue());
        boolean fraction = figure.unit().isEmpty() || figure.unit().equals("F1");
        return String.format(Locale.ROOT, "| %s | %s %s | %s | %s | %s | %s |%n", figure.name(), number(figure.value(), fraction),
                figure.unit(), figure.baseline(), hasBaseline ? number(figure.baselineValue(), fraction) + " " + figure.unit() : "",
                hasBaseline ? String.format(Locale.ROOT, "x%.2f", figure.ratio()) : "", figure.target());
    }

    private static String number(double value, boolean fraction) {
        if (fraction) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 1 ? "%.2f" : "%.4f", value);
    }
}
