package dev.lede.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost curve reads the benchmark's CSVs of several sizes into medians, a table and an SVG. */
class CostCurveTest {
    @TempDir
    Path folder;

    @Test
    void curve_takesTheMedianPerSystemAndSize_andDrawsALinePerSystemAndPanel() throws IOException {
        Path small = folder.resolve("small.csv");
        Path large = folder.resolve("large.csv");
        Files.writeString(small, """
                corpus,articles,system,repetition,metric,value
                reuters,1000,lede,1,ingestSeconds,2.0000
                reuters,1000,lede,2,ingestSeconds,4.0000
                reuters,1000,lede,3,ingestSeconds,3.0000
                reuters,1000,lucene,1,ingestSeconds,1.5000
                reuters,1000,lede,1,ingestDocsPerSec,500.0000
                reuters,1000,lede,1,plain1.p50ms,0.2000
                reuters,1000,lucene,1,plain1.p50ms,0.1000
                """, UTF_8);
        Files.writeString(large, """
                corpus,articles,system,repetition,metric,value
                reuters,10000,lede,1,ingestSeconds,25.0000
                reuters,10000,lucene,1,ingestSeconds,12.0000
                reuters,10000,lede,1,plain1.p50ms,0.4000
                reuters,10000,lucene,1,plain1.p50ms,0.3000
                """, UTF_8);

        CostCurve curve = CostCurve.read(List.of(small, large));

        assertThat(curve.markdown().lines().toList())
                .containsSubsequence(
                        "| 1,000 | lede | 3.00 | 0.200 | – | – | 500 |",
                        "| 10,000 | lede | 25.00 | 0.400 | – | – | – |",
                        "| 1,000 | lucene | 1.50 | 0.100 | – | – | – |",
                        "| 10,000 | lucene | 12.00 | 0.300 | – | – | – |");
        String svg = curve.svg("test <curve>");
        assertThat(svg).startsWith("<svg ").endsWith("</svg>\n").contains("test &lt;curve&gt;");
        // Two panels with data, two systems each: four lines and their four linear guides.
        assertThat(svg.split("<polyline", -1)).hasSize(5);
        assertThat(svg.split("stroke-dasharray", -1)).hasSize(5);
        assertThat(svg.split("<circle", -1)).hasSize(9);
    }
}
