package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, compiled and run as a user would, so that it cannot rot. */
class ProjectReadmeTest {
    private static final Path PROJECT = Path.of(System.getProperty("lede.project.dir", "."));

    @TempDir
    Path work;

    @Test
    void readmeJavaExample_compilesAndPrintsRankedHighlightedResults() throws Exception {
        String source = javaExample(Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8));
        Path file = work.resolve("QuickStart.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(
                null,
                diagnostics,
                diagnostics,
                "-encoding",
                "UTF-8",
                "-proc:none", // JMH's generator is on the test class path (for docs/measure/jmh.sh)
                "-classpath",
                testClassPath(),
                "-d",
                work.toString(),
                file.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        String output = runMain(work);

        List<String> lines = output.lines().toList();
        assertThat(lines.get(0)).isEqualTo("292 articles indexed, 0 problems");
        assertThat(lines.get(1)).isEqualTo("25 hits");
        assertThat(lines.get(2))
                .isEqualTo("nyc-42: <mark>Council</mark> debates the city&#x27;s <mark>sanctuary laws</mark>");
        assertThat(lines.get(3))
                .isEqualTo(
                        "    The City <mark>Council</mark> met on Tuesday to debate changes to the <mark>sanctuary laws</mark>.");
        assertThat(lines.get(4)).startsWith("adams-sanctuary-laws.txt: Democratic mayor of New York City Eric Adams");
        // Page 2 of 3 Wikinews "election" articles from 2020, newest first.
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .containsExactly(
                        "2020-11-26 US federal agency announces plans to begin presidential transition process"
                                + " following Trump election loss",
                        "2020-11-17 Violence breaks out in Washington, DC at pro-Trump protest",
                        "2020-11-07 Joe Biden projected US president-elect");
    }

    private static String javaExample(String readme) {
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a ```java block").isTrue();
        return m.group(1);
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }

    private static String runMain(Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, ProjectReadmeTest.class.getClassLoader())) {
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
