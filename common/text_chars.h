// Decodes UTF-8 text into classified characters with NFD combining marks folded into their base
// letter and ignorable characters (zero-width, soft hyphen, BOM) removed, keeping byte spans.
// Not for: deciding tokens (analyzer.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/letter.h"

namespace vn {

struct TextChar {
  std::uint32_t begin = 0;  // Byte span in the text, including any combining marks that follow.
  std::uint32_t end = 0;
  char32_t c = 0;           // The code point as written (before combining marks).
  CharClass cls = CharClass::kOther;
  Letter letter;            // Letters and digits: the decomposed letter with its marks applied.
};

// Fills `out` (cleared first) with the characters of `text`. Returns the number of invalid UTF-8
// sequences, each of which became one U+FFFD character of class kOther.
std::size_t decode_text(std::string_view text, std::vector<TextChar>& out);

}  // namespace vn
