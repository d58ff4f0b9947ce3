#include "query/index_lexicon.h"

#include <algorithm>

#include "common/schema.h"
#include "common/terms.h"

namespace vn {

std::string word_term(std::span<const Syllable> syllables) {
  if (syllables.size() == 1) {
    const Syllable& s = syllables.front();
    return s.accented() ? exact_term(schema::kExact, s.folded, s.key)
                        : term(schema::kFolded, s.folded);
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
  return accented ? exact_term(schema::kWord, folded, key) : term(schema::kFoldedWord, folded);
}

std::uint64_t IndexLexicon::frequency(std::span<const Syllable> syllables) const {
  return db_.get_collection_freq(word_term(syllables));
}

std::uint64_t IndexLexicon::total() const {
  return std::max<std::uint64_t>(db_.get_total_length(), 1);
}

}  // namespace vn
