package dev.panorama.gateway.routes;

import java.util.List;

/**
 * A path pattern of the route table or the access rules: literal segments, {@code *} or
 * {@code {name}} for exactly one segment, and a final {@code **} for any number of further segments
 * (none included).
 */
public final class PathPattern {

    private final String text;
    private final List<String> segments;
    private final boolean openEnded;

    private PathPattern(String text, List<String> segments, boolean openEnded) {
        this.text = text;
        this.segments = segments;
        this.openEnded = openEnded;
    }

    public static PathPattern parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/': " + text);
        }
        List<String> segments = RequestPath.segments(text);
        boolean openEnded = !segments.isEmpty() && segments.getLast().equals("**");
        List<String> fixed = openEnded ? segments.subList(0, segments.size() - 1) : segments;
        if (fixed.contains("**")) {
            throw new IllegalArgumentException("'**' may only end a path pattern: " + text);
        }
        return new PathPattern(text, List.copyOf(fixed), openEnded);
    }

    public boolean matches(List<String> pathSegments) {
        if (pathSegments.size() < segments.size() || (!openEnded && pathSegments.size() != segments.size())) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!segmentMatches(segments.get(i), pathSegments.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean segmentMatches(String pattern, String segment) {
        return pattern.equals("*") || (pattern.startsWith("{") && pattern.endsWith("}")) || pattern.equals(segment);
    }

    /** How specific the pattern is: more literal segments first, then more segments, closed before open-ended. */
    public int specificity() {
        int literal = (int) segments.stream().filter(s -> !s.equals("*") && !s.startsWith("{")).count();
        return literal * 1000 + segments.size() * 10 + (openEnded ? 0 : 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
