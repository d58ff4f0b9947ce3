#include "indexer/headline.h"

#include <algorithm>

#include "common/analyzer.h"

namespace vn {
namespace {

constexpr std::size_t kMinHeadlineWords = 3;
constexpr std::size_t kMaxHeadlineWords = 40;

bool lower_word(const Analysis& a, const Token& t) {
  return t.kind == TokenKind::kWord && !a.syllables[t.first_syllable].upper_initial;
}

bool starts_body(const Analysis& a, std::size_t i) {
  const Token& t = a.tokens[i];
  if (t.kind != TokenKind::kWord || t.follows_punctuation || i + 1 >= a.tokens.size()) {
    return false;
  }
  const auto syllables = a.syllables_of(t);
  const bool vietnamese = std::all_of(syllables.begin(), syllables.end(),
                                      [](const Syllable& s) { return s.vietnamese; });
  const bool capitalised_throughout =
      std::all_of(syllables.begin(), syllables.end(),
                  [](const Syllable& s) { return s.upper_initial; });
  return syllables.front().upper_initial && vietnamese &&
         (syllables.size() == 1 || !capitalised_throughout) && lower_word(a, a.tokens[i - 1]) &&
         lower_word(a, a.tokens[i + 1]);
}

bool sentence_punctuation_between(std::string_view text, const Token& before, const Token& after) {
  const std::string_view gap = text.substr(before.span.end, after.span.begin - before.span.end);
  return gap.find_first_of(".!?") != std::string_view::npos;
}

}  // namespace

std::size_t find_headline_end(std::string_view line) {
  Analysis a;
  analyze(line, a);
  const std::size_t limit = std::min(a.tokens.size(), kMaxHeadlineWords + 1);
  for (std::size_t i = 1; i < limit; ++i) {
    if (sentence_punctuation_between(line, a.tokens[i - 1], a.tokens[i])) {
      return a.tokens[i].span.begin;
    }
    if (i >= kMinHeadlineWords && starts_body(a, i)) {
      return a.tokens[i].span.begin;
    }
  }
  return 0;
}

}  // namespace vn
