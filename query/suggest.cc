#include "query/suggest.h"

#include <algorithm>
#include <unordered_map>

#include "common/analyzer.h"
#include "common/schema.h"
#include "common/terms.h"
#include "query/searcher.h"
#include "query/snippet.h"
#include "query/text_query.h"

namespace vn {
namespace {

std::vector<std::string_view> split_syllables(std::string_view key) {
  std::vector<std::string_view> parts;
  for (std::size_t p = 0;;) {
    const std::size_t e = key.find('_', p);
    parts.push_back(key.substr(p, e == std::string_view::npos ? e : e - p));
    if (e == std::string_view::npos) {
      return parts;
    }
    p = e + 1;
  }
}

// What was typed, as the exact layers are keyed.
struct Typed {
  std::string folded;               // Syllables joined by '_', the last one perhaps partial.
  std::vector<std::string> exact;   // Per syllable: its key when typed with accents, else empty.
};

std::optional<Typed> read_typed(std::string_view text) {
  Analysis analysis;
  analyze(text, analysis, {.repair_glued = false});
  if (analysis.syllables.empty()) {
    return std::nullopt;
  }
  Typed t;
  for (const Syllable& s : analysis.syllables) {
    t.folded += t.folded.empty() ? "" : "_";
    t.folded += s.folded;
    t.exact.push_back(s.accented() ? s.key : std::string());
  }
  return t;
}

// Whether a candidate's canonical key keeps the accents that were typed (the last syllable may
// be unfinished: "trậ" keeps "trận").
bool keeps_accents(std::string_view key, const Typed& typed) {
  const std::vector<std::string_view> syllables = split_syllables(key);
  for (std::size_t i = 0; i < typed.exact.size() && i < syllables.size(); ++i) {
    const std::string& want = typed.exact[i];
    const bool last = i + 1 == typed.exact.size();
    if (!want.empty() && !(last ? syllables[i].starts_with(want) : syllables[i] == want)) {
      return false;
    }
  }
  return true;
}

// The completions of `typed` in one exact layer: canonical key → articles.
void scan(const Xapian::Database& db, std::string_view prefix, const Typed& typed,
          std::unordered_map<std::string, Xapian::doccount>& found) {
  const std::string start = term(prefix, typed.folded);
  std::size_t seen = 0;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start) && seen < kMaxSuggestScan;
       ++it, ++seen) {
    const std::string t = *it;
    const std::string_view key = exact_key_of(std::string_view(t).substr(prefix.size()));
    if (keeps_accents(key, typed)) {
      found[std::string(key)] += it.get_termfreq();
    }
  }
}

}  // namespace

std::string_view kind_name(SuggestionKind kind) {
  switch (kind) {
    case SuggestionKind::kName:
      return "name";
    case SuggestionKind::kTitle:
      return "title";
    case SuggestionKind::kWord:
      break;
  }
  return "word";
}

std::vector<Suggestion> suggest(const Xapian::Database& db, std::string_view typed_text,
                                std::size_t limit, const NameDisplay& name_display) {
  const std::optional<Typed> typed = read_typed(typed_text);
  if (!typed || limit == 0) {
    return {};
  }
  std::unordered_map<std::string, Xapian::doccount> words;
  std::unordered_map<std::string, Xapian::doccount> names;
  if (typed->exact.size() == 1) {
    scan(db, schema::kExact, *typed, words);
  }
  scan(db, schema::kWord, *typed, words);
  scan(db, schema::kName, *typed, names);

  std::vector<Suggestion> out;
  for (const auto& [key, docs] : words) {
    // A word mostly written as a name ("bình_dương", the province) is offered as the name.
    const auto name = names.find(key);
    if (name != names.end() && 2 * name->second >= docs) {
      out.push_back({key, SuggestionKind::kName, docs});
    } else {
      out.push_back({key, SuggestionKind::kWord, docs});
    }
  }
  for (const auto& [key, docs] : names) {
    if (!words.contains(key)) {
      out.push_back({key, SuggestionKind::kName, docs});
    }
  }
  // Most articles first; ties in a stable order (names before words, then the text).
  std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    if (a.docs != b.docs) return a.docs > b.docs;
    if (a.kind != b.kind) return a.kind == SuggestionKind::kName;
    return a.text < b.text;
  });
  if (out.size() > limit) {
    out.resize(limit);
  }
  for (Suggestion& s : out) {
    s.text = s.kind == SuggestionKind::kName ? name_display(s.text) : display_text(s.text);
  }
  return out;
}

std::vector<Suggestion> suggest_titles(Searcher& searcher, std::string_view typed,
                                       std::size_t limit) {
  TextQueryBuilder builder(&searcher.lexicon());
  const auto built = builder.build(typed, {TextLayer::kTitle, false, true}, nullptr);
  if (!built || limit == 0) {
    return {};
  }
  ParsedQuery query;
  query.query = built->query;
  query.exact_runs = built->exact_runs;
  SearchOptions options;
  options.limit = limit;
  std::vector<Suggestion> out;
  for (const Hit& hit : searcher.search(query, options).hits) {
    out.push_back({display_text(hit.title), SuggestionKind::kTitle, 1});
  }
  return out;
}

}  // namespace vn
