package dev.lede.internal.schema;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** Reads a synonyms file in Solr's format into the map the query analyzer applies. */
public final class Synonyms {
    private Synonyms() {}

    /**
     * The rules in {@code file}, with words normalised as the query analyzer sees them before
     * synonyms (lowercased, accents folded, possessives removed).
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static SynonymMap read(Path file) throws IOException {
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, NewsAnalyzer.words(source));
            }
        };
        SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.parse(in);
            return parser.build();
        } catch (ParseException | IllegalArgumentException e) {
            throw new IOException(
                    "synonyms file " + file + " is not in Solr's synonyms format (" + e.getMessage()
                            + "); write rules like 'NYC, New York City' or 'NYC => New York City'",
                    e);
        } finally {
            words.close();
        }
    }
}
