#!/usr/bin/env bash
# bench.sh: Lede against raw Lucene and SQLite FTS5, on the same corpus and queries, in one command.
#
#   docs/measure/bench.sh --corpus reuters --articles 20000 --repeat 3
#   docs/measure/bench.sh --corpus reuters --sizes 20000,100000,500000,1000000 --repeat 3
#
# Each system runs in its own fresh JVM (Lede through its public API; raw Lucene written by hand
# the best-practice way doing the index work of Lede's default schema, as "lucene", and with id,
# title and body only, as "lucene-plain", which shows what Lede's search features cost; FTS5
# through sqlite-jdbc; on request, "lede-lean": Lede building an index without its optional
# features, the work of lucene-plain and FTS5), the order rotating every repetition. It prints a
# Markdown table (medians [min-max], ratios of Lede to each other system, and of lede-lean to
# lucene-plain and FTS5; then the same ingest speed ratios repetition by repetition, with their
# median) and writes target/bench/results.md,
# results.csv (every run, for the cost curve) and results.json. The benchmark code is test code
# (src/test/java/dev/lede/bench): never in the jar.
# For one operation at a time (analysis, a batch, a query, snippets) under JMH, see jmh.sh.
#
# Options (--name value; defaults in brackets):
#   --corpus            reuters | bbc | path/to/articles.jsonl (id, title, body)     [reuters]
#   --articles          how many; more than the corpus holds are recombined from its
#                       real titles and sentences, deterministically from --seed     [20000]
#   --sizes             comma-separated article counts: the whole benchmark once per
#                       size (in <out>/size-N/), then the cost curve of all sizes:
#                       <out>/cost-curve.svg and cost-curve.md (overrides --articles)   []
#   --repeat            runs per system                                               [3]
#   --systems           comma-separated subset of lede,lucene,lucene-plain,fts5, and
#                       lede-lean                              [lede,lucene,lucene-plain,fts5]
#   --queries-per-kind  queries of each kind (high/mid/low-df word, OR, AND, phrase)  [20]
#   --passes            timed passes over the query set per setting                   [3]
#   --warmup            untimed passes before each setting for at least this many
#                       seconds, then until the JIT compiler is quiet (under 5% of
#                       a 1 s round, two rounds in a row)                            [5]
#   --warmup-max        ... but never longer than this many seconds                  [60]
#   --xmx               heap of each system's JVM (-Xms and -Xmx)                     [1g]
#   --seed              corpus recombination and query choice                         [42]
#   --data              folder holding reuters21578/ and bbc-news/                    [../shared/data]
#   --out               output folder                                                 [target/bench]
#   --redraw            yes: with --sizes, draw the curve again from the results
#                       already in <out>/size-N/ (after a change to the plot), running nothing [no]
#   --search            no: ingest only, no searching (each run takes a fraction of the
#                       time, so many more repetitions fit); not with --sizes          [yes]
#   --reingest          yes: after the ingest, time a second one of the same corpus as a
#                       later sync offers it, 1 article in 10 changed (each system
#                       skips the unchanged ones its usual way), before any search    [no]
#
# Environment: JAVA_HOME (a JDK 21+; otherwise the newest found, as ./lede does).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
case "${1:-}" in
  -h | --help)
    # This header, without its comment marks.
    sed -n '2,/^# Environment/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac
cd "$home"
source "$home/docs/measure/bench-build.sh" bench
exec "$java_home/bin/java" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -Dlede.shared.data="$home/../shared/data" -cp "$classpath" dev.lede.bench.Bench "$@"
