package dev.lede.internal.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.lede.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.function.Consumer;

/**
 * A {@code .json} file holds one article (an object) or many (an array of objects), each mapped by
 * {@link RecordMapper}. An array is streamed, so a large export never sits in memory whole. A record
 * without an id gets {@code <file>#<position>} (1-based array position; such ids shift when records
 * are inserted before it). A bad element is reported with its position and the others are indexed;
 * malformed JSON ends the file there, with what came before it indexed. A binary file and an empty
 * one are skipped; a file that is not valid UTF-8 is read as Windows-1252 with a warning (see {@link
 * FileText}).
 */
public final class JsonArticleReader implements ArticleReader {
    // Streaming: the tokens after each element are the rest of the file, not trailing garbage.
    private static final ObjectReader TREES =
            RecordMapper.JSON.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException {
        String file = input.name();
        int position = 0;
        if (FileText.isBinary(input.path())) {
            report.skipped(file, 0, FileText.BINARY);
            return;
        }
        boolean utf8 = FileText.isUtf8(input.path());
        if (!utf8) {
            report.warning(file, 0, FileText.NOT_UTF8);
        }
        try (InputStream in = FileText.open(input.path());
                JsonParser parser = utf8
                        ? RecordMapper.JSON.createParser(in)
                        : RecordMapper.JSON.createParser(new InputStreamReader(in, FileText.WINDOWS_1252))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                report.skipped(file, 0, FileText.EMPTY);
            } else if (first == JsonToken.START_OBJECT) {
                position = 1;
                accept(TREES.readValue(parser), file, position, sink, report);
                if (parser.nextToken() != null) {
                    report.failed(file, 0, "content after the top-level object was not read");
                }
            } else if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) { // an unclosed array throws at its end
                    position++;
                    accept(TREES.readValue(parser), file, position, sink, report);
                }
            } else {
                report.failed(file, 0, "expected a JSON object or an array of objects");
            }
        } catch (JsonProcessingException e) {
            report.failed(file, position, "malformed JSON, reading stopped here: " + e.getOriginalMessage());
        }
    }

    private static void accept(
            JsonNode record, String file, int position, Consumer<Article> sink, ReportCollector report) {
        Article article = RecordMapper.map(record, file, position, report);
        if (article != null) {
            sink.accept(article);
        }
    }
}
