// A hand-made Document for the exporter tests: a district resolution with
// a header, a legal basis, a chapter with articles, clauses and points, an
// internal and an external reference, a target, a signature.
#pragma once

#include <string>

#include "vnlegal/document.h"

namespace vnlegal::testing {

inline Span find_span(const std::string& text, const std::string& needle,
                      size_t from = 0) {
  size_t b = text.find(needle, from);
  if (b == std::string::npos) b = text.size();
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(b + needle.size())};
}

// Adds a node spanning from `first` (its first words) to the start of
// `next` (or to the end of the text) and returns its index.
inline int32_t add_node(Document& doc, int32_t parent, NodeKind kind,
                        const std::string& num, const std::string& heading,
                        const std::string& first, const std::string& next) {
  Node n;
  n.kind = kind;
  n.num = num;
  n.heading = heading;
  uint32_t b = find_span(doc.text, first).begin;
  uint32_t e = next.empty() ? static_cast<uint32_t>(doc.text.size())
                            : find_span(doc.text, next, b + 1).begin;
  n.span = {b, e};
  n.parent = parent;
  doc.nodes.push_back(n);
  int32_t index = static_cast<int32_t>(doc.nodes.size() - 1);
  doc.nodes[parent].children.push_back(index);
  return index;
}

inline Document sample_resolution() {
  Document doc;
  doc.text =
      "HỘI ĐỒNG NHÂN DÂN\nQUẬN BẮC TỪ LIÊM\nSố: 01 /NQ-HĐND\n"
      "Bắc Từ Liêm, ngày 18 tháng 6 năm 2020\nNGHỊ QUYẾT\n"
      "Về nhiệm vụ phát triển kinh tế - xã hội\n6 tháng cuối năm 2020\n"
      "HỘI ĐỒNG NHÂN DÂN QUẬN BẮC TỪ LIÊM\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n"
      "QUYẾT NGHỊ:\n"
      "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n"
      "Điều 1. Mục tiêu\n"
      "1. Phấn đấu tốc độ tăng thu ngân sách đạt 8%.\n"
      "a) Thực hiện theo khoản 2 Điều 1;\n"
      "b) Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.\n"
      "2. Tổ chức thực hiện.\n"
      "Điều 2. Hiệu lực\nNghị quyết này có hiệu lực từ ngày ký.\n"
      "Nơi nhận:\n- UBND Quận;\n"
      "TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n";
  doc.offsets = OffsetMap::identity(doc.text.size());
  doc.source.path = "sample.txt";
  doc.source.sha256 = std::string(64, 'a');
  Metadata& m = doc.metadata;
  m.number = "01/NQ-HĐND";
  m.type = "Nghị quyết";
  m.type_code = "NQ";
  m.issuer = "HỘI ĐỒNG NHÂN DÂN QUẬN BẮC TỪ LIÊM";
  m.issuer_code = "HĐND";
  m.place = "Bắc Từ Liêm";
  m.date = "2020-06-18";
  m.title = "Về nhiệm vụ phát triển kinh tế - xã hội 6 tháng cuối năm 2020";
  m.signer = Signer{"Nguyễn Văn A", "CHỦ TỊCH", "TM. HỘI ĐỒNG NHÂN DÂN"};

  Node root;
  root.kind = NodeKind::kDocument;
  root.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.nodes.push_back(root);
  add_node(doc, 0, NodeKind::kHeader, "", "", "HỘI ĐỒNG",
           "HỘI ĐỒNG NHÂN DÂN QUẬN");
  int32_t pre = add_node(doc, 0, NodeKind::kPreamble, "", "",
                         "HỘI ĐỒNG NHÂN DÂN QUẬN", "Chương I");
  add_node(doc, pre, NodeKind::kBasis, "", "", "Căn cứ Luật", "QUYẾT NGHỊ");
  add_node(doc, pre, NodeKind::kFormula, "", "", "QUYẾT NGHỊ", "Chương I");
  int32_t chp = add_node(doc, 0, NodeKind::kChapter, "I",
                         "NHỮNG QUY ĐỊNH CHUNG", "Chương I", "Nơi nhận");
  int32_t art1 = add_node(doc, chp, NodeKind::kArticle, "1", "Mục tiêu",
                          "Điều 1. Mục tiêu", "Điều 2.");
  int32_t cl1 = add_node(doc, art1, NodeKind::kClause, "1", "", "1. Phấn đấu",
                         "2. Tổ chức");
  add_node(doc, cl1, NodeKind::kPoint, "a", "", "a) Thực hiện", "b) Căn cứ");
  add_node(doc, cl1, NodeKind::kPoint, "b", "", "b) Căn cứ", "2. Tổ chức");
  int32_t cl2 =
      add_node(doc, art1, NodeKind::kClause, "2", "", "2. Tổ chức", "Điều 2.");
  add_node(doc, chp, NodeKind::kArticle, "2", "Hiệu lực", "Điều 2.",
           "Nơi nhận");
  int32_t closing =
      add_node(doc, 0, NodeKind::kClosing, "", "", "Nơi nhận", "");
  add_node(doc, closing, NodeKind::kRecipients, "", "", "Nơi nhận", "TM. HỘI");
  add_node(doc, closing, NodeKind::kSignature, "", "", "TM. HỘI", "");

  Reference internal;
  internal.kind = ReferenceKind::kInternal;
  internal.pinpoint.article = "1";
  internal.pinpoint.clause = "2";
  internal.text = "khoản 2 Điều 1";
  internal.span = find_span(doc.text, internal.text);
  internal.node = 8;  // point a
  internal.target_node = cl2;
  doc.references.push_back(internal);

  Reference decree;
  decree.kind = ReferenceKind::kDocument;
  decree.doc_type = "Nghị định";
  decree.type_code = "NĐ";
  decree.number = "61/2018/NĐ-CP";
  decree.year = 2018;
  decree.date = "2018-04-23";
  decree.issuer = "Chính phủ";
  decree.issuer_code = "CP";
  decree.role = ReferenceRole::kBasis;
  decree.text = "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ";
  decree.span = find_span(doc.text, decree.text);
  decree.node = 9;  // point b
  doc.references.push_back(decree);

  Quantity q;
  q.kind = QuantityKind::kTarget;
  q.value = 8;
  q.unit = "%";
  q.comparator = Comparator::kReach;
  q.indicator = "tốc độ tăng thu ngân sách";
  q.text = "8%";
  q.span = find_span(doc.text, "8%");
  q.node = cl1;
  doc.quantities.push_back(q);
  return doc;
}

}  // namespace vnlegal::testing
