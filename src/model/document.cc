#include "vnlegal/document.h"

#include <string>

namespace vnlegal {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

const char* to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::kDocument:
      return "document";
    case NodeKind::kPart:
      return "part";
    case NodeKind::kChapter:
      return "chapter";
    case NodeKind::kSection:
      return "section";
    case NodeKind::kSubsection:
      return "subsection";
    case NodeKind::kArticle:
      return "article";
    case NodeKind::kClause:
      return "clause";
    case NodeKind::kPoint:
      return "point";
    case NodeKind::kIndent:
      return "indent";
    case NodeKind::kDivision:
      return "division";
    case NodeKind::kItem:
      return "item";
    case NodeKind::kSubitem:
      return "subitem";
    case NodeKind::kHeading:
      return "heading";
    case NodeKind::kParagraph:
      return "paragraph";
    case NodeKind::kHeader:
      return "header";
    case NodeKind::kPreamble:
      return "preamble";
    case NodeKind::kBasis:
      return "basis";
    case NodeKind::kRecital:
      return "recital";
    case NodeKind::kFormula:
      return "formula";
    case NodeKind::kClosing:
      return "closing";
    case NodeKind::kRecipients:
      return "recipients";
    case NodeKind::kSignature:
      return "signature";
    case NodeKind::kAttachment:
      return "attachment";
    case NodeKind::kQuoted:
      return "quoted";
    case NodeKind::kTable:
      return "table";
    case NodeKind::kEditorial:
      return "editorial";
  }
  return "paragraph";
}

const char* to_string(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kDocument:
      return "document";
    case ReferenceKind::kNamed:
      return "named";
    case ReferenceKind::kParty:
      return "party";
    case ReferenceKind::kStandard:
      return "standard";
    case ReferenceKind::kInternal:
      return "internal";
    case ReferenceKind::kSelf:
      return "self";
  }
  return "document";
}

const char* to_string(ReferenceRole role) {
  switch (role) {
    case ReferenceRole::kMentions:
      return "mentions";
    case ReferenceRole::kBasis:
      return "basis";
    case ReferenceRole::kImplements:
      return "implements";
    case ReferenceRole::kAmends:
      return "amends";
    case ReferenceRole::kRepeals:
      return "repeals";
    case ReferenceRole::kReplaces:
      return "replaces";
  }
  return "mentions";
}

const char* to_string(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kTarget:
      return "target";
    case QuantityKind::kResult:
      return "result";
    case QuantityKind::kOther:
      return "other";
  }
  return "other";
}

const char* to_string(Comparator comparator) {
  switch (comparator) {
    case Comparator::kNone:
      return "";
    case Comparator::kReach:
      return "reach";
    case Comparator::kAtLeast:
      return "at_least";
    case Comparator::kAtMost:
      return "at_most";
    case Comparator::kAbove:
      return "above";
    case Comparator::kBelow:
      return "below";
    case Comparator::kIncrease:
      return "increase";
    case Comparator::kDecrease:
      return "decrease";
    case Comparator::kZero:
      return "zero";
  }
  return "";
}

std::vector<std::string> check_invariants(const Document& doc) {
  std::vector<std::string> errors;
  const auto size = static_cast<uint32_t>(doc.text.size());
  auto bad_span = [&](Span s) { return s.begin > s.end || s.end > size; };
  if (doc.nodes.empty()) {
    errors.push_back("no root node");
    return errors;
  }
  if (doc.nodes[0].kind != NodeKind::kDocument)
    errors.push_back("nodes[0] is not the document root");
  const auto n = static_cast<int32_t>(doc.nodes.size());
  for (int32_t i = 0; i < n; ++i) {
    const Node& node = doc.nodes[i];
    const std::string at = "node " + std::to_string(i) + ": ";
    if (bad_span(node.span)) errors.push_back(at + "span out of range");
    if (i > 0 && (node.parent < 0 || node.parent >= i))
      errors.push_back(at + "parent must come before the node");
    uint32_t prev_end = node.span.begin;
    for (int32_t c : node.children) {
      if (c <= i || c >= n) {
        errors.push_back(at + "child index out of range");
        continue;
      }
      const Node& child = doc.nodes[c];
      if (child.parent != i) errors.push_back(at + "child's parent differs");
      if (!node.span.contains(child.span))
        errors.push_back(at + "child span outside parent");
      if (child.span.begin < prev_end)
        errors.push_back(at + "children overlap or are out of order");
      prev_end = child.span.end;
    }
  }
  for (size_t i = 0; i < doc.references.size(); ++i) {
    const Reference& r = doc.references[i];
    const std::string at = "reference " + std::to_string(i) + ": ";
    if (bad_span(r.span)) errors.push_back(at + "span out of range");
    if (r.node < 0 || r.node >= n) {
      errors.push_back(at + "node out of range");
    } else if (!doc.nodes[r.node].span.contains(r.span)) {
      errors.push_back(at + "span outside its node");
    }
    if (r.target_node != kNoNode && (r.target_node < 0 || r.target_node >= n))
      errors.push_back(at + "target node out of range");
    if (r.antecedent >= static_cast<int32_t>(doc.references.size()))
      errors.push_back(at + "antecedent out of range");
  }
  for (size_t i = 0; i < doc.quantities.size(); ++i) {
    const Quantity& q = doc.quantities[i];
    const std::string at = "quantity " + std::to_string(i) + ": ";
    if (bad_span(q.span)) errors.push_back(at + "span out of range");
    if (q.node < 0 || q.node >= n) {
      errors.push_back(at + "node out of range");
    } else if (!doc.nodes[q.node].span.contains(q.span)) {
      errors.push_back(at + "span outside its node");
    }
  }
  for (size_t i = 0; i < doc.diagnostics.size(); ++i)
    if (bad_span(doc.diagnostics[i].span))
      errors.push_back("diagnostic " + std::to_string(i) +
                       ": span out of range");
  if (doc.offsets.out_size() != size)
    errors.push_back("offset map does not cover the text");
  return errors;
}

}  // namespace vnlegal
