// The analyser's output types: plain value structs shared by the indexer, the query parser and the
// snippet generator. All offsets are byte offsets into the text that was analysed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace vn {

struct Span {
  std::uint32_t begin = 0;  // First byte.
  std::uint32_t end = 0;    // One past the last byte.
};

// A syllable: the unit of positions in the index. For a number or symbol token that does not split
// into syllables, the whole token is its single syllable.
struct Syllable {
  Span span;
  std::string key;     // Canonical search key: NFC, lower case, canonical tone placement.
  std::string folded;  // The key with every diacritic removed and đ → d: "mặt" → "mat".
  bool upper_initial = false;  // Written with an upper-case first letter.
  bool all_upper = false;      // Every letter written in upper case (and at least two letters).
  bool vietnamese = false;     // A well-formed Vietnamese syllable (syllable.h).

  // True when the key carries any diacritic, i.e. a query typed this way is accent-exact.
  bool accented() const { return key != folded; }
};

enum class TokenKind : std::uint8_t {
  kWord,    // Letters, possibly a word-segmented compound (Mặt_trận) or with digits (U23, 19h).
  kNumber,  // Digits with their separators and a trailing percent sign: 50.000, 3,5, 12/11/2005.
  kSymbol,  // Words joined by / . - ' : HIV/AIDS, TP.HCM, e-mail; each part is a syllable.
  kUrl,     // http://…, https://…, www.…
  kEmail,   // name@host.tld
};

struct Token {
  TokenKind kind = TokenKind::kWord;
  Span span;
  std::uint32_t first_syllable = 0;  // Index into Analysis::syllables.
  std::uint32_t syllable_count = 0;
  std::string key;     // Words: syllable keys joined by '_'; others: the whole token, lower case.
  std::string folded;  // The same from folded syllables.
  bool sentence_start = false;      // First token of a sentence, line or text.
  bool follows_punctuation = false;  // Punctuation separates it from the previous token.
  bool in_name = false;              // Part of a name (Analysis::names).
};

// A name: a run of capitalised words that is not merely capitalised by its sentence position.
struct Name {
  std::uint32_t first_token = 0;
  std::uint32_t token_count = 0;
};

// The analysis of one text. Reuse one object across texts to keep its buffers' capacity.
struct Analysis {
  std::vector<Syllable> syllables;
  std::vector<Token> tokens;
  std::vector<Name> names;
  std::size_t invalid_utf8 = 0;  // Invalid UTF-8 sequences seen (each read as U+FFFD).

  std::span<const Syllable> syllables_of(const Token& token) const {
    return {syllables.data() + token.first_syllable, token.syllable_count};
  }
  void clear() {
    syllables.clear();
    tokens.clear();
    names.clear();
    invalid_utf8 = 0;
  }
};

}  // namespace vn
