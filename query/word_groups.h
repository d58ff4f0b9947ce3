// How a query reads the words of a text: a compound typed with underscores is one word; a run of
// single syllables typed with spaces (no punctuation between) is split into the words the index
// knows by the segmenter. Shared by the query parser and "did you mean", so both group alike.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "common/segmenter.h"
#include "common/token.h"

namespace vn {

struct TokenRange {  // Tokens [first, last) of an Analysis.
  std::size_t first;
  std::size_t last;
};

std::span<const Syllable> syllables_of(const Analysis& analysis, TokenRange range);

// A word of one syllable typed alone: what the segmenter may group with its neighbours.
bool single_syllable_word(const Token& t);

// The runs of the first `count` tokens: each maximal run of single-syllable words not separated
// by punctuation, and every other token alone.
std::vector<TokenRange> word_runs(const Analysis& analysis, std::size_t count);

// Appends the words of `run` to `out`: the lexicon's best split of a run of single syllables (each
// syllable a word of its own without a lexicon), or the run itself.
void append_words(const Analysis& analysis, TokenRange run, const Lexicon* lexicon,
                  std::vector<TokenRange>& out);

}  // namespace vn
