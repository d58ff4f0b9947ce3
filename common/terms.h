// Xapian term strings for analysed text: the one place that joins a schema prefix to a key, used by
// the indexer to write terms and by the query parser to look them up.
#pragma once

#include <string>
#include <string_view>

#include "common/schema.h"

namespace vn {

inline std::string term(std::string_view prefix, std::string_view key) {
  std::string t;
  t.reserve(prefix.size() + key.size());
  t.append(prefix);
  t.append(key);
  return t;
}

// A term of an exact layer (schema::kExact, kWord): the folded key, a space, then the canonical
// key ("XEmat mặt", "XWmat_tran mặt_trận"). Keyed by what is typed without accents, the
// vocabulary can be browsed by a folded prefix: the accented forms of "mat tr" are the terms
// that start with "XWmat_tr" (suggest, did you mean), each with its document frequency.
inline std::string exact_term(std::string_view prefix, std::string_view folded,
                              std::string_view key) {
  std::string t;
  t.reserve(prefix.size() + folded.size() + 1 + key.size());
  t.append(prefix).append(folded).append(1, ' ').append(key);
  return t;
}

// The canonical key of an exact-layer term, after its prefix: "mat_tran mặt_trận" → "mặt_trận".
inline std::string_view exact_key_of(std::string_view term_after_prefix) {
  const std::size_t space = term_after_prefix.find(' ');
  return space == std::string_view::npos ? term_after_prefix : term_after_prefix.substr(space + 1);
}

// Xapian refuses terms over 245 bytes; longer keys (a pathological URL) are not indexed.
inline constexpr std::size_t kMaxTermBytes = 240;

inline bool indexable(std::string_view term) { return !term.empty() && term.size() <= kMaxTermBytes; }

}  // namespace vn
