package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.ArticleIndex;
import dev.lede.TestFiles;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the default ranking on Cranfield from ../shared/data when it is there (as in CI).
 * Asserts only a sanity band: ranking quality is tuned and pinned elsewhere.
 */
class CranfieldEvaluationTest {

    @Test
    void run_cranfield_evaluatesEveryQueryWithinASanityBand() throws IOException {
        Path data =
                TestFiles.sharedData() == null ? null : TestFiles.sharedData().resolve("cranfield");
        if (data == null || !Files.isDirectory(data)) {
            System.out.println("CranfieldEvaluationTest skipped: no Cranfield collection at " + data);
        }
        Assumptions.assumeTrue(data != null && Files.isDirectory(data), "no Cranfield collection at " + data);
        Path queriesFile = data.resolve("queries.tsv");

        EvalReport report;
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.ingest(data.resolve("corpus.jsonl"));
            report = Evaluation.run(
                    index, Queries.read(queriesFile), Judgments.read(data.resolve("qrels.tsv")), Syntax.WORDS);
        }

        System.out.printf(
                Locale.ROOT,
                "Cranfield (words): nDCG@10 %.4f  MAP@100 %.4f  R@100 %.4f  MRR@10 %.4f  P@10 %.4f"
                        + "  queries %d, skipped %d%n",
                report.ndcg10(),
                report.map100(),
                report.recall100(),
                report.mrr10(),
                report.p10(),
                report.queries(),
                report.queriesSkipped());
        long lines = Files.readAllLines(queriesFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .count();
        assertThat(report.queries() + report.queriesSkipped()).isEqualTo(lines);
        assertThat(report.ndcg10()).isBetween(0.2, 0.6);
    }
}
