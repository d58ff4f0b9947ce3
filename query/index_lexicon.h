// The index's own vocabulary as the segmenter's Lexicon: occurrence counts of the word terms
// the indexer wrote, looked up by the same accent rule as the query (accented syllables exactly,
// accentless ones folded).
#pragma once

#include <xapian.h>

#include <span>
#include <string>

#include "common/segmenter.h"

namespace vn {

// The terms that stand for a word typed as `syllables`: one syllable → its exact or folded
// syllable term; several → the exact compound term when any syllable was typed with accents (the
// word is then exact throughout, as the query matches it), else every accented form of the
// compound: the exact compound terms that start with `text` ("XWmat_tran "), since the index
// keeps no folded compound layer (the exact one, keyed folded first, holds the same words).
struct WordTerms {
  std::string text;
  bool all_forms = false;  // `text` is a prefix: the terms are those that start with it.
};
WordTerms word_terms(std::span<const Syllable> syllables);

// The query for `word`: its term, or the OR of every form it stands for.
Xapian::Query word_query(const WordTerms& word);

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
