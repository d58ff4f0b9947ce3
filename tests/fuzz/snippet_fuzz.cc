// Fuzzes vn::make_snippet. The input is "Q\nTEXT": the first byte sets the snippet length, the
// rest of the first line is analysed into highlight terms (every other syllable as a prefix being
// typed, as `tr*` gives), the remainder is the article. Highlights must be ordered, disjoint,
// inside the snippet and on character boundaries; valid UTF-8 in gives valid UTF-8 out.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/analyzer.h"
#include "query/snippet.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::size_t max_chars = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t newline = rest.find('\n');
  const std::string_view query = rest.substr(0, newline);
  const std::string_view text =
      newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);

  static vn::Analysis analysis;
  vn::analyze(query, analysis);
  vn::HighlightTerms terms;
  for (std::size_t i = 0; i < analysis.syllables.size(); ++i) {
    if (i % 2 == 1) {
      terms.folded_prefixes.insert(analysis.syllables[i].folded);
    } else {
      terms.add(analysis.syllables[i]);
    }
  }

  const vn::Snippet s = vn::make_snippet(text, terms, max_chars);
  const bool valid = vn::fuzz::valid_utf8(text);
  std::size_t previous_end = 0;
  for (const auto& [begin, end] : s.highlights) {
    FUZZ_CHECK(previous_end <= begin && begin < end && end <= s.text.size());
    FUZZ_CHECK(!valid ||
               (vn::fuzz::is_boundary(s.text, begin) && vn::fuzz::is_boundary(s.text, end)));
    previous_end = end;
  }
  // The snippet is a part of the text plus an ellipsis at each end.
  FUZZ_CHECK(s.text.size() <= text.size() + 2 * std::string_view("…").size());
  if (valid) {
    FUZZ_CHECK(vn::fuzz::valid_utf8(s.text));
    FUZZ_CHECK(vn::fuzz::valid_utf8(vn::display_text(text)));
  }
  return 0;
}
