"""Parses a corpus in parallel on a Dask cluster.

    /usr/bin/python3 examples/dask_parse.py corpus/docs              # LocalCluster, 2 processes
    /usr/bin/python3 examples/dask_parse.py corpus/docs --check      # ... and compare with one process
    /usr/bin/python3 examples/dask_parse.py corpus/docs -o out.jsonl # JSON Lines, in input order
    /usr/bin/python3 examples/dask_parse.py DIR --scheduler tcp://host:8786   # an existing cluster

Each worker parses whole files and sends back plain data (``to_dict()``):
a ``vnlegal.Document`` wraps the C++ model and stays in the process that
made it. Every worker needs ``vnlegal`` installed and the input paths
readable (a shared file system); with ``--check`` the script parses the same
files in this process and exits 1 if any result differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List

import vnlegal


def parse_one(path: str) -> Dict[str, Any]:
    """Runs on a worker: one file in, the JSON contract (str offsets) out."""
    return vnlegal.parse_file(path).to_dict()


def collect(inputs: List[str], limit: int) -> List[str]:
    """Files named and files under folders named, sorted, at most ``limit``."""
    paths: List[str] = []
    for name in inputs:
        p = Path(name)
        if p.is_dir():
            paths += sorted(str(f) for f in p.rglob("*") if f.is_file())
        else:
            paths.append(str(p))
    return paths[:limit] if limit > 0 else paths


def parse_on_dask(paths: List[str], scheduler: str = "", workers: int = 2) -> List[Dict[str, Any]]:
    """The same map as ``[parse_one(p) for p in paths]``, on a Dask cluster."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            return client.gather(client.map(parse_one, paths))
    # Worker processes, not threads: each has its own interpreter, and the
    # C++ parser inside each one releases the GIL anyway.
    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster, Client(cluster) as client:
        return client.gather(client.map(parse_one, paths))


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+", help="files and folders")
    ap.add_argument("--scheduler", default="", help="address of a running Dask scheduler")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--limit", type=int, default=0, help="parse at most this many files")
    ap.add_argument("--check", action="store_true", help="compare with a single process")
    ap.add_argument("-o", "--output", help="write JSON Lines here")
    args = ap.parse_args(argv)

    paths = collect(args.inputs, args.limit)
    results = parse_on_dask(paths, args.scheduler, args.workers)

    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            for r in results:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")

    nodes = sum(_count_nodes(r["body"]) for r in results)
    refs = sum(len(r["references"]) for r in results)
    print(f"{len(results)} documents, {nodes} nodes, {refs} references")

    if args.check:
        local = [parse_one(p) for p in paths]
        differ = [p for p, a, b in zip(paths, results, local) if a != b]
        for p in differ:
            print(f"differs from a single process: {p}", file=sys.stderr)
        if differ:
            return 1
        print("identical to a single process")
    return 0


def _count_nodes(node: Dict[str, Any]) -> int:
    return 1 + sum(_count_nodes(c) for c in node["children"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
