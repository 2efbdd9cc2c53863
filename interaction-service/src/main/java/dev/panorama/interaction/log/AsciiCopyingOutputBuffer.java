package dev.panorama.interaction.log;

import java.nio.charset.StandardCharsets;
import org.bson.io.BasicOutputBuffer;

/**
 * A BSON output buffer that copies an ASCII string in one piece. The driver's buffer writes every string a character at
 * a time, each byte checked for room on its own (about 5 % of ingestion's CPU in a flight recording). A string with any other
 * character (or a NUL) is written as the driver writes it, so the bytes are the same either way.
 */
final class AsciiCopyingOutputBuffer extends BasicOutputBuffer {

    AsciiCopyingOutputBuffer(int initialSize) {
        super(initialSize);
    }

    @Override
    protected int writeCharacters(String string, boolean checkNullTermination) {
        int length = string.length();
        for (int i = 0; i < length; i++) {
            char character = string.charAt(i);
            if (character >= 0x80 || character == 0) {
                return super.writeCharacters(string, checkNullTermination);
            }
        }
        writeBytes(string.getBytes(StandardCharsets.ISO_8859_1), 0, length);
        writeByte(0);
        return length + 1;
    }
}
