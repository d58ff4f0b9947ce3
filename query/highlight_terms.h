// What a query matches, in analyser keys, so the snippet generator can mark the matching words of a
// document without re-running the query.
#pragma once

#include <set>
#include <string>

#include "common/token.h"

namespace vn {

struct HighlightTerms {
  std::set<std::string> exact;   // Canonical syllable keys typed with accents.
  std::set<std::string> folded;  // Folded keys of syllables typed without accents.
  std::set<std::string> folded_prefixes;  // Folded beginnings of a word being typed (prefix*).

  // Records a query syllable: accented ones match exactly, accentless ones any accented form.
  void add(const Syllable& s) {
    if (s.accented()) {
      exact.insert(s.key);
    } else {
      folded.insert(s.folded);
    }
  }
  bool matches(const Syllable& s) const {
    if (exact.contains(s.key) || folded.contains(s.folded)) {
      return true;
    }
    for (const std::string& p : folded_prefixes) {
      if (s.folded.starts_with(p)) {
        return true;
      }
    }
    return false;
  }
  bool empty() const { return exact.empty() && folded.empty() && folded_prefixes.empty(); }
};

}  // namespace vn
