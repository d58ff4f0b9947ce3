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

  // Records a query syllable: accented ones match exactly, accentless ones any accented form.
  void add(const Syllable& s) {
    if (s.accented()) {
      exact.insert(s.key);
    } else {
      folded.insert(s.folded);
    }
  }
  bool matches(const Syllable& s) const {
    return exact.contains(s.key) || folded.contains(s.folded);
  }
  bool empty() const { return exact.empty() && folded.empty(); }
};

}  // namespace vn
