#!/usr/bin/python3
"""Every corpus document's Akoma Ntoso output validates against the OASIS
Akoma Ntoso 3.0 schema (xmllint)."""
import argparse
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--corpus", required=True)
    args = ap.parse_args()
    docs = sorted(
        os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
        if not f.endswith(".groundtruth.txt"))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        outputs = []
        for i, path in enumerate(docs):
            out = os.path.join(tmp, "%03d.xml" % i)
            r = subprocess.run([args.cli, "parse", path, "--format", "akn",
                                "-o", out], capture_output=True, text=True)
            if r.returncode != 0:
                failures.append("%s: exit %d %s" % (path, r.returncode,
                                                     r.stderr.strip()))
                continue
            outputs.append((path, out))
        # One xmllint run for all files: the schema is compiled once.
        r = subprocess.run(["xmllint", "--noout", "--schema", args.schema] +
                           [o for _, o in outputs],
                           capture_output=True, text=True)
        names = {o: p for p, o in outputs}
        for line in r.stderr.splitlines():
            if line.endswith(" validates"):
                continue
            for o, p in names.items():
                line = line.replace(o, os.path.basename(p))
            failures.append(line)
        valid = sum(1 for line in r.stderr.splitlines()
                    if line.endswith(" validates"))
    print("akn: %d of %d documents validate" % (valid, len(docs)))
    for f in failures[:50]:
        print("  " + f)
    return 0 if valid == len(docs) and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
