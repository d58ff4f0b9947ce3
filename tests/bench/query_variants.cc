#include "tests/bench/query_variants.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

namespace vn::bench {
namespace {

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string normalized(std::string_view text, bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) {
    return std::string(text);
  }
  const icu::UnicodeString out = n->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                                  text.data(), static_cast<int32_t>(text.size()))),
                                              status);
  return U_FAILURE(status) ? std::string(text) : utf8(out);
}

// A syllable key with the capitalisation its text used.
std::string capitalised(const Syllable& s, const std::string& key) {
  if (s.all_upper) {
    return upper_case(key);
  }
  if (!s.upper_initial) {
    return key;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
  const int32_t first_end = u.moveIndex32(0, 1);
  icu::UnicodeString head(u, 0, first_end);
  head.toUpper();
  return utf8(head.append(u, first_end, u.length() - first_end));
}

bool is_tone_mark(UChar c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

bool is_mark(UChar32 c) {
  return u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

// The two vowels whose tone placement varies between spellings (hòa/hoà, hòe/hoè, thủy/thuỷ),
// when they end the syllable: with a final consonant both spellings agree (hoàn).
bool movable_pair(UChar32 first, UChar32 second) {
  first = u_tolower(first);
  second = u_tolower(second);
  return (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
}

// Moves the tone of one NFD syllable [begin, end) of `text` to the other vowel of its final
// oa/oe/uy pair. Returns false when the syllable has no such tone.
bool move_tone(icu::UnicodeString& text, int32_t begin, int32_t end) {
  std::vector<int32_t> bases;  // Positions of the base letters.
  for (int32_t i = begin; i < end; ++i) {
    if (!is_mark(text.charAt(i))) {
      bases.push_back(i);
    }
  }
  if (bases.size() < 2) {
    return false;
  }
  const int32_t a = bases[bases.size() - 2];
  const int32_t b = bases.back();
  if (!movable_pair(text.charAt(a), text.charAt(b)) ||
      (bases.size() >= 3 && u_tolower(text.charAt(bases[bases.size() - 3])) == 'q')) {
    return false;
  }
  // The marks of `a` are (a, b), of `b` (b, end); a vowel mark (ô, ư) would make it another pair.
  for (int32_t i = a + 1; i < end; ++i) {
    if (i != b && !is_tone_mark(text.charAt(i))) {
      return false;
    }
  }
  for (int32_t i = a + 1; i < end; ++i) {
    if (i == b || !is_tone_mark(text.charAt(i))) {
      continue;
    }
    const UChar tone = text.charAt(i);
    text.remove(i, 1);
    if (i < b) {
      text.insert(end - 1, tone);  // Onto the second vowel: after `b`, now at end - 2.
    } else {
      text.insert(a + 1, tone);
    }
    return true;
  }
  return false;
}

}  // namespace

std::string upper_case(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  return utf8(u.toUpper());
}

std::string decomposed(std::string_view text) { return normalized(text, /*compose=*/false); }

std::optional<std::string> other_tone_placement(std::string_view text) {
  const std::string nfd = decomposed(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(nfd);
  bool moved = false;
  int32_t i = 0;
  while (i < u.length()) {
    if (!u_isalpha(u.charAt(i))) {
      ++i;
      continue;
    }
    int32_t end = i + 1;
    while (end < u.length() && (u_isalpha(u.charAt(end)) || is_mark(u.charAt(end)))) {
      ++end;
    }
    moved = move_tone(u, i, end) || moved;
    i = end;
  }
  if (!moved) {
    return std::nullopt;
  }
  return normalized(utf8(u), /*compose=*/true);
}

TypedForms typed_forms(const Analysis& analysis, std::uint32_t first, std::uint32_t count) {
  TypedForms forms;
  for (std::uint32_t t = first; t < first + count; ++t) {
    const auto syllables = analysis.syllables_of(analysis.tokens[t]);
    for (std::size_t i = 0; i < syllables.size(); ++i) {
      forms.underscores += i > 0 ? "_" : (t > first ? " " : "");
      forms.underscores += capitalised(syllables[i], syllables[i].key);
      forms.folded += t > first || i > 0 ? " " : "";
      forms.folded += capitalised(syllables[i], syllables[i].folded);
    }
  }
  forms.spaces = forms.underscores;
  std::replace(forms.spaces.begin(), forms.spaces.end(), '_', ' ');
  forms.upper = upper_case(forms.spaces);
  forms.nfd = decomposed(forms.spaces);
  forms.other_tone = other_tone_placement(forms.spaces);
  return forms;
}

std::string folded_query(const Analysis& analysis) {
  std::string out;
  for (const Token& t : analysis.tokens) {
    if (t.kind == TokenKind::kUrl || t.kind == TokenKind::kEmail) {
      continue;
    }
    if (t.kind != TokenKind::kWord) {
      out += out.empty() ? "" : " ";
      out += t.folded;
      continue;
    }
    for (const Syllable& s : analysis.syllables_of(t)) {
      out += out.empty() ? "" : " ";
      out += s.folded;
    }
  }
  return out;
}

}  // namespace vn::bench
