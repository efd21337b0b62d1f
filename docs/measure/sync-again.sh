#!/usr/bin/env bash
# sync-again.sh: one more sync of an index a benchmark run left behind, timed in a fresh JVM.
#
#   docs/measure/bench.sh --articles 1000000 --repeat 1 --search no --reingest yes \
#       --systems lede,lucene --out /tmp/b
#   docs/measure/sync-again.sh lede /tmp/b/index-lede 1000000
#   docs/measure/sync-again.sh lucene /tmp/b/index-lucene 1000000
#
# bench.sh leaves each system's last index in <out>/index-SYSTEM, with its first ingest and its
# sync written. This copies it beside itself (<index>-sync-again, removed afterwards, so the same
# state can be synced again and again), opens it (lede: ArticleIndex.open; lucene: an IndexWriter
# appending), and times a sync of the same corpus in which another 1 article in 10 changed
# (Corpus.revisedAgain). It prints the time, the CPU time of the process and how much of it
# Lucene's merge threads took, and the segments before and after: where a sync takes the index over
# the merge policy's segment budget, a merge runs beside it and competes for the cores (closing
# abandons it if unfinished). A second line gives the CPU by thread group (the indexing threads,
# the caller "main", the merge threads), and what the JVM's own threads took
# (garbage collection, the JIT compilers): the process's CPU less its Java threads'. Same JVM
# settings as bench.sh (-Xms/-Xmx1g).
#
# Arguments: SYSTEM (lede or lucene) INDEX ARTICLES [CORPUS [SEED]], ARTICLES, CORPUS and SEED as
# the bench.sh run had them (defaults reuters and 42).
# Environment: JAVA_HOME (a JDK 21+; otherwise the newest found, as ./lede does).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
case "${1:-}" in
  -h | --help)
    sed -n '2,/^# Environment/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac
if [ $# -lt 3 ]; then
  echo "usage: docs/measure/sync-again.sh SYSTEM INDEX ARTICLES [CORPUS [SEED]] (--help says more)" >&2
  exit 2
fi
if [ ! -d "$2" ]; then
  echo "sync-again: no index folder at $2; bench.sh --reingest yes leaves one in <out>/index-SYSTEM" >&2
  exit 2
fi
index=$(cd "$(dirname "$2")" && pwd -P)/$(basename "$2")
cd "$home"
source "$home/docs/measure/bench-build.sh" sync-again
exec "$java_home/bin/java" -Xms1g -Xmx1g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dlede.shared.data="$home/../shared/data" \
  -cp "$classpath" dev.lede.bench.SyncAgain "$1" "$index" "${@:3}"
