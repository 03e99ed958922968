// SQLite output: one row per document, its nodes, references, quantities and
// diagnostics in their own tables, and a view of the citation graph.
// Documents are inserted in transactions of a few hundred (or one second's
// worth); an interrupted batch loses at most the open transaction, which
// --resume redoes. Indexes are built at the end (faster than maintaining
// them row by row).
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/batch_sink.h"
#include "vnlegal/diagnostics.h"

namespace vnlegal::cli {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS batch_info(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL, sha256 TEXT, size INTEGER, format TEXT, encoding TEXT,
  number TEXT, type TEXT, type_code TEXT, issuer TEXT, issuer_code TEXT,
  place TEXT, date TEXT, title TEXT, term TEXT, session TEXT,
  signer_name TEXT, signer_title TEXT, signer_authority TEXT,
  status TEXT NOT NULL,           -- ok, or error (the input failed)
  error_code TEXT, error_message TEXT,
  text TEXT);                     -- the normalized text, with --text
CREATE TABLE IF NOT EXISTS nodes(
  doc_id INTEGER NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
  parent INTEGER, kind TEXT NOT NULL, num TEXT, heading TEXT, eid TEXT,
  span_begin INTEGER, span_end INTEGER,
  PRIMARY KEY(doc_id, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS refs(
  doc_id INTEGER NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
  kind TEXT, doc_type TEXT, type_code TEXT, number TEXT, name TEXT,
  year INTEGER, date TEXT, issuer TEXT, issuer_code TEXT, title TEXT,
  role TEXT, pin_part TEXT, pin_chapter TEXT, pin_section TEXT,
  pin_article TEXT, pin_clause TEXT, pin_point TEXT, editorial INTEGER,
  text TEXT, span_begin INTEGER, span_end INTEGER, node INTEGER,
  target_node INTEGER, antecedent INTEGER,
  PRIMARY KEY(doc_id, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quantities(
  doc_id INTEGER NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
  kind TEXT, value REAL, value_max REAL, unit TEXT, comparator TEXT,
  indicator TEXT, base TEXT, deadline TEXT, text TEXT,
  span_begin INTEGER, span_end INTEGER, node INTEGER,
  PRIMARY KEY(doc_id, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS diagnostics(
  doc_id INTEGER NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
  code TEXT, severity TEXT, message TEXT, span_begin INTEGER, span_end INTEGER,
  PRIMARY KEY(doc_id, idx)) WITHOUT ROWID;
-- Which document cites which: one row per citing document, cited number
-- and role. cited_id is the cited document when the database holds one with
-- that canonical number (the lowest id if several do; cited_matches says
-- how many: numbers of local councils repeat across provinces).
CREATE VIEW IF NOT EXISTS citation_graph AS
SELECT r.doc_id AS citing_id, d.number AS citing_number,
       r.number AS cited_number, r.role AS role, COUNT(*) AS citations,
       (SELECT MIN(c.id) FROM documents c
         WHERE c.number = r.number AND c.id <> r.doc_id) AS cited_id,
       (SELECT COUNT(*) FROM documents c
         WHERE c.number = r.number AND c.id <> r.doc_id) AS cited_matches
FROM refs r JOIN documents d ON d.id = r.doc_id
WHERE r.number IS NOT NULL AND r.kind IN ('document', 'party', 'standard')
  AND COALESCE(r.editorial, 0) = 0
GROUP BY r.doc_id, r.number, r.role;
)sql";

constexpr const char* kIndexes = R"sql(
CREATE UNIQUE INDEX IF NOT EXISTS documents_key ON documents(sha256, path);
CREATE INDEX IF NOT EXISTS documents_number ON documents(number);
CREATE INDEX IF NOT EXISTS documents_type ON documents(type_code, date);
CREATE INDEX IF NOT EXISTS refs_number ON refs(number);
CREATE INDEX IF NOT EXISTS quantities_indicator ON quantities(kind, indicator);
CREATE INDEX IF NOT EXISTS diagnostics_code ON diagnostics(code);
)sql";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw Error(std::string("SQLite: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& text(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  // Empty strings are stored as NULL, as the JSON export does.
  Statement& text_or_null(int i, const std::string& s) {
    return s.empty() ? null(i) : text(i, s);
  }
  Statement& opt(int i, const std::optional<std::string>& s) {
    return s ? text(i, *s) : null(i);
  }
  Statement& integer(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& real(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Statement& null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  void run(sqlite3* db) {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
      throw Error(std::string("SQLite: ") + sqlite3_errmsg(db));
  }
  sqlite3_stmt* get() { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string m = message ? message : "error";
    sqlite3_free(message);
    throw Error("SQLite: " + m);
  }
}

void remove_database(const std::string& path) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"})
    std::remove((path + suffix).c_str());
}

class SqliteSink : public Sink {
 public:
  SqliteSink(std::string path, bool resume, bool with_text)
      : path_(std::move(path)),
        partial_(path_ + ".partial"),
        with_text_(with_text) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!resume) {
      remove_database(partial_);
    } else if (!fs::exists(partial_, ec) && fs::exists(path_, ec)) {
      remove_database(partial_);
      const std::string tmp = partial_ + ".tmp";
      fs::copy_file(path_, tmp, fs::copy_options::overwrite_existing, ec);
      if (ec || std::rename(tmp.c_str(), partial_.c_str()) != 0)
        throw Error("cannot copy " + path_ + " to " + partial_);
    }
    if (sqlite3_open(partial_.c_str(), &db_) != SQLITE_OK)
      throw Error("cannot open " + partial_ + ": " + sqlite3_errmsg(db_));
    // Someone reading the database while the batch runs (a query tool, a
    // progress check) can hold a lock for a moment: wait for it rather than
    // fail the batch.
    sqlite3_busy_timeout(db_, 10000);
    // WAL: a killed process leaves committed transactions intact and the
    // open one discarded, without a sync per commit.
    exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    exec(db_, kSchema);
    exec(db_,
         "INSERT OR REPLACE INTO batch_info VALUES('schema_version', '1');");
    // Failed inputs are tried again.
    exec(db_,
         "DELETE FROM diagnostics WHERE doc_id IN "
         "  (SELECT id FROM documents WHERE status = 'error');"
         "DELETE FROM documents WHERE status = 'error';");
    {
      Statement keys(db_, "SELECT sha256, path FROM documents");
      while (sqlite3_step(keys.get()) == SQLITE_ROW) {
        auto col = [&](int i) {
          const unsigned char* s = sqlite3_column_text(keys.get(), i);
          return s ? std::string(reinterpret_cast<const char*>(s))
                   : std::string();
        };
        done_.insert(resume_key(col(0), col(1)));
      }
    }
    prepare();
    begin();
  }
  ~SqliteSink() override {
    statements_reset();
    if (db_) sqlite3_close(db_);
  }

  const std::unordered_set<std::string>& done() const override { return done_; }
  bool wants_document() const override { return true; }

  void write(const BatchRecord& r) override {
    if (r.skipped) return;
    Statement& d = *insert_document_;
    d.text(1, r.path)
        .text_or_null(2, r.sha256)
        .integer(3, static_cast<int64_t>(r.size));
    if (r.failed() || !r.doc) {
      d.text(19, "error").text(20, r.error_code).text(21, r.error_message);
      d.run(db_);
    } else {
      write_document(*r.doc);
    }
    ++in_transaction_;
    if (in_transaction_ >= 500) {
      commit();
      begin();
    } else {
      idle();
    }
  }

  void idle() override {
    if (in_transaction_ > 0 &&
        std::chrono::steady_clock::now() - transaction_start_ >
            std::chrono::seconds(1)) {
      commit();
      begin();
    }
  }

  void finish() override {
    commit();
    exec(db_, kIndexes);
    exec(db_, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;");
    statements_reset();
    if (sqlite3_close(db_) != SQLITE_OK)
      throw Error("cannot close " + partial_);
    db_ = nullptr;
    if (std::rename(partial_.c_str(), path_.c_str()) != 0)
      throw Error("cannot rename " + partial_ + " to " + path_);
  }

 private:
  void prepare() {
    insert_document_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO documents(path, sha256, size, format, encoding, number,"
        " type, type_code, issuer, issuer_code, place, date, title, term,"
        " session, signer_name, signer_title, signer_authority, status,"
        " error_code, error_message, text) VALUES"
        " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insert_node_ = std::make_unique<Statement>(
        db_, "INSERT INTO nodes VALUES (?,?,?,?,?,?,?,?,?)");
    insert_ref_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO refs VALUES"
        " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insert_quantity_ = std::make_unique<Statement>(
        db_, "INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insert_diagnostic_ = std::make_unique<Statement>(
        db_, "INSERT INTO diagnostics VALUES (?,?,?,?,?,?,?)");
  }
  void statements_reset() {
    insert_document_.reset();
    insert_node_.reset();
    insert_ref_.reset();
    insert_quantity_.reset();
    insert_diagnostic_.reset();
  }
  void begin() {
    exec(db_, "BEGIN");
    in_transaction_ = 0;
    transaction_start_ = std::chrono::steady_clock::now();
  }
  void commit() { exec(db_, "COMMIT"); }

  void write_document(const Document& doc) {
    const Metadata& m = doc.metadata;
    Statement& d = *insert_document_;
    d.text(4, doc.source.format).text(5, doc.source.encoding);
    d.opt(6, m.number).opt(7, m.type).opt(8, m.type_code).opt(9, m.issuer);
    d.opt(10, m.issuer_code).opt(11, m.place).opt(12, m.date).opt(13, m.title);
    d.opt(14, m.term).opt(15, m.session);
    if (m.signer)
      d.opt(16, m.signer->name)
          .opt(17, m.signer->title)
          .opt(18, m.signer->authority);
    d.text(19, "ok");
    if (with_text_) d.text(22, doc.text);
    d.run(db_);
    const int64_t id = sqlite3_last_insert_rowid(db_);

    for (size_t i = 0; i < doc.nodes.size(); ++i) {
      const Node& n = doc.nodes[i];
      Statement& s = *insert_node_;
      s.integer(1, id).integer(2, static_cast<int64_t>(i));
      if (n.parent == kNoNode)
        s.null(3);
      else
        s.integer(3, n.parent);
      s.text(4, to_string(n.kind))
          .text_or_null(5, n.num)
          .text_or_null(6, n.heading);
      s.text_or_null(7, n.eid).integer(8, n.span.begin).integer(9, n.span.end);
      s.run(db_);
    }
    for (size_t i = 0; i < doc.references.size(); ++i) {
      const Reference& r = doc.references[i];
      Statement& s = *insert_ref_;
      s.integer(1, id).integer(2, static_cast<int64_t>(i));
      s.text(3, to_string(r.kind)).text_or_null(4, r.doc_type);
      s.text_or_null(5, r.type_code)
          .text_or_null(6, r.number)
          .text_or_null(7, r.name);
      if (r.year) s.integer(8, *r.year);
      s.text_or_null(9, r.date).text_or_null(10, r.issuer);
      s.text_or_null(11, r.issuer_code).text_or_null(12, r.title);
      s.text(13, to_string(r.role));
      const Pinpoint& p = r.pinpoint;
      s.text_or_null(14, p.part)
          .text_or_null(15, p.chapter)
          .text_or_null(16, p.section);
      s.text_or_null(17, p.article)
          .text_or_null(18, p.clause)
          .text_or_null(19, p.point);
      s.integer(20, r.editorial).text(21, r.text);
      s.integer(22, r.span.begin).integer(23, r.span.end).integer(24, r.node);
      if (r.target_node != kNoNode) s.integer(25, r.target_node);
      if (r.antecedent >= 0) s.integer(26, r.antecedent);
      s.run(db_);
    }
    for (size_t i = 0; i < doc.quantities.size(); ++i) {
      const Quantity& q = doc.quantities[i];
      Statement& s = *insert_quantity_;
      s.integer(1, id).integer(2, static_cast<int64_t>(i));
      s.text(3, to_string(q.kind)).real(4, q.value);
      if (q.value_max) s.real(5, *q.value_max);
      s.text_or_null(6, q.unit);
      if (q.comparator != Comparator::kNone) s.text(7, to_string(q.comparator));
      s.text_or_null(8, q.indicator).text_or_null(9, q.base);
      s.text_or_null(10, q.deadline).text(11, q.text);
      s.integer(12, q.span.begin).integer(13, q.span.end).integer(14, q.node);
      s.run(db_);
    }
    for (size_t i = 0; i < doc.diagnostics.size(); ++i) {
      const Diagnostic& g = doc.diagnostics[i];
      Statement& s = *insert_diagnostic_;
      s.integer(1, id).integer(2, static_cast<int64_t>(i));
      s.text(3, g.code).text(4, to_string(g.severity)).text(5, g.message);
      s.integer(6, g.span.begin).integer(7, g.span.end);
      s.run(db_);
    }
  }

  std::string path_, partial_;
  bool with_text_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statement> insert_document_, insert_node_, insert_ref_,
      insert_quantity_, insert_diagnostic_;
  int in_transaction_ = 0;
  std::chrono::steady_clock::time_point transaction_start_;
  std::unordered_set<std::string> done_;
};

}  // namespace

std::unique_ptr<Sink> open_sqlite_sink(const std::string& path, bool resume,
                                       bool with_text) {
  return std::make_unique<SqliteSink>(path, resume, with_text);
}

}  // namespace vnlegal::cli
