#include "query/word_groups.h"

namespace vn {

bool single_syllable_word(const Token& t) {
  return t.kind == TokenKind::kWord && t.syllable_count == 1;
}

std::span<const Syllable> syllables_of(const Analysis& analysis, TokenRange range) {
  const Token& first = analysis.tokens[range.first];
  const Token& last = analysis.tokens[range.last - 1];
  return {analysis.syllables.data() + first.first_syllable,
          last.first_syllable + last.syllable_count - first.first_syllable};
}

std::vector<TokenRange> word_runs(const Analysis& analysis, std::size_t count) {
  const auto& tokens = analysis.tokens;
  std::vector<TokenRange> runs;
  for (std::size_t i = 0; i < count;) {
    std::size_t j = i + 1;
    while (single_syllable_word(tokens[i]) && j < count && single_syllable_word(tokens[j]) &&
           !tokens[j].follows_punctuation) {
      ++j;
    }
    runs.push_back({i, j});
    i = j;
  }
  return runs;
}

void append_words(const Analysis& analysis, TokenRange run, const Lexicon* lexicon,
                  std::vector<TokenRange>& out) {
  if (run.last - run.first == 1) {
    out.push_back(run);
  } else if (lexicon == nullptr) {
    for (std::size_t k = run.first; k < run.last; ++k) {
      out.push_back({k, k + 1});
    }
  } else {
    std::size_t k = run.first;
    for (std::size_t len : segment(syllables_of(analysis, run), *lexicon)) {
      out.push_back({k, k + len});
      k += len;
    }
  }
}

}  // namespace vn
