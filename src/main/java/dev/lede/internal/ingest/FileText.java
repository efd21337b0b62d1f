package dev.lede.internal.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of an input file: UTF-8, or Windows-1252 (the usual alternative for old news text) with
 * a warning in the report when the bytes are not valid UTF-8. JSON is defined as UTF-8, but the
 * same fallback applies to it, so a record saved by an old tool is indexed rather than lost. A
 * byte-order mark and the line endings are left for {@link TextRules#normalize} to handle.
 */
final class FileText {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** How much of a file is looked at to tell text from binary. */
    private static final int SNIFF_BYTES = 8192;

    private FileText() {}

    /** What a reader reports for a file that is not text. */
    static final String BINARY = "looks like a binary file (it holds NUL bytes), not text";

    /** What a reader reports for a file or line decoded with the fallback. */
    static final String NOT_UTF8 = "not valid UTF-8; read as Windows-1252";

    /** What a reader reports for a file with nothing in it. */
    static final String EMPTY = "no text in the file";

    /**
     * The file's text, or {@code null} for a binary file (see {@link #isBinary}; UTF-16 text with a
     * byte-order mark is read as such).
     */
    static String read(InputFile input, ReportCollector report) throws IOException {
        byte[] bytes = readAll(input.path());
        if (hasUtf16Bom(bytes, bytes.length)) {
            return new String(bytes, StandardCharsets.UTF_16); // the BOM picks the byte order
        }
        if (isBinary(bytes, bytes.length)) {
            return null;
        }
        try {
            return decodeUtf8(bytes, bytes.length);
        } catch (CharacterCodingException e) {
            report.warning(input.name(), 0, NOT_UTF8);
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** Strict UTF-8: malformed input throws rather than turning into U+FFFD. */
    static String decodeUtf8(byte[] bytes, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(bytes, 0, length))
                .toString();
    }

    /** Whether the file looks binary: a NUL byte in its first 8 KB, which text never has. */
    static boolean isBinary(Path path) throws IOException {
        try (InputStream in = open(path)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            return !hasUtf16Bom(head, head.length) && isBinary(head, head.length);
        }
    }

    private static boolean isBinary(byte[] bytes, int length) {
        for (int i = 0; i < Math.min(length, SNIFF_BYTES); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUtf16Bom(byte[] b, int length) {
        return length >= 2
                && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    /**
     * Whether the whole file is valid UTF-8 (or UTF-16 with a byte-order mark), checked in a
     * streaming pass: one more sequential read of the file, in exchange for never holding it whole.
     */
    static boolean isUtf8(Path path) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16); // UTF-8 never makes more chars than bytes
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            boolean first = true;
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                if (first && hasUtf16Bom(in.array(), in.limit())) {
                    return true; // Jackson reads it by its byte-order mark
                }
                first = false;
                if (decoder.decode(in, out, end).isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw explained(e);
        }
        return true;
    }

    /** The file's bytes, with a reason a user can act on when it cannot be read. */
    static byte[] readAll(Path path) throws IOException {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw explained(e);
        }
    }

    /** The file opened for reading, with a reason a user can act on when it cannot be. */
    static InputStream open(Path path) throws IOException {
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw explained(e);
        }
    }

    /** The JDK's messages for these name only the path, which the report already gives. */
    private static IOException explained(IOException e) {
        String why = e instanceof AccessDeniedException
                ? "permission denied"
                : "the file is gone (deleted or moved after the folder was listed)";
        return new IOException(why, e);
    }
}
