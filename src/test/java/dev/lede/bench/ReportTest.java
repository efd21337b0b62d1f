package dev.lede.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's table from runs that only ingested ({@code --search no}). */
class ReportTest {
    /** One run's figures as BenchRun writes them without searching: ingest speed and the rest. */
    private static Map<String, Object> ingestOnly(double docsPerSec) {
        Map<String, Object> r = new HashMap<>();
        r.put("articles", 1000);
        r.put("textBytes", 2_000_000L);
        r.put("queries", 120);
        r.put("java", "25");
        r.put("cores", 2);
        r.put("ingestDocsPerSec", docsPerSec);
        r.put("ingestMBPerSec", docsPerSec / 500);
        r.put("ingestSeconds", 1000 / docsPerSec);
        r.put("ingestCpuSeconds", 2.0);
        r.put("ingestMergeCpuSeconds", docsPerSec / 2000);
        r.put("ingestSettledSeconds", 1000 / docsPerSec + 0.25);
        r.put("ingestLeftMergeCpuSeconds", 0.4);
        r.put("ingestAllocatedBytes", 3_000_000_000L);
        r.put("indexBytes", 4_000_000L);
        r.put("ingestPeakHeapBytes", 500_000_000L);
        r.put("ingestPeakLiveHeapBytes", 200_000_000L);
        r.put("peakHeapBytes", 500_000_000L);
        r.put("peakLiveHeapBytes", 200_000_000L);
        r.put("peakRssBytes", 900_000_000L);
        return r;
    }

    private static Report report(Map<String, List<Map<String, Object>>> runs) {
        Map<String, String> options = new LinkedHashMap<>(Bench.DEFAULTS);
        options.put("repeat", "3");
        options.put("search", "no");
        return new Report(options, List.copyOf(runs.keySet()), runs, 0.5, Instant.parse("2026-12-07T03:00:00Z"));
    }

    @Test
    void withoutSearches_theTableHasTheIngestRows_andLedesSpeedOverEachOtherSystemRunByRun() {
        Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
        runs.put("lede", List.of(ingestOnly(1000), ingestOnly(900), ingestOnly(1200)));
        runs.put("lucene", List.of(ingestOnly(1000), ingestOnly(1000), ingestOnly(1000)));

        String md = report(runs).markdown();

        assertThat(md)
                .contains("| ingest, articles/s | 1,000 [900–1,200] | 1,000 [1,000–1,000] | 1.00 |")
                .contains("| ingest, of which CPU s in merge threads | 0.50 [0.45–0.60] | 0.50 [0.50–0.50] | 1.00 |")
                .contains(
                        "| ingest until the merges it left running had finished, s | 1.25 [1.08–1.36] | 1.25 [1.25–1.25] | 1.00 |")
                .contains(
                        "| CPU s in those merges after the ingest returned | 0.40 [0.40–0.40] | 0.40 [0.40–0.40] | 1.00 |")
                .contains(
                        "| peak resident memory of the JVM, whole run, MB (0: unknown) | 900 [900–900] | 900 [900–900] | 1.00 |")
                .doesNotContain("search")
                .doesNotContain("same top hit")
                .contains("Ingest speed, lede/lucene, repetition by repetition: 1.00 0.90 1.20 (median 1.00).");
        String csv = report(runs).csv();
        assertThat(csv.lines().filter(l -> l.contains(",plain") || l.contains(",highlight")))
                .isEmpty();
        // 2 systems x 3 repetitions x 13 ingest and memory rows, and the header
        assertThat(csv.lines()).hasSize(2 * 3 * 13 + 1);
    }

    @Test
    void oneRepetition_hasNoRunByRunLine() {
        Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
        runs.put("lede", List.of(ingestOnly(1000)));
        runs.put("lucene", List.of(ingestOnly(800)));

        assertThat(report(runs).markdown())
                .contains("| ingest, articles/s | 1,000 | 800 | 1.25 |")
                .doesNotContain("repetition by repetition");
    }

    @Test
    void searchOption_takesYesOrNo_andNoSearchesLeaveNoCostCurve() {
        assertThat(Bench.commandOptions(new String[] {"--search", "no"})).containsEntry("search", "no");
        assertThat(Bench.commandOptions(new String[0])).containsEntry("search", "yes");
        assertThatThrownBy(() -> Bench.commandOptions(new String[] {"--search", "off"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--search takes yes or no, not off");
        assertThatThrownBy(() -> Bench.commandOptions(new String[] {"--search", "no", "--sizes", "20000,100000"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the cost curve (--sizes) needs the search figures: drop --search no");
    }
}
