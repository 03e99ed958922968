// Hostile inputs (the battery of docs/fuzzing.md, next to
// pathological_test.cc): damaged and truncated containers, decompression
// bombs, XML entity tricks, invalid and mixed encodings, the time budget.
// Each input must give a diagnostic naming the problem while the readable
// rest of the content survives. No timing here: speed is in bench/.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "io/readers.h"
#include "unit/test_documents.h"
#include "vnlegal/io.h"
#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

using testing::slurp;

template <typename Diags>
bool has_code(const Diags& diagnostics, std::string_view code) {
  for (const Diagnostic& d : diagnostics)
    if (d.code == code) return true;
  return false;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// An archive in memory: "zip" (deflate) or "tar" (ustar, uncompressed).
std::string make_archive(const Files& files, const std::string& format) {
  std::string out;
  archive* a = archive_write_new();
  if (format == "zip") {
    archive_write_set_format_zip(a);
    archive_write_set_options(a, "zip:compression=deflate");
  } else {
    archive_write_set_format_ustar(a);
  }
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open(
      a, &out, nullptr,
      [](archive*, void* data, const void* buf, size_t n) -> la_ssize_t {
        static_cast<std::string*>(data)->append(static_cast<const char*>(buf),
                                                n);
        return static_cast<la_ssize_t>(n);
      },
      nullptr);
  for (const auto& [name, bytes] : files) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    // In pieces, as a large member would be streamed.
    for (size_t at = 0; at < bytes.size(); at += 1 << 20)
      archive_write_data(a, bytes.data() + at,
                         std::min<size_t>(1 << 20, bytes.size() - at));
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

const char* kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string paragraph(const std::string& text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string docx(const std::string& prolog, const std::string& body) {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
                          prolog + "<w:document " + kW + "><w:body>" + body +
                          "</w:body></w:document>";
  return make_archive(
      {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", xml}}, "zip");
}

TEST(Hostile, InvalidUtf8IsReplacedAndTheRestKept) {
  // A lone continuation byte, a cut two-byte sequence, an overlong '/', a
  // surrogate and 0xFF between two articles.
  const std::string bytes =
      "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về việc quản lý "
      "và sử dụng tài sản công tại cơ quan, tổ chức, đơn vị.\nNội dung \x80 "
      "một \xC3 hai \xC0\xAF ba \xED\xA0\x80 bốn \xFF.\nĐiều 2. Hiệu lực "
      "thi hành\n";
  Document doc = parse(bytes);
  EXPECT_TRUE(check_invariants(doc).empty());
  EXPECT_TRUE(has_code(doc.diagnostics, "invalid-utf8"));
  EXPECT_EQ(doc.source.encoding, "UTF-8");
  EXPECT_TRUE(contains(doc.text, "Điều 2. Hiệu lực thi hành"));
  EXPECT_TRUE(contains(doc.text, "Nội dung \xEF\xBF\xBD một"));
  size_t articles = 0;
  for (const Node& n : doc.nodes) articles += n.kind == NodeKind::kArticle;
  EXPECT_EQ(articles, 2u);
}

TEST(Hostile, MixedEncodingsInOneFile) {
  // UTF-8 paragraphs with one paragraph pasted in TCVN3 bytes ("Cộng hoà xã
  // hội chủ nghĩa Việt Nam"): the file is read as UTF-8, the TCVN3 bytes
  // that are not UTF-8 are reported, and the UTF-8 text is intact.
  const std::string bytes =
      "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về việc quản lý.\n"
      "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc"
      "a Vi\xd6t Nam\n"
      "Điều 2. Hiệu lực thi hành\nNghị định có hiệu lực từ ngày ký.\n";
  Document doc = parse(bytes);
  EXPECT_TRUE(check_invariants(doc).empty());
  EXPECT_EQ(doc.source.encoding, "UTF-8");
  EXPECT_TRUE(has_code(doc.diagnostics, "invalid-utf8"));
  EXPECT_TRUE(contains(doc.text, "Nghị định này quy định về việc quản lý."));
  EXPECT_TRUE(contains(doc.text, "Nghị định có hiệu lực từ ngày ký."));
  EXPECT_TRUE(contains(doc.text, "Vi\xEF\xBF\xBDt Nam"));
}

TEST(Hostile, TruncatedZipKeepsTheMembersBeforeTheCut) {
  const std::string big(20000, 'x');
  const std::string zip = make_archive(
      {{"a.txt", "Điều 1. Một\n"}, {"b.txt", big}, {"c.txt", "Điều 3. Ba\n"}},
      "zip");
  // Cut inside the second member: the central directory is gone too.
  const std::string cut = zip.substr(0, zip.find("b.txt") + 40);
  ArchiveListing listing = list_archive(cut);
  ASSERT_FALSE(listing.members.empty());
  EXPECT_EQ(listing.members[0].name, "a.txt");
  EXPECT_EQ(listing.members[0].bytes, "Điều 1. Một\n");
  bool damaged = has_code(listing.diagnostics, "damaged-archive");
  for (const ArchiveMember& m : listing.members)
    damaged |= has_code(m.diagnostics, "damaged-member");
  EXPECT_TRUE(damaged);
  ReadResult r = read_document(cut, "a.zip");
  EXPECT_TRUE(contains(r.text, "Điều 1. Một"));
  EXPECT_FALSE(contains(r.text, "Điều 3. Ba"));
}

TEST(Hostile, TruncatedTarKeepsTheMembersBeforeTheCut) {
  const std::string tar = make_archive({{"a.txt", "Điều 1. Một\n"},
                                        {"b.txt", std::string(5000, 'y')},
                                        {"c.txt", "Điều 3. Ba\n"}},
                                       "tar");
  // Header of b.txt at 1024, its data from 1536: cut in the data.
  const std::string cut = tar.substr(0, 1536 + 1000);
  ArchiveListing listing = list_archive(cut);
  ASSERT_EQ(listing.members.size(), 2u);
  EXPECT_EQ(listing.members[0].bytes, "Điều 1. Một\n");
  EXPECT_TRUE(has_code(listing.members[1].diagnostics, "damaged-member"));
  ReadResult r = read_document(cut, "a.tar");
  EXPECT_TRUE(contains(r.text, "Điều 1. Một"));
}

TEST(Hostile, MalformedTarHeader) {
  std::string tar = make_archive(
      {{"a.txt", "Điều 1. Một\n"}, {"b.txt", "Điều 2. Hai\n"}}, "tar");
  // The second header's checksum no longer matches.
  for (size_t k = 512 * 2; k < 512 * 2 + 100; ++k) tar[k] = '\x7F';
  ArchiveListing listing = list_archive(tar);
  ASSERT_GE(listing.members.size(), 1u);
  EXPECT_EQ(listing.members[0].bytes, "Điều 1. Một\n");
  EXPECT_TRUE(has_code(listing.diagnostics, "damaged-archive"));
}

TEST(Hostile, TruncatedDocxKeepsTheTextBeforeTheCut) {
  std::string body = paragraph("Điều 1. Phạm vi điều chỉnh");
  // Enough text that the cut falls well after the first paragraph in the
  // deflated stream.
  for (int i = 0; i < 400; ++i)
    body += paragraph("Khoản " + std::to_string(i) + " có nội dung riêng " +
                      std::to_string(i * 7919 % 1000));
  const std::string whole = docx("", body);
  const std::string cut = whole.substr(0, whole.size() / 2);
  ReadResult r = read_document(cut, "a.docx");
  EXPECT_EQ(r.map.out_size(), r.text.size());
  EXPECT_TRUE(has_code(r.diagnostics, "damaged-member") ||
              has_code(r.diagnostics, "damaged-docx-part"));
  EXPECT_EQ(r.text.rfind("Điều 1. Phạm vi điều chỉnh\n", 0), 0u);
}

TEST(Hostile, MalformedDocxXml) {
  // Unclosed element in the middle of the body.
  const std::string bytes =
      docx("", paragraph("Điều 1. Phạm vi") + "<w:p><w:r><w:t>dở dang" +
                   paragraph("Điều 2. Hiệu lực"));
  ReadResult r = read_document(bytes, "a.docx");
  EXPECT_TRUE(has_code(r.diagnostics, "damaged-docx-part"));
  EXPECT_TRUE(contains(r.text, "Điều 1. Phạm vi"));
}

TEST(Hostile, DocxWithoutDocumentPart) {
  // (read_document() reads such a zip as an archive of its members.)
  const std::string bytes = make_archive(
      {{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", "<x/>"}},
      "zip");
  ReadResult r = io::read_docx(bytes, {});
  EXPECT_EQ(r.map.out_size(), r.text.size());
  EXPECT_TRUE(r.text.empty());
  EXPECT_TRUE(has_code(r.diagnostics, "damaged-docx"));
}

TEST(Hostile, BillionLaughsInDocxXmlIsNotExpanded) {
  // Ten levels of ten references would expand to 10^9 "lol"s; an external
  // entity would read a local file. Neither may be expanded.
  std::string dtd = "<!DOCTYPE w:document [\n<!ENTITY lol0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&lol" + std::to_string(i - 1) + ";";
    dtd += "\">\n";
  }
  dtd += "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n";
  const std::string bytes =
      docx(dtd, paragraph("Điều 1. Phạm vi") + paragraph("&lol9;&xxe;") +
                    paragraph("Điều 2. Hiệu lực"));
  ReadResult r = read_document(bytes, "a.docx");
  EXPECT_EQ(r.map.out_size(), r.text.size());
  EXPECT_LT(r.text.size(), 1000u);
  EXPECT_FALSE(contains(r.text, "lollol"));
  EXPECT_FALSE(contains(r.text, "root:"));
  EXPECT_TRUE(contains(r.text, "Điều 1. Phạm vi"));
  EXPECT_TRUE(contains(r.text, "Điều 2. Hiệu lực"));
}

TEST(Hostile, ZipBombHighRatioStopsWithDiagnostic) {
  // 64 MiB of zeros deflate to about 64 KiB (ratio ~1000, limit 200).
  const std::string zip =
      make_archive({{"a.txt", "Điều 1. Một\n"},
                    {"zeros.txt", std::string(64u << 20, '\0')},
                    {"c.txt", "Điều 3. Ba\n"}},
                   "zip");
  ASSERT_LT(zip.size(), 1u << 20);
  ArchiveListing listing = list_archive(zip);
  EXPECT_TRUE(has_code(listing.diagnostics, "archive-bomb"));
  ASSERT_EQ(listing.members.size(), 2u);  // reading stops at the bomb
  EXPECT_EQ(listing.members[0].bytes, "Điều 1. Một\n");
  EXPECT_TRUE(
      has_code(listing.members[1].diagnostics, "archive-member-too-large"));
  // Stopped once past the ratio, long before the 64 MiB.
  EXPECT_LE(listing.members[1].bytes.size(), 200 * zip.size() + (1u << 20));

  Document doc = parse(zip, {}, "bomb.zip");
  EXPECT_TRUE(check_invariants(doc).empty());
  EXPECT_TRUE(has_code(doc.diagnostics, "archive-bomb"));
  EXPECT_TRUE(contains(doc.text, "Điều 1. Một"));
}

TEST(Hostile, ZipBombInsideDocx) {
  // A DOCX whose document part is mostly one huge run of spaces.
  std::string body = paragraph("Điều 1. Phạm vi");
  body +=
      "<w:p><w:r><w:t>" + std::string(64u << 20, ' ') + "</w:t></w:r></w:p>";
  const std::string bytes = docx("", body);
  ReadResult r = read_document(bytes, "a.docx");
  EXPECT_EQ(r.map.out_size(), r.text.size());
  EXPECT_TRUE(has_code(r.diagnostics, "archive-bomb"));
  EXPECT_TRUE(contains(r.text, "Điều 1. Phạm vi"));
}

TEST(Hostile, ZipWithTooManyMembers) {
  Files files;
  for (int i = 0; i < 10005; ++i)
    files.push_back({"f" + std::to_string(i) + ".txt", "Điều 1."});
  const std::string zip = make_archive(files, "zip");
  ArchiveListing listing = list_archive(zip);  // default: 10 000 members
  EXPECT_TRUE(has_code(listing.diagnostics, "archive-too-many-members"));
  ASSERT_EQ(listing.members.size(), 10000u);
  EXPECT_EQ(listing.members.front().name, "f0.txt");
  EXPECT_EQ(listing.members.back().name, "f9999.txt");
  EXPECT_EQ(listing.members.back().bytes, "Điều 1.");
}

TEST(Hostile, TruncatedAndMalformedRtf) {
  const std::string rtf =
      "{\\rtf1\\ansi{\\fonttbl{\\f0 Times;}}\\f0 \\u272?i\\u7873?u 1. Ph"
      "\\u7841?m vi\\par N\\u7897?i dung\\par ";
  // Never closed: the text read is kept and the damage reported.
  ReadResult open = read_document(rtf, "a.rtf");
  EXPECT_TRUE(has_code(open.diagnostics, "rtf-unbalanced"));
  EXPECT_TRUE(contains(open.text, "Điều 1. Phạm vi"));
  EXPECT_TRUE(contains(open.text, "Nội dung"));
  // Groups nested far beyond the limit are flattened, the text kept.
  std::string deep = "{\\rtf1 Dieu 1. ";
  for (int i = 0; i < 100000; ++i) deep += "{";
  deep += "Sau";
  for (int i = 0; i < 100000; ++i) deep += "}";
  deep += " Het}";
  ReadResult flat = read_document(deep, "a.rtf");
  EXPECT_TRUE(has_code(flat.diagnostics, "rtf-too-deep"));
  EXPECT_TRUE(contains(flat.text, "Dieu 1. Sau"));
  EXPECT_TRUE(contains(flat.text, "Het"));
}

TEST(Hostile, TruncatedAndMalformedDoc) {
  const std::string doc =
      slurp("corpus/docs/099_legacy-vni_2008-23.QD-991-UBND.doc");
  ASSERT_GT(doc.size(), 4096u);
  // The OLE2 header alone, then half of the file.
  for (size_t cut : {size_t{512}, doc.size() / 2}) {
    ReadResult r = read_document(doc.substr(0, cut), "a.doc");
    EXPECT_EQ(r.map.out_size(), r.text.size()) << cut;
    EXPECT_TRUE(has_code(r.diagnostics, "damaged-doc")) << cut;
  }
  // A compound file header whose sector size is absurd (2^40).
  std::string bad = doc;
  bad[0x1E] = 40;
  ReadResult r = read_document(bad, "a.doc");
  EXPECT_TRUE(has_code(r.diagnostics, "damaged-doc"));
}

TEST(Hostile, TruncatedAndMalformedPdf) {
  const std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R";
  ReadResult r = read_document(pdf, "a.pdf");
  EXPECT_EQ(r.map.out_size(), r.text.size());
  EXPECT_TRUE(has_code(r.diagnostics, "damaged-pdf"));
  // An object stream that claims a huge length.
  const std::string lying =
      "%PDF-1.4\n1 0 obj\n<< /Length 99999999999 >>\nstream\nabc\nendstream\n"
      "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  ReadResult l = read_document(lying, "b.pdf");
  EXPECT_EQ(l.map.out_size(), l.text.size());
  EXPECT_FALSE(l.diagnostics.empty());
}

TEST(Hostile, BinaryGarbageWithAContainerName) {
  std::string bin;
  for (int i = 0; i < 8192; ++i)
    bin.push_back(static_cast<char>((i * 7919 + 13) % 251));
  for (const char* name : {"a.docx", "a.doc", "a.rtf", "a.pdf", "a.zip",
                           "a.tar", "a.html", "a.txt"}) {
    Document doc = parse(bin, {}, name);
    EXPECT_TRUE(check_invariants(doc).empty()) << name;
    // No magic bytes, NUL bytes: binary whatever the name says.
    EXPECT_TRUE(has_code(doc.diagnostics, "binary-input")) << name;
  }
}

TEST(Hostile, LongLineWithInvalidBytesInside) {
  // A single 5 MB line (the 50 MB case is measured in bench/): the bad bytes
  // in the middle are reported and both ends survive.
  std::string line;
  while (line.size() < 2'500'000) line += "Căn cứ Luật Tổ chức Chính phủ và ";
  line += "\xFF\xFE";
  while (line.size() < 5'000'000) line += "Theo đề nghị của Bộ trưởng và ";
  line += "hết.";
  Document doc = parse(line);
  EXPECT_TRUE(check_invariants(doc).empty());
  EXPECT_TRUE(has_code(doc.diagnostics, "invalid-utf8"));
  EXPECT_EQ(doc.text.rfind("Căn cứ Luật Tổ chức Chính phủ", 0), 0u);
  EXPECT_TRUE(contains(doc.text.substr(doc.text.size() - 100), "và hết."));
}

TEST(Hostile, CitationRolesOnOneLongLine) {
  // Thousands of citations on one line, in clauses split by ';': each clause
  // of a "Căn cứ" line is a legal basis unless it starts with "theo".
  std::string line;
  for (int i = 0; i < 3000; ++i)
    line +=
        "Căn cứ Luật Đầu tư số 61/2020/QH14; theo Nghị định số "
        "12/2020/NĐ-CP; ";
  line += "\nĐiều 1. Phạm vi\n";
  Document doc = parse(line);
  EXPECT_TRUE(check_invariants(doc).empty());
  size_t basis = 0, other = 0;
  for (const Reference& r : doc.references) {
    if (r.number == "61/2020/QH14") {
      ++basis;
      EXPECT_EQ(r.role, ReferenceRole::kBasis) << r.span.begin;
    } else if (r.number == "12/2020/NĐ-CP") {
      ++other;
      EXPECT_NE(r.role, ReferenceRole::kBasis) << r.span.begin;
    }
  }
  EXPECT_EQ(basis, 3000u);
  EXPECT_EQ(other, 3000u);
}

TEST(Hostile, NestedQuotationsAreBuiltAndTheRestKept) {
  // 150 levels of amendment text inside amendment text, each closed.
  const int levels = 150;
  std::string text = "Điều 1. Sửa đổi như sau:\n";
  for (int i = 0; i < levels; ++i) text += "“Điều 5. Sửa đổi như sau:\n";
  for (int i = 0; i < levels; ++i) text += "”\n";
  text += "Điều 2. Hiệu lực thi hành\n";
  Document doc = parse(text);
  EXPECT_TRUE(check_invariants(doc).empty());
  size_t quoted = 0, top_articles = 0;
  for (const Node& n : doc.nodes) {
    quoted += n.kind == NodeKind::kQuoted;
    top_articles += n.kind == NodeKind::kArticle && n.parent == 0;
  }
  EXPECT_EQ(quoted, static_cast<size_t>(levels));
  EXPECT_EQ(top_articles, 2u);
}

TEST(Hostile, TimeBudgetSkipsTheLaterStages) {
  std::string text;
  for (int i = 1; i <= 2000; ++i)
    text += "Điều " + std::to_string(i) +
            ". Theo Nghị định số 12/2020/NĐ-CP, tăng 5% mỗi năm.\n";
  Options options;
  options.time_budget_seconds = 1e-9;  // spent before the first check
  Document cut = parse(text, options);
  EXPECT_TRUE(check_invariants(cut).empty());
  EXPECT_TRUE(has_code(cut.diagnostics, "time-budget-exceeded"));
  ASSERT_EQ(cut.nodes.size(), 1u);  // no structure, all the text
  EXPECT_TRUE(contains(cut.text, "Điều 2000. Theo Nghị định"));
  EXPECT_TRUE(cut.references.empty());

  options.time_budget_seconds = 0;  // no budget
  Document whole = parse(text, options);
  EXPECT_FALSE(has_code(whole.diagnostics, "time-budget-exceeded"));
  EXPECT_GT(whole.nodes.size(), 2000u);
  EXPECT_FALSE(whole.references.empty());
}

}  // namespace
}  // namespace vnlegal
