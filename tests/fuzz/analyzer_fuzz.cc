// Fuzzes vn::analyze on arbitrary bytes, with and without the repair of glued syllables, and
// checks what the analyser promises: spans inside the text in order, indices inside the vectors,
// keys that are valid UTF-8 whatever the input, and accent codes (common/accent_signature.h) that
// are never 0 and are 1 for every key without a mark.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/accent_signature.h"
#include "common/analyzer.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

void check(std::string_view text, const vn::Analysis& a) {
  for (const vn::Syllable& s : a.syllables) {
    FUZZ_CHECK(s.span.begin <= s.span.end && s.span.end <= text.size());
    FUZZ_CHECK(!s.key.empty() && vn::fuzz::valid_utf8(s.key) && vn::fuzz::valid_utf8(s.folded));
    const vn::AccentCode code = vn::accent_code(s.key);
    FUZZ_CHECK(code != 0);
    FUZZ_CHECK(s.key != s.folded || code == 1);
  }
  std::uint32_t previous_end = 0;
  for (const vn::Token& t : a.tokens) {
    FUZZ_CHECK(t.span.begin <= t.span.end && t.span.end <= text.size());
    FUZZ_CHECK(t.span.begin >= previous_end);
    previous_end = t.span.end;
    FUZZ_CHECK(t.syllable_count > 0);
    FUZZ_CHECK(std::size_t{t.first_syllable} + t.syllable_count <= a.syllables.size());
    for (const vn::Syllable& s : a.syllables_of(t)) {
      FUZZ_CHECK(s.span.begin >= t.span.begin && s.span.end <= t.span.end);
    }
    FUZZ_CHECK(vn::fuzz::valid_utf8(t.key) && vn::fuzz::valid_utf8(t.folded));
  }
  for (const vn::Name& n : a.names) {
    FUZZ_CHECK(n.token_count > 0);
    FUZZ_CHECK(std::size_t{n.first_token} + n.token_count <= a.tokens.size());
    FUZZ_CHECK(vn::fuzz::valid_utf8(vn::display_form(a, n.first_token, n.token_count)));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static vn::Analysis analysis;
  for (const bool repair : {true, false}) {
    vn::analyze(text, analysis, {.repair_glued = repair});
    check(text, analysis);
  }
  return 0;
}
