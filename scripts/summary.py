#!/usr/bin/env python3
"""Summary of a `vnlegal batch` output, with sample queries.

    scripts/summary.py out/corpus.sqlite     (SQLite: summary + sample queries)
    scripts/summary.py out/corpus.jsonl      (JSON Lines: summary)
"""
import collections
import json
import sqlite3
import sys

QUERIES = [
    ("Most-cited documents (by canonical number; 'in db' when the batch holds it)",
     """SELECT g.cited_number, COUNT(DISTINCT g.citing_id) AS citing_documents,
          SUM(g.citations) AS citations,
          CASE WHEN g.cited_id IS NULL THEN '' ELSE 'in db' END AS present,
          COALESCE(d.title, '') AS title
     FROM citation_graph g LEFT JOIN documents d ON d.id = g.cited_id
     GROUP BY g.cited_number ORDER BY citing_documents DESC, citations DESC,
          g.cited_number LIMIT 10"""),
    ("Targets by indicator",
     """SELECT COALESCE(indicator, '(no indicator)') AS indicator, COUNT(*) AS targets,
          COUNT(DISTINCT doc_id) AS documents,
          GROUP_CONCAT(DISTINCT unit) AS units
     FROM quantities WHERE kind = 'target'
     GROUP BY indicator ORDER BY targets DESC, indicator LIMIT 10"""),
    ("Documents by issuer and year",
     """SELECT COALESCE(issuer, '?') AS issuer, SUBSTR(date, 1, 4) AS year,
          COUNT(*) AS documents
     FROM documents WHERE status = 'ok'
     GROUP BY issuer, year ORDER BY documents DESC LIMIT 10"""),
    ("Most frequent diagnostics",
     """SELECT code, severity, COUNT(*) AS n, COUNT(DISTINCT doc_id) AS documents
     FROM diagnostics GROUP BY code, severity ORDER BY n DESC LIMIT 10"""),
]


def table(rows, header):
    rows = [["" if v is None else str(v) for v in r] for r in rows]
    if not rows:
        print("  (none)")
        return
    width = [min(60, max(len(h), *(len(r[i]) for r in rows))) for i, h in enumerate(header)]
    print("  " + "  ".join(h.ljust(w) for h, w in zip(header, width)))
    for r in rows:
        print("  " + "  ".join(v[:60].ljust(w) for v, w in zip(r, width)))


def summarize_sqlite(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    one = lambda sql: con.execute(sql).fetchone()[0]
    docs = one("SELECT COUNT(*) FROM documents WHERE status = 'ok'")
    failed = one("SELECT COUNT(*) FROM documents WHERE status = 'error'")
    with_errors = one("SELECT COUNT(DISTINCT doc_id) FROM diagnostics WHERE severity = 'error'")
    print(f"{docs} documents, {failed} failed inputs, {with_errors} documents with errors")
    print("by type:")
    table(con.execute("""SELECT COALESCE(type, '(unknown type)'), COUNT(*) FROM documents
                         WHERE status = 'ok' GROUP BY type ORDER BY COUNT(*) DESC"""),
          ["type", "documents"])
    print("by container and encoding:")
    table(con.execute("""SELECT format, encoding, COUNT(*) FROM documents
                         WHERE status = 'ok' GROUP BY format, encoding
                         ORDER BY COUNT(*) DESC"""), ["format", "encoding", "documents"])
    refs = one("SELECT COUNT(*) FROM refs")
    targets = one("SELECT COUNT(*) FROM quantities WHERE kind = 'target'")
    nodes = one("SELECT COUNT(*) FROM nodes")
    print(f"{nodes} structural units, {refs} references, {targets} targets")
    for title, sql in QUERIES:
        print(f"\n{title}:")
        print("  " + " ".join(sql.split()))
        cur = con.execute(sql)
        table(cur.fetchall(), [c[0] for c in cur.description])


def summarize_jsonl(path):
    types = collections.Counter()
    cited = collections.Counter()
    docs = failed = refs = targets = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if "error" in d:
                failed += 1
                continue
            docs += 1
            types[d["metadata"].get("type") or "(unknown type)"] += 1
            for r in d.get("references", []):
                refs += 1
                if r.get("number"):
                    cited[r["number"]] += 1
            targets += sum(1 for q in d.get("quantities", []) if q.get("kind") == "target")
    print(f"{docs} documents, {failed} failed inputs")
    table(types.most_common(), ["type", "documents"])
    print(f"{refs} references, {targets} targets")
    print("most cited:")
    table(cited.most_common(10), ["number", "citations"])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    with open(path, "rb") as f:
        is_sqlite = f.read(16) == b"SQLite format 3\x00"
    (summarize_sqlite if is_sqlite else summarize_jsonl)(path)


if __name__ == "__main__":
    main()
