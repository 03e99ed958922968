#!/usr/bin/env python3
"""Prints a short summary of a vnlegal JSON Lines file."""
import collections
import json
import sys

docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
types = collections.Counter((d["metadata"].get("type") or "?") for d in docs)
refs = collections.Counter()
targets = 0
for d in docs:
    for r in d.get("references", []):
        if r.get("number"):
            refs[r["number"]] += 1
    targets += sum(1 for q in d.get("quantities", []) if q.get("kind") == "target")
print(f"{len(docs)} documents")
for t, n in types.most_common():
    print(f"  {n:4}  {t}")
print(f"{sum(len(d.get('references', [])) for d in docs)} references, {targets} targets")
print("most cited:")
for num, n in refs.most_common(10):
    print(f"  {n:4}  {num}")
