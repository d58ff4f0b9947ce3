#include "query/index_lexicon.h"

#include <algorithm>

#include "common/schema.h"
#include "common/terms.h"

namespace vn {

std::string word_term(std::span<const Syllable> syllables) {
  if (syllables.size() == 1) {
    const Syllable& s = syllables.front();
    return s.accented() ? term(schema::kExact, s.key) : term(schema::kFolded, s.folded);
  }
  const bool accented = std::all_of(syllables.begin(), syllables.end(),
                                    [](const Syllable& s) { return s.accented(); });
  std::string key;
  for (const Syllable& s : syllables) {
    key += key.empty() ? "" : "_";
    key += accented ? s.key : s.folded;
  }
  return term(accented ? schema::kWord : schema::kFoldedWord, key);
}

std::uint64_t IndexLexicon::frequency(std::span<const Syllable> syllables) const {
  return db_.get_collection_freq(word_term(syllables));
}

std::uint64_t IndexLexicon::total() const {
  return std::max<std::uint64_t>(db_.get_total_length(), 1);
}

}  // namespace vn
