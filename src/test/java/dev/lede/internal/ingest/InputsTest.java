package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.ingest.IngestProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
    @TempDir
    Path root;

    private void touch(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "Title\n\nBody.");
    }

    @Test
    void list_folder_namesFilesRelativeToItWithSlashes() throws IOException {
        touch("top.txt");
        touch("2025/01/story.txt");
        touch("2025/feed.jsonl");

        assertThat(new Inputs().list(root))
                .extracting(InputFile::name)
                .containsExactly("2025/01/story.txt", "2025/feed.jsonl", "top.txt");
    }

    @Test
    void list_singleFile_isNamedByItsFileName() throws IOException {
        touch("2025/01/story.txt");
        Path file = root.resolve("2025/01/story.txt");

        assertThat(new Inputs().list(file)).containsExactly(new InputFile(file, "story.txt"));
    }

    @Test
    void list_hiddenFilesAndFolders_arePassedOver() throws IOException {
        touch(".hidden.txt");
        touch(".git/notes.txt");
        touch("visible.txt");

        assertThat(new Inputs().list(root)).extracting(InputFile::name).containsExactly("visible.txt");
    }

    @Test
    void list_missingPath_throwsNoSuchFileNamingIt() {
        Path missing = root.resolve("nope");

        assertThatThrownBy(() -> new Inputs().list(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void readerFor_knownExtensions_caseInsensitive() {
        Inputs inputs = Inputs.standard();

        assertThat(inputs.readerFor(Path.of("a.txt"))).containsInstanceOf(TextArticleReader.class);
        assertThat(inputs.readerFor(Path.of("A.TXT"))).containsInstanceOf(TextArticleReader.class);
        assertThat(inputs.readerFor(Path.of("feed.jsonl"))).containsInstanceOf(JsonlArticleReader.class);
        assertThat(inputs.readerFor(Path.of("notes.md"))).containsInstanceOf(MarkdownArticleReader.class);
        assertThat(inputs.readerFor(Path.of("export.json"))).containsInstanceOf(JsonArticleReader.class);
        assertThat(inputs.readerFor(Path.of("page.html"))).containsInstanceOf(HtmlArticleReader.class);
        assertThat(inputs.readerFor(Path.of("page.htm"))).containsInstanceOf(HtmlArticleReader.class);
        assertThat(inputs.readerFor(Path.of("news.rss"))).containsInstanceOf(FeedArticleReader.class);
        assertThat(inputs.readerFor(Path.of("news.atom"))).containsInstanceOf(FeedArticleReader.class);
        assertThat(inputs.readerFor(Path.of("news.xml"))).containsInstanceOf(FeedArticleReader.class);
        assertThat(inputs.readerFor(Path.of("notes.docx"))).isEmpty();
        assertThat(inputs.readerFor(Path.of("README"))).isEmpty();
    }

    @Test
    void standard_isOneSharedSet() {
        assertThat(Inputs.standard()).isSameAs(Inputs.standard());
    }

    @Test
    void list_linksThatDoNotLeadToAFile_areListedAndTheirReaderSaysWhy() throws IOException {
        touch("sub/story.txt");
        Files.createSymbolicLink(root.resolve("self.txt"), Path.of("self.txt"));
        Files.createSymbolicLink(root.resolve("gone.md"), Path.of("missing.md"));
        Files.createSymbolicLink(root.resolve("gone.docx"), Path.of("missing.docx"));
        Files.createSymbolicLink(root.resolve("sub/up"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("story-link.txt"), Path.of("sub/story.txt"));
        Inputs inputs = new Inputs();
        ReportCollector report = new ReportCollector();

        List<InputFile> files = inputs.list(root);
        for (InputFile input : files) {
            inputs.readerFor(input.path()).ifPresent(r -> read(r, input, report));
        }

        assertThat(files)
                .extracting(InputFile::name)
                .containsExactly("gone.docx", "gone.md", "self.txt", "story-link.txt", "sub/story.txt", "sub/up");
        assertThat(report.problems())
                .extracting(IngestProblem::toString)
                .containsExactly(
                        "gone.md: a broken symbolic link: missing.md does not exist (failed)",
                        "self.txt: a symbolic link loop: the link never leads to a file (failed)",
                        "sub/up: a symbolic link to a folder that holds it (a loop); not followed (skipped)");
    }

    private static void read(ArticleReader reader, InputFile input, ReportCollector report) {
        try {
            reader.read(input, a -> {}, report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
