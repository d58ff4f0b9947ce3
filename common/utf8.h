// Strict, allocation-free UTF-8 decoding: one code point at a time, invalid input becomes U+FFFD.
// Not for: normalisation or classification (letter.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vn {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
  char32_t c = 0;        // The code point, or kReplacementChar for an invalid sequence.
  std::size_t size = 0;  // Bytes consumed, always >= 1 so that a decoding loop always advances.
  bool valid = true;     // False when `c` replaces an invalid sequence.
};

// Decodes the code point starting at text[pos] (pos < text.size()). Overlong forms, surrogates,
// code points above U+10FFFF and truncated sequences are invalid; each invalid sequence consumes
// its maximal valid prefix (as the Unicode standard recommends), so every byte is seen once.
Decoded decode_utf8(std::string_view text, std::size_t pos);

// Replaces every invalid sequence in `text` by U+FFFD. Returns the count of replacements.
std::size_t repair_utf8(std::string& text);

// `text` as a key that is valid UTF-8 and tells apart every distinct `text`: each byte of an
// invalid sequence written %XX and '%' itself %25 ("Gi\xe1 50%" → "Gi%E1 50%25"); other text
// unchanged. For keys made from file names, which may be in another encoding.
std::string escape_for_key(std::string_view text);

// `text` with every control character (C0, DEL, C1) written as \u00XX, for text shown on a
// terminal or in a one-line message: a string from an article or a query can then neither break
// the line nor send a terminal escape. Invalid UTF-8 is left as it is.
std::string escape_controls(std::string_view text);

}  // namespace vn
