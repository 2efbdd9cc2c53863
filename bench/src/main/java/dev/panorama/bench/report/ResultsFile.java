package dev.panorama.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures and chart lines the benchmarks of one report run left in the results file. */
public record ResultsFile(List<Figure> figures, List<Series> series) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ResultsFile read(Path file) throws IOException {
        List<Figure> figures = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                JsonNode node = JSON.readTree(line);
                String kind = node.path("kind").asText();
                ((ObjectNode) node).remove("kind");
                if (kind.equals("figure")) {
                    figures.add(JSON.treeToValue(node, Figure.class));
                } else if (kind.equals("series")) {
                    series.add(JSON.treeToValue(node, Series.class));
                }
            }
        }
        return new ResultsFile(figures, series);
    }
}
