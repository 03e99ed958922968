// Word lists of quantity extraction: units, cue words of goals and results,
// heading vocabulary. Phrases are lower-case NFC syllables separated by one
// space, matched against internal::Tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/quantities_tokens.h"

namespace vnlegal::internal {

struct Phrase {
  std::vector<std::string_view> words;
};

// Phrases indexed by their first word, so that matching at a token costs one
// hash lookup whatever the length of the list.
struct PhraseList {
  std::vector<Phrase> items;  // longest first
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_first;
};

PhraseList phrases(std::initializer_list<std::string_view> list);

bool match_phrase(const Tokens& t, size_t i, const Phrase& p);

// Length in tokens of the first phrase of `list` starting at i (0 if none).
size_t match_any(const Tokens& t, size_t i, const PhraseList& list);

// Units written after a number, longest first. The unit keeps its
// multiplier as written ("4.000 tỷ đồng" is 4000 with unit "tỷ đồng").
const PhraseList& unit_lexicon();

// Units of time and age: durations and ages are never goals by themselves.
bool is_time_unit(std::string_view u);

bool is_pct_unit(std::string_view u);

bool is_money_unit(std::string_view u);

// Words that never start a unit noun phrase.
bool is_stopword(std::string_view w);

const PhraseList& strong_target_words();

const PhraseList& weak_target_words();

const PhraseList& result_words();

const PhraseList& other_words();

const PhraseList& base_words();

const PhraseList& clause_target_cues();

const PhraseList& result_cues();

const PhraseList& rate_cues();

const PhraseList& condition_starts();

const PhraseList& goal_verbs();

}  // namespace vnlegal::internal
