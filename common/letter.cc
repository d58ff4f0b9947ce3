// Letters as the analyser sees them (letter.h): classify() answers from a flat table for the
// code points news text uses (Latin, Vietnamese, general punctuation) and asks ICU for the rest.
// Both the table and the fallback come from one function, so they can never disagree.
#include "common/letter.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <array>
#include <cstddef>
#include <optional>

namespace vn {
namespace {

// Everything below this code point is answered from the table: ASCII, Latin-1, Latin Extended,
// combining marks, Latin Extended Additional (Vietnamese) and General Punctuation.
constexpr char32_t kTableEnd = 0x2200;
constexpr int kMarks = 5;  // Mark::kNone .. Mark::kStroke
constexpr int kTones = 6;  // Tone::kLevel .. Tone::kDot

// One Vietnamese diacritic: either a mark or a tone.
struct Accent {
  Mark mark = Mark::kNone;
  Tone tone = Tone::kLevel;
};

std::optional<Accent> accent_of(char32_t c) {
  switch (c) {
    case 0x0306:
      return Accent{Mark::kBreve, Tone::kLevel};
    case 0x0302:
      return Accent{Mark::kCircumflex, Tone::kLevel};
    case 0x031B:
      return Accent{Mark::kHorn, Tone::kLevel};
    case 0x0300:
    case 0x0340:
      return Accent{Mark::kNone, Tone::kGrave};
    case 0x0301:
    case 0x0341:
      return Accent{Mark::kNone, Tone::kAcute};
    case 0x0309:
      return Accent{Mark::kNone, Tone::kHook};
    case 0x0303:
      return Accent{Mark::kNone, Tone::kTilde};
    case 0x0323:
      return Accent{Mark::kNone, Tone::kDot};
    default:
      return std::nullopt;
  }
}

bool is_vowel_base(char32_t base) {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

// Whether Vietnamese spells this combination: ă â ê ô ơ ư đ, and tones only on vowels.
bool vietnamese_combination(char32_t base, Mark mark, Tone tone) {
  bool mark_ok = false;
  switch (mark) {
    case Mark::kNone:
      mark_ok = true;
      break;
    case Mark::kBreve:
      mark_ok = base == 'a';
      break;
    case Mark::kCircumflex:
      mark_ok = base == 'a' || base == 'e' || base == 'o';
      break;
    case Mark::kHorn:
      mark_ok = base == 'o' || base == 'u';
      break;
    case Mark::kStroke:
      mark_ok = base == 'd';
      break;
  }
  return mark_ok && (tone == Tone::kLevel || (is_vowel_base(base) && mark != Mark::kStroke));
}

bool single_code_point(const icu::UnicodeString& s) {
  return s.length() > 0 && s.length() == U16_LENGTH(s.char32At(0));
}

// Full-width and other compatibility letters (Ａ, ſ, 𝐀) fold to their plain letter, so that a
// query typed one way finds text written the other; ligatures (ﬁ, ĳ) stay as they are.
UChar32 compat_fold(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) {
    return c;
  }
  const icu::UnicodeString folded = nfkc->normalize(icu::UnicodeString(c), status);
  if (U_FAILURE(status) || !single_code_point(folded) || !u_isalpha(folded.char32At(0))) {
    return c;
  }
  return folded.char32At(0);
}

// True when every code point after the first is a combining mark: base + marks, not a Hangul
// syllable's jamo.
bool only_marks_after_base(const icu::UnicodeString& parts) {
  for (int32_t i = parts.moveIndex32(0, 1); i < parts.length(); i = parts.moveIndex32(i, 1)) {
    if ((U_GET_GC_MASK(parts.char32At(i)) & U_GC_M_MASK) == 0) {
      return false;
    }
  }
  return true;
}

// The accents after the base of a canonical decomposition; nullopt when one of them is not a
// Vietnamese diacritic or when two marks (or two tones) stack.
std::optional<Accent> vietnamese_accents(const icu::UnicodeString& parts) {
  Accent total;
  for (int32_t i = parts.moveIndex32(0, 1); i < parts.length(); i = parts.moveIndex32(i, 1)) {
    const std::optional<Accent> a = accent_of(static_cast<char32_t>(parts.char32At(i)));
    if (!a || (a->mark != Mark::kNone && total.mark != Mark::kNone) ||
        (a->tone != Tone::kLevel && total.tone != Tone::kLevel)) {
      return std::nullopt;
    }
    total.mark = a->mark != Mark::kNone ? a->mark : total.mark;
    total.tone = a->tone != Tone::kLevel ? a->tone : total.tone;
  }
  return total;
}

// Splits a lower-case letter into base and Vietnamese accents. A letter carrying any other mark
// (ü, ç, ñ, ǘ, ḿ) keeps its code point in `lower` and only folds its base.
Letter split_letter(char32_t lower) {
  Letter letter;
  letter.lower = lower;
  letter.base = lower;
  // đ has no canonical decomposition. The eth (ð, Ð) is what legacy encodings left for đ/Đ in
  // Vietnamese text ("ÐẠO"), and Icelandic is not a language this index serves.
  if (lower == 0x0111 || lower == 0x00F0) {
    letter.lower = 0x0111;
    letter.base = 'd';
    letter.mark = Mark::kStroke;
    return letter;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString parts;
  if (U_FAILURE(status) || !nfd->getDecomposition(static_cast<UChar32>(lower), parts) ||
      !only_marks_after_base(parts)) {
    return letter;
  }
  letter.base = static_cast<char32_t>(parts.char32At(0));
  const std::optional<Accent> accents = vietnamese_accents(parts);
  if (accents && vietnamese_combination(letter.base, accents->mark, accents->tone)) {
    letter.mark = accents->mark;
    letter.tone = accents->tone;
  }
  return letter;
}

// Soft hyphen, zero-width space and joiners, word joiner, BOM, and the other invisible
// Default_Ignorable_Code_Points (bidi controls, variation selectors).
bool is_ignorable(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT); }

// The one classification, used to fill the table and for code points beyond it.
CharInfo classify_uncached(char32_t code_point) {
  CharInfo info;
  const auto c = static_cast<UChar32>(code_point);
  if (code_point > 0x10FFFF || U_IS_SURROGATE(c)) {
    return info;
  }
  if (c == '_') {
    info.cls = CharClass::kUnderscore;
  } else if (is_ignorable(c)) {
    info.cls = CharClass::kIgnorable;
  } else if (u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x2028 || c == 0x2029) {
    info.cls = CharClass::kSpace;
  } else if ((U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) {
    info.cls = CharClass::kMark;
  } else if (u_isdigit(c)) {
    info.cls = CharClass::kDigit;
    info.letter.lower = info.letter.base = static_cast<char32_t>('0' + u_charDigitValue(c));
  } else if (u_isalpha(c)) {
    info.cls = CharClass::kLetter;
    info.letter = split_letter(static_cast<char32_t>(u_tolower(compat_fold(c))));
    info.letter.upper = u_isupper(c) || u_istitle(c);
  }
  return info;
}

int compose_index(char32_t base, Mark mark, Tone tone) {
  return (static_cast<int>(base - 'a') * kMarks + static_cast<int>(mark)) * kTones +
         static_cast<int>(tone);
}

// Built once, in place (the info table is ~140 KB, too big to return by value on the stack).
struct Tables {
  std::array<CharInfo, kTableEnd> info;
  std::array<char32_t, 26 * kMarks * kTones> composed{};  // base 'a'..'z' × mark × tone

  Tables() {
    for (char32_t c = 0; c < kTableEnd; ++c) {
      info[c] = classify_uncached(c);
    }
    // Every lower-case Vietnamese letter lives in the table range, so its entries give compose()
    // exactly the inverse of classify().
    for (char32_t c = 0; c < kTableEnd; ++c) {
      const Letter& l = info[c].letter;
      const bool accented = l.mark != Mark::kNone || l.tone != Tone::kLevel;
      if (info[c].cls == CharClass::kLetter && l.lower == c && accented) {
        composed[compose_index(l.base, l.mark, l.tone)] = c;
      }
    }
  }
};

const Tables& tables() {
  static const Tables kTables;  // Thread-safe initialisation (C++11 magic statics).
  return kTables;
}

}  // namespace

CharInfo classify(char32_t c) {
  if (c < kTableEnd) {
    return tables().info[c];
  }
  return classify_uncached(c);
}

const CharInfo& classify_ref(char32_t c) {
  if (c < kTableEnd) {
    return tables().info[c];
  }
  thread_local CharInfo scratch;
  scratch = classify_uncached(c);
  return scratch;
}

bool combine(Letter& letter, char32_t mark) {
  const std::optional<Accent> accent = accent_of(mark);
  // A letter with a foreign mark (ü) must not turn into a Vietnamese one (ú).
  if (!accent || compose(letter.base, letter.mark, letter.tone) != letter.lower) {
    return false;
  }
  Mark new_mark = letter.mark;
  Tone new_tone = letter.tone;
  if (accent->mark != Mark::kNone) {
    if (new_mark != Mark::kNone) {
      return false;
    }
    new_mark = accent->mark;
  } else {
    if (new_tone != Tone::kLevel) {
      return false;
    }
    new_tone = accent->tone;
  }
  const char32_t composed = compose(letter.base, new_mark, new_tone);
  if (composed == 0) {
    return false;
  }
  letter.lower = composed;
  letter.mark = new_mark;
  letter.tone = new_tone;
  return true;
}

char32_t compose(char32_t base, Mark mark, Tone tone) {
  if (mark == Mark::kNone && tone == Tone::kLevel) {
    return base;
  }
  if (base < 'a' || base > 'z' || static_cast<int>(mark) >= kMarks ||
      static_cast<int>(tone) >= kTones) {
    return 0;
  }
  return tables().composed[compose_index(base, mark, tone)];
}

bool is_vowel(const Letter& letter) {
  if (letter.lower != 0 && compose(letter.base, letter.mark, letter.tone) != letter.lower) {
    return false;  // A foreign letter such as ü.
  }
  return is_vowel_base(letter.base) && letter.mark != Mark::kStroke &&
         vietnamese_combination(letter.base, letter.mark, Tone::kLevel);
}

void append_utf8_multibyte(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    c = 0xFFFD;
  }
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace vn
