package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./lede} launcher's choice of JDK ({@code --print-java-home}: the JDK it would run). */
class LauncherTest {
    @TempDir
    Path home;

    @Test
    void findsTheJdkInJavaHomeWhenJavaToolOptionsIsSet() throws Exception {
        // java prints "Picked up JAVA_TOOL_OPTIONS: ..." before its version line.
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        Result r = launch(Map.of("JAVA_HOME", javaHome.toString(), "JAVA_TOOL_OPTIONS", "-Dlede.launcher.test=1"));

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout().strip()).isEqualTo(javaHome.toString());
    }

    @Test
    void readsTheVersionLineWhereverJavaPrintsIt() throws Exception {
        Path jdk = fakeJdk("echo 'NOTE: Picked up JDK_JAVA_OPTIONS: -Dx=1' >&2\n"
                + "echo 'Picked up JAVA_TOOL_OPTIONS: -Dy=2' >&2\n"
                + "echo 'openjdk version \"22.0.1\" 2024-04-16' >&2\n"
                + "echo 'OpenJDK Runtime Environment (build 22.0.1+8)' >&2\n");

        Result r = launch(Map.of("JAVA_HOME", jdk.toString()));

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout().strip()).isEqualTo(jdk.toRealPath().toString());
    }

    private Path fakeJdk(String script) throws IOException {
        Path bin = Files.createDirectories(home.resolve("jdk-22/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home.resolve("jdk-22");
    }

    private record Result(int exit, String stdout, String stderr) {}

    private Result launch(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder("bash", Path.of("lede").toAbsolutePath().toString(), "--print-java-home");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        pb.redirectOutput(home.resolve("out.txt").toFile());
        pb.redirectError(home.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Result(
                p.exitValue(),
                Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
