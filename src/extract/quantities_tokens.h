// Word-level view of the normalized text used by quantity extraction:
// syllables, numbers and punctuation with their byte spans, a lower-case copy
// for matching, and the line layout around each token. Markup residue
// ('*', '_', '#', HTML tags) and quotation marks are skipped, because web
// copies scatter them inside phrases ("đạt **20%\n**xã").
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The accessors below are asked hundreds of thousands of times per document
// from large functions, where the compiler would otherwise call them.
#if defined(__GNUC__)
#define VNLEGAL_TOKENS_INLINE __attribute__((always_inline)) inline
#else
#define VNLEGAL_TOKENS_INLINE inline
#endif

namespace vnlegal::internal {

enum class TokType : uint8_t { kWord, kNumber, kPunct };

// Plain data without initializers, so that the tokenizer can make room for
// tokens without writing it first (`Tok t{}` is all zeros).
struct Tok {
  uint32_t begin, end;    // bytes in the text
  uint32_t lbegin, lend;  // bytes in Tokens::lower
  TokType type;
  bool newline;    // a line break separates it from the previous token
  bool blank;      // a blank line separates it from the previous token
  bool attached;   // nothing at all separates it from the previous token
  bool upper;      // starts with a capital letter
  bool all_upper;  // every letter is a capital (and there are two+)
};

// An allocator whose value-initialization of a Tok leaves it unwritten:
// std::vector<Tok>::resize would otherwise zero memory the tokenizer is about
// to fill, about a tenth of its time.
template <class T>
struct UnwrittenAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UnwrittenAllocator<U>;
  };
  UnwrittenAllocator() = default;
  template <class U>
  UnwrittenAllocator(const UnwrittenAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;  // default-initialized: left as it is
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
using TokVector = std::vector<Tok, UnwrittenAllocator<Tok>>;

class Tokens {
 public:
  explicit Tokens(std::string_view text);
  ~Tokens();
  Tokens(const Tokens&) = delete;
  Tokens& operator=(const Tokens&) = delete;

  size_t size() const { return size_; }
  const Tok& operator[](size_t i) const { return toks_[i]; }
  VNLEGAL_TOKENS_INLINE std::string_view low(size_t i) const {
    if (i >= size_) return {};
    return std::string_view(lower_.get() + toks_[i].lbegin,
                            toks_[i].lend - toks_[i].lbegin);
  }
  // The first byte of a token's lower-case form (every token has one).
  VNLEGAL_TOKENS_INLINE char first_lower(const Tok& t) const {
    return lower_[t.lbegin];
  }
  VNLEGAL_TOKENS_INLINE bool is(size_t i, std::string_view w) const {
    if (i >= size_) return w.empty();
    const Tok& t = toks_[i];
    return t.lend - t.lbegin == w.size() &&
           std::memcmp(lower_.get() + t.lbegin, w.data(), w.size()) == 0;
  }
  VNLEGAL_TOKENS_INLINE bool is_word(size_t i) const {
    return i < size_ && toks_[i].type == TokType::kWord;
  }
  VNLEGAL_TOKENS_INLINE bool is_number(size_t i) const {
    return i < size_ && toks_[i].type == TokType::kNumber;
  }
  VNLEGAL_TOKENS_INLINE bool is_punct(size_t i, std::string_view p) const {
    if (i >= size_) return false;
    const Tok& t = toks_[i];
    if (t.type != TokType::kPunct || t.lend - t.lbegin != p.size())
      return false;
    // Nearly every mark asked about is one byte: no call for those.
    if (p.size() == 1) return lower_[t.lbegin] == p[0];
    return std::memcmp(lower_.get() + t.lbegin, p.data(), p.size()) == 0;
  }
  // The words of `phrase` start at token i.
  VNLEGAL_TOKENS_INLINE bool match(
      size_t i, std::initializer_list<std::string_view> phrase) const {
    for (std::string_view w : phrase) {
      if (i >= size_) return false;
      const Tok& t = toks_[i];
      if (t.lend - t.lbegin != w.size() ||
          std::memcmp(lower_.get() + t.lbegin, w.data(), w.size()) != 0)
        return false;
      ++i;
    }
    return true;
  }
  // The words of `phrase` end just before token i.
  bool ends_before(size_t i,
                   std::initializer_list<std::string_view> phrase) const;
  // The token starts a line.
  bool line_start(size_t i) const { return i == 0 || toks_[i].newline; }
  // Source text from token a to token b (inclusive) with whitespace runs and
  // markup collapsed to single spaces.
  std::string text(std::string_view src, size_t a, size_t b) const;

 private:
  std::unique_ptr<char[]> lower_;  // not initialized: written before read
  size_t lower_size_ = 0;
  TokVector toks_;
  // toks_.size(), kept: the accessors check every index against it, and the
  // vector would divide its byte length by sizeof(Tok) each time.
  size_t size_ = 0;
};

}  // namespace vnlegal::internal
