package dev.panorama.identity.imports;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The rows of an import file in file order, read a batch at a time (blocking: call it off the event loop). */
public interface RowSource extends Closeable {

    /** Up to {@code max} further rows; empty at the end of the file. */
    List<ImportRow> next(int max) throws IOException;

    /** The file cannot be read on from some point (a CSV quote never closed): the rows after it are unknown. */
    final class UnreadableFile extends IOException {
        public UnreadableFile(String message) {
            super(message);
        }
    }
}
