#!/usr/bin/python3
"""`vnlegal graph`: a hand-made batch with known citations gives the edges,
the GraphML and the ranking one can count by hand; the corpus batch
(`vnlegal batch corpus/docs -o x.jsonl`) goes through every format."""
import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def ref(kind="document", number=None, name=None, year=None, doc_type=None, role="mentions"):
    return {"kind": kind, "doc_type": doc_type, "type_code": None, "number": number,
            "name": name, "year": year, "date": None, "issuer": None, "issuer_code": None,
            "title": None, "role": role, "pinpoint": None, "editorial": False,
            "text": "", "span": [0, 0], "node": 0, "target_node": None, "antecedent": None}


def doc(path, number, doc_type, refs):
    return {"schema_version": "1",
            "source": {"path": path, "format": "text", "encoding": "UTF-8", "sha256": ""},
            "metadata": {"number": number, "type": doc_type, "title": None},
            "body": {"kind": "document", "children": []},
            "references": refs, "quantities": [], "diagnostics": []}


DECREE = dict(number="61/2018/NĐ-CP", doc_type="Nghị định")
LAW = dict(kind="named", name="Luật Tổ chức chính quyền địa phương", year=2015, doc_type="Luật")
BATCH = [
    doc("a.txt", "01/2020/NQ-HĐND", "Nghị quyết", [
        ref(role="basis", **DECREE), ref(role="basis", **DECREE), ref(role="basis", **LAW),
        ref(number="02/2020/QĐ-UBND", doc_type="Quyết định", role="implements"),
        ref(kind="internal"), ref(kind="self"),
        ref(number="01/2020/NQ-HĐND")]),  # itself: not an edge
    doc("b.txt", "02/2020/QĐ-UBND", "Quyết định", [
        ref(role="basis", **DECREE),
        # the same law with other capitals
        ref(role="basis", **dict(LAW, name="Luật tổ chức chính quyền địa phương"))]),
    doc("c.txt", None, None, [ref(**DECREE), ref(number="01/2020/NQ-HĐND")]),
]


def run(cli, *args):
    r = subprocess.run([cli, "graph"] + list(args), capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def check_known(cli, tmp, problems):
    path = os.path.join(tmp, "known.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for d in BATCH[:2]:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
        f.write("{not json\n")  # one bad line: reported, the rest processed
        f.write(json.dumps(BATCH[2], ensure_ascii=False) + "\n")

    code, out, err = run(cli, path, "--top", "10")
    if code != 1 or ":3:" not in err:
        problems.append("bad line: exit %d, stderr %r" % (code, err))
    rows = list(csv.DictReader(io.StringIO(out)))
    got = [(r["document"], r["cited_by"], r["citations"], r["in_input"]) for r in rows]
    want = [("61/2018/NĐ-CP", "3", "4", "no"),
            ("luật tổ chức chính quyền địa phương 2015", "2", "2", "no"),
            ("01/2020/NQ-HĐND", "1", "1", "yes"),
            ("02/2020/QĐ-UBND", "1", "1", "yes")]
    if got != want:
        problems.append("ranking %r, expected %r" % (got, want))
    elif rows[1]["label"] != "Luật Tổ chức chính quyền địa phương 2015":
        problems.append("label of the law: %r" % rows[1]["label"])
    code, out, _ = run(cli, path, "--top", "1")
    if len(list(csv.DictReader(io.StringIO(out)))) != 1:
        problems.append("--top 1 lists more than one")

    code, out, _ = run(cli, path)
    edges = {(r["source"], r["target"], r["role"]): int(r["count"])
             for r in csv.DictReader(io.StringIO(out))}
    want_edges = {
        ("01/2020/NQ-HĐND", "61/2018/NĐ-CP", "basis"): 2,
        ("01/2020/NQ-HĐND", "luật tổ chức chính quyền địa phương 2015", "basis"): 1,
        ("01/2020/NQ-HĐND", "02/2020/QĐ-UBND", "implements"): 1,
        ("02/2020/QĐ-UBND", "61/2018/NĐ-CP", "basis"): 1,
        ("02/2020/QĐ-UBND", "luật tổ chức chính quyền địa phương 2015", "basis"): 1,
        ("path:c.txt", "61/2018/NĐ-CP", "mentions"): 1,
        ("path:c.txt", "01/2020/NQ-HĐND", "mentions"): 1,
    }
    if edges != want_edges:
        problems.append("edges %r" % edges)

    code, out, _ = run(cli, path, "--format", "graphml")
    try:
        g = ET.fromstring(out.encode("utf-8")).find(GRAPHML + "graph")
        nodes = {n.get("id") for n in g.findall(GRAPHML + "node")}
        if nodes != {"01/2020/NQ-HĐND", "02/2020/QĐ-UBND", "path:c.txt", "61/2018/NĐ-CP",
                     "luật tổ chức chính quyền địa phương 2015"}:
            problems.append("graphml nodes %r" % nodes)
        if len(g.findall(GRAPHML + "edge")) != len(want_edges):
            problems.append("graphml edges: %d" % len(g.findall(GRAPHML + "edge")))
        if g.get("edgedefault") != "directed":
            problems.append("graphml is not directed")
    except ET.ParseError as e:
        problems.append("graphml not well-formed: %s" % e)


def check_corpus(cli, corpus, tmp, problems):
    jsonl = os.path.join(tmp, "x.jsonl")
    r = subprocess.run([cli, "batch", corpus, "-o", jsonl], capture_output=True, text=True)
    if not os.path.exists(jsonl):
        problems.append("batch wrote nothing: " + r.stderr)
        return
    with open(jsonl, encoding="utf-8") as f:
        inputs = len([line for line in f if line.strip()])
    for args in ([], ["--format", "graphml"], ["--top", "5"]):
        code, out, err = run(cli, jsonl, *args)
        if code != 0:
            problems.append("graph %s on the corpus: exit %d %s" % (args, code, err))
            continue
        if args == ["--format", "graphml"]:
            g = ET.fromstring(out.encode("utf-8")).find(GRAPHML + "graph")
            inside = [n for n in g.findall(GRAPHML + "node")
                      if n.find(GRAPHML + "data[@key='in_input']").text == "true"]
            if len(inside) > inputs or not inside:
                problems.append("graphml: %d input nodes for %d documents" % (len(inside), inputs))
            print("corpus graph: %d documents, %d nodes, %d edges" % (
                inputs, len(g.findall(GRAPHML + "node")), len(g.findall(GRAPHML + "edge"))))
        elif not out.startswith("source,source_label,target" if not args else "rank,"):
            problems.append("graph %s: unexpected header %r" % (args, out[:40]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--corpus", required=True)
    args = ap.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        check_known(args.cli, tmp, problems)
        check_corpus(args.cli, args.corpus, tmp, problems)
    for p in problems:
        print("FAIL: " + p)
    print("graph: %s" % ("ok" if not problems else "%d problems" % len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
