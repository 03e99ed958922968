// The typed model of a parsed document: plain values, spans into the
// normalized text the Document owns, nodes linked by index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vnlegal/diagnostics.h"
#include "vnlegal/offset_map.h"
#include "vnlegal/span.h"

namespace vnlegal {

// Structural units. Legal units follow Law 80/2015 (Phần > Chương > Mục >
// Tiểu mục > Điều > Khoản > Điểm); plan-style units (I., 1., 1.1., a)) are
// division/item/subitem/point; the rest are the document's furniture.
enum class NodeKind : uint8_t {
  kDocument,
  kPart,
  kChapter,
  kSection,
  kSubsection,
  kArticle,
  kClause,
  kPoint,
  kIndent,
  kDivision,
  kItem,
  kSubitem,
  kHeading,
  kParagraph,
  kHeader,
  kPreamble,
  kBasis,
  kRecital,
  kFormula,
  kClosing,
  kRecipients,
  kSignature,
  kAttachment,
  kQuoted,
  kTable,
  kEditorial,
};

const char* to_string(NodeKind kind);

constexpr int32_t kNoNode = -1;

struct Node {
  NodeKind kind = NodeKind::kParagraph;
  std::string num;      // as printed, without the trailing '.' or ')'
  std::string heading;  // the unit's title, if any
  Span span;            // the whole unit, children included
  int32_t parent = kNoNode;
  std::vector<int32_t> children;
  std::string eid;  // Akoma Ntoso style id, e.g. "chp_2__art_5__cl_1__pt_a"
};

struct Signer {
  std::optional<std::string> name;
  std::optional<std::string> title;      // e.g. "CHỦ TỊCH"
  std::optional<std::string> authority;  // e.g. "TM. HỘI ĐỒNG NHÂN DÂN"
};

struct Metadata {
  std::optional<std::string> number;       // canonical, e.g. "01/NQ-HĐND"
  std::optional<std::string> type;         // e.g. "Nghị quyết"
  std::optional<std::string> type_code;    // e.g. "NQ"
  std::optional<std::string> issuer;       // as printed in the header
  std::optional<std::string> issuer_code;  // e.g. "HĐND"
  std::optional<std::string> place;
  std::optional<std::string> date;  // ISO YYYY-MM-DD
  std::optional<std::string> title;
  std::optional<std::string> term;     // khóa, e.g. "II"
  std::optional<std::string> session;  // kỳ họp, e.g. "14"
  std::optional<Signer> signer;
};

enum class ReferenceKind : uint8_t {
  kDocument,  // cited by number
  kNamed,     // cited by name (Luật Đất đai năm 2013)
  kParty,     // Party documents (08-NQ/TW)
  kStandard,  // TCVN, ISO
  kInternal,  // a unit of this document
  kSelf,      // "Nghị quyết này"
};
const char* to_string(ReferenceKind kind);

enum class ReferenceRole : uint8_t {
  kMentions,
  kBasis,
  kImplements,
  kAmends,
  kRepeals,
  kReplaces,
};
const char* to_string(ReferenceRole role);

struct Pinpoint {
  std::string part, chapter, section, article, clause, point;
  bool empty() const {
    return part.empty() && chapter.empty() && section.empty() &&
           article.empty() && clause.empty() && point.empty();
  }
};

struct Reference {
  ReferenceKind kind = ReferenceKind::kDocument;
  std::string doc_type;   // "Nghị định"
  std::string type_code;  // "NĐ"
  std::string number;     // canonical "61/2018/NĐ-CP"
  std::string name;       // for documents cited by name
  std::optional<int> year;
  std::string date;         // ISO, when the citation gives a full date
  std::string issuer;       // issuer name from the phrase ("Chính phủ")
  std::string issuer_code;  // from the number ("CP")
  std::string title;        // "về việc ..." when given
  ReferenceRole role = ReferenceRole::kMentions;
  Pinpoint pinpoint;
  bool editorial = false;  // inside a website's editorial note
  std::string text;        // as written
  Span span;
  int32_t node = kNoNode;         // the node the citation sits in
  int32_t target_node = kNoNode;  // internal references: the node cited
  // Back-references and units of an amended act: index into references of
  // the citation they stand for.
  int32_t antecedent = -1;
};

enum class QuantityKind : uint8_t { kTarget, kResult, kOther };
const char* to_string(QuantityKind kind);

enum class Comparator : uint8_t {
  kNone,
  kReach,
  kAtLeast,
  kAtMost,
  kAbove,
  kBelow,
  kIncrease,
  kDecrease,
  kZero,
};
const char* to_string(Comparator comparator);

struct Quantity {
  QuantityKind kind = QuantityKind::kOther;
  double value = 0;
  std::optional<double> value_max;
  std::string unit;
  Comparator comparator = Comparator::kNone;
  std::string indicator;
  std::string base;
  std::string deadline;
  std::string text;
  Span span;
  int32_t node = kNoNode;
};

struct Source {
  std::string path;
  std::string format = "text";  // text, docx, html, rtf, doc, pdf
  std::string encoding = "UTF-8";
  std::string sha256;
  uint64_t size = 0;
};

struct Document {
  Source source;
  std::string text;   // the normalized text (UTF-8, NFC)
  OffsetMap offsets;  // normalized offsets -> source byte offsets
  // Spans the source emphasised (bold/italic markup): a cue for run-in
  // headings. Sorted, not overlapping.
  std::vector<Span> emphasis;
  Metadata metadata;
  std::vector<Node> nodes;  // nodes[0] is the document root
  std::vector<Reference> references;
  std::vector<Quantity> quantities;
  Diagnostics diagnostics;

  const Node& root() const { return nodes.front(); }
  std::string_view slice(Span span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }
};

// Checks the model's invariants: spans inside the text, children inside
// their parent and ordered, parent links consistent, references and
// quantities pointing at existing nodes. Returns the violations (empty when
// the document is well formed).
std::vector<std::string> check_invariants(const Document& doc);

}  // namespace vnlegal
