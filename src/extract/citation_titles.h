// Official titles of laws, codes and ordinances that are cited by name. A
// title gives a name cited without number, date or year its extent: some
// titles hold words that otherwise end a name ("Luật Hoạt động giám sát của
// Quốc hội và Hội đồng nhân dân", "Luật Các tổ chức tín dụng"), and older
// documents write names in lower case ("Luật doanh nghiệp") where nothing
// else tells the name from the sentence around it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vnlegal::citation {

struct TitleSet {
  // Titles as lower-case words joined by single spaces, punctuation dropped,
  // sorted; both tone-mark styles ("hòa"/"hoà") are listed.
  std::vector<std::string> sorted;

  // Narrows [lo, hi), the titles that start with the same `off` bytes, to
  // those whose next word is `w`, and moves `off` past it; true when one of
  // them ends with `w`. Start with lo = 0, hi = sorted.size(), off = 0.
  bool narrow(size_t& lo, size_t& hi, size_t& off, std::string_view w) const;
};

// The titles for a document type ("Luật", "Bộ luật", "Pháp lệnh"), or
// nullptr for types cited by number only.
const TitleSet* titles_for(std::string_view type);

}  // namespace vnlegal::citation
