// The signature block: the authority (TM. KT. TL. ...), the signer's title
// and name.
#include <gtest/gtest.h>

#include <string>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

const char kDecision[] =
    "ỦY BAN NHÂN DÂN\nTỈNH TIỀN GIANG\nSố: 33/2009/QĐ-UBND\n"
    "QUYẾT ĐỊNH\nVề việc ban hành Quy định\n"
    "Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy định.\n"
    "Điều 2. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.\n"
    "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n";

struct Case {
  const char* name;
  std::string closing;
  std::string authority, title, signer;
};

class SignatureCases : public ::testing::TestWithParam<Case> {};

TEST_P(SignatureCases, Signer) {
  const Case& c = GetParam();
  const Document doc = parse(std::string(kDecision) + c.closing);
  ASSERT_TRUE(doc.metadata.signer.has_value()) << c.name;
  const Signer& s = *doc.metadata.signer;
  EXPECT_EQ(s.authority.value_or(""), c.authority) << c.name;
  EXPECT_EQ(s.title.value_or(""), c.title) << c.name;
  EXPECT_EQ(s.name.value_or(""), c.signer) << c.name;
}

const Case kCases[] = {
    {"authority and title on their lines",
     "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Phòng",
     "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Phòng"},
    // A header table's cell saved with its source's line breaks.
    {"prefix cut from its body",
     "TM.\nỦY BAN NHÂN DÂN TỈNH\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Phòng",
     "TM. ỦY BAN NHÂN DÂN TỈNH KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
     "Nguyễn Văn Phòng"},
    // The Minister who is also Chairman of the Government Office.
    {"two offices held together",
     "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường",
     "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Phạm Mạnh Cường"},
    // A collective's name wrapped inside its cell (a Bắc Ninh decision of
    // 2025, outside the corpus): "NHÂN DÂN" ends the authority.
    {"authority wrapped before NHÂN DÂN",
     "TM. ỦY BAN\nNHÂN DÂN\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Văn Thịnh",
     "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Văn Thịnh"},
    // An attachment's title that lost its capitals joins the name's line.
    {"a name before a title in small letters",
     "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Hồng Sơn\ndanh "
     "sách các đơn vị sự nghiệp công lập",
     "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Hồng Sơn"},
    {"a name before an appendix's title on its line",
     "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nTrần Hồng Hà Phụ lục danh "
     "mục dự án",
     "TM. CHÍNH PHỦ KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Hồng Hà"},
    // The office's own name holds the word "GIÁM ĐỐC" or "CỤC TRƯỞNG".
    {"a general director's office",
     "KT. TỔNG GIÁM ĐỐC\nPHÓ TỔNG GIÁM ĐỐC\nPhạm Lương Sơn",
     "KT. TỔNG GIÁM ĐỐC", "PHÓ TỔNG GIÁM ĐỐC", "Phạm Lương Sơn"},
    {"a general director's office and title on one line",
     "KT. TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC Phạm Lương Sơn", "KT. TỔNG GIÁM ĐỐC",
     "PHÓ TỔNG GIÁM ĐỐC", "Phạm Lương Sơn"},
    {"a general department's head",
     "KT. TỔNG CỤC TRƯỞNG\nPHÓ TỔNG CỤC TRƯỞNG\nNguyễn Văn Cẩn",
     "KT. TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG", "Nguyễn Văn Cẩn"},
    {"an office after the authority on its line",
     "KT. CHỦ TỊCH PHÓ CHỦ TỊCH\nLê Văn Hưởng", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
     "Lê Văn Hưởng"},
};

INSTANTIATE_TEST_SUITE_P(All, SignatureCases, ::testing::ValuesIn(kCases),
                         [](const auto& info) {
                           return "case_" + std::to_string(info.index);
                         });

}  // namespace
}  // namespace vnlegal
