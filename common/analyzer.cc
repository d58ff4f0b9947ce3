#include "common/analyzer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "common/letter.h"
#include "common/syllable.h"
#include "common/text_chars.h"

namespace vn {
namespace {

using CharIt = std::vector<TextChar>::const_iterator;

bool is_alnum(const TextChar& ch) {
  return ch.cls == CharClass::kLetter || ch.cls == CharClass::kDigit;
}
bool is_word_char(const TextChar& ch) { return is_alnum(ch) || ch.cls == CharClass::kUnderscore; }

bool ends_sentence(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == U'\u2026' || c == '\n' || c == '\r';
}

// Builds syllables from runs of characters. Owns a scratch buffer so the hot path does not allocate.
class SyllableMaker {
 public:
  explicit SyllableMaker(bool repair_glued) : repair_glued_(repair_glued) {}

  // Appends the syllable(s) spelt by [first, last) to `out`; returns how many. More than one means
  // the run was glued syllables that split_glued_syllables() separated.
  std::size_t make(CharIt first, CharIt last, std::vector<Syllable>& out) {
    letters_.clear();
    bool diacritic = false;
    for (auto it = first; it != last; ++it) {
      letters_.push_back(it->letter);
      diacritic |= it->letter.mark != Mark::kNone || it->letter.tone != Tone::kLevel;
    }
    const int tone_at = canonical_tone_index(letters_);
    if (repair_glued_ && tone_at < 0 && diacritic && letters_.size() > 1) {
      const std::vector<std::size_t> cuts = split_glued_syllables(letters_);
      if (!cuts.empty()) {
        std::size_t begin = 0;
        for (std::size_t i = 0; i <= cuts.size(); ++i) {
          const std::size_t end = i < cuts.size() ? cuts[i] : letters_.size();
          const std::span<const Letter> piece(letters_.data() + begin, end - begin);
          out.push_back(build(first + begin, first + end, begin, end, canonical_tone_index(piece)));
          begin = end;
        }
        return cuts.size() + 1;
      }
    }
    out.push_back(build(first, last, 0, letters_.size(), tone_at));
    return 1;
  }

 private:
  Syllable build(CharIt first, CharIt last, std::size_t from, std::size_t to, int tone_at) {
    const std::span<const Letter> letters(letters_.data() + from, to - from);
    Syllable s;
    s.span = {first->begin, (last - 1)->end};
    s.vietnamese = tone_at >= 0;
    Tone tone = Tone::kLevel;
    std::size_t upper = 0;
    std::size_t alpha = 0;
    for (const Letter& l : letters) {
      if (l.tone != Tone::kLevel) {
        tone = l.tone;
      }
      upper += l.upper ? 1 : 0;
      alpha += (l.base >= '0' && l.base <= '9') ? 0 : 1;
    }
    for (std::size_t i = 0; i < letters.size(); ++i) {
      const Letter& l = letters[i];
      char32_t exact = l.lower;
      if (tone_at >= 0) {
        const Tone t = static_cast<int>(i) == tone_at ? tone : Tone::kLevel;
        const char32_t placed = compose(l.base, l.mark, t);
        exact = placed != 0 ? placed : l.lower;
      }
      append_utf8(s.key, exact);
      append_utf8(s.folded, l.base);
    }
    s.upper_initial = letters.front().upper;
    s.all_upper = alpha >= 2 && upper == alpha;
    return s;
  }

  bool repair_glued_;
  std::vector<Letter> letters_;
};

// Token boundaries over the character array; one instance per analyze() call.
class Tokenizer {
 public:
  Tokenizer(const std::vector<TextChar>& chars, const AnalyzerOptions& options, Analysis& out)
      : chars_(chars), out_(out), maker_(options.repair_glued) {}

  void run() {
    auto it = chars_.begin();
    while (it != chars_.end()) {
      if (!is_word_char(*it)) {
        note_separator(*it);
        ++it;
        continue;
      }
      it = token_at(it);
    }
  }

 private:
  void note_separator(const TextChar& ch) {
    if (ends_sentence(ch.c)) {
      sentence_start_ = true;
    }
    if (ch.cls == CharClass::kOther) {
      punctuation_ = true;
    }
  }

  // Reads the token starting at `it` and returns the iterator after it.
  CharIt token_at(CharIt it) {
    if (CharIt end = url_end(it); end != it) {
      return emit_joined(it, end, TokenKind::kUrl);
    }
    if (CharIt end = email_end(it); end != it) {
      return emit_joined(it, end, TokenKind::kEmail);
    }
    const CharIt atom_end = skip_atom(it);
    CharIt end = atom_end;
    bool numeric = all_digits(it, atom_end);
    bool joined = false;
    while (end != chars_.end()) {
      const CharIt next = join_after(it, end, numeric);
      if (next == end) {
        break;
      }
      numeric = numeric && all_digits(end + 1, next);
      joined = true;
      end = next;
    }
    if (numeric && end != chars_.end() && end->c == '%') {
      ++end;
      joined = true;
    }
    if (numeric) {
      return emit_whole(it, end, TokenKind::kNumber);
    }
    if (joined) {
      return emit_joined(it, end, TokenKind::kSymbol);
    }
    emit_words(it, end);
    return end;
  }

  CharIt skip_atom(CharIt it) const {
    while (it != chars_.end() && is_word_char(*it)) {
      ++it;
    }
    return it;
  }

  static bool all_digits(CharIt first, CharIt last) {
    return std::all_of(first, last, [](const TextChar& ch) { return ch.cls == CharClass::kDigit; });
  }

  static bool all_upper_letters(CharIt first, CharIt last) {
    return std::all_of(first, last, [](const TextChar& ch) {
      return ch.cls == CharClass::kDigit || (ch.cls == CharClass::kLetter && ch.letter.upper);
    });
  }

  // If the connector at `end` joins the atom before it to the atom after it, returns the end of
  // that next atom; otherwise returns `end`. `token_begin` starts the token read so far.
  CharIt join_after(CharIt token_begin, CharIt end, bool numeric) const {
    if (end + 1 == chars_.end() || !is_alnum(*(end + 1))) {
      return end;
    }
    const char32_t c = end->c;
    const CharIt next_end = skip_atom(end + 1);
    if (numeric) {
      const bool separator = c == '.' || c == ',' || c == '/' || c == ':' || c == '-';
      return separator && all_digits(end + 1, next_end) ? next_end : end;
    }
    if (c == '/' || c == '-' || c == '\'' || c == U'\u2019') {
      return next_end;
    }
    // An upper-case abbreviation (TP.HCM) joins; "AIDS.Dự" is two sentences glued by a lost space.
    if (c == '.' && all_upper_letters(token_begin, end) && all_upper_letters(end + 1, next_end)) {
      return next_end;
    }
    return end;
  }

  CharIt url_end(CharIt it) const {
    static constexpr std::u32string_view kStarts[] = {U"http://", U"https://", U"www."};
    for (std::u32string_view start : kStarts) {
      if (starts_with_ascii(it, start)) {
        return trim_trailing(it, run_end(it));
      }
    }
    return it;
  }

  CharIt email_end(CharIt it) const {
    const CharIt end = run_end(it);
    const CharIt at = std::find_if(it, end, [](const TextChar& ch) { return ch.c == '@'; });
    if (at == it || at == end || at + 1 == end || !is_alnum(*(at + 1))) {
      return it;
    }
    const CharIt trimmed = trim_trailing(it, end);
    const bool dotted =
        std::any_of(at + 1, trimmed, [](const TextChar& ch) { return ch.c == '.'; });
    return dotted ? trimmed : it;
  }

  bool starts_with_ascii(CharIt it, std::u32string_view prefix) const {
    for (char32_t p : prefix) {
      // The prefixes are ASCII, and only ASCII letters lower-case to their letters.
      const char32_t c = it == chars_.end() ? 0 : it->c;
      if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != p) {
        return false;
      }
      ++it;
    }
    return true;
  }

  CharIt run_end(CharIt it) const {
    while (it != chars_.end() && it->cls != CharClass::kSpace) {
      ++it;
    }
    return it;
  }

  static CharIt trim_trailing(CharIt first, CharIt last) {
    while (last != first && !is_alnum(*(last - 1)) && (last - 1)->c != '/') {
      --last;
    }
    return last;
  }

  Token& start_token(TokenKind kind, CharIt first, CharIt last) {
    Token& t = out_.tokens.emplace_back();
    t.kind = kind;
    t.span = {first->begin, (last - 1)->end};
    t.first_syllable = static_cast<std::uint32_t>(out_.syllables.size());
    t.sentence_start = sentence_start_;
    t.follows_punctuation = punctuation_;
    sentence_start_ = false;
    punctuation_ = false;
    return t;
  }

  // A number: one syllable, the whole token.
  CharIt emit_whole(CharIt first, CharIt last, TokenKind kind) {
    Token& t = start_token(kind, first, last);
    Syllable& s = out_.syllables.emplace_back();
    s.span = t.span;
    for (auto it = first; it != last; ++it) {
      append_utf8(s.key, key_char(*it));
      append_utf8(s.folded, folded_char(*it));
    }
    t.syllable_count = 1;
    t.key = s.key;
    t.folded = s.folded;
    return last;
  }

  // A symbol, URL or e-mail: the whole token is the key; its alphanumeric runs are its syllables.
  CharIt emit_joined(CharIt first, CharIt last, TokenKind kind) {
    Token& t = start_token(kind, first, last);
    for (auto it = first; it != last;) {
      if (!is_alnum(*it)) {
        append_utf8(t.key, key_char(*it));
        append_utf8(t.folded, key_char(*it));
        ++it;
        continue;
      }
      auto run = it;
      while (run != last && is_alnum(*run)) {
        ++run;
      }
      const std::size_t made = maker_.make(it, run, out_.syllables);
      for (std::size_t k = out_.syllables.size() - made; k < out_.syllables.size(); ++k) {
        t.key += out_.syllables[k].key;
        t.folded += out_.syllables[k].folded;
      }
      t.syllable_count += static_cast<std::uint32_t>(made);
      it = run;
    }
    return last;
  }

  // One atom of letters, digits and underscores: a word, or several when a glued syllable splits.
  void emit_words(CharIt first, CharIt last) {
    Token* t = &start_token(TokenKind::kWord, first, last);
    for (auto it = first; it != last;) {
      if (it->cls == CharClass::kUnderscore) {
        ++it;
        continue;
      }
      auto run = it;
      while (run != last && run->cls != CharClass::kUnderscore) {
        ++run;
      }
      const std::size_t made = maker_.make(it, run, out_.syllables);
      t->syllable_count += 1;
      for (std::size_t k = 1; k < made; ++k) {
        // The glued syllable ends one word here and the rest starts another.
        finish_word(*t);
        t = &continue_word(out_.syllables.size() - made + k);
      }
      it = run;
    }
    finish_word(*t);
  }

  Token& continue_word(std::size_t first_syllable) {
    Token& t = out_.tokens.emplace_back();
    t.kind = TokenKind::kWord;
    t.first_syllable = static_cast<std::uint32_t>(first_syllable);
    t.syllable_count = 1;
    return t;
  }

  void finish_word(Token& t) {
    if (t.syllable_count == 0) {  // Only underscores: nothing searchable.
      out_.tokens.pop_back();
      return;
    }
    const Syllable& first = out_.syllables[t.first_syllable];
    const Syllable& last = out_.syllables[t.first_syllable + t.syllable_count - 1];
    t.span = {first.span.begin, last.span.end};
    t.key.clear();
    t.folded.clear();
    for (std::uint32_t i = 0; i < t.syllable_count; ++i) {
      const Syllable& s = out_.syllables[t.first_syllable + i];
      if (i > 0) {
        t.key += '_';
        t.folded += '_';
      }
      t.key += s.key;
      t.folded += s.folded;
    }
  }

  static char32_t key_char(const TextChar& ch) {
    return ch.cls == CharClass::kLetter || ch.cls == CharClass::kDigit ? ch.letter.lower : ch.c;
  }
  static char32_t folded_char(const TextChar& ch) {
    return ch.cls == CharClass::kLetter || ch.cls == CharClass::kDigit ? ch.letter.base : ch.c;
  }

  const std::vector<TextChar>& chars_;
  Analysis& out_;
  SyllableMaker maker_;
  bool sentence_start_ = true;
  bool punctuation_ = false;
};

bool capitalised_throughout(const Analysis& a, const Token& t) {
  const auto syllables = a.syllables_of(t);
  return std::all_of(syllables.begin(), syllables.end(),
                     [](const Syllable& s) { return s.upper_initial; });
}

// Whether a capitalised word counts as (part of) a name; see analyze() in the header.
bool name_like(const Analysis& a, const Token& t) {
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kSymbol) {
    return false;
  }
  const auto syllables = a.syllables_of(t);
  if (syllables.empty() || !syllables.front().upper_initial) {
    return false;
  }
  if (!t.sentence_start) {
    return true;
  }
  const bool foreign = std::any_of(syllables.begin(), syllables.end(),
                                   [](const Syllable& s) { return !s.vietnamese; });
  const bool acronym = syllables.front().all_upper;
  return foreign || acronym || (syllables.size() >= 2 && capitalised_throughout(a, t));
}

void find_names(Analysis& a) {
  std::uint32_t i = 0;
  const auto n = static_cast<std::uint32_t>(a.tokens.size());
  while (i < n) {
    if (!name_like(a, a.tokens[i])) {
      ++i;
      continue;
    }
    std::uint32_t j = i + 1;
    while (j < n && !a.tokens[j].follows_punctuation && !a.tokens[j].sentence_start &&
           name_like(a, a.tokens[j])) {
      ++j;
    }
    for (std::uint32_t k = i; k < j; ++k) {
      a.tokens[k].in_name = true;
    }
    a.names.push_back({i, j - i});
    i = j;
  }
}

void append_capitalised(std::string& out, const Syllable& s) {
  if (!s.upper_initial) {
    out += s.key;
    return;
  }
  // Keys are valid UTF-8 built by append_utf8, so the unchecked decoder is safe here.
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.key.data());
  std::size_t pos = 0;
  while (pos < s.key.size()) {
    const bool upper = pos == 0 || s.all_upper;
    UChar32 c = 0;
    U8_NEXT_UNSAFE(bytes, pos, c);
    append_utf8(out, static_cast<char32_t>(upper ? u_toupper(c) : c));
  }
}

}  // namespace

void analyze(std::string_view text, Analysis& out, const AnalyzerOptions& options) {
  out.clear();
  thread_local std::vector<TextChar> chars;
  out.invalid_utf8 = decode_text(text, chars);
  Tokenizer(chars, options, out).run();
  find_names(out);
}

std::string display_form(const Analysis& analysis, std::uint32_t first_token,
                         std::uint32_t token_count) {
  std::string out;
  for (std::uint32_t i = first_token; i < first_token + token_count; ++i) {
    const Token& t = analysis.tokens[i];
    // A symbol keeps the separators its key holds between its parts (TP.HCM, HIV/AIDS); a word's
    // syllables are joined by spaces.
    std::size_t at = 0;
    for (const Syllable& s : analysis.syllables_of(t)) {
      const std::size_t found =
          t.kind == TokenKind::kWord ? std::string::npos : t.key.find(s.key, at);
      if (found == std::string::npos) {
        out += out.empty() ? "" : " ";
      } else {
        out += (at == 0 && !out.empty()) ? " " : "";
        out.append(t.key, at, found - at);
        at = found + s.key.size();
      }
      append_capitalised(out, s);
    }
  }
  return out;
}

}  // namespace vn
