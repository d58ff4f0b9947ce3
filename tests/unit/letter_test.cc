// Letters (letter.h): classification, decomposition into base/mark/tone, composition and case.
#include "common/letter.h"

#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace {

using vn::CharClass;
using vn::Letter;
using vn::Mark;
using vn::Tone;

// Decodes UTF-8 into letters and digits as the analyser would: combining marks are applied to
// the letter before them, ignorables are skipped, everything else is dropped.
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

Letter letter_of(std::string_view text) {
  const std::vector<Letter> letters = letters_of(text);
  REQUIRE(letters.size() == 1);
  return letters.front();
}

std::string utf8(char32_t c) {
  std::string out;
  vn::append_utf8(out, c);
  return out;
}

// Letters rendered field by field, so a failing CHECK shows what differs.
std::string describe(const std::vector<Letter>& letters) {
  std::string out;
  for (const Letter& l : letters) {
    out += utf8(l.lower) + "/" + utf8(l.base) + "/" + std::to_string(static_cast<int>(l.mark)) +
           std::to_string(static_cast<int>(l.tone)) + (l.upper ? "U " : "l ");
  }
  return out;
}

}  // namespace

TEST_CASE("classify splits a letter into lower case base mark tone and case") {
  struct Row {
    const char* input;
    char32_t lower;
    char32_t base;
    Mark mark;
    Tone tone;
    bool upper;
  };
  const std::vector<Row> rows = {
      {"a", U'a', U'a', Mark::kNone, Tone::kLevel, false},
      {"Z", U'z', U'z', Mark::kNone, Tone::kLevel, true},
      {"ậ", U'ậ', U'a', Mark::kCircumflex, Tone::kDot, false},
      {"Ậ", U'ậ', U'a', Mark::kCircumflex, Tone::kDot, true},
      {"đ", U'đ', U'd', Mark::kStroke, Tone::kLevel, false},
      {"Đ", U'đ', U'd', Mark::kStroke, Tone::kLevel, true},
      {"ơ", U'ơ', U'o', Mark::kHorn, Tone::kLevel, false},
      {"Ừ", U'ừ', U'u', Mark::kHorn, Tone::kGrave, true},
      {"ẵ", U'ẵ', U'a', Mark::kBreve, Tone::kTilde, false},
      {"ỷ", U'ỷ', U'y', Mark::kNone, Tone::kHook, false},
      {"é", U'é', U'e', Mark::kNone, Tone::kAcute, false},
      // Foreign marks are not split out: the letter keeps its code point, only the base folds.
      {"ü", U'ü', U'u', Mark::kNone, Tone::kLevel, false},
      {"Ç", U'ç', U'c', Mark::kNone, Tone::kLevel, true},
      {"ñ", U'ñ', U'n', Mark::kNone, Tone::kLevel, false},
      {"ǘ", U'ǘ', U'u', Mark::kNone, Tone::kLevel, false},  // ü + acute
      {"ḿ", U'ḿ', U'm', Mark::kNone, Tone::kLevel, false},  // a tone on a consonant
      {"ĝ", U'ĝ', U'g', Mark::kNone, Tone::kLevel,
       false},  // a circumflex Vietnamese never puts on g
      {"ø", U'ø', U'ø', Mark::kNone, Tone::kLevel, false},
      // Legacy encodings left the eth for Đ.
      {"Ð", U'đ', U'd', Mark::kStroke, Tone::kLevel, true},
      // Full-width letters fold to ASCII.
      {"Ａ", U'a', U'a', Mark::kNone, Tone::kLevel, true},
      {"ｚ", U'z', U'z', Mark::kNone, Tone::kLevel, false},
      // Other scripts.
      {"Ω", U'ω', U'ω', Mark::kNone, Tone::kLevel, true},
      {"ά", U'ά', U'α', Mark::kNone, Tone::kLevel, false},
      {"Й", U'й', U'и', Mark::kNone, Tone::kLevel, true},
      {"中", U'中', U'中', Mark::kNone, Tone::kLevel, false},
      {"한", U'한', U'한', Mark::kNone, Tone::kLevel, false},  // Hangul does not fold to its jamo.
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    const std::vector<Letter> letters = letters_of(row.input);
    REQUIRE(letters.size() == 1);
    const Letter& l = letters.front();
    CHECK(utf8(l.lower) == utf8(row.lower));
    CHECK(utf8(l.base) == utf8(row.base));
    CHECK(l.mark == row.mark);
    CHECK(l.tone == row.tone);
    CHECK(l.upper == row.upper);
  }
}

TEST_CASE("classify puts every code point in its class") {
  struct Row {
    char32_t c;
    CharClass cls;
  };
  const std::vector<Row> rows = {
      {U'a', CharClass::kLetter},      {U'Đ', CharClass::kLetter},
      {U'ệ', CharClass::kLetter},      {U'中', CharClass::kLetter},
      {0xFF21, CharClass::kLetter},    {U'7', CharClass::kDigit},
      {0xFF10, CharClass::kDigit},     {0x0663, CharClass::kDigit},
      {0x0301, CharClass::kMark},      {0x0323, CharClass::kMark},
      {0x0308, CharClass::kMark},      {0x200B, CharClass::kIgnorable},
      {0x200C, CharClass::kIgnorable}, {0x200D, CharClass::kIgnorable},
      {0x2060, CharClass::kIgnorable}, {0xFEFF, CharClass::kIgnorable},
      {0x00AD, CharClass::kIgnorable}, {0x200E, CharClass::kIgnorable},
      {U' ', CharClass::kSpace},       {U'\t', CharClass::kSpace},
      {U'\n', CharClass::kSpace},      {U'\r', CharClass::kSpace},
      {0x00A0, CharClass::kSpace},     {0x2028, CharClass::kSpace},
      {0x2029, CharClass::kSpace},     {0x3000, CharClass::kSpace},
      {0x2009, CharClass::kSpace},     {U'_', CharClass::kUnderscore},
      {U'.', CharClass::kOther},       {U'-', CharClass::kOther},
      {U'“', CharClass::kOther},       {U'…', CharClass::kOther},
      {U'%', CharClass::kOther},       {U'€', CharClass::kOther},
      {0x1F600, CharClass::kOther},    {0xFFFD, CharClass::kOther},
      {0xD800, CharClass::kOther},     {0x110000, CharClass::kOther},
      {0, CharClass::kOther},
  };
  for (const Row& row : rows) {
    CAPTURE(static_cast<std::uint32_t>(row.c));
    CHECK(vn::classify(row.c).cls == row.cls);
  }
}

TEST_CASE("Decimal digits of any script become ASCII digits") {
  struct Row {
    const char* input;
    char32_t digit;
  };
  const std::vector<Row> rows = {
      {"0", U'0'}, {"9", U'9'}, {"０", U'0'}, {"５", U'5'}, {"９", U'9'}, {"٣", U'3'}, {"७", U'7'},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    const std::vector<Letter> letters = letters_of(row.input);
    REQUIRE(letters.size() == 1);
    CHECK(letters.front().base == row.digit);
    CHECK(letters.front().lower == row.digit);
  }
}

TEST_CASE("Every Vietnamese vowel with every tone composes and decomposes") {
  struct Row {
    char32_t base;
    Mark mark;
    std::u32string_view toned;  // kLevel, kGrave, kAcute, kHook, kTilde, kDot
  };
  const std::vector<Row> rows = {
      {U'a', Mark::kNone, U"aàáảãạ"},       {U'a', Mark::kBreve, U"ăằắẳẵặ"},
      {U'a', Mark::kCircumflex, U"âầấẩẫậ"}, {U'e', Mark::kNone, U"eèéẻẽẹ"},
      {U'e', Mark::kCircumflex, U"êềếểễệ"}, {U'i', Mark::kNone, U"iìíỉĩị"},
      {U'o', Mark::kNone, U"oòóỏõọ"},       {U'o', Mark::kCircumflex, U"ôồốổỗộ"},
      {U'o', Mark::kHorn, U"ơờớởỡợ"},       {U'u', Mark::kNone, U"uùúủũụ"},
      {U'u', Mark::kHorn, U"ưừứửữự"},       {U'y', Mark::kNone, U"yỳýỷỹỵ"},
      {U'd', Mark::kStroke, U"đ"},
  };
  for (const Row& row : rows) {
    for (std::size_t t = 0; t < row.toned.size(); ++t) {
      const char32_t expected = row.toned[t];
      const auto tone = static_cast<Tone>(t);
      CAPTURE(utf8(expected));
      CHECK(utf8(vn::compose(row.base, row.mark, tone)) == utf8(expected));
      const vn::CharInfo info = vn::classify(expected);
      CHECK(info.cls == CharClass::kLetter);
      CHECK(info.letter.lower == expected);
      CHECK(info.letter.base == row.base);
      CHECK(info.letter.mark == row.mark);
      CHECK(info.letter.tone == tone);
      CHECK_FALSE(info.letter.upper);
      CHECK(vn::is_vowel(info.letter) == (row.base != U'd'));
    }
  }
}

TEST_CASE("Upper-case Vietnamese letters read as their lower case with the upper flag") {
  const std::u32string_view upper =
      U"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ";
  const std::u32string_view lower =
      U"àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
  REQUIRE(upper.size() == lower.size());
  for (std::size_t i = 0; i < upper.size(); ++i) {
    CAPTURE(utf8(upper[i]));
    const Letter u = vn::classify(upper[i]).letter;
    const Letter l = vn::classify(lower[i]).letter;
    CHECK(u.upper);
    CHECK(utf8(u.lower) == utf8(l.lower));
    CHECK(u.base == l.base);
    CHECK(u.mark == l.mark);
    CHECK(u.tone == l.tone);
  }
}

TEST_CASE("NFC and NFD spellings give identical letters") {
  struct Row {
    const char* nfc;
    const char* nfd;
  };
  const std::vector<Row> rows = {
      {"ậ", "a\xCC\xA3\xCC\x82"},  // a + dot below + circumflex (canonical order)
      {"ậ", "a\xCC\x82\xCC\xA3"},  // a + circumflex + dot below
      {"Ậ", "A\xCC\x82\xCC\xA3"},
      {"ừ", "u\xCC\x9B\xCC\x80"},  // u + horn + grave
      {"ừ", "u\xCC\x80\xCC\x9B"},
      {"ợ", "o\xCC\x9B\xCC\xA3"},
      {"ẵ", "a\xCC\x86\xCC\x83"},
      {"Mặt trận", "Ma\xCC\xA3\xCC\x86t tra\xCC\xA3\xCC\x82n"},
      {"người", "ngu\xCC\x9Bo\xCC\x9B\xCC\x80i"},
      {"Đảng",
       "\xC4\x90"
       "a\xCC\x89ng"},
      {"khuỷu", "khuy\xCC\x89u"},
      {"hòa",
       "ho\xCC\x80"
       "a"},
      {"Việt", "Vie\xCC\x82\xCC\xA3t"},
      // A decomposed letter written with the old tone-mark code points U+0340/U+0341.
      {"á", "a\xCD\x81"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.nfc);
    CHECK(describe(letters_of(row.nfc)) == describe(letters_of(row.nfd)));
  }
}

TEST_CASE("combine applies Vietnamese marks in any order and refuses everything else") {
  struct Row {
    const char* letter;
    std::vector<char32_t> marks;
    std::vector<bool> applied;
    char32_t lower;
  };
  const std::vector<Row> rows = {
      {"a", {0x0323}, {true}, U'ạ'},
      {"a", {0x0323, 0x0302}, {true, true}, U'ậ'},
      {"a", {0x0302, 0x0323}, {true, true}, U'ậ'},
      {"A", {0x0306, 0x0301}, {true, true}, U'ắ'},
      {"u", {0x031B, 0x0303}, {true, true}, U'ữ'},
      {"y", {0x0309}, {true}, U'ỷ'},
      {"á", {0x0300}, {false}, U'á'},                // a second tone
      {"a", {0x0301, 0x0323}, {true, false}, U'á'},  // a second tone
      {"ơ", {0x0302}, {false}, U'ơ'},                // a second mark
      {"e", {0x0306}, {false}, U'e'},                // no e with breve in Vietnamese
      {"i", {0x0302}, {false}, U'i'},
      {"b", {0x0301}, {false}, U'b'},  // no tone on a consonant
      {"đ", {0x0301}, {false}, U'đ'},
      {"u", {0x0308}, {false}, U'u'},  // diaeresis is not Vietnamese
      {"ü", {0x0301}, {false}, U'ü'},  // ü must not become ú
      {"α", {0x0301}, {false}, U'α'},
  };
  for (const Row& row : rows) {
    CAPTURE(row.letter);
    Letter l = letter_of(row.letter);
    const bool upper = l.upper;
    for (std::size_t i = 0; i < row.marks.size(); ++i) {
      CAPTURE(i);
      CHECK(vn::combine(l, row.marks[i]) == row.applied[i]);
    }
    CHECK(utf8(l.lower) == utf8(row.lower));
    CHECK(l.upper == upper);
    const Letter expected = vn::classify(row.lower).letter;
    CHECK(l.base == expected.base);
    CHECK(l.mark == expected.mark);
    CHECK(l.tone == expected.tone);
  }
}

TEST_CASE("compose returns 0 for combinations Vietnamese does not spell") {
  struct Row {
    char32_t base;
    Mark mark;
    Tone tone;
    char32_t expected;
  };
  const std::vector<Row> rows = {
      {U'b', Mark::kNone, Tone::kLevel, U'b'},    {U'x', Mark::kNone, Tone::kLevel, U'x'},
      {U'ü', Mark::kNone, Tone::kLevel, U'ü'},    {U'b', Mark::kNone, Tone::kAcute, 0},
      {U'm', Mark::kNone, Tone::kAcute, 0},       {U'e', Mark::kBreve, Tone::kLevel, 0},
      {U'u', Mark::kCircumflex, Tone::kLevel, 0}, {U'a', Mark::kHorn, Tone::kLevel, 0},
      {U'd', Mark::kStroke, Tone::kAcute, 0},     {U'g', Mark::kCircumflex, Tone::kLevel, 0},
      {U'n', Mark::kNone, Tone::kTilde, 0},       {U'A', Mark::kNone, Tone::kAcute, 0},
  };
  for (const Row& row : rows) {
    CAPTURE(utf8(row.base));
    CAPTURE(static_cast<int>(row.mark));
    CAPTURE(static_cast<int>(row.tone));
    CHECK(vn::compose(row.base, row.mark, row.tone) == row.expected);
  }
}

TEST_CASE("is_vowel is true for the twelve Vietnamese vowels only") {
  struct Row {
    const char* input;
    bool vowel;
  };
  const std::vector<Row> rows = {
      {"a", true},  {"ă", true},  {"â", true},  {"e", true},  {"ê", true},  {"i", true},
      {"o", true},  {"ô", true},  {"ơ", true},  {"u", true},  {"ư", true},  {"y", true},
      {"Ỵ", true},  {"ề", true},  {"b", false}, {"d", false}, {"đ", false}, {"q", false},
      {"ü", false}, {"ø", false}, {"α", false}, {"7", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(vn::is_vowel(letter_of(row.input)) == row.vowel);
  }
}

TEST_CASE("append_utf8 encodes every length and replaces what is not a scalar value") {
  struct Row {
    char32_t c;
    std::string expected;
  };
  const std::vector<Row> rows = {
      {U'a', "a"},
      {0x00E9, "\xC3\xA9"},
      {0x1EAD, "\xE1\xBA\xAD"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
      {0xD800, "\xEF\xBF\xBD"},
      {0x110000, "\xEF\xBF\xBD"},
  };
  for (const Row& row : rows) {
    CAPTURE(static_cast<std::uint32_t>(row.c));
    CHECK(utf8(row.c) == row.expected);
  }
}

TEST_CASE("Zero-width characters soft hyphen and BOM vanish from the letters") {
  struct Row {
    const char* input;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {"Hà\xE2\x80\x8BNội", "HàNội"},
      {"bình\xC2\xAD"
       "dân",
       "bìnhdân"},
      {"\xEF\xBB\xBFViệt", "Việt"},
      {"a\xE2\x80\x8C"
       "b\xE2\x80\x8D"
       "c\xE2\x81\xA0"
       "d",
       "abcd"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(describe(letters_of(row.input)) == describe(letters_of(row.expected)));
  }
}
