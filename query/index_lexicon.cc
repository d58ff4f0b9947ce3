#include "query/index_lexicon.h"

#include <algorithm>

#include "common/schema.h"
#include "common/terms.h"

namespace vn {

namespace {

// Accented forms of one compound typed without accents: a handful at most (mặt_trận, mất_trần…).
constexpr Xapian::termcount kMaxWordForms = 16;

}  // namespace

WordTerms word_terms(std::span<const Syllable> syllables) {
  if (syllables.size() == 1) {
    const Syllable& s = syllables.front();
    return {s.accented() ? exact_term(schema::kExact, s.folded, s.key)
                         : term(schema::kFolded, s.folded)};
  }
  const bool accented = std::ranges::any_of(syllables, &Syllable::accented);
  std::string folded;
  std::string key;
  for (const Syllable& s : syllables) {
    folded += folded.empty() ? "" : "_";
    folded += s.folded;
    key += key.empty() ? "" : "_";
    key += s.key;
  }
  if (accented) {
    return {exact_term(schema::kWord, folded, key)};
  }
  return {exact_term(schema::kWord, folded, ""), true};
}

Xapian::Query word_query(const WordTerms& word) {
  return word.all_forms ? Xapian::Query(Xapian::Query::OP_WILDCARD, word.text, kMaxWordForms,
                                        Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT)
                        : Xapian::Query(word.text);
}

std::uint64_t IndexLexicon::frequency(std::span<const Syllable> syllables) const {
  const WordTerms word = word_terms(syllables);
  if (!word.all_forms) {
    return db_.get_collection_freq(word.text);
  }
  std::uint64_t sum = 0;
  for (auto it = db_.allterms_begin(word.text); it != db_.allterms_end(word.text); ++it) {
    sum += db_.get_collection_freq(*it);
  }
  return sum;
}

std::uint64_t IndexLexicon::total() const {
  return std::max<std::uint64_t>(db_.get_total_length(), 1);
}

}  // namespace vn
