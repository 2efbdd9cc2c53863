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
    /** Per segment, whether it matches any one segment ({@code *} or {@code {name}}); read on every request. */
    private final boolean[] anySegment;
    private final boolean openEnded;
    private final int specificity;

    private PathPattern(String text, List<String> segments, boolean openEnded) {
        this.text = text;
        this.segments = segments;
        this.openEnded = openEnded;
        this.anySegment = new boolean[segments.size()];
        int literal = 0;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            anySegment[i] = segment.equals("*") || (segment.startsWith("{") && segment.endsWith("}"));
            literal += anySegment[i] ? 0 : 1;
        }
        this.specificity = literal * 1000 + segments.size() * 10 + (openEnded ? 0 : 1);
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
            if (!anySegment[i] && !segments.get(i).equals(pathSegments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** How specific the pattern is: more literal segments first, then more segments, closed before open-ended. */
    public int specificity() {
        return specificity;
    }

    @Override
    public String toString() {
        return text;
    }
}
