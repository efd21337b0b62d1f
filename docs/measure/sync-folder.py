#!/usr/bin/env python3
"""Makes the 20,000-file folder the README's folder-sync figures were measured on.

Usage, from the project root:
    python3 docs/measure/sync-folder.py ../shared/data /tmp/sync20k
    ./lede index /tmp/sync20k --index /tmp/si20k     # first ingest
    ./lede index /tmp/sync20k --index /tmp/si20k     # again: no file is read

One .txt file per story (title, blank line, body): the Reuters-21578 stories that have both a
title and a body (19,043), then BBC News stories up to 20,000, in 51 sub-folders.
"""
import json
import os
import sys

data, out = sys.argv[1], sys.argv[2]
n = 0
with open(os.path.join(data, "reuters21578/articles.jsonl"), encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        if not (r.get("title") and r.get("body")):
            continue
        folder = os.path.join(out, "d%02d" % (n % 50))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "r%s.txt" % r["id"]), "w", encoding="utf-8") as w:
            w.write(r["title"].strip() + "\n\n" + r["body"])
        n += 1
        if n >= 20000:
            break
os.makedirs(os.path.join(out, "bbc"), exist_ok=True)
b = 0
with open(os.path.join(data, "bbc-news/articles.jsonl"), encoding="utf-8") as f:
    for line in f:
        if n >= 20000:
            break
        r = json.loads(line)
        if not (r.get("title") and r.get("body")):
            continue
        with open(os.path.join(out, "bbc", "b%d.txt" % b), "w", encoding="utf-8") as w:
            w.write(r["title"].strip() + "\n\n" + r["body"])
        b += 1
        n += 1
print(n, "files in", out)
