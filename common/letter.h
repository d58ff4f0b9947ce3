// Letters as the analyser sees them: one decoded, decomposed letter with its Vietnamese marks split
// out, so that case, tone placement, NFC/NFD and accent folding are all questions about fields.
// Not for: deciding word or syllable boundaries (tokenizer.h, syllable.h do that).
#pragma once

#include <cstdint>
#include <string>

namespace vn {

// The vowel-quality or consonant mark a Vietnamese letter carries (ă â ê ô ơ ư đ). Marks of other
// languages (ü, ç, ñ) are not split out: such letters keep their own code point in `lower`.
enum class Mark : std::uint8_t { kNone, kBreve, kCircumflex, kHorn, kStroke };

// The six Vietnamese tones; kLevel means no tone mark.
enum class Tone : std::uint8_t { kLevel, kGrave, kAcute, kHook, kTilde, kDot };

// Full-width and other compatibility letters read as their plain letter ('Ａ' is 'a'), and the eth
// (Ð, ð) that legacy encodings left in Vietnamese text reads as Đ, đ.
struct Letter {
  char32_t lower = 0;  // Lower case, NFC, as written (tone kept where the text put it): 'ậ', 'ü'.
  char32_t base = 0;  // Folded: lower case with every diacritic removed: 'a' for 'ậ', 'd' for 'đ'.
  Mark mark = Mark::kNone;
  Tone tone = Tone::kLevel;
  bool upper = false;  // The letter was written in upper case.
};

// Classification of one code point, as looked up in a table built from ICU's data at first use.
enum class CharClass : std::uint8_t {
  kLetter,      // Any alphabetic code point (any script).
  kDigit,       // Decimal digit of any script; `base` holds its ASCII digit.
  kMark,        // A combining mark (Mn, Mc, Me; NFD input); see combine().
  kIgnorable,   // Zero-width space/joiners, soft hyphen, BOM, bidi controls, variation selectors
                // (Default_Ignorable_Code_Point): dropped from keys, kept in spans.
  kSpace,       // White space, including NBSP and U+2028.
  kUnderscore,  // '_', the syllable joiner of word-segmented text.
  kOther,       // Punctuation and symbols.
};

struct CharInfo {
  CharClass cls = CharClass::kOther;
  Letter letter;  // Meaningful for kLetter and kDigit (digit: base/lower are the ASCII digit).
};

// Looks up a code point. Thread-safe; the first call builds the tables (about a millisecond).
// Code points below U+2200 come from a flat table; the rest ask ICU each time.
CharInfo classify(char32_t c);
// The same by reference: valid until the next call on this thread.
const CharInfo& classify_ref(char32_t c);

// Applies a combining mark (U+0300..U+036F) to the letter before it, as NFC composition would;
// the order of the marks does not matter (a + U+0323 + U+0302 and a + U+0302 + U+0323 are both
// 'ậ'). Returns false when the mark is not one Vietnamese uses on this letter (a second tone, a
// mark on a consonant, anything on a letter that already carries a foreign mark such as 'ü'); the
// caller then keeps the letter and drops the mark from the keys (it stays in the original text).
bool combine(Letter& letter, char32_t mark);

// Composes a lower-case letter from its folded base, mark and tone ('a', kCircumflex, kDot → 'ậ'):
// the inverse of classify() for Vietnamese letters. With kNone and kLevel it returns `base`
// itself, whatever it is. Returns 0 for any other combination Vietnamese does not spell.
char32_t compose(char32_t base, Mark mark, Tone tone);

// True for the letters Vietnamese writes a tone on: a ă â e ê i o ô ơ u ư y (with or without a
// tone; not 'ü').
bool is_vowel(const Letter& letter);

// Appends the UTF-8 encoding of `c` to `out` (U+FFFD for a surrogate or a value past U+10FFFF).
void append_utf8_multibyte(std::string& out, char32_t c);
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else {
    append_utf8_multibyte(out, c);
  }
}

}  // namespace vn
