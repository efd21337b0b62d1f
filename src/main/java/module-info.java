/**
 * Lede: embedded full-text search over news articles, on Apache Lucene. Exports only the public
 * API; {@code dev.lede.internal.*} is not for users, and {@code dev.lede.cli} is the command-line
 * tool, which needs picocli on its path.
 */
module dev.lede {
    requires org.apache.lucene.core;
    requires org.apache.lucene.analysis.common;
    requires org.apache.lucene.queryparser;
    requires org.apache.lucene.highlighter;
    requires org.apache.lucene.queries;
    requires org.apache.lucene.suggest;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.commonmark;
    requires org.jsoup;
    requires static info.picocli;
    requires static java.logging;

    exports dev.lede;
    exports dev.lede.article;
    exports dev.lede.eval;
    exports dev.lede.ingest;
    exports dev.lede.query;

    opens dev.lede.cli to
            info.picocli;
}
