#include "common/accent_signature.h"

#include "common/letter.h"
#include "common/utf8.h"

namespace vn {
namespace {

constexpr unsigned kTones = 6;

// The marks a folded letter can carry in Vietnamese, as a digit: its radix (how many forms the
// letter has) and the digit of `mark`, or 0 radix when the letter takes no mark.
struct MarkDigit {
  unsigned radix = 0;
  unsigned digit = 0;
  bool valid = true;  // False: a mark Vietnamese does not put on this letter.
};

MarkDigit mark_digit(char32_t base, Mark mark) {
  auto pick = [&](unsigned radix, std::initializer_list<Mark> marks) {
    unsigned digit = 0;
    for (Mark m : marks) {
      if (m == mark) {
        return MarkDigit{radix, digit, true};
      }
      ++digit;
    }
    return MarkDigit{radix, 0, false};
  };
  switch (base) {
    case U'a':
      return pick(3, {Mark::kNone, Mark::kBreve, Mark::kCircumflex});
    case U'e':
      return pick(2, {Mark::kNone, Mark::kCircumflex});
    case U'o':
      return pick(3, {Mark::kNone, Mark::kCircumflex, Mark::kHorn});
    case U'u':
      return pick(2, {Mark::kNone, Mark::kHorn});
    case U'd':
      return pick(2, {Mark::kNone, Mark::kStroke});
    default:
      return {0, 0, mark == Mark::kNone};
  }
}

AccentCode hashed_code(std::string_view key) {
  std::uint32_t h = 2166136261U;  // FNV-1a: stable across builds and machines.
  for (char c : key) {
    h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  }
  return static_cast<AccentCode>(1 + (h ^ (h >> 16)) % 255);
}

}  // namespace

// 1 + tone + 6 × (the letters' marks as a mixed-radix number): injective over the keys of one
// folded form, since they share their letters and differ only in tone or marks. A Vietnamese
// syllable has at most three markable letters (đ, ư, ơ: 12 combinations × 6 tones < 255).
AccentCode accent_code(std::string_view key) {
  unsigned tone = 0;
  unsigned marks = 0;
  unsigned place = 1;
  for (std::size_t i = 0; i < key.size();) {
    const Decoded d = decode_utf8(key, i);
    i += d.size;
    const CharInfo& info = classify_ref(d.c);
    if (info.cls != CharClass::kLetter) {
      continue;
    }
    const Letter& letter = info.letter;
    const MarkDigit digit = mark_digit(letter.base, letter.mark);
    const bool foreign = letter.lower != compose(letter.base, letter.mark, letter.tone);
    if (!digit.valid || foreign || (letter.tone != Tone::kLevel && tone != 0)) {
      return hashed_code(key);  // Marks of another language, or two tones: not Vietnamese.
    }
    if (letter.tone != Tone::kLevel) {
      tone = static_cast<unsigned>(letter.tone);
    }
    if (digit.radix > 0) {
      if (digit.digit != 0) {
        if (place > 255) {
          return hashed_code(key);  // A long word with marks far in: more than a byte can tell.
        }
        marks += digit.digit * place;
      }
      // Past a byte's worth only a marked letter matters (above): a long unmarked word is code 1.
      place = place > 255 ? place : place * digit.radix;
    }
  }
  const unsigned code = 1 + tone + kTones * marks;
  return code <= 255 ? static_cast<AccentCode>(code) : hashed_code(key);
}

void AccentSignature::set(std::uint32_t position, std::string_view key) {
  if (bytes_.size() <= position) {
    bytes_.resize(static_cast<std::size_t>(position) + 1, '\0');
  }
  bytes_[position] = static_cast<char>(accent_code(key));
}

AccentCode accent_code_at(std::string_view signature, std::uint32_t position) {
  return position < signature.size() ? static_cast<AccentCode>(signature[position]) : 0;
}

bool accents_match_at(std::string_view signature, std::uint32_t first,
                      std::span<const AccentCode> codes) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (accent_code_at(signature, first + static_cast<std::uint32_t>(i)) != codes[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace vn
