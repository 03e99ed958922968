// The preamble's lines: legal bases, recitals and the formula.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

// Kinds of the preamble's children, each with the first two words of its
// text.
std::vector<std::string> preamble(const std::string& text) {
  const Document doc = parse(text);
  std::vector<std::string> out;
  for (int32_t c : doc.nodes[0].children) {
    if (doc.nodes[c].kind != NodeKind::kPreamble) continue;
    for (int32_t k : doc.nodes[c].children) {
      const Span s = doc.nodes[k].span;
      const std::string line = doc.text.substr(s.begin, s.end - s.begin);
      const size_t second = line.find(' ', line.find(' ') + 1);
      out.push_back(std::string(to_string(doc.nodes[k].kind)) + " " +
                    line.substr(0, second));
    }
  }
  return out;
}

const char kHead[] =
    "HỘI ĐỒNG NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 61/2017/NQ-HĐND\n"
    "NGHỊ QUYẾT\nVề việc bãi bỏ Nghị quyết số 43/2012/NQ-HĐND\n";

TEST(Preamble, ActsListedAfterOneBasisAreBases) {
  // Nghị quyết 61/2017/NQ-HĐND: one "Căn cứ" names two decrees, the second
  // on a line of its own after the semicolon.
  const std::string text =
      std::string(kHead) +
      "Căn cứ Nghị định số 100/2015/NĐ-CP ngày 20 tháng 10 năm 2015 của "
      "Chính phủ về phát triển và quản lý nhà ở xã hội;\n"
      "Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ;\n"
      "Xét Tờ trình số 1618/TTr-UBND ngày 28 tháng 4 năm 2017;\n"
      "QUYẾT NGHỊ:\nĐiều 1. Bãi bỏ.\n";
  EXPECT_EQ(preamble(text), (std::vector<std::string>{
                                "basis Căn cứ", "basis Nghị định",
                                "recital Xét Tờ", "formula QUYẾT NGHỊ:"}));
}

TEST(Preamble, ActAfterARecitalOrWithoutSemicolonIsNoBasis) {
  const std::string text =
      std::string(kHead) +
      "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015\n"
      "Nghị định số 34/2016/NĐ-CP quy định chi tiết.\n"
      "Xét Tờ trình số 1618/TTr-UBND ngày 28 tháng 4 năm 2017;\n"
      "Luật Đất đai đã quy định.\n"
      "QUYẾT NGHỊ:\nĐiều 1. Bãi bỏ.\n";
  EXPECT_EQ(preamble(text),
            (std::vector<std::string>{"basis Căn cứ", "recital Nghị định",
                                      "recital Xét Tờ", "recital Luật Đất",
                                      "formula QUYẾT NGHỊ:"}));
}

TEST(Preamble, BasesFlattenedOntoOneLineAreOneEach) {
  // Nghị quyết 54/2017/NQ-HĐND (Hòa Bình) as a web page gives it: two bases
  // on one line.
  const std::string text =
      std::string(kHead) +
      "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm "
      "2015; Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n"
      "Xét Tờ trình số 1618/TTr-UBND ngày 28 tháng 4 năm 2017;\n"
      "QUYẾT NGHỊ:\nĐiều 1. Bãi bỏ.\n";
  EXPECT_EQ(preamble(text), (std::vector<std::string>{
                                "basis Căn cứ", "basis Căn cứ",
                                "recital Xét Tờ", "formula QUYẾT NGHỊ:"}));
}

TEST(Preamble, BasesAndRecitalsPrintedAsAListKeepTheirKinds) {
  // Quyết định 65/QĐ.SLDTBXH (Sở Lao động - Thương binh và Xã hội Long An,
  // a scan in markdown, outside the corpus): the bases and the recital
  // behind list bullets, one or two of them.
  const std::string text =
      std::string(kHead) +
      "- - Căn cứ Nghị định số 54/2006/NĐ-CP ngày 26 tháng 5 năm 2006 của "
      "Chính phủ;\n"
      "- Căn cứ Quyết định số 1815/QĐ-CTN ngày 17 tháng 10 năm 2011 của Chủ "
      "tịch nước ;\n"
      "- - Theo đề nghị của Trưởng phòng Người có công;\n"
      "QUYẾT NGHỊ:\nĐiều 1. Bãi bỏ.\n";
  EXPECT_EQ(preamble(text),
            (std::vector<std::string>{"basis - -", "basis - Căn", "recital - -",
                                      "formula QUYẾT NGHỊ:"}));
}

}  // namespace
}  // namespace vnlegal
