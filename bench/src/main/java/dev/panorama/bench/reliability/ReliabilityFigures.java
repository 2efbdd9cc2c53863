package dev.panorama.bench.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the blocks the reliability tests append to {@code reliability-figures.txt}, one per fault run. */
final class ReliabilityFigures {

    /** One fault run's figures; recovery seconds by the part killed. */
    record Run(String name, long sent, long storedExactlyOnce, long duplicated, long lost, Map<String, Double> recoveries) {
    }

    private static final Pattern HEADER = Pattern.compile("(?m)^== (.+?) \\(load average");
    private static final Pattern SENT = Pattern.compile("messages sent (\\d+)");
    private static final Pattern STORED = Pattern.compile("stored (?:exactly once )?(\\d+)");
    private static final Pattern DUPLICATED = Pattern.compile("duplicated (\\d+)");
    private static final Pattern LOST = Pattern.compile("lost (\\d+)");
    private static final Pattern RECOVERIES = Pattern.compile("recovery \\(kill to answering again\\): (.+)");
    private static final Pattern PART_RECOVERY = Pattern.compile("([\\w-]+) (\\d+(?:\\.\\d+)?) s");
    private static final Pattern IDENTITY_BACK = Pattern.compile("identity-service kill -9, held down \\d+ s, answering again"
            + " (\\d+(?:\\.\\d+)?) s after the kill");

    private ReliabilityFigures() {
    }

    static List<Run> parse(String text) {
        List<Run> runs = new ArrayList<>();
        Matcher header = HEADER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (header.find()) {
            spans.add(new int[] {header.start(), text.length()});
            names.add(header.group(1));
            if (spans.size() > 1) {
                spans.get(spans.size() - 2)[1] = header.start();
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            String block = text.substring(spans.get(i)[0], spans.get(i)[1]);
            runs.add(new Run(names.get(i), number(SENT, block), number(STORED, block), number(DUPLICATED, block),
                    number(LOST, block), recoveries(block)));
        }
        return runs;
    }

    private static Map<String, Double> recoveries(String block) {
        Map<String, Double> recoveries = new LinkedHashMap<>();
        Matcher identity = IDENTITY_BACK.matcher(block);
        if (identity.find()) {
            recoveries.put("identity-service", Double.parseDouble(identity.group(1)));
        }
        Matcher list = RECOVERIES.matcher(block);
        if (list.find()) {
            Matcher part = PART_RECOVERY.matcher(list.group(1));
            while (part.find()) {
                recoveries.put(part.group(1), Double.parseDouble(part.group(2)));
            }
        }
        return recoveries;
    }

    private static long number(Pattern pattern, String block) {
        Matcher matcher = pattern.matcher(block);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no '" + pattern.pattern() + "' in the reliability figures:\n" + block);
        }
        return Long.parseLong(matcher.group(1));
    }
}
