// The index's own vocabulary as the segmenter's Lexicon: occurrence counts of the word terms
// the indexer wrote, looked up by the same accent rule as the query (accented syllables exactly,
// accentless ones folded).
#pragma once

#include <span>
#include <string>

#include <xapian.h>

#include "common/segmenter.h"

namespace vn {

// The term that stands for a word typed as `syllables`: one syllable → its exact or folded
// syllable term; several → the exact compound term when any syllable was typed with accents (the
// word is then exact throughout, as the query matches it), else the folded compound term.
std::string word_term(std::span<const Syllable> syllables);

class IndexLexicon : public Lexicon {
 public:
  // Keeps a copy of the handle; the database must stay open while the lexicon is used.
  explicit IndexLexicon(const Xapian::Database& db) : db_(db) {}
  std::uint64_t frequency(std::span<const Syllable> syllables) const override;
  std::uint64_t total() const override;

 private:
  Xapian::Database db_;
};

}  // namespace vn
