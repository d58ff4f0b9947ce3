// Vietnamese syllable structure (syllable.h). A syllable is parsed as onset + rhyme over small
// letter codes: the onset from its first letters, the rhyme from a table of the Vietnamese rhyme
// inventory, and the spelling rules that tie the two (c/k/q, g/gh, ng/ngh, gi, qu, y/i) checked
// in between. Tone placement then follows from the rhyme's shape.
#include "common/syllable.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace vn {
namespace {

// A letter as a small integer: 1..26 for a..z, then the marked letters; 0 is "not Vietnamese".
using Code = std::uint8_t;

constexpr Code kBreveA = 27;   // ă
constexpr Code kHatA = 28;     // â
constexpr Code kHatE = 29;     // ê
constexpr Code kHatO = 30;     // ô
constexpr Code kHornO = 31;    // ơ
constexpr Code kHornU = 32;    // ư
constexpr Code kStrokeD = 33;  // đ

constexpr std::size_t kMaxSyllable = 8;  // nghiêng, khuyếch: 7 letters.
constexpr std::size_t kMaxRhyme = 5;     // Codes packed 6 bits each into 32 bits.
constexpr std::size_t kMaxGlued = 30;    // Longer words are never split (and never looked at).

constexpr Code ascii(char c) { return static_cast<Code>(c - 'a' + 1); }

constexpr Code code_of(char32_t c) {
  if (c >= 'a' && c <= 'z') {
    return static_cast<Code>(c - 'a' + 1);
  }
  switch (c) {
    case U'ă':
      return kBreveA;
    case U'â':
      return kHatA;
    case U'ê':
      return kHatE;
    case U'ô':
      return kHatO;
    case U'ơ':
      return kHornO;
    case U'ư':
      return kHornU;
    case U'đ':
      return kStrokeD;
    default:
      return 0;
  }
}

constexpr bool is_vowel_code(Code c) {
  return c == ascii('a') || c == ascii('e') || c == ascii('i') || c == ascii('o') ||
         c == ascii('u') || c == ascii('y') || (c >= kBreveA && c <= kHornU);
}

// ă â ê ô ơ ư: the vowels whose quality mark attracts the tone.
constexpr bool has_quality_mark(Code c) { return c >= kBreveA && c <= kHornU; }

// Reads only base, mark and tone, except that a letter whose `lower` carries a foreign mark (ü,
// ñ) is refused: it would otherwise pass for its base letter.
Code code_of(const Letter& l) {
  const bool plain = l.mark == Mark::kNone && l.tone == Tone::kLevel;
  if (l.lower != 0 && (plain ? l.base : compose(l.base, l.mark, l.tone)) != l.lower) {
    return 0;
  }
  if (l.base < 'a' || l.base > 'z') {
    return 0;
  }
  switch (l.mark) {
    case Mark::kNone:
      return code_of(l.base);
    case Mark::kBreve:
      return l.base == 'a' ? kBreveA : 0;
    case Mark::kCircumflex:
      return l.base == 'a' ? kHatA : l.base == 'e' ? kHatE : l.base == 'o' ? kHatO : 0;
    case Mark::kHorn:
      return l.base == 'o' ? kHornO : l.base == 'u' ? kHornU : 0;
    case Mark::kStroke:
      return l.base == 'd' ? kStrokeD : 0;
  }
  return 0;
}

// Rhyme flags.
constexpr std::uint8_t kNeedsOnset = 1;  // iê… is spelled yê… when nothing precedes it.
constexpr std::uint8_t kNoOnset = 2;     // yê… only opens a syllable (or follows qu: quyết).
constexpr std::uint8_t kMedial = 4;      // Starts with the medial o/u, which c and k never take.

struct RhymeGroup {
  std::u32string_view spellings;  // Space-separated.
  std::uint8_t flags;
};

// The Vietnamese rhyme inventory, without tones.
constexpr RhymeGroup kRhymes[] = {
    {U"a e ê i y o ô ơ u ư "
     U"ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu "
     U"ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât "
     U"ec em en eng ep et êch êm ên ênh êp êt ich im in inh ip it "
     U"oc om on ong op ot ôc ôm ôn ông ôp ôt ơm ơn ơp ơt "
     U"uc um un ung up ut ưc ưm ưn ưng ưt "
     U"uôc uôi uôm uôn uông uôt ươc ươi ươm ươn ương ươp ươt ươu",
     0},
    // iê and yê are one diphthong, spelt by position: tiên but yên.
    {U"iêc iêm iên iêng iêp iêt iêu", kNeedsOnset},
    {U"yêm yên yêng yêt yêu", kNoOnset},
    // Loanwords with a long o: xoong, moóc.
    {U"ooc oong", kNeedsOnset},
    // Medial o before a ă e; medial u before â ê y ơ.
    {U"oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăp oăt "
     U"oe oem oen oeo oet "
     U"uân uâng uât uây uê uêch uênh uy uych uynh uyp uyt uyên uyêt uyêch",
     kMedial},
    {U"uơ uya uyu", kMedial | kNeedsOnset},
};

constexpr std::uint32_t pack(std::uint32_t key, Code c) { return (key << 6) | c; }

struct RhymeKey {
  std::uint32_t key;
  std::uint8_t flags;
  constexpr bool operator<(const RhymeKey& other) const { return key < other.key; }
};

constexpr std::size_t rhyme_count() {
  std::size_t count = 0;
  for (const RhymeGroup& group : kRhymes) {
    const auto spaces = std::count(group.spellings.begin(), group.spellings.end(), U' ');
    count += static_cast<std::size_t>(spaces) + 1;
  }
  return count;
}

constexpr auto sorted_rhyme_keys() {
  std::array<RhymeKey, rhyme_count()> keys{};
  std::size_t i = 0;
  for (const RhymeGroup& group : kRhymes) {
    std::uint32_t key = 0;
    for (char32_t c : group.spellings) {
      if (c == U' ') {
        keys[i++] = {key, group.flags};
        key = 0;
      } else {
        key = pack(key, code_of(c));
      }
    }
    keys[i++] = {key, group.flags};
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

constexpr bool rhymes_unique() {
  const auto keys = sorted_rhyme_keys();
  return std::adjacent_find(keys.begin(), keys.end(), [](const RhymeKey& a, const RhymeKey& b) {
           return a.key == b.key;
         }) == keys.end();
}
static_assert(rhymes_unique(), "a rhyme is listed twice");

// Flags of the rhyme spelt `prefix` (a letter code, or 0 for none) + r[0, size), or -1 when the
// inventory has no such rhyme.
int rhyme_flags(Code prefix, const Code* r, std::size_t size) {
  static constexpr auto kKeys = sorted_rhyme_keys();
  if (size + (prefix != 0 ? 1 : 0) > kMaxRhyme || (prefix == 0 && size == 0)) {
    return -1;
  }
  std::uint32_t key = prefix;
  for (std::size_t i = 0; i < size; ++i) {
    key = pack(key, r[i]);
  }
  const auto* it = std::lower_bound(kKeys.begin(), kKeys.end(), RhymeKey{key, 0});
  return it != kKeys.end() && it->key == key ? it->flags : -1;
}

bool has_flag(int flags, std::uint8_t flag) { return flags >= 0 && (flags & flag) != 0; }

// Onsets that constrain the rhyme after them; kPlain ones do not.
enum class OnsetKind : std::uint8_t { kNone, kPlain, kC, kK, kG, kGh, kGi, kQu };

struct Onset {
  std::size_t length = 0;
  OnsetKind kind = OnsetKind::kNone;
};

// The longest onset spelling at the start of c[0, n). Backtracking is never needed: a shorter
// reading (t+h…, g+i…, n+g…) leaves a consonant or a forbidden g+i where the rhyme should start.
std::optional<Onset> onset_of(const Code* c, std::size_t n) {
  const auto next_is = [&](std::size_t i, char letter) { return i < n && c[i] == ascii(letter); };
  if (is_vowel_code(c[0])) {
    return Onset{};
  }
  switch (c[0]) {
    case ascii('c'):
      return next_is(1, 'h') ? Onset{2, OnsetKind::kPlain} : Onset{1, OnsetKind::kC};
    case ascii('k'):
      return next_is(1, 'h') ? Onset{2, OnsetKind::kPlain} : Onset{1, OnsetKind::kK};
    case ascii('g'):
      return next_is(1, 'h')   ? Onset{2, OnsetKind::kGh}
             : next_is(1, 'i') ? Onset{2, OnsetKind::kGi}
                               : Onset{1, OnsetKind::kG};
    case ascii('n'):
      return next_is(1, 'g')
                 ? (next_is(2, 'h') ? Onset{3, OnsetKind::kGh} : Onset{2, OnsetKind::kG})
             : next_is(1, 'h') ? Onset{2, OnsetKind::kPlain}
                               : Onset{1, OnsetKind::kPlain};
    case ascii('p'):
      return Onset{next_is(1, 'h') ? 2u : 1u, OnsetKind::kPlain};
    case ascii('t'):
      return Onset{next_is(1, 'h') || next_is(1, 'r') ? 2u : 1u, OnsetKind::kPlain};
    case ascii('q'):
      return next_is(1, 'u') ? std::optional(Onset{2, OnsetKind::kQu}) : std::nullopt;
    case ascii('b'):
    case ascii('d'):
    case ascii('h'):
    case ascii('l'):
    case ascii('m'):
    case ascii('r'):
    case ascii('s'):
    case ascii('v'):
    case ascii('x'):
    case kStrokeD:
      return Onset{1, OnsetKind::kPlain};
    default:
      return std::nullopt;
  }
}

bool is_front(Code c) {  // e ê i y: the vowels that take k, gh, ngh instead of c, g, ng.
  return c == ascii('e') || c == kHatE || c == ascii('i') || c == ascii('y');
}

bool fits_onset(OnsetKind kind, Code first, int flags) {
  switch (kind) {
    case OnsetKind::kNone:
      return !has_flag(flags, kNeedsOnset);
    case OnsetKind::kC:
      return !is_front(first) && !has_flag(flags, kMedial);
    case OnsetKind::kK:
      return is_front(first) && !has_flag(flags, kMedial);
    case OnsetKind::kG:
      return !is_front(first);
    case OnsetKind::kGh:
      return is_front(first) && first != ascii('y');
    default:
      return true;
  }
}

// After qu the u is the medial: quả is qu + a like hoa, quý is qu + y like huy, quân like tuân,
// quên like hên. quốc is the one ô rhyme; quạu and quới are odd ones out; the old spelling with i
// for y (qui, quít) is accepted.
bool fits_qu(const Code* r, std::size_t m) {
  if (m == 0) {
    return false;
  }
  if (r[0] == kHatO) {
    return m == 2 && r[1] == ascii('c');
  }
  if (r[0] == ascii('i')) {
    std::array<Code, kMaxRhyme> as_y{};
    std::copy_n(r, std::min(m, kMaxRhyme), as_y.begin());
    as_y[0] = ascii('y');
    return m == 1 || rhyme_flags(ascii('u'), as_y.data(), m) >= 0;
  }
  return rhyme_flags(ascii('u'), r, m) >= 0 || has_flag(rhyme_flags(ascii('o'), r, m), kMedial) ||
         (r[0] == kHatE && rhyme_flags(0, r, m) >= 0) ||
         (m == 2 && r[0] == ascii('a') && r[1] == ascii('u')) ||
         (m == 2 && r[0] == kHornO && r[1] == ascii('i'));
}

// After gi the i belongs to the onset (gia, giữa, giường) unless nothing else could be the
// nucleus: gì, gìn, giếng share it. Returns where the rhyme starts, or -1.
int gi_rhyme_begin(const Code* c, std::size_t n) {
  const Code* r = c + 2;
  const std::size_t m = n - 2;
  const bool vowel_after = m > 0 && r[0] != ascii('i') && r[0] != ascii('y');
  if (const int flags = rhyme_flags(0, r, m);
      vowel_after && flags >= 0 && !has_flag(flags, kNoOnset)) {
    return 2;
  }
  return rhyme_flags(ascii('i'), r, m) >= 0 ? 1 : -1;
}

// Index where the rhyme of c[0, n) starts, or -1 when onset and rhyme do not make a syllable.
int rhyme_begin(const Code* c, std::size_t n) {
  const std::optional<Onset> onset = onset_of(c, n);
  if (!onset) {
    return -1;
  }
  if (onset->kind == OnsetKind::kGi) {
    return gi_rhyme_begin(c, n);
  }
  const Code* r = c + onset->length;
  const std::size_t m = n - onset->length;
  if (onset->kind == OnsetKind::kQu) {
    return fits_qu(r, m) ? static_cast<int>(onset->length) : -1;
  }
  const int flags = rhyme_flags(0, r, m);
  if (flags < 0 || (onset->kind != OnsetKind::kNone && has_flag(flags, kNoOnset)) ||
      !fits_onset(onset->kind, r[0], flags)) {
    return -1;
  }
  return static_cast<int>(onset->length);
}

// The canonical ("old style") tone position in the rhyme c[begin, n): a vowel with a quality
// mark (the last one: ươ → ơ); else the last vowel before a coda (hoàng); else the middle of
// three vowels (ngoái, khuỷu); else the first vowel (hòa, thủy, của, mía).
int tone_slot(const Code* c, std::size_t begin, std::size_t n) {
  std::size_t end = begin;
  int marked = -1;
  for (; end < n && is_vowel_code(c[end]); ++end) {
    marked = has_quality_mark(c[end]) ? static_cast<int>(end) : marked;
  }
  if (marked >= 0) {
    return marked;
  }
  if (end < n) {
    return static_cast<int>(end) - 1;
  }
  return static_cast<int>(end - begin == 3 ? begin + 1 : begin);
}

bool ends_in_stop(const Code* c, std::size_t n) {
  const Code last = c[n - 1];
  return last == ascii('c') || last == ascii('p') || last == ascii('t') ||
         (last == ascii('h') && n >= 2 && c[n - 2] == ascii('c'));
}

// The whole analysis: the index of the letter that takes the tone, or -1 for a non-syllable.
int analyse(const Code* c, const Tone* tones, std::size_t n) {
  if (n == 0 || n > kMaxSyllable) {
    return -1;
  }
  Tone tone = Tone::kLevel;
  for (std::size_t i = 0; i < n; ++i) {
    if (c[i] == 0 || (tones[i] != Tone::kLevel && (tone != Tone::kLevel || !is_vowel_code(c[i])))) {
      return -1;
    }
    tone = tones[i] != Tone::kLevel ? tones[i] : tone;
  }
  const int begin = rhyme_begin(c, n);
  if (begin < 0 || (ends_in_stop(c, n) && tone != Tone::kAcute && tone != Tone::kDot)) {
    return -1;
  }
  return tone_slot(c, static_cast<std::size_t>(begin), n);
}

// Letters as codes and tones, for up to N letters.
template <std::size_t N>
struct Coded {
  std::array<Code, N> codes{};
  std::array<Tone, N> tones{};
  bool vietnamese_evidence = false;  // See split_glued_syllables().

  explicit Coded(std::span<const Letter> letters) {
    int toned = 0;
    for (std::size_t i = 0; i < letters.size() && i < N; ++i) {
      const Letter& l = letters[i];
      codes[i] = code_of(l);
      tones[i] = l.tone;
      toned += l.tone != Tone::kLevel ? 1 : 0;
      vietnamese_evidence |=
          codes[i] != 0 && (l.mark != Mark::kNone || l.tone == Tone::kHook || l.tone == Tone::kDot);
    }
    vietnamese_evidence |= toned >= 2;
  }

  int analyse_range(std::size_t from, std::size_t to) const {
    return analyse(codes.data() + from, tones.data() + from, to - from);
  }
};

}  // namespace

bool is_vietnamese_syllable(std::span<const Letter> letters) {
  return canonical_tone_index(letters) >= 0;
}

int canonical_tone_index(std::span<const Letter> letters) {
  if (letters.empty() || letters.size() > kMaxSyllable) {
    return -1;
  }
  return Coded<kMaxSyllable>(letters).analyse_range(0, letters.size());
}

std::vector<std::size_t> split_glued_syllables(std::span<const Letter> letters) {
  const std::size_t n = letters.size();
  if (n < 2 || n > kMaxGlued) {
    return {};
  }
  const Coded<kMaxGlued> coded(letters);
  if (!coded.vietnamese_evidence || coded.analyse_range(0, n) >= 0) {
    return {};
  }
  // valid[i][len]: letters [i, i + len) spell a syllable. At most 8n analyses.
  std::array<std::array<bool, kMaxSyllable + 1>, kMaxGlued> valid{};
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t len = 1; len <= kMaxSyllable && i + len <= n; ++len) {
      valid[i][len] = coded.analyse_range(i, i + len) >= 0;
    }
  }
  const auto piece = [&](std::size_t from, std::size_t to) {
    return to - from <= kMaxSyllable && valid[from][to - from];
  };
  // Fewest pieces first; every valid piece carries at most one tone. Then the shortest first
  // piece, which gives the consonants between two vowels to the next onset: từ|ngày and vụ|tai
  // win over từng|ày and vụt|ai, but công|an and phát|hiện lose to cô|ngan and phá|thiện. On
  // adjacent syllable pairs of the VietNews corpus glued together, this picks the right split in
  // 70% of the ambiguous cases; preferring the longest first piece, in 25%.
  for (std::size_t cut = 1; cut < n; ++cut) {
    if (piece(0, cut) && piece(cut, n)) {
      return {cut};
    }
  }
  for (std::size_t first = 1; first + 1 < n; ++first) {
    for (std::size_t second = first + 1; piece(0, first) && second < n; ++second) {
      if (piece(first, second) && piece(second, n)) {
        return {first, second};
      }
    }
  }
  return {};
}

}  // namespace vn
