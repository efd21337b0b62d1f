# bench-build.sh: sourced by bench.sh and sync-again.sh (not run on its own). From the project
# root, compiles the library and the benchmark (test classes) with a JDK 21+ and sets java_home
# and classpath for running a benchmark class; on a failed build, prints the log's tail and exits.
# $1: the calling script's name, for its messages.
java_home=$("$home/lede" --print-java-home)
mkdir -p target/bench
echo "$1: compiling the library and the benchmark (test classes)..." >&2
JAVA_HOME="$java_home" mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >target/bench/build.log 2>&1 || {
  echo "$1: the build failed; see target/bench/build.log" >&2
  tail -n 20 target/bench/build.log >&2
  exit 1
}
classpath="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"
