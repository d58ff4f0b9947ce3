#include "common/text_chars.h"

#include "common/utf8.h"

namespace vn {

std::size_t decode_text(std::string_view text, std::vector<TextChar>& out) {
  out.clear();
  std::size_t invalid = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded d = decode_utf8(text, pos);
    const auto begin = static_cast<std::uint32_t>(pos);
    pos += d.size;
    if (!d.valid) {
      ++invalid;
    }
    const CharInfo& info = classify_ref(d.c);
    if (info.cls == CharClass::kIgnorable) {
      continue;
    }
    if (info.cls == CharClass::kMark) {
      // A combining mark belongs to the letter before it; it extends that letter's span even when
      // it is not a Vietnamese mark, so highlighting never cuts a grapheme in two.
      if (!out.empty() && out.back().end == begin) {
        if (out.back().cls == CharClass::kLetter) {
          combine(out.back().letter, d.c);
        }
        out.back().end = static_cast<std::uint32_t>(pos);
      }
      continue;
    }
    out.push_back({begin, static_cast<std::uint32_t>(pos), d.c, info.cls, info.letter});
  }
  return invalid;
}

}  // namespace vn
