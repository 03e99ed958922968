// Roles of the items of a list that shares one cue: the cue's role passes
// from item to item across dates, issuers, titles and semicolons, but not
// across a verb of the item's own, a sentence end, a cue that sits in a
// cited title or a cue that governs through "theo".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/test_documents.h"
#include "vnlegal/extract.h"

namespace vnlegal {
namespace {

// A role of kNone is not checked: the role of that citation comes from
// the nearest cue alone, which the case is not about.
constexpr int kNone = -1;

struct RoleCase {
  const char* text;
  std::vector<std::pair<std::string, int>> want;  // number, role
};

TEST(ReferenceRoles, ListItemsShareTheirCue) {
  const std::vector<RoleCase> cases = {
      // One cue, items after a semicolon and after "và".
      {"Bãi bỏ Nghị quyết số 12/2019/NQ-HĐND ngày 10/7/2019 của Hội đồng "
       "nhân dân tỉnh quy định mức thu phí thẩm định đề án khai thác nước "
       "mặt; Nghị quyết số 05/2020/NQ-HĐND ngày 08/7/2020 của Hội đồng nhân "
       "dân tỉnh và Quyết định số 30/2016/QĐ-UBND ngày 15/8/2016 của Ủy ban "
       "nhân dân tỉnh.",
       {{"12/2019/NQ-HĐND", static_cast<int>(ReferenceRole::kRepeals)},
        {"05/2020/NQ-HĐND", static_cast<int>(ReferenceRole::kRepeals)},
        {"30/2016/QĐ-UBND", static_cast<int>(ReferenceRole::kRepeals)}}},
      // The list changes verb: the later items follow the new one.
      {"Bãi bỏ Nghị quyết số 12/2019/NQ-HĐND ngày 10/7/2019 của Hội đồng "
       "nhân dân tỉnh; sửa đổi, bổ sung Nghị quyết số 05/2020/NQ-HĐND ngày "
       "08/7/2020 của Hội đồng nhân dân tỉnh và Nghị quyết số "
       "07/2021/NQ-HĐND ngày 09/7/2021 của Hội đồng nhân dân tỉnh.",
       {{"12/2019/NQ-HĐND", static_cast<int>(ReferenceRole::kRepeals)},
        {"05/2020/NQ-HĐND", static_cast<int>(ReferenceRole::kAmends)},
        {"07/2021/NQ-HĐND", static_cast<int>(ReferenceRole::kAmends)}}},
      // A cue in the first item's title is not the second item's own.
      {"Quyết định này thay thế Quyết định số 03/2018/QĐ-UBND ngày "
       "16/01/2018 của Ủy ban nhân dân Thành phố về việc hướng dẫn thực hiện "
       "bồi thường và Quyết định số 10/2019/QĐ-UBND ngày 05/4/2019 của Ủy "
       "ban nhân dân Thành phố.",
       {{"03/2018/QĐ-UBND", static_cast<int>(ReferenceRole::kReplaces)},
        {"10/2019/QĐ-UBND", static_cast<int>(ReferenceRole::kReplaces)}}},
      // A sentence end closes the list.
      {"Bãi bỏ Nghị quyết số 12/2019/NQ-HĐND ngày 10/7/2019 của Hội đồng "
       "nhân dân tỉnh. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện theo "
       "hướng dẫn tại Thông tư số 85/2019/TT-BTC, Nghị quyết số "
       "05/2020/NQ-HĐND.",
       {{"12/2019/NQ-HĐND", static_cast<int>(ReferenceRole::kRepeals)},
        {"85/2019/TT-BTC", static_cast<int>(ReferenceRole::kImplements)},
        {"05/2020/NQ-HĐND", static_cast<int>(ReferenceRole::kImplements)}}},
      {"Bãi bỏ Nghị quyết số 12/2019/NQ-HĐND ngày 10/7/2019 của Hội đồng "
       "nhân dân tỉnh quy định mức thu phí thẩm định. Chế độ thu nộp, quản "
       "lý phí áp dụng theo Nghị quyết số 05/2020/NQ-HĐND ngày 08/7/2020 "
       "của Hội đồng nhân dân tỉnh, Quyết định số 30/2016/QĐ-UBND.",
       {{"12/2019/NQ-HĐND", static_cast<int>(ReferenceRole::kRepeals)},
        {"05/2020/NQ-HĐND", static_cast<int>(ReferenceRole::kMentions)},
        {"30/2016/QĐ-UBND", static_cast<int>(ReferenceRole::kMentions)}}},
      // A cue in a cited title heads no list of this document's.
      {"theo Quyết định số 38/2011/QĐ-TTg ngày 05/7/2011 sửa đổi, bổ sung "
       "một số điều của Quyết định số 58/2008/QĐ-TTg ngày 29/4/2008 của Thủ "
       "tướng Chính phủ, Quyết định số 1788/QĐ-TTg ngày 01/10/2013 của Thủ "
       "tướng Chính phủ phê duyệt kế hoạch xử lý triệt để các cơ sở gây ô "
       "nhiễm môi trường nghiêm trọng",
       {{"38/2011/QĐ-TTg", static_cast<int>(ReferenceRole::kMentions)},
        {"58/2008/QĐ-TTg", kNone},
        {"1788/QĐ-TTg", static_cast<int>(ReferenceRole::kMentions)}}},
      // A modifying verb before "theo" acts on something the act governs.
      {"bổ sung kinh phí để chi trả các chế độ theo Thông tư số "
       "08/2016/TT-BGDĐT ngày 28 tháng 3 năm 2016 của Bộ Giáo dục và Đào "
       "tạo quy định chế độ giảm định mức giờ dạy cho giáo viên, giảng viên "
       "làm công tác công đoàn, Thông tư số 28/2009/TT-BGDĐT ngày 21 tháng "
       "10 năm 2009 của Bộ Giáo dục và Đào tạo",
       {{"08/2016/TT-BGDĐT", kNone},
        {"28/2009/TT-BGDĐT", static_cast<int>(ReferenceRole::kMentions)}}},
  };
  for (const RoleCase& c : cases) {
    Document doc = testing::root_document(c.text);
    extract_references(doc);
    std::vector<const Reference*> got;
    for (const Reference& r : doc.references)
      if (r.kind != ReferenceKind::kSelf) got.push_back(&r);
    ASSERT_EQ(got.size(), c.want.size()) << c.text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i]->number, c.want[i].first) << c.text;
      if (c.want[i].second == kNone) continue;
      EXPECT_EQ(to_string(got[i]->role),
                to_string(static_cast<ReferenceRole>(c.want[i].second)))
          << got[i]->number << " in: " << c.text;
    }
  }
}

}  // namespace
}  // namespace vnlegal
