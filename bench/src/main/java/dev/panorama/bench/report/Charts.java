package dev.panorama.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the chart lines of a report run as PNG files, one per chart, each line beside its baseline. */
final class Charts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private Charts() {
    }

    /** Writes one PNG per (bench, chart) into the directory and answers their file names by chart title. */
    static Map<String, String> draw(List<Series> lines, Path directory) throws IOException {
        Map<String, List<Series>> byChart = lines.stream().collect(Collectors.groupingBy(
                line -> line.bench() + ": " + line.chart(), LinkedHashMap::new, Collectors.toList()));
        Map<String, String> files = new LinkedHashMap<>();
        for (var chart : byChart.entrySet()) {
            String file = slug(chart.getKey()) + ".png";
            ChartUtils.saveChartAsPNG(directory.resolve(file).toFile(), chart(chart.getKey(), chart.getValue()), WIDTH, HEIGHT);
            files.put(chart.getKey(), file);
        }
        return files;
    }

    private static JFreeChart chart(String title, List<Series> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series line : lines) {
            XYSeries series = new XYSeries(line.line(), false, true);
            line.points().forEach(point -> series.add(point[0], point[1]));
            data.addSeries(series);
        }
        Series first = lines.getFirst();
        return ChartFactory.createXYLineChart(title, first.xLabel(), first.yLabel(), data, PlotOrientation.VERTICAL,
                true, false, false);
    }

    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
