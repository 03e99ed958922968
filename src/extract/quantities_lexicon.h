// Word lists of quantity extraction: units, cue words of goals and results,
// heading vocabulary. Phrases are lower-case NFC syllables separated by one
// space, matched against internal::Tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "extract/quantities_tokens.h"

namespace vnlegal::internal {

struct Phrase {
  std::vector<std::string_view> words;
};

// A quick test that rules out most words before any hash table is asked:
// one bit per value of a cheap hash of the word's length, first two and last
// two bytes. False positives only cost the exact lookup.
struct WordFilter {
  uint64_t bits[64] = {};  // 4096 bits

  static uint32_t slot(std::string_view w) {
    const size_t n = w.size();
    const auto at = [&](size_t k) {
      return static_cast<uint32_t>(static_cast<unsigned char>(w[k]));
    };
    const uint32_t head = at(0) | (n > 1 ? at(1) << 8 : 0);
    const uint32_t tail = at(n - 1) | (n > 1 ? at(n - 2) << 8 : 0);
    const uint32_t h = head * 0x9E3779B1u ^ tail * 0x85EBCA77u ^
                       static_cast<uint32_t>(n) * 0xC2B2AE3Du;
    return h >> 20;
  }
  void add(std::string_view w) {
    if (w.empty()) return;
    const uint32_t k = slot(w);
    bits[k >> 6] |= uint64_t{1} << (k & 63);
  }
  bool may_hold(std::string_view w) const {
    if (w.empty()) return false;
    const uint32_t k = slot(w);
    return (bits[k >> 6] >> (k & 63)) & 1;
  }
};

// Two words of a few bytes each, compared without a call.
inline bool same_word(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}

// A map from lexicon words to values, asked once per token of the text: the
// WordFilter slot of a word leads to the few entries sharing it, so that a
// word not in the map (nearly every one) costs the slot and one load, and a
// word in it one comparison more. The slots are as many as twice the entries
// (a power of two, the low bits of the slot): the dozens of lists a figure
// asks about then fit in the cache together, as tables of 4096 slots each
// did not.
template <class V>
class WordMap {
 public:
  WordMap() : head_(kMinSlots, 0) {}

  // The value of w, added (value-initialized) if w is new.
  V& operator[](std::string_view w) {
    const uint32_t s = slot(w);
    for (uint32_t e = head_[s]; e != 0; e = entries_[e - 1].next)
      if (same_word(entries_[e - 1].word, w)) return entries_[e - 1].value;
    entries_.push_back({w, head_[s], V{}});
    head_[s] = static_cast<uint32_t>(entries_.size());
    if (entries_.size() * 2 > head_.size()) grow();
    return entries_.back().value;
  }
  const V* find(std::string_view w) const {
    if (w.empty()) return nullptr;
    for (uint32_t e = head_[WordFilter::slot(w) & mask_]; e != 0;
         e = entries_[e - 1].next)
      if (same_word(entries_[e - 1].word, w)) return &entries_[e - 1].value;
    return nullptr;
  }

  struct Entry {
    std::string_view word;
    uint32_t next;  // 1 + the next entry of the same slot, 0 at the end
    V value;
  };
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  static constexpr size_t kMinSlots = 16;
  static constexpr size_t kMaxSlots = 4096;  // WordFilter::slot's range
  uint32_t slot(std::string_view w) const {
    return w.empty() ? 0 : WordFilter::slot(w) & mask_;
  }
  // Twice the slots, the entries linked again in their order.
  void grow() {
    if (head_.size() >= kMaxSlots) return;
    head_.assign(head_.size() * 2, 0);
    mask_ = static_cast<uint32_t>(head_.size() - 1);
    for (size_t k = 0; k < entries_.size(); ++k) {
      const uint32_t s = slot(entries_[k].word);
      entries_[k].next = head_[s];
      head_[s] = static_cast<uint32_t>(k + 1);
    }
  }
  std::vector<uint32_t> head_;  // per slot, 1 + its first entry
  uint32_t mask_ = kMinSlots - 1;
  std::vector<Entry> entries_;
};

// Phrases indexed by their first word, so that matching at a token costs one
// lookup whatever the length of the list.
struct PhraseList {
  std::vector<Phrase> items;  // longest first
  WordMap<std::vector<uint32_t>> by_first;
};

PhraseList phrases(std::initializer_list<std::string_view> list);

bool match_phrase(const Tokens& t, size_t i, const Phrase& p);

// match_phrase() when token i is known to be the phrase's first word (it was
// looked up by it): the other words only.
bool match_phrase_rest(const Tokens& t, size_t i, const Phrase& p);

// Length in tokens of the first phrase of `list` starting at i (0 if none).
size_t match_any(const Tokens& t, size_t i, const PhraseList& list);

// The same for phrases that end before token `end`.
size_t match_any_within(const Tokens& t, size_t i, size_t end,
                        const PhraseList& list);

// Units written after a number, longest first. The unit keeps its
// multiplier as written ("4.000 tỷ đồng" is 4000 with unit "tỷ đồng").
const PhraseList& unit_lexicon();

// Units of time and age: durations and ages are never goals by themselves.
bool is_time_unit(std::string_view u);

bool is_pct_unit(std::string_view u);

bool is_money_unit(std::string_view u);

// Units of measure (money, time, percent, area, length, weight, power ...,
// in small letters) as opposed to the nouns a count counts ("hộ", "xã"):
// a measure alone names nothing measured.
bool is_measure_unit(std::string_view u);

// Words that never start a unit noun phrase.
bool is_stopword(std::string_view w);

const PhraseList& strong_target_words();

const PhraseList& weak_target_words();

const PhraseList& result_words();

const PhraseList& other_words();

const PhraseList& base_words();

const PhraseList& clause_target_cues();

const PhraseList& result_cues();

// A comparison with an earlier year ("tăng 8% so với năm 2004", "so với năm
// trước"): a report, except in a list of chỉ tiêu, where it states the
// growth a goal asks for.
const PhraseList& comparison_cues();

const PhraseList& rate_cues();

const PhraseList& condition_starts();

const PhraseList& goal_verbs();

}  // namespace vnlegal::internal
