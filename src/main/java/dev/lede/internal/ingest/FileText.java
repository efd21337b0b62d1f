package dev.lede.internal.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The text of a file whose format is text (plain text, Markdown): UTF-8, or Windows-1252 (the
 * usual alternative for old news text) with a warning in the report when the bytes are not valid
 * UTF-8. A byte-order mark and the line endings are left for {@link TextRules#normalize} to handle.
 */
final class FileText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FileText() {}

    /** What a text reader reports for a file that is not text. */
    static final String BINARY = "looks like a binary file (it holds NUL bytes), not text";

    /**
     * The file's text, or {@code null} for a binary file (a NUL byte in its first 8 KB, which text
     * never has; UTF-16 text with a byte-order mark is read as such).
     */
    static String read(InputFile input, ReportCollector report) throws IOException {
        byte[] bytes = Files.readAllBytes(input.path());
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return new String(bytes, StandardCharsets.UTF_16); // the BOM picks the byte order
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            report.warning(input.name(), 0, "not valid UTF-8; read as Windows-1252");
            return new String(bytes, WINDOWS_1252);
        }
    }
}
