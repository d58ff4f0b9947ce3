// Vietnamese syllable structure (syllable.h): validity, canonical tone placement, glued syllables.
#include "common/syllable.h"

#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace {

using vn::CharClass;
using vn::Letter;

// Decodes UTF-8 into letters as the analyser would: combining marks are applied to the letter
// before them, everything that is not a letter or digit is dropped.
std::vector<Letter> letters_of(std::string_view text) {
  std::vector<Letter> out;
  int32_t i = 0;
  const auto size = static_cast<int32_t>(text.size());
  while (i < size) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, size, c);
    const vn::CharInfo info = vn::classify(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
    if (info.cls == CharClass::kMark && !out.empty()) {
      vn::combine(out.back(), static_cast<char32_t>(c));
    } else if (info.cls == CharClass::kLetter || info.cls == CharClass::kDigit) {
      out.push_back(info.letter);
    }
  }
  return out;
}

// The space-separated words of `row`.
std::vector<std::string_view> words(std::string_view row) {
  std::vector<std::string_view> out;
  while (!row.empty()) {
    const std::size_t space = std::min(row.find(' '), row.size());
    if (space > 0) {
      out.push_back(row.substr(0, space));
    }
    row.remove_prefix(std::min(space + 1, row.size()));
  }
  return out;
}

bool syllable(std::string_view text) { return vn::is_vietnamese_syllable(letters_of(text)); }

int tone_index(std::string_view text) { return vn::canonical_tone_index(letters_of(text)); }

std::vector<std::size_t> split(std::string_view text) {
  return vn::split_glued_syllables(letters_of(text));
}

}  // namespace

TEST_CASE("Real Vietnamese syllables are syllables") {
  const std::vector<std::string_view> rows = {
      // Onsets.
      "ba ca cha da đa ga ghe gia ha ke kha la ma na nga nghe nha pin pha qua ra sa ta tha tra "
      "va xa",
      // No onset, single vowels and y alone.
      "a ạ ở ừ ý y ô ê ăn ấm em ích ông ước uống oanh oái uy uyên yêu yên ỉa ủy ưu ấy",
      // Diphthongs, medials, codas and glides.
      "nghiêng người khuya quốc giữa gì gìn giếng giường chuyện thuở huơ khuỷu khuyếch khuấy",
      "quỳnh quyết quyền quân quên quẹo quăng quý quả quạu qui quít hoàng toán hòa hoà thủy "
      "thuỷ khỏe khoẻ của mía múa mưa rượu hươu cuối chiếc việc tiếng xoong moóc ngoặt hoắc",
      "thuần huỳnh huých tuýp xoáy ngoẻo ngoao hoạch thuế huệ tuần kỳ kỷ lý mỹ bệnh lệch kênh "
      "xẻng đường trường những được Nguyễn",
      // Case and NFD do not matter.
      "NGHIÊNG Người Ma\xCC\xA3\xCC\x86t QUỐC",
  };
  for (std::string_view row : rows) {
    for (std::string_view word : words(row)) {
      CAPTURE(word);
      CHECK(syllable(word));
    }
  }
}

TEST_CASE("Foreign words fragments and misspellings are not syllables") {
  const std::vector<std::string_view> rows = {
      "azerbaijan Azerbaijan osce OSCE mustafayev bốbầu ngh xyz tp b đ hcm thànhcông",
      // Spelling rules: k gh ngh before e ê i, c g ng elsewhere; q only as qu.
      "ce ci ka ko ge gha nge ngi ngha qa quu quô coa cuy",
      // iê needs an onset, yê refuses one; ya only after u.
      "iêu tyêu ya",
      // Stop codas take only the acute or dot tone.
      "càc cảc cãc cac viet",
      // Two tones, a tone on a consonant, a foreign mark.
      "hóà ḿa müa señor çà",
      // Letters Vietnamese does not write, digits.
      "fa ja wa za a1 １a",
      // Not a rhyme.
      "aa ươ ăa âư oong ooc ênhe",
  };
  for (std::string_view row : rows) {
    for (std::string_view word : words(row)) {
      CAPTURE(word);
      CHECK_FALSE(syllable(word));
    }
  }
  CHECK_FALSE(syllable(""));
}

TEST_CASE("The canonical tone position follows the old style wherever the text put the tone") {
  struct Row {
    const char* input;
    int index;
  };
  const auto check = [](const std::vector<Row>& rows) {
    for (const Row& row : rows) {
      CAPTURE(row.input);
      CHECK(tone_index(row.input) == row.index);
    }
  };
  // Two vowels, no coda: the first.
  check({{"hòa", 1},
         {"hoà", 1},
         {"thủy", 2},
         {"thuỷ", 2},
         {"khỏe", 2},
         {"khoẻ", 2},
         {"ủy", 0},
         {"uỷ", 0},
         {"Hoá", 1},
         {"Hóa", 1},
         {"của", 1},
         {"mía", 1},
         {"múa", 1},
         {"tái", 1}});
  // A coda: the last vowel.
  check({{"hoàng", 2}, {"hòang", 2}, {"toán", 2}, {"tóan", 2}, {"quỳnh", 2}, {"huýt", 2}});
  // A vowel with a quality mark; the ơ of ươ.
  check({{"người", 3},
         {"ngừơi", 3},
         {"thuyền", 4},
         {"rượu", 2},
         {"thuở", 3},
         {"khuấy", 3},
         {"mưa", 1},
         {"cuối", 2},
         {"uống", 1},
         {"khuyếch", 4},
         {"việt", 2}});
  // Three vowels: the middle one.
  check({{"khuỷu", 3}, {"khủyu", 3}, {"ngoái", 3}, {"xoáy", 2}, {"ngoẻo", 3}, {"khuya", 3}});
  // The u of qu and the i of gi belong to the onset...
  check({{"quý", 2},
         {"qúy", 2},
         {"quả", 2},
         {"qủa", 2},
         {"quốc", 2},
         {"quái", 2},
         {"giữ", 2},
         {"giữa", 2},
         {"già", 2},
         {"giỏi", 2},
         {"giường", 3}});
  // ... unless nothing else could carry the tone.
  check({{"gì", 1}, {"gìn", 1}, {"giếng", 2}});
  // Single vowels, no tone at all, not a syllable.
  check({{"ý", 0},
         {"à", 0},
         {"ba", 1},
         {"hoa", 1},
         {"nghiêng", 4},
         {"azerbaijan", -1},
         {"bốbầu", -1},
         {"", -1}});
}

TEST_CASE("Glued syllables split where a space or underscore was lost") {
  struct Row {
    const char* input;
    std::vector<std::size_t> cuts;
  };
  const auto check = [](const std::vector<Row>& rows) {
    for (const Row& row : rows) {
      CAPTURE(row.input);
      CHECK(split(row.input) == row.cuts);
    }
  };
  check({{"bốbầu", {2}},
         {"phủđã", {3}},
         {"thànhcông", {5}},
         {"ThànhCông", {5}},
         {"ximăng", {2}},
         {"khuyếchtrương", {7}},
         {"nhậphàngtrăm", {4, 8}},
         {"Bo\xCC\x81"
          "ba\xCC\x82\xCC\x80"
          "u",
          {2}}});
  // Two tones are evidence enough, even without a Vietnamese-only mark.
  check({{"quàsẽ", {3}}});
  // The consonants between two vowels go to the next onset: từ + ngày, not từng + ày.
  check({{"từngày", {2}}, {"vụtai", {2}}});
  // Valid syllables, words without a Vietnamese-only diacritic, no split into syllables.
  check({{"người", {}},
         {"Nguyễn", {}},
         {"a", {}},
         {"", {}},
         {"Azerbaijan", {}},
         {"Mustafayev", {}},
         {"OSCE", {}},
         {"thanhcong", {}},
         {"María", {}},
         {"Pokémon", {}},
         {"Beyoncé", {}},
         {"Đắk", {}}});
}

TEST_CASE("Long garbage is rejected quickly") {
  std::string garbage;
  for (int i = 0; i < 200; ++i) {
    garbage += i % 3 == 0 ? "ệ" : (i % 3 == 1 ? "n" : "ơ");
  }
  // The longest word still looked at: 30 letters, all of them plausible syllable material.
  std::string longest;
  for (int i = 0; i < 10; ++i) {
    longest += "ngư";
  }
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) {
    CHECK(split(garbage).empty());
    CHECK(split(longest).empty());
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(5));
  CHECK_FALSE(syllable(garbage));
  CHECK(tone_index(garbage) == -1);
}
