package dev.lede;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Where tests find their fixtures, the shipped sample and the shared data. */
public final class TestFiles {
    private TestFiles() {}

    /** A file or folder under src/test/resources. */
    public static Path resource(String name) {
        URL url = Objects.requireNonNull(TestFiles.class.getResource("/" + name), "no test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed article, as shipped (copied under src/test/resources/seed). */
    public static Path seed() {
        return resource("seed/adams-sanctuary-laws.txt");
    }

    public static String seedText() {
        try {
            return Files.readString(seed(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project folder (surefire sets lede.project.dir; the working directory otherwise). */
    public static Path projectDir() {
        return Path.of(System.getProperty("lede.project.dir", "."))
                .toAbsolutePath()
                .normalize();
    }

    /** index-data/articles of the project: the shipped sample corpus. */
    public static Path sampleArticles() {
        return projectDir().resolve("index-data/articles");
    }

    /** ../shared/data (surefire sets lede.shared.data), or null when the property is unset. */
    public static Path sharedData() {
        String dir = System.getProperty("lede.shared.data");
        return dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
    }
}
