package dev.lede.internal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.article.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.function.Consumer;

/**
 * A {@code .jsonl} file holds one article per line, a JSON object mapped by {@link RecordMapper}. A
 * record without an id gets {@code <file>#<line>} (so such ids shift when lines are inserted above
 * it). A malformed line is reported with its number and the other lines are indexed; blank lines
 * are passed over. Each line is decoded on its own: a line that is not valid UTF-8 is read as
 * Windows-1252 with a warning naming it, and the lines around it are unaffected. A binary file and
 * one with no records are skipped.
 */
public final class JsonlArticleReader implements ArticleReader {

    @Override
    public void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException {
        if (FileText.isBinary(input.path())) {
            report.skipped(input.name(), 0, FileText.BINARY);
            return;
        }
        Lines lines = new Lines(input, sink, report);
        try (InputStream in = FileText.open(input.path())) {
            byte[] chunk = new byte[1 << 16];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                lines.feed(chunk, n);
            }
        }
        lines.end();
        if (lines.records == 0) {
            report.skipped(input.name(), 0, FileText.EMPTY);
        }
    }

    /**
     * Splits bytes into lines at {@code \n}, {@code \r\n} or {@code \r}, as {@link
     * java.io.BufferedReader#readLine} does, and reads each line as it completes.
     */
    private static final class Lines {
        private final InputFile input;
        private final Consumer<Article> sink;
        private final ReportCollector report;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int number;
        private int records;
        private boolean afterCr;

        Lines(InputFile input, Consumer<Article> sink, ReportCollector report) {
            this.input = input;
            this.sink = sink;
            this.report = report;
        }

        void feed(byte[] bytes, int length) {
            int from = 0;
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b == '\n' && afterCr && i == from) {
                    from = i + 1; // the \n of a \r\n whose \r ended the line
                } else if (b == '\n' || b == '\r') {
                    line.write(bytes, from, i - from);
                    completeLine();
                    from = i + 1;
                }
                afterCr = b == '\r';
            }
            line.write(bytes, from, length - from);
        }

        void end() {
            if (line.size() > 0) {
                completeLine();
            }
        }

        private void completeLine() {
            number++;
            String text = decode(line.toByteArray());
            line.reset();
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                records++;
                readLine(input.name(), number, text, sink, report);
            }
        }

        private String decode(byte[] bytes) {
            try {
                return FileText.decodeUtf8(bytes, bytes.length);
            } catch (CharacterCodingException e) {
                report.warning(input.name(), number, FileText.NOT_UTF8);
                return new String(bytes, FileText.WINDOWS_1252);
            }
        }
    }

    private static void readLine(
            String file, int lineNumber, String line, Consumer<Article> sink, ReportCollector report) {
        JsonNode record;
        try {
            record = RecordMapper.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            report.failed(file, lineNumber, "malformed JSON: " + e.getOriginalMessage());
            return;
        }
        Article article = RecordMapper.map(record, file, lineNumber, report);
        if (article != null) {
            sink.accept(article);
        }
    }
}
