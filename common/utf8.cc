#include "common/utf8.h"

#include "common/letter.h"

namespace vn {
namespace {

// Bounds on the second byte that rule out overlongs, surrogates and values past U+10FFFF.
struct LeadInfo {
  int length;
  unsigned char second_min;
  unsigned char second_max;
};

LeadInfo lead_info(unsigned char b) {
  if (b >= 0xC2 && b <= 0xDF) {
    return {2, 0x80, 0xBF};
  }
  if (b == 0xE0) {
    return {3, 0xA0, 0xBF};
  }
  if (b == 0xED) {
    return {3, 0x80, 0x9F};
  }
  if (b >= 0xE1 && b <= 0xEF) {
    return {3, 0x80, 0xBF};
  }
  if (b == 0xF0) {
    return {4, 0x90, 0xBF};
  }
  if (b >= 0xF1 && b <= 0xF3) {
    return {4, 0x80, 0xBF};
  }
  if (b == 0xF4) {
    return {4, 0x80, 0x8F};
  }
  return {0, 0, 0};
}

}  // namespace

Decoded decode_utf8(std::string_view text, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    return {b0, 1, true};
  }
  const LeadInfo lead = lead_info(b0);
  if (lead.length == 0) {
    return {kReplacementChar, 1, false};
  }
  char32_t c = b0 & (0xFF >> (lead.length + 1));
  for (int i = 1; i < lead.length; ++i) {
    if (pos + i >= text.size()) {
      return {kReplacementChar, static_cast<std::size_t>(i), false};
    }
    const auto b = static_cast<unsigned char>(text[pos + i]);
    const unsigned char lo = i == 1 ? lead.second_min : 0x80;
    const unsigned char hi = i == 1 ? lead.second_max : 0xBF;
    if (b < lo || b > hi) {
      return {kReplacementChar, static_cast<std::size_t>(i), false};
    }
    c = (c << 6) | (b & 0x3F);
  }
  return {c, static_cast<std::size_t>(lead.length), true};
}

std::size_t repair_utf8(std::string& text) {
  std::size_t pos = 0;
  std::size_t replaced = 0;
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
    ++pos;  // ASCII prefix: the common case needs no copy.
  }
  if (pos == text.size()) {
    return 0;
  }
  std::string out = text.substr(0, pos);
  while (pos < text.size()) {
    const Decoded d = decode_utf8(text, pos);
    if (d.valid) {
      out.append(text, pos, d.size);
    } else {
      append_utf8(out, kReplacementChar);
      ++replaced;
    }
    pos += d.size;
  }
  if (replaced > 0) {
    text = std::move(out);
  }
  return replaced;
}

std::string escape_for_key(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = decode_utf8(text, pos);
    for (std::size_t i = pos; i < pos + d.size; ++i) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (d.valid && b != '%') {
        out += static_cast<char>(b);
      } else {
        out += '%';
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
      }
    }
    pos += d.size;
  }
  return out;
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = decode_utf8(text, pos);
    if (d.valid && (d.c < 0x20 || (d.c >= 0x7F && d.c <= 0x9F))) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[d.c >> 4];
      out += kHex[d.c & 0xF];
    } else {
      out.append(text, pos, d.size);
    }
    pos += d.size;
  }
  return out;
}

}  // namespace vn
