// Builds the snippet shown under a result: the passage of the article with the most distinct
// matched words, about `max_chars` characters, cut at word boundaries, with underscores shown as
// spaces, line breaks as spaces and "…" where text is cut. Matching goes through the analyser, so
// a compound and an accented word matched by an accentless query are highlighted whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/highlight_terms.h"

namespace vn {

struct Snippet {
  std::string text;  // Plain UTF-8.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  // [begin, end) bytes of `text`.
};

inline constexpr std::size_t kDefaultSnippetChars = 200;

Snippet make_snippet(std::string_view text, const HighlightTerms& terms,
                     std::size_t max_chars = kDefaultSnippetChars);

// The text for display: underscores as spaces, runs of white space as one space, trimmed.
std::string display_text(std::string_view text);

}  // namespace vn
