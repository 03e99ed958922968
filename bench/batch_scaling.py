#!/usr/bin/env python3
"""Scaling and memory of `vnlegal batch` on the corpus replicated.

    bench/batch_scaling.py [--cli build/vnlegal] [--corpus corpus/docs]
                           [--min-mb 100] [--repeat 3] [--db]

Links the corpus text files (.txt, .md) into a temporary folder as many
times as needed to reach --min-mb, then times `vnlegal batch` with --jobs 1
and --jobs 2 (best of --repeat runs each, alternating so that both see the
same background load), and reports wall time, MB/s, CPU time, peak memory
and the speed-up.
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import time


def replicate(corpus, folder, min_bytes):
    texts = sorted(os.path.join(corpus, n) for n in os.listdir(corpus)
                   if n.endswith((".txt", ".md")))
    size = sum(os.path.getsize(p) for p in texts)
    copies = max(1, -(-min_bytes // size))
    for c in range(copies):
        sub = os.path.join(folder, f"copy{c:04d}")
        os.makedirs(sub)
        for p in texts:
            dst = os.path.join(sub, os.path.basename(p))
            try:
                os.link(p, dst)
            except OSError:
                shutil.copyfile(p, dst)
    return copies * len(texts), copies * size


def run(cli, args):
    start = time.monotonic()
    proc = subprocess.Popen([cli, "batch", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"vnlegal batch failed with status {code}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default="build/vnlegal")
    ap.add_argument("--corpus", default="corpus/docs")
    ap.add_argument("--min-mb", type=float, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--db", action="store_true", help="SQLite instead of JSON Lines")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnlegal-scaling-") as tmp:
        inputs = os.path.join(tmp, "in")
        files, size = replicate(a.corpus, inputs, int(a.min_mb * 1e6))
        out = os.path.join(tmp, "out.sqlite" if a.db else "out.jsonl")
        flag = "--db" if a.db else "-o"
        print(f"{files} files, {size / 1e6:.1f} MB, output {flag} {os.path.basename(out)}")
        best = {}
        for _ in range(a.repeat):
            for jobs in (1, 2):
                # Every run starts without an output: replacing the previous
                # run's file would time the file system freeing it.
                if os.path.exists(out):
                    os.unlink(out)
                os.sync()
                r = run(a.cli, [inputs, flag, out, "--jobs", str(jobs)])
                if jobs not in best or r[0] < best[jobs][0]:
                    best[jobs] = r
        for jobs, (wall, cpu, rss) in sorted(best.items()):
            print(f"--jobs {jobs}: {wall:6.2f} s wall, {size / 1e6 / wall:6.1f} MB/s, "
                  f"{cpu:6.2f} s CPU ({cpu / wall:.2f} cores obtained), "
                  f"peak {rss / 1e6:.1f} MB")
        print(f"speed-up --jobs 2 / --jobs 1: {best[1][0] / best[2][0]:.2f}x")
        # On a shared machine the scheduler may give the process less than
        # two cores whatever its thread count: the speed-up is then bounded
        # by the cores obtained, not by the batch.
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
