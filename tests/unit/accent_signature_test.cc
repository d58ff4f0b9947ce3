// The accent signature: what the indexer stores per position and the query checks.
#include <doctest/doctest.h>

#include <vector>

#include "common/accent_signature.h"

TEST_CASE("An accent signature finds keys at consecutive positions") {
  vn::AccentSignature sig;
  sig.set(1, "bán");
  sig.set(2, "hàng");
  sig.set(5, "bạn");
  const std::vector<vn::AccentCode> sale = {vn::accent_code("bán"), vn::accent_code("hàng")};
  const std::vector<vn::AccentCode> partner = {vn::accent_code("bạn"), vn::accent_code("hàng")};
  CHECK(vn::accents_match_at(sig.bytes(), 1, sale));
  CHECK_FALSE(vn::accents_match_at(sig.bytes(), 5, partner));  // Position 6 holds nothing.
  CHECK_FALSE(vn::accents_match_at(sig.bytes(), 1, partner));
  CHECK(vn::accent_code_at(sig.bytes(), 3) == 0);
  CHECK(vn::accent_code_at(sig.bytes(), 1000) == 0);  // Past the end: nothing, never a crash.
  CHECK(sig.bytes().size() == 12);
}

TEST_CASE("Accent codes tell apart the forms of one folded syllable") {
  const char* forms[] = {"ban", "bán", "bàn", "bản", "bãn", "bạn", "băn", "bắn", "bằn", "bẳn",
                         "bẵn", "bặn", "bân", "bấn", "bần", "bẩn", "bẫn", "bận"};
  for (const char* a : forms) {
    CHECK(vn::accent_code(a) != 0);
    for (const char* b : forms) {
      if (a != b) {
        CAPTURE(a);
        CAPTURE(b);
        CHECK(vn::accent_code(a) != vn::accent_code(b));
      }
    }
  }
}
