package dev.lede.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The non-blank lines of a UTF-8 data file, numbered from 1, with a leading byte order mark dropped. */
final class DataLines {
    /** Longest excerpt of a bad line quoted in an error message. */
    private static final int EXCERPT_CHARS = 80;

    /** One non-blank line and its 1-based number in the file. */
    record Line(int number, String text) {}

    private DataLines() {}

    /** The non-blank lines of {@code file}; malformed UTF-8 fails with an {@link IOException}. */
    static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    lines.add(new Line(number, text));
                }
            }
        }
        return lines;
    }

    /** An error naming the file and line, quoting (the start of) the line. */
    static IllegalArgumentException malformed(Path file, Line line, String problem) {
        String text =
                line.text().length() > EXCERPT_CHARS ? line.text().substring(0, EXCERPT_CHARS) + "…" : line.text();
        return new IllegalArgumentException(
                file + " line " + line.number() + ": " + problem + ": \"" + text.replace("\t", "\\t") + "\"");
    }
}
