package dev.panorama.identity.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The text under a CSV parser, read at most so far past the end of the last record: a quote never closed near the top
 * of a large export would otherwise be read, with the rest of the file, into one cell held in memory. The parser reads
 * ahead by a buffer, so the bound holds to within one.
 */
final class BoundedRecords extends FilterReader {

    /** Thrown (under the parser's own exception) once a record has grown past the bound. */
    static final class RecordTooLong extends IOException {
        RecordTooLong(long maxChars) {
            super("a record longer than " + maxChars + " characters");
        }
    }

    private final long maxChars;
    private long sinceRecordEnded;

    BoundedRecords(Reader source, long maxChars) {
        super(source);
        this.maxChars = maxChars;
    }

    /** The parser has handed out a record: the next one starts here. */
    void recordEnded() {
        sinceRecordEnded = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c != -1) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    private void count(int chars) throws RecordTooLong {
        sinceRecordEnded += chars;
        if (sinceRecordEnded > maxChars) {
            throw new RecordTooLong(maxChars);
        }
    }
}
