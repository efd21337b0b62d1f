package dev.lede.bench;

import dev.lede.ArticleIndex;
import dev.lede.IndexConfig;
import dev.lede.IndexFeature;
import dev.lede.article.Article;
import dev.lede.ingest.IngestOptions;
import dev.lede.query.Highlight;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Lede through its public API only, with its default configuration ({@code lede}), or with no
 * optional index features ({@code lede-lean}: the work of raw Lucene's {@code lucene-plain} and of
 * FTS5, title and body only).
 */
final class LedeSystem implements SearchSystem {
    // Equal settings with the other systems: the title and one body passage per hit.
    private static final Highlight ONE_PASSAGE = Highlight.passages(1);

    private final int threads;
    private final Set<IndexFeature> features;
    private ArticleIndex index;

    LedeSystem(int threads, Set<IndexFeature> features) {
        this.threads = threads;
        this.features = features;
    }

    @Override
    public String name() {
        return features.isEmpty() ? "lede-lean" : "lede";
    }

    @Override
    public void ingest(Path folder, Iterable<BenchDoc> articles) throws IOException {
        index = ArticleIndex.open(folder, IndexConfig.defaults().features(features));
        index.addAll(articles(articles), IngestOptions.defaults().threads(threads));
        index.refresh();
    }

    @Override
    public void reopen(Path folder) throws IOException {
        index = ArticleIndex.open(folder, IndexConfig.defaults().features(features));
    }

    @Override
    public void reingest(Iterable<BenchDoc> articles) throws IOException {
        // Lede skips an article whose content hash equals the indexed version's.
        index.addAll(articles(articles), IngestOptions.defaults().threads(threads));
        index.refresh();
    }

    /** The benchmark's articles as Lede articles (id, title, body), converted as they are read. */
    static Iterable<Article> articles(Iterable<BenchDoc> docs) {
        return () -> new Iterator<>() {
            private final Iterator<BenchDoc> next = docs.iterator();

            @Override
            public boolean hasNext() {
                return next.hasNext();
            }

            @Override
            public Article next() {
                return article(next.next());
            }
        };
    }

    /** One benchmark article as a Lede article. */
    static Article article(BenchDoc d) {
        return Article.builder(d.id()).title(d.title()).body(d.body()).build();
    }

    @Override
    public List<String> search(BenchQuery query, boolean highlight) throws IOException {
        SearchRequest request =
                SearchRequest.of(query.lede()).size(TOP).highlight(highlight ? ONE_PASSAGE : Highlight.none());
        List<String> ids = new ArrayList<>(TOP);
        for (Hit hit : index.search(request).hits()) {
            ids.add(hit.id());
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }
}
