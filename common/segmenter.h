// Word segmentation of syllables typed with spaces: "mặt trận bình dân" → mặt_trận | bình_dân,
// as the corpus writes them. A dynamic-programming best split under a unigram model whose word
// frequencies come from a Lexicon (the index's own vocabulary, or a list in tests).
// Not for: segmenting documents at index time (the text's own underscores are kept as written).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "common/token.h"

namespace vn {

// Word frequencies for the segmenter. Implementations decide which key (accented or folded) a
// syllable sequence is looked up by.
class Lexicon {
 public:
  virtual ~Lexicon() = default;
  // How often the word made of `syllables` occurs (0 when unknown). One syllable is a word too.
  // Counts are occurrences, not documents: a unigram model multiplies word probabilities, and
  // document frequencies of common syllables would outweigh every compound.
  virtual std::uint64_t frequency(std::span<const Syllable> syllables) const = 0;
  // The total number of occurrences the frequencies are relative to; at least 1.
  virtual std::uint64_t total() const = 0;
};

// A Lexicon from a list of words, keyed by canonical syllable keys joined with '_'.
class MemoryLexicon : public Lexicon {
 public:
  void add(const std::string& key, std::uint64_t frequency);
  std::uint64_t frequency(std::span<const Syllable> syllables) const override;
  std::uint64_t total() const override { return total_ > 0 ? total_ : 1; }

 private:
  std::map<std::string, std::uint64_t, std::less<>> words_;
  std::uint64_t total_ = 0;
};

// Longest word the segmenter considers, in syllables.
inline constexpr std::size_t kMaxWordSyllables = 4;

// Returns the length (in syllables) of each word of the best split of `syllables`; the lengths add
// up to syllables.size(). Multi-syllable words must be in the lexicon; single syllables always
// may stand alone. Ties go to fewer, longer words.
std::vector<std::size_t> segment(std::span<const Syllable> syllables, const Lexicon& lexicon);

}  // namespace vn
