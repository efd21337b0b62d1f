package dev.lede.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.ArticleIndex;
import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedeCodecTest {
    @TempDir
    Path tmp;

    private final Schema schema = new Schema();

    /** Articles shorter and longer than a chunk, with characters of every UTF-8 length. */
    private static List<Article> articles(String prefix, int n) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body =
                    ("Harbour ferries résumé ‘quoted’ 東京 \uD83D\uDE80 report " + i + ". ").repeat(1 + (i * 37) % 400);
            out.add(Article.builder(prefix + i)
                    .title("Ferry report " + i)
                    .body(body.strip())
                    .source("Desk " + (i % 3))
                    .build());
        }
        return out;
    }

    private static List<String> codecs(Directory dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (SegmentCommitInfo s : SegmentInfos.readLatestCommit(dir)) {
            names.add(s.info.getCodec().getName());
        }
        return names;
    }

    @Test
    void theLookupByName_findsTheCodec() {
        assertThat(Codec.forName(LedeCodec.NAME)).isInstanceOf(LedeCodec.class);
    }

    @Test
    void everySegmentIsWrittenByIt_andArticlesOfAnyLengthReadBackExactly() throws IOException {
        List<Article> written = articles("a", 60);
        try (ArticleIndex index = ArticleIndex.open(tmp)) {
            index.addAll(written.subList(0, 30));
            index.commit();
            index.addAll(written.subList(30, 60));
            index.commit();
            for (Article a : written) {
                assertThat(index.get(a.id())).contains(a);
            }
        }
        try (Directory dir = FSDirectory.open(tmp)) {
            assertThat(codecs(dir)).isNotEmpty().containsOnly(LedeCodec.NAME);
        }
        assertThat(written.stream().mapToInt(a -> a.body().length()).max().orElseThrow())
                .isGreaterThan(8 * LedeCodec.CHUNK_BYTES);
        assertThat(written.get(0).body().length()).isLessThan(LedeCodec.CHUNK_BYTES / 20);
    }

    @Test
    void segmentsOfLucenesOwnCodec_stayReadable_andMergeIntoThisOne() throws IOException {
        List<Article> old = articles("old", 40);
        List<Article> fresh = articles("new", 40);
        try (ArticleIndex index = ArticleIndex.open(tmp)) {
            index.commit(); // a Lede index (schema version recorded), with no article yet
        }
        // As an earlier Lede wrote them: Lucene's default codec.
        try (Directory dir = FSDirectory.open(tmp);
                IndexWriter w = new IndexWriter(
                        dir,
                        new IndexWriterConfig(schema.analyzer())
                                .setCodec(Codec.getDefault())
                                .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            for (Article a : old) {
                w.addDocument(schema.toDocument(a));
            }
            w.commit();
        }
        try (ArticleIndex index = ArticleIndex.open(tmp)) {
            index.addAll(fresh);
            index.commit();
            assertThat(index.count()).isEqualTo(80);
            assertThat(index.search("ferry").total()).isEqualTo(80);
        }
        try (Directory dir = FSDirectory.open(tmp)) {
            assertThat(codecs(dir)).contains(Codec.getDefault().getName(), LedeCodec.NAME);
            try (IndexWriter w = IndexFolder.openWriter(dir, tmp.toString(), schema, 16)) {
                w.forceMerge(1);
                w.commit();
            }
            assertThat(codecs(dir)).containsExactly(LedeCodec.NAME);
        }
        try (ArticleIndex index = ArticleIndex.openReadOnly(tmp)) {
            for (Article a : old) {
                assertThat(index.get(a.id())).contains(a);
            }
            for (Article a : fresh) {
                assertThat(index.get(a.id())).contains(a);
            }
        }
    }
}
