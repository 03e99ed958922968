#!/usr/bin/env python3
"""End-to-end tests of `vnlegal batch`, run from ctest:

    test_batch.py VNLEGAL_CLI CORPUS_DOCS [unittest arguments...]

Inputs are copies of a small corpus document, each with a distinct last
line, so that every file has its own content hash.
"""
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

CLI = None
CORPUS = None


def make_inputs(folder, count, prefix="doc"):
    """Writes `count` distinct documents; returns their paths in order."""
    base = os.path.join(CORPUS, "000_nq-hdnd_01-2020-bac-tu-liem.txt")
    with open(base, "rb") as f:
        body = f.read()
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i in range(count):
        p = os.path.join(folder, f"{prefix}{i:05d}.txt")
        with open(p, "wb") as f:
            f.write(body + f"\nBản sao số {i}.\n".encode())
        paths.append(p)
    return paths


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run(*args, stdin=None):
    return subprocess.run([CLI, "batch", *args], input=stdin,
                          capture_output=True, timeout=120)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def wait_until(predicate, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.005)
    return False


def count_lines(path):
    try:
        with open(path, "rb") as f:
            return f.read().count(b"\n")
    except FileNotFoundError:
        return 0


def count_db_documents(path):
    if not os.path.exists(path):
        return 0
    try:
        # Not read-only: a read-only reader of a WAL database fails while
        # the writer has not created the shared-memory file yet.
        con = sqlite3.connect(path, timeout=0.1)
        try:
            return con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


class Base(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="vnlegal-batch-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()


class KillAndResume(Base):
    """A batch killed with SIGKILL midway; --resume completes it with every
    document present exactly once."""

    def kill_midway(self, inputs, output_args, progress, started):
        # The names come through a pipe that stays open, so the batch is
        # still running (half of the names not even sent) when it is killed.
        proc = subprocess.Popen([CLI, "batch", "--from-list", "-", "--jobs", "2",
                                 *output_args], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        half = len(inputs) // 2
        proc.stdin.write("".join(p + "\n" for p in inputs[:half]).encode())
        proc.stdin.flush()
        self.assertTrue(wait_until(lambda: progress() >= started),
                        "the batch made no progress")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdin.close()
        self.assertEqual(proc.returncode, -signal.SIGKILL)

    def resume(self, inputs, output_args):
        listing = os.path.join(self.tmp, "list.txt")
        with open(listing, "w") as f:
            f.write("".join(p + "\n" for p in inputs))
        r = run("--from-list", listing, "--jobs", "2", "--resume", *output_args)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return r

    def test_jsonl(self):
        inputs = make_inputs(os.path.join(self.tmp, "in"), 400)
        out = os.path.join(self.tmp, "out.jsonl")
        partial = out + ".partial"
        self.kill_midway(inputs, ["-o", out], lambda: count_lines(partial), 50)
        self.assertFalse(os.path.exists(out), "published before the end")
        before = count_lines(partial)
        self.assertLess(before, len(inputs))
        # A write torn by the kill: the resume must drop it.
        with open(partial, "ab") as f:
            f.write(b'{"schema_version":"1","source":{"path":"x')
        self.resume(inputs, ["-o", out])
        self.assertFalse(os.path.exists(partial))
        records = read_jsonl(out)
        self.assertEqual(len(records), len(inputs))
        by_path = {r["source"]["path"]: r for r in records}
        self.assertEqual(sorted(by_path), sorted(inputs))
        for p in inputs:
            self.assertEqual(by_path[p]["source"]["sha256"], sha256(p))
        # Records written before the kill come first, in input order.
        self.assertEqual([r["source"]["path"] for r in records[:before]],
                         inputs[:before])

    def test_sqlite(self):
        inputs = make_inputs(os.path.join(self.tmp, "in"), 400)
        out = os.path.join(self.tmp, "out.sqlite")
        partial = out + ".partial"
        # Transactions commit every second at most: wait for the first.
        self.kill_midway(inputs, ["--db", out],
                         lambda: count_db_documents(partial), 1)
        self.assertFalse(os.path.exists(out), "published before the end")
        self.assertLess(count_db_documents(partial), len(inputs))
        self.resume(inputs, ["--db", out])
        self.assertFalse(os.path.exists(partial))
        con = sqlite3.connect(out)
        rows = con.execute("SELECT path, sha256, status FROM documents").fetchall()
        self.assertEqual(len(rows), len(inputs))
        self.assertEqual(sorted(r[0] for r in rows), sorted(inputs))
        for path, digest, status in rows:
            self.assertEqual(status, "ok")
            self.assertEqual(digest, sha256(path))
        # Every document has its root node, once.
        self.assertEqual(con.execute(
            "SELECT COUNT(*) FROM nodes WHERE idx = 0").fetchone()[0], len(inputs))

    def test_resume_of_finished_output_adds_only_new_inputs(self):
        inputs = make_inputs(os.path.join(self.tmp, "in"), 20)
        out = os.path.join(self.tmp, "out.jsonl")
        self.assertEqual(run(*inputs[:10], "-o", out).returncode, 0)
        r = run(*inputs, "-o", out, "--resume", "--summary")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"skipped (already in the output): 10", r.stderr)
        self.assertEqual(sorted(x["source"]["path"] for x in read_jsonl(out)),
                         sorted(inputs))


class Memory(Base):
    """Peak memory does not grow with the number of files."""

    def peak_rss(self, args):
        proc = subprocess.Popen([CLI, "batch", *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        return usage.ru_maxrss * 1024

    def test_1000_files_vs_100(self):
        small = os.path.join(self.tmp, "small")
        large = os.path.join(self.tmp, "large")
        make_inputs(small, 100)
        make_inputs(large, 1000)
        for kind, flag, name in (("jsonl", "-o", "out.jsonl"),
                                 ("sqlite", "--db", "out.sqlite")):
            out = os.path.join(self.tmp, name)
            a = self.peak_rss([small, flag, out, "--jobs", "2"])
            b = self.peak_rss([large, flag, out, "--jobs", "2"])
            print(f"{kind}: peak RSS 100 files {a / 1e6:.1f} MB, "
                  f"1000 files {b / 1e6:.1f} MB", file=sys.stderr)
            # 10x the input may cost a little allocator and page-cache slack,
            # never 10x the memory.
            self.assertLess(b, a * 1.25 + 4e6, kind)


class Outputs(Base):
    def test_input_order_with_several_jobs(self):
        inputs = make_inputs(os.path.join(self.tmp, "in"), 60)
        out = os.path.join(self.tmp, "out.jsonl")
        r = run(os.path.join(self.tmp, "in"), "-o", out, "--jobs", "2",
                "--window", "3")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual([x["source"]["path"] for x in read_jsonl(out)], inputs)
        r = run(os.path.join(self.tmp, "in"), "-o", out, "--jobs", "2",
                "--unordered")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(sorted(x["source"]["path"] for x in read_jsonl(out)),
                         inputs)

    def test_one_line_per_document_equal_to_parse(self):
        inputs = make_inputs(os.path.join(self.tmp, "in"), 2)
        out = os.path.join(self.tmp, "out.jsonl")
        self.assertEqual(run(*inputs, "-o", out).returncode, 0)
        with open(out, encoding="utf-8") as f:
            lines = f.read().split("\n")
        self.assertEqual(lines[-1], "")
        self.assertEqual(len(lines), 3)
        single = subprocess.run([CLI, "parse", "--no-text", inputs[0]], capture_output=True)
        self.assertEqual(json.loads(lines[0]), json.loads(single.stdout))

    def test_bad_inputs_become_error_records(self):
        inputs = make_inputs(os.path.join(self.tmp, "in"), 3)
        missing = os.path.join(self.tmp, "missing.txt")
        folder_in_list = os.path.join(self.tmp, "in")
        out = os.path.join(self.tmp, "out.jsonl")
        r = run(inputs[0], missing, inputs[1], "-", "-o", out,
                stdin=(inputs[2] + "\n").encode())
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"missing.txt", r.stderr)
        records = read_jsonl(out)
        self.assertEqual([x["source"]["path"] for x in records],
                         [inputs[0], missing, inputs[1], inputs[2]])
        self.assertEqual(records[1]["error"]["code"], "no-input")
        self.assertNotIn("error", records[0])
        # The failed input is tried again by --resume, the others are not.
        r = run(inputs[0], missing, inputs[1], folder_in_list, "-o", out,
                "--resume")
        self.assertEqual(r.returncode, 1)
        paths = [x["source"]["path"] for x in read_jsonl(out)]
        self.assertEqual(paths, inputs + [missing])

    def test_globs_and_duplicates(self):
        folder = os.path.join(self.tmp, "in")
        inputs = make_inputs(folder, 4)
        make_inputs(os.path.join(folder, "sub"), 2, prefix="nested")
        with open(os.path.join(folder, ".hidden.txt"), "w") as f:
            f.write("not an input")
        out = os.path.join(self.tmp, "out.jsonl")
        # A quoted glob, and the same file named twice (written once).
        r = run(os.path.join(folder, "doc0000[0-2].txt"), inputs[0], "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual([x["source"]["path"] for x in read_jsonl(out)],
                         inputs[:3])
        r = run(os.path.join(folder, "**", "*.txt"), "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        paths = [x["source"]["path"] for x in read_jsonl(out)]
        self.assertEqual(len(paths), 6)
        self.assertFalse(any(".hidden" in p for p in paths))
        r = run(folder, "-o", out)
        paths = [x["source"]["path"] for x in read_jsonl(out)]
        self.assertEqual(paths, inputs + [os.path.join(folder, "sub", f"nested{i:05d}.txt")
                                          for i in range(2)])

    def test_sqlite_citation_graph_view(self):
        inputs = make_inputs(os.path.join(self.tmp, "in"), 3)
        out = os.path.join(self.tmp, "out.sqlite")
        self.assertEqual(run(*inputs, "--db", out, "--text").returncode, 0)
        con = sqlite3.connect(out)
        tables = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        self.assertLessEqual({"documents", "nodes", "refs", "quantities",
                              "diagnostics", "citation_graph"}, tables)
        # The view resolves cited numbers against the documents table.
        con.execute("UPDATE documents SET number = '01/2020/NQ-HĐND' WHERE id = 2")
        con.execute("INSERT INTO refs(doc_id, idx, kind, number, role) "
                    "VALUES (1, (SELECT COALESCE(MAX(idx) + 1, 0) FROM refs WHERE doc_id = 1),"
                    " 'document', '01/2020/NQ-HĐND', 'basis')")
        # A citation inside a website's note is no edge.
        con.execute("INSERT INTO refs(doc_id, idx, kind, number, role, editorial) "
                    "VALUES (3, (SELECT COALESCE(MAX(idx) + 1, 0) FROM refs WHERE doc_id = 3),"
                    " 'document', '01/2020/NQ-HĐND', 'mentions', 1)")
        self.assertEqual(con.execute(
            "SELECT citing_id, cited_id, cited_matches, citations FROM citation_graph"
            " WHERE cited_id IS NOT NULL").fetchall(), [(1, 2, 1, 1)])
        # Citations of documents outside the database stay, unresolved.
        self.assertGreater(con.execute(
            "SELECT COUNT(*) FROM citation_graph WHERE cited_id IS NULL").fetchone()[0], 0)
        text = con.execute("SELECT text FROM documents WHERE id = 1").fetchone()[0]
        self.assertIn("Bản sao số 0.", text)

    def test_output_inside_the_input_folder_is_not_an_input(self):
        folder = os.path.join(self.tmp, "in")
        inputs = make_inputs(folder, 3)
        for flag, name in (("-o", "out.jsonl"), ("--db", "out.sqlite")):
            out = os.path.join(folder, name)
            for _ in range(2):  # the second run finds the first one's output
                r = run(folder, flag, out, "--summary")
                self.assertEqual(r.returncode, 0, r.stderr.decode())
                self.assertIn(b"documents: 3\n", r.stderr)
            os.remove(out)

    def test_usage_errors(self):
        self.assertEqual(run(CORPUS).returncode, 2)
        self.assertEqual(run(CORPUS, "-o", "a.jsonl", "--db", "a.sqlite").returncode, 2)
        self.assertEqual(run(CORPUS, "-o", "-", "--resume").returncode, 2)


if __name__ == "__main__":
    CLI, CORPUS = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], *sys.argv[3:]], verbosity=2)
