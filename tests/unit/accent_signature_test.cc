// The accent signature: what the indexer stores per position and the query checks.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/accent_signature.h"
#include "common/letter.h"

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
  CHECK(sig.bytes().size() == 6);  // One byte a position.
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

TEST_CASE("Accent codes are exact for every spelling of a syllable with three markable letters") {
  // d/đ × u/ư × o/ô/ơ × six tones on the o: 72 keys of the folded "duong", 72 different codes.
  std::vector<vn::AccentCode> codes;
  for (vn::Mark d : {vn::Mark::kNone, vn::Mark::kStroke}) {
    for (vn::Mark u : {vn::Mark::kNone, vn::Mark::kHorn}) {
      for (vn::Mark o : {vn::Mark::kNone, vn::Mark::kCircumflex, vn::Mark::kHorn}) {
        for (int tone = 0; tone < 6; ++tone) {
          std::string key;
          vn::append_utf8(key, vn::compose(U'd', d, vn::Tone::kLevel));
          vn::append_utf8(key, vn::compose(U'u', u, vn::Tone::kLevel));
          vn::append_utf8(key, vn::compose(U'o', o, static_cast<vn::Tone>(tone)));
          key += "ng";
          CAPTURE(key);
          const vn::AccentCode code = vn::accent_code(key);
          CHECK(code != 0);
          CHECK(std::find(codes.begin(), codes.end(), code) == codes.end());
          codes.push_back(code);
        }
      }
    }
  }
  CHECK(vn::accent_code("duong") == 1);  // No marks and no tone: the code of every plain word.
}

TEST_CASE("Words without marks share one code and marked forms are told apart") {
  CHECK(vn::accent_code("ban") == vn::accent_code("tp.hcm"));
  CHECK(vn::accent_code("2006") == vn::accent_code("ban"));
  CHECK(vn::accent_code("international") == vn::accent_code("ban"));  // Long, and unmarked.
  CHECK(vn::accent_code("café") != vn::accent_code("cafe"));  // é reads as e with the acute tone.
  CHECK(vn::accent_code("über") != vn::accent_code("uber"));  // ü is hashed: apart here.
  CHECK(vn::accent_code("nguyễn") != vn::accent_code("nguyên"));
}
