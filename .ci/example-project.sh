#!/usr/bin/env bash
# The developer's first hour, checked: installs Lede into the local Maven repository, builds the
# README's Java example in a separate Maven project that depends only on that artifact, runs it
# with a JDK 21+ from the Lede folder (the example reads index-data/articles), and checks what it
# prints and that nothing but Lede's own dependencies is on its class path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$root"

version=$(sed -n '0,/<artifactId>lede<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
jdk=$(./lede --print-java-home)
mvn -B -q install -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java"
# The first Java block is the example (later blocks are fragments of the feature sections).
awk '/^```java$/ { inside = 1; next } inside && /^```$/ { exit } inside' README.md >"$work/src/main/java/QuickStart.java"
cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>lede-quickstart</artifactId>
  <version>1</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>21</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency>
      <groupId>dev.lede</groupId>
      <artifactId>lede</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.14.0</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
# Maven itself runs on that JDK here; newer JDKs warn about Maven's own use of sun.misc.Unsafe,
# so its output is shown only when the build fails.
if ! JAVA_HOME="$jdk" mvn -B -q -f "$work/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" >"$work/build.log" 2>&1; then
  echo "example project: the build against the installed artifact failed:"
  cat "$work/build.log"
  exit 1
fi
classpath=$(cat "$work/cp.txt")
if grep -qiE 'picocli|junit|assertj' <<<"$classpath"; then
  echo "example project: the library brought test or CLI dependencies onto the class path: $classpath"
  exit 1
fi
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED -cp "$work/target/classes:$classpath" QuickStart >"$work/out.txt" 2>"$work/err.txt"
if [ "$(sed -n 1p "$work/out.txt")" != "292 articles indexed, 0 problems" ] \
    || ! grep -q '^nyc-42: <mark>Council</mark> debates the city&#x27;s <mark>sanctuary laws</mark>$' "$work/out.txt" \
    || [ "$(tail -n 1 "$work/out.txt")" != "2020-11-07 Joe Biden projected US president-elect" ]; then
  echo "example project: unexpected output:"
  cat "$work/out.txt" "$work/err.txt"
  exit 1
fi
echo "example project: README example built against the installed artifact and ran as documented"
