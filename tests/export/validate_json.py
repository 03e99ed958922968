#!/usr/bin/python3
"""Every corpus document's JSON output (parse --format json --text) is
valid against schemas/vnlegal.schema.json, and its spans and node indices
are consistent (what a JSON Schema cannot say)."""
import argparse
import json
import os
import subprocess
import sys

from jsonschema import Draft202012Validator


def nodes_preorder(node, out):
    out.append(node)
    for c in node["children"]:
        nodes_preorder(c, out)
    return out


def consistency(doc):
    errors = []
    size = len(doc["text"].encode("utf-8")) if "text" in doc else None

    def check_span(where, span):
        if span[0] > span[1]:
            errors.append("%s: span %s reversed" % (where, span))
        if size is not None and span[1] > size:
            errors.append("%s: span %s past the text (%d bytes)" % (where, span, size))

    def walk(node, where):
        check_span(where, node["span"])
        prev_end = node["span"][0]
        for i, c in enumerate(node["children"]):
            w = "%s/%s[%d]" % (where, c["kind"], i)
            if not (node["span"][0] <= c["span"][0] and c["span"][1] <= node["span"][1]):
                errors.append("%s: span %s outside parent %s" % (w, c["span"], node["span"]))
            if c["span"][0] < prev_end:
                errors.append("%s: overlaps its previous sibling" % w)
            prev_end = c["span"][1]
            walk(c, w)

    walk(doc["body"], "body")
    count = len(nodes_preorder(doc["body"], []))
    for key in ("references", "quantities"):
        for i, x in enumerate(doc[key]):
            check_span("%s[%d]" % (key, i), x["span"])
            if x["node"] >= count:
                errors.append("%s[%d]: node %d of %d" % (key, i, x["node"], count))
            t = x.get("target_node")
            if t is not None and t >= count:
                errors.append("%s[%d]: target_node %d of %d" % (key, i, t, count))
    for i, r in enumerate(doc["references"]):
        a = r.get("antecedent")
        if a is not None and a >= len(doc["references"]):
            errors.append("references[%d]: antecedent %d" % (i, a))
    ids = [n.get("id") for n in nodes_preorder(doc["body"], []) if n.get("id")]
    if len(ids) != len(set(ids)):
        errors.append("node ids are not unique")
    return errors


# A filled-in document written by hand from the contract in DESIGN.md: the
# corpus run above only sees what the current parser emits.
SAMPLE = {
    "schema_version": "1",
    "source": {"path": "a.txt", "format": "text", "encoding": "UTF-8",
               "sha256": "0" * 64, "size": 120},
    "metadata": {"number": "01/NQ-HĐND", "type": "Nghị quyết", "type_code": "NQ",
                 "issuer": "HỘI ĐỒNG NHÂN DÂN QUẬN BẮC TỪ LIÊM", "issuer_code": "HĐND",
                 "place": "Bắc Từ Liêm", "date": "2020-06-18", "title": "Về nhiệm vụ",
                 "term": "II", "session": "14",
                 "signer": {"name": "Nguyễn Văn A", "title": "CHỦ TỊCH",
                            "authority": "TM. HỘI ĐỒNG NHÂN DÂN"}},
    "body": {"kind": "document", "num": None, "heading": None, "span": [0, 120], "id": None,
             "children": [
                 {"kind": "article", "num": "1", "heading": "Mục tiêu", "span": [0, 100],
                  "id": "art_1", "children": [
                      {"kind": "clause", "num": "1", "heading": None, "span": [20, 60],
                       "id": "art_1__para_1", "children": []}]}]},
    "references": [{"kind": "document", "doc_type": "Nghị định", "type_code": "NĐ",
                    "number": "61/2018/NĐ-CP", "name": None, "year": 2018,
                    "date": "2018-04-23", "issuer": "Chính phủ", "issuer_code": "CP",
                    "title": None, "role": "basis",
                    "pinpoint": {"part": None, "chapter": None, "section": None,
                                 "article": "5", "clause": "2", "point": None},
                    "editorial": False, "text": "Nghị định số 61/2018/NĐ-CP",
                    "span": [25, 50], "node": 2, "target_node": None, "antecedent": None}],
    "quantities": [{"kind": "target", "value": 8, "value_max": None, "unit": "%",
                    "comparator": "reach", "indicator": "tăng trưởng", "base": None,
                    "deadline": "2025", "text": "8%", "span": [52, 54], "node": 2}],
    "diagnostics": [{"code": "numbering-gap", "severity": "warning",
                     "message": "Điều 3 follows Điều 1", "span": [0, 0]}],
}

BROKEN = [
    ("unknown node kind", lambda d: d["body"]["children"][0].update(kind="khoan")),
    ("date not ISO", lambda d: d["metadata"].update(date="18/06/2020")),
    ("missing metadata field", lambda d: d["metadata"].pop("title")),
    ("span of three", lambda d: d["body"].update(span=[0, 1, 2])),
    ("negative offset", lambda d: d["quantities"][0].update(span=[-1, 2])),
    ("unknown role", lambda d: d["references"][0].update(role="cites")),
    ("comparator not in the list", lambda d: d["quantities"][0].update(comparator="gte")),
    ("severity", lambda d: d["diagnostics"][0].update(severity="fatal")),
    ("version", lambda d: d.update(schema_version="2")),
]


def self_test(validator):
    import copy
    failures = []
    errors = list(validator.iter_errors(SAMPLE)) + [
        type("E", (), {"message": m})() for m in consistency(SAMPLE)]
    for e in errors:
        failures.append("sample rejected: " + e.message)
    for name, mutate in BROKEN:
        d = copy.deepcopy(SAMPLE)
        mutate(d)
        if validator.is_valid(d):
            failures.append("schema accepts a document with: " + name)
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--corpus", required=True)
    args = ap.parse_args()
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    failures = self_test(validator)
    for f in failures:
        print(f)
    if failures:
        return 1
    docs = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
                  if not f.endswith(".groundtruth.txt"))
    bad = 0
    for path in docs:
        r = subprocess.run([args.cli, "parse", path, "--format", "json", "--text"],
                           capture_output=True)
        problems = []
        if r.returncode != 0:
            problems.append("exit %d: %s" % (r.returncode, r.stderr.decode(errors="replace")))
        else:
            doc = json.loads(r.stdout.decode("utf-8"))
            for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.path))[:5]:
                problems.append("/".join(str(p) for p in e.absolute_path) + ": " + e.message[:200])
            problems += consistency(doc)[:5]
        if problems:
            bad += 1
            print(os.path.basename(path))
            for p in problems:
                print("  " + p)
    print("json: %d of %d documents valid" % (len(docs) - bad, len(docs)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
