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
#include <unordered_set>

namespace vnlegal::citation {

struct TitleSet {
  // Titles as lower-case words joined by single spaces, punctuation dropped,
  // in both tone-mark styles ("hòa"/"hoà").
  std::unordered_set<std::string> full;
  // Every word prefix of a title, so a match can stop at the first word
  // that no title continues with.
  std::unordered_set<std::string> prefixes;
  size_t max_words = 0;
};

// The titles for a document type ("Luật", "Bộ luật", "Pháp lệnh"), or
// nullptr for types cited by number only.
const TitleSet* titles_for(std::string_view type);

}  // namespace vnlegal::citation
