#!/usr/bin/env bash
# jmh.sh: JMH microbenchmarks of Lede's hot paths, each beside the raw Lucene baseline of
# bench.sh, in one command. Where bench.sh times whole systems, these time one operation each.
#
#   docs/measure/jmh.sh                              # all five benchmarks, both systems
#   docs/measure/jmh.sh 'SearchBenchmark.topTen$'    # those whose name matches a regex
#   docs/measure/jmh.sh -f 2 -wi 5 -i 10 -r 5s       # more forks, iterations, longer ones
#   docs/measure/jmh.sh -p system=lede -t 2          # one system, two benchmark threads
#   docs/measure/jmh.sh BatchIndexBenchmark -p system=lede -p features=none,spelling,all
#   docs/measure/jmh.sh -l                           # list them; -h for every JMH option
#
# The benchmarks (src/jmh/java/dev/lede/bench, each with @Param system = lede, lucene; Lede through
# its public API, raw Lucene through LuceneSystem, on the first N Reuters-21578 articles):
#   AnalysisBenchmark.analyzeBody         one article body through the index-time analyzer
#                                         (Lede's schema for the body field; LuceneSystem.NewsText)
#   BatchIndexBenchmark.addBatch          1,000 articles into a fresh in-memory index, one indexing
#                                         thread, until committed and searchable; -p features=
#                                         all (default), none, spelling, title-suggestions or
#                                         duplicates: Lede's optional index parts (raw Lucene: all
#                                         or none, its lucene and lucene-plain lines)
#   SearchBenchmark.topTen                one top-10 query of the QuerySet mix, 20,000 articles,
#                                         stored fields loaded, no snippets
#   SearchBenchmark.topTenWithSnippets    the same, plus the title and one passage of each hit
#   ContentHashBenchmark.hashArticle      one article's content hash, what a sync computes for every
#                                         article it offers (lede: ContentHash of every field;
#                                         lucene: id, title and body); -p computation=shipped times
#                                         Lede's computation as it first shipped, same bytes
#
# Arguments are JMH's own. The defaults are set in each class: 1 fork, average time per operation,
# 3 to 5 warm-up iterations of 2 or 3 s (search needs the longest) and 5 measured iterations of 2 s,
# about 4 minutes in all; -f, -wi, -w, -i and -r override them (-f 2 or more for figures to keep).
# After JMH's table it prints each benchmark's Lede/Lucene ratio from target/jmh/results.json
# (JMH's -rf json output; do not pass -rf or -rff). The benchmark code is test code: never in the jar,
# and not compiled by `mvn verify` (this script compiles it with JMH's annotation processor).
#
# Environment: JAVA_HOME (a JDK 21+; otherwise the newest found, as ./lede does),
# LEDE_SHARED_DATA (the folder holding reuters21578/; ../shared/data by default).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
cd "$home"
data="${LEDE_SHARED_DATA:-$home/../shared/data}"
if [ ! -f "$data/reuters21578/articles.jsonl" ]; then
  echo "jmh: skipped: no Reuters data at $data/reuters21578/articles.jsonl (set LEDE_SHARED_DATA)" >&2
  exit 0
fi
java_home=$("$home/lede" --print-java-home)
out=target/jmh

mkdir -p "$out"
echo "jmh: compiling the library, the test classes and the benchmarks..." >&2
JAVA_HOME="$java_home" mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >"$out/build.log" 2>&1 || {
  echo "jmh: the build failed; see $out/build.log" >&2
  tail -n 20 "$out/build.log" >&2
  exit 1
}
classpath="target/test-classes:target/classes:$(cat "$out/classpath.txt")"
# JMH's generator writes the benchmark stubs and META-INF/BenchmarkList next to the classes.
rm -rf "$out/classes"
find src/jmh/java -name '*.java' >"$out/sources.txt"
"$java_home/bin/javac" --release 21 -encoding UTF-8 -cp "$classpath" -processorpath "$classpath" \
  -d "$out/classes" @"$out/sources.txt" 2>"$out/javac.log" || {
  echo "jmh: compiling src/jmh/java failed:" >&2
  cat "$out/javac.log" >&2
  exit 1
}

# The forked benchmark JVMs inherit these flags (unless -jvmArgs replaces them).
rm -f "$out/results.json"
status=0
"$java_home/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx1g \
  -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dlede.shared.data="$data" \
  -cp "$out/classes:$classpath" org.openjdk.jmh.Main -rf json -rff "$out/results.json" "$@" || status=$?
[ -s "$out/results.json" ] || exit "$status"

python3 - "$out/results.json" <<'PY'
import json, sys

# One row per benchmark and parameter set, its lede and lucene scores side by side.
rows = {}
for run in json.load(open(sys.argv[1], encoding="utf-8")):
    params = dict(run.get("params") or {})
    system = params.pop("system", None)
    if system is None:
        continue
    name = ".".join(run["benchmark"].split(".")[-2:])
    extra = ",".join(f"{k}={v}" for k, v in sorted(params.items()))
    key = (name, extra, run["mode"], run["threads"])
    rows.setdefault(key, {})[system] = run["primaryMetric"]

def score(metric):
    if not metric:
        return "-"
    error = metric["scoreError"]  # "NaN" (a string) when there was one measured iteration
    return f"{metric['score']:.3f}" + (f" ± {error:.3f}" if isinstance(error, (int, float)) else "")

print()
print("Lede / raw Lucene (avgt: time per operation, a ratio above 1 means Lede is slower)")
print()
print("| benchmark | params | threads | mode | lede | lucene | unit | lede/lucene |")
print("|---|---|---:|---|---:|---:|---|---:|")
for (name, extra, mode, threads), by in sorted(rows.items()):
    lede, lucene = by.get("lede"), by.get("lucene")
    unit = (lede or lucene)["scoreUnit"]
    ratio = f"{lede['score'] / lucene['score']:.2f}" if lede and lucene and lucene["score"] else "-"
    print(f"| {name} | {extra} | {threads} | {mode} | {score(lede)} | {score(lucene)} | {unit} | {ratio} |")
PY
exit "$status"
