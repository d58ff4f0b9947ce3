#include "common/segmenter.h"

#include <cmath>
#include <limits>

namespace vn {

void MemoryLexicon::add(const std::string& key, std::uint64_t frequency) {
  words_[key] += frequency;
  total_ += frequency;
}

std::uint64_t MemoryLexicon::frequency(std::span<const Syllable> syllables) const {
  std::string key;
  for (const Syllable& s : syllables) {
    key += key.empty() ? "" : "_";
    key += s.key;
  }
  const auto it = words_.find(key);
  return it == words_.end() ? 0 : it->second;
}

std::vector<std::size_t> segment(std::span<const Syllable> syllables, const Lexicon& lexicon) {
  const std::size_t n = syllables.size();
  const double log_total = std::log(static_cast<double>(lexicon.total()));
  constexpr double kNone = -std::numeric_limits<double>::infinity();
  // best[i]: log-probability of the best split of the first i syllables; from[i]: its last word.
  std::vector<double> best(n + 1, kNone);
  std::vector<std::size_t> from(n + 1, 0);
  best[0] = 0;
  for (std::size_t end = 1; end <= n; ++end) {
    for (std::size_t len = 1; len <= std::min(kMaxWordSyllables, end); ++len) {
      const std::size_t start = end - len;
      if (best[start] == kNone) {
        continue;
      }
      const std::uint64_t f = lexicon.frequency(syllables.subspan(start, len));
      if (f == 0 && len > 1) {
        continue;
      }
      // An unknown single syllable gets a tenth of a count, so any input has a split.
      const double p = std::log(f > 0 ? static_cast<double>(f) : 0.1) - log_total;
      // Longer words are tried later, so >= hands ties to them.
      if (best[start] + p >= best[end]) {
        best[end] = best[start] + p;
        from[end] = len;
      }
    }
  }
  std::vector<std::size_t> lengths;
  for (std::size_t end = n; end > 0; end -= from[end]) {
    lengths.insert(lengths.begin(), from[end]);
  }
  return lengths;
}

}  // namespace vn
