package dev.panorama.identity.imports;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text stream, each held only up to a bound: a line without newline for hundreds of
 * megabytes must not fill the heap. A longer line is skipped to its end and reported as too long.
 */
final class BoundedLines {

    /** Stands for a line longer than the bound. */
    static final String TOO_LONG = new String("<too long>");

    private final Reader reader;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    BoundedLines(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next line without its line break, {@link #TOO_LONG}, or null at the end. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            if (position == limit && !fill()) {
                return line.isEmpty() && !tooLong ? null : finish(line, tooLong);
            }
            char c = buffer[position++];
            if (c == '\n') {
                return finish(line, tooLong);
            }
            if (!tooLong) {
                line.append(c);
                if (line.length() > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                }
            }
        }
    }

    private boolean fill() throws IOException {
        limit = reader.read(buffer);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    private static String finish(StringBuilder line, boolean tooLong) {
        if (tooLong) {
            return TOO_LONG;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }
}
