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

    static String read(InputFile input, ReportCollector report) throws IOException {
        byte[] bytes = Files.readAllBytes(input.path());
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
