#include "query/snippet.h"

#include <algorithm>
#include <set>

#include "common/analyzer.h"

namespace vn {
namespace {

constexpr std::size_t kContextBefore = 40;  // Characters shown before the first match.

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset `chars` characters after (or before, if negative) `from`, clamped to the text.
std::size_t advance_chars(std::string_view text, std::size_t from, long chars) {
  std::size_t pos = from;
  if (chars >= 0) {
    while (pos < text.size() && chars > 0) {
      ++pos;
      while (pos < text.size() && is_continuation(text[pos])) {
        ++pos;
      }
      --chars;
    }
  } else {
    while (pos > 0 && chars < 0) {
      --pos;
      while (pos > 0 && is_continuation(text[pos])) {
        --pos;
      }
      ++chars;
    }
  }
  return pos;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_'; }

bool closes(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

// Writes source text for display, byte by byte: blanks and underscores become one space, and the
// spaces word-segmented text puts before closing punctuation, after '(' and inside quotes are
// dropped: "( a ) ." → "(a).", "“ a ”" → "“a”", `" a "` → `"a"`.
class DisplayWriter {
 public:
  // `in_quote`: the text written starts inside a passage in straight double quotes.
  DisplayWriter(std::string& out, bool in_quote) : out_(out), in_quote_(in_quote) {}

  void put(char c) {
    if (is_blank(c)) {
      if (!out_.empty() && out_.back() != ' ' && !opened()) {
        out_ += ' ';
      }
      return;
    }
    if (c == '"') {
      if (in_quote_) {
        drop_space_before(0);
      }
      in_quote_ = !in_quote_;
    } else if (closes(c)) {
      drop_space_before(0);
    } else if (c == kRightQuote[2] && out_.ends_with(std::string_view(kRightQuote, 2))) {
      drop_space_before(2);
    }
    out_ += c;
  }

 private:
  static constexpr char kLeftQuote[] = "\xE2\x80\x9C";   // “
  static constexpr char kRightQuote[] = "\xE2\x80\x9D";  // ”

  // Whether the text so far ends with an opening bracket or quote.
  bool opened() const {
    return out_.back() == '(' || (out_.back() == '"' && in_quote_) || out_.ends_with(kLeftQuote);
  }

  // Removes the space before the last `tail` bytes written (the start of a character).
  void drop_space_before(std::size_t tail) {
    const std::size_t at = out_.size() - tail;
    if (out_.size() >= tail + 2 && out_[at - 1] == ' ') {
      out_.erase(at - 1, 1);
    }
  }

  std::string& out_;
  bool in_quote_;
};

struct Window {
  std::size_t begin;
  std::size_t end;
};

// Picks the window whose matches cover the most distinct keys, then the most matches.
Window best_window(std::string_view text, const Analysis& a, const std::vector<std::size_t>& hits,
                   std::size_t max_chars) {
  if (hits.empty()) {
    return {0, advance_chars(text, 0, static_cast<long>(max_chars))};
  }
  // Matches are counted over the part of the window that follows the context shown before them.
  const long before = static_cast<long>(std::min(kContextBefore, max_chars / 4));
  std::size_t best = 0;
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const std::size_t start = a.syllables[hits[i]].span.begin;
    const std::size_t limit =
        advance_chars(text, start, static_cast<long>(max_chars) - before);
    std::set<std::string_view> keys;
    std::size_t count = 0;
    for (std::size_t j = i; j < hits.size() && a.syllables[hits[j]].span.end <= limit; ++j) {
      keys.insert(a.syllables[hits[j]].folded);
      ++count;
    }
    if (std::pair(keys.size(), count) > best_score) {
      best_score = {keys.size(), count};
      best = i;
    }
  }
  const std::size_t first = a.syllables[hits[best]].span.begin;
  const std::size_t begin = advance_chars(text, first, -before);
  return {begin, advance_chars(text, begin, static_cast<long>(max_chars))};
}

// Moves the window's ends onto syllable boundaries so no word is cut in two.
Window snap_to_words(const Analysis& a, Window w, std::size_t text_size) {
  std::size_t begin = w.begin;
  std::size_t end = w.begin;
  bool found_begin = false;
  for (const Syllable& s : a.syllables) {
    if (!found_begin && s.span.begin >= w.begin) {
      begin = s.span.begin;
      found_begin = true;
    }
    if (s.span.end <= w.end) {
      end = s.span.end;
    }
  }
  if (w.begin == 0) {
    begin = 0;
  }
  if (w.end >= text_size) {
    end = text_size;
  }
  return {begin, std::max(begin, end)};
}

}  // namespace

std::string display_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  DisplayWriter writer(out, false);
  for (char c : text) {
    writer.put(c);
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

Snippet make_snippet(std::string_view text, const HighlightTerms& terms, std::size_t max_chars) {
  Analysis a;
  analyze(text, a);
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < a.syllables.size(); ++i) {
    if (terms.matches(a.syllables[i])) {
      hits.push_back(i);
    }
  }
  const Window w = snap_to_words(a, best_window(text, a, hits, max_chars), text.size());

  Snippet out;
  if (w.begin > 0) {
    out.text = "… ";
  }
  // Copy the window, mapping each matched syllable to its place in the output; matches separated
  // only by blanks (a compound's underscore, a space) merge into one highlight.
  std::size_t next_hit = 0;
  while (next_hit < hits.size() && a.syllables[hits[next_hit]].span.begin < w.begin) {
    ++next_hit;
  }
  // An odd number of straight quotes before the window in its paragraph: it starts inside a
  // quotation (counted from the paragraph, so a stray inch mark does not turn the whole text).
  const std::size_t paragraph = text.rfind('\n', w.begin == 0 ? 0 : w.begin - 1);
  const std::size_t from = paragraph == std::string_view::npos || w.begin == 0 ? 0 : paragraph + 1;
  DisplayWriter writer(out.text,
                       std::count(text.begin() + from, text.begin() + w.begin, '"') % 2 == 1);
  std::size_t pos = w.begin;
  while (pos < w.end) {
    const bool at_hit = next_hit < hits.size() && a.syllables[hits[next_hit]].span.begin == pos &&
                        a.syllables[hits[next_hit]].span.end <= w.end;
    if (at_hit) {
      const Span span = a.syllables[hits[next_hit++]].span;
      const std::size_t start = out.text.size();
      out.text.append(text.substr(span.begin, span.end - span.begin));
      if (!out.highlights.empty() && out.highlights.back().second + 1 >= start &&
          out.text.compare(out.highlights.back().second, start - out.highlights.back().second,
                           std::string(start - out.highlights.back().second, ' ')) == 0) {
        out.highlights.back().second = out.text.size();
      } else {
        out.highlights.emplace_back(start, out.text.size());
      }
      pos = span.end;
      continue;
    }
    writer.put(text[pos++]);
  }
  while (!out.text.empty() && out.text.back() == ' ') {
    out.text.pop_back();
  }
  if (w.end < text.size()) {
    out.text += " …";
  }
  return out;
}

}  // namespace vn
