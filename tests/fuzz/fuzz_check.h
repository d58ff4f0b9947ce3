// What every fuzz target shares: a check that aborts (so libFuzzer records the input) when a
// documented property of the code under test fails, and the properties several targets check.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/utf8.h"

#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (false)

namespace vn::fuzz {

inline bool valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = decode_utf8(text, pos);
    if (!d.valid) {
      return false;
    }
    pos += d.size;
  }
  return true;
}

inline bool is_boundary(std::string_view text, std::size_t pos) {
  return pos == text.size() ||
         (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80);
}

}  // namespace vn::fuzz
