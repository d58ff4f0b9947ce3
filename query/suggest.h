// Completions for a search box: the words (syllables and compounds) and names of the index whose
// form without accents starts with what is typed, most frequent first. Accent-insensitive and
// compound-aware: "mat tr" completes to "mặt trận", "binh d" to "bình dân" and "Bình Dương";
// syllables typed with accents keep only the forms with those accents. Reads the exact layers,
// which are keyed folded first (common/terms.h), so a completion costs one term-range scan.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace vn {

enum class SuggestionKind { kWord, kName, kTitle };

struct Suggestion {
  std::string text;  // As shown: spaces for underscores, a name's usual capitals.
  SuggestionKind kind = SuggestionKind::kWord;
  Xapian::doccount docs = 0;  // Articles holding it.
};

std::string_view kind_name(SuggestionKind kind);

// How a name's canonical key ("hòa_bình") is written in the articles ("Hòa Bình").
using NameDisplay = std::function<std::string(const std::string& key)>;

// Terms looked at per layer: bounds the cost of a one-letter prefix.
inline constexpr std::size_t kMaxSuggestScan = 20000;

// Up to `limit` completions of `typed`, most articles first.
std::vector<Suggestion> suggest(const Xapian::Database& db, std::string_view typed,
                                std::size_t limit, const NameDisplay& name_display);

class Searcher;

// Up to `limit` titles of articles whose title holds what is typed, the last syllable as a
// prefix, best first: once the text is more specific than any word, a search box offers articles.
// `docs` is 1.
std::vector<Suggestion> suggest_titles(Searcher& searcher, std::string_view typed,
                                       std::size_t limit);

}  // namespace vn
