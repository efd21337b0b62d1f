package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.internal.index.IndexFolder;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed during the first commit of a new index leaves Lucene's {@code
 * pending_segments_1} beside its lock: the folder has no index yet, and must still open as an
 * empty one rather than be refused as a folder of other files. Found by {@link CrashResumeTest}'s
 * review of what a kill can leave; too narrow a window for its random kills to hit reliably, so
 * the files are made here by stopping a real first commit halfway.
 */
class KilledFirstCommitTest {
    @TempDir
    Path tmp;

    /** The folder as a SIGKILL between writing and renaming the first commit's file leaves it. */
    private Path killedDuringFirstCommit() throws IOException {
        Path live = tmp.resolve("live");
        Path crashed = tmp.resolve("crashed");
        Files.createDirectories(crashed);
        try (Directory dir = FSDirectory.open(live);
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new Schema().analyzer()))) {
            IndexFolder.writeOwner(dir);
            writer.setLiveCommitData(
                    IndexFolder.commitData(dev.lede.IndexFeature.all()).entrySet());
            writer.prepareCommit();
            try (Stream<Path> files = Files.list(live)) {
                for (Path file : files.toList()) {
                    Files.copy(file, crashed.resolve(file.getFileName()));
                }
            }
            writer.rollback();
        }
        return crashed;
    }

    @Test
    void open_folderOfAWriterKilledDuringTheFirstCommit_opensAnEmptyIndex() throws IOException {
        Path folder = killedDuringFirstCommit();
        assertThat(folder.resolve("pending_segments_1")).exists();
        assertThat(ArticleIndex.exists(folder)).isFalse();
        assertThatThrownBy(() -> ArticleIndex.openReadOnly(folder)).isInstanceOf(NoSuchFileException.class);

        try (ArticleIndex index = ArticleIndex.open(folder)) {
            assertThat(index.count()).isZero();
            index.add(Article.builder("after").title("After the crash").build());
        }
        try (ArticleIndex index = ArticleIndex.openReadOnly(folder)) {
            assertThat(index.count()).isEqualTo(1);
            assertThat(index.get("after").orElseThrow().title()).isEqualTo("After the crash");
        }
        assertThat(IndexOnDisk.problems(folder)).isNull();
    }
}
