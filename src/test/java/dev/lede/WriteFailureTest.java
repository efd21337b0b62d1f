package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression cases the fault-injection run found, with one fault each at a chosen place: a failed
 * commit on close left the write lock held, and after the writer stopped on an I/O error every
 * later write threw Lucene's unchecked "this IndexWriter is closed".
 */
class WriteFailureTest {
    private static final IndexConfig CONFIG = IndexConfig.defaults().refreshInterval(Duration.ZERO);

    @TempDir
    Path tmp;

    /** Fails syncs, or file creation, while told to. */
    private static final class FailingDirectory extends FilterDirectory {
        volatile boolean failSync;
        volatile boolean failCreate;

        FailingDirectory(Directory in) {
            super(in);
        }

        @Override
        public void sync(Collection<String> names) throws IOException {
            if (failSync) {
                throw new IOException("injected: sync failed");
            }
            super.sync(names);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            if (failCreate) {
                throw new IOException("injected: no space left on device");
            }
            return super.createOutput(name, context);
        }
    }

    @Test
    void close_whenItsCommitFails_throwsTheFailure_andReleasesTheFolderAtItsLastCommit() throws IOException {
        Path folder = tmp.resolve("index");
        FailingDirectory dir = new FailingDirectory(FSDirectory.open(folder));
        ArticleIndex index = ArticleIndex.open(dir, folder.toString(), CONFIG);
        index.add(article("a"));
        index.commit();
        index.add(article("b"));
        dir.failSync = true;

        assertThatThrownBy(index::close).isInstanceOf(IOException.class).hasMessage("injected: sync failed");

        try (ArticleIndex again = ArticleIndex.open(folder, CONFIG)) {
            assertThat(again.count()).isEqualTo(1);
            assertThat(again.get("a")).isPresent();
        }
    }

    @Test
    void writes_afterTheWriterStoppedOnAnIoError_throwIOExceptionNamingIt() throws IOException {
        Path folder = tmp.resolve("index");
        FailingDirectory dir = new FailingDirectory(FSDirectory.open(folder));
        ArticleIndex index = ArticleIndex.open(dir, folder.toString(), CONFIG);
        index.add(article("a"));
        index.commit();
        index.add(article("b"));
        dir.failCreate = true;
        assertThatThrownBy(index::commit).isInstanceOf(IOException.class);
        dir.failCreate = false;

        String stopped = "index " + folder + " stopped writing after an I/O error (java.io.IOException: injected: no"
                + " space left on device); it holds its last commit: close it and open it again";
        assertThatThrownBy(() -> index.add(article("c")))
                .isInstanceOf(IOException.class)
                .hasMessage(stopped);
        assertThatThrownBy(() -> index.addAll(List.of(article("c"))))
                .isInstanceOf(IOException.class)
                .hasMessage(stopped);
        assertThatThrownBy(() -> index.delete("a"))
                .isInstanceOf(IOException.class)
                .hasMessage(stopped);
        assertThatThrownBy(index::refresh).isInstanceOf(IOException.class).hasMessage(stopped);
        assertThatThrownBy(index::commit).isInstanceOf(IOException.class).hasMessage(stopped);
        assertThat(index.get("a")).as("searches go on at the last refresh").isPresent();
        assertThatThrownBy(index::close).isInstanceOf(IOException.class).hasMessage(stopped);

        try (ArticleIndex again = ArticleIndex.open(folder, CONFIG)) {
            assertThat(again.count()).isEqualTo(1);
            assertThat(again.get("a")).isPresent();
        }
    }

    private static Article article(String id) {
        return Article.builder(id).title("title " + id).body("body " + id).build();
    }
}
