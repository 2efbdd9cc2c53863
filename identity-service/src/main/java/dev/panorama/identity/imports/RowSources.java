package dev.panorama.identity.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an uploaded file as rows of its format: UTF-8, a leading byte order mark (spreadsheets write one) ignored. */
final class RowSources {

    private RowSources() {
    }

    static RowSource open(ImportFormat format, Path file, boolean defaultSourceSystem, ObjectMapper json) throws IOException {
        Reader text = utf8(file);
        try {
            return switch (format) {
                case NDJSON -> new NdjsonRows(text, json);
                case CSV -> new CsvRows(text, defaultSourceSystem);
            };
        } catch (IOException | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    private static Reader utf8(Path file) throws IOException {
        // malformed bytes become U+FFFD: a row with them fails its own checks instead of the whole file
        PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16));
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
