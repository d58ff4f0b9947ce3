#include "query/text_query.h"

#include <algorithm>

#include "common/analyzer.h"
#include "common/schema.h"
#include "common/terms.h"
#include "query/word_groups.h"
#include "query/index_lexicon.h"

namespace vn {
namespace {

// Completions of a prefix looked at, most frequent first: bounds the cost of `a*`.
constexpr Xapian::termcount kMaxPrefixExpansion = 100;

std::string_view positional_prefix(TextLayer layer) {
  switch (layer) {
    case TextLayer::kTitle:
      return schema::kTitle;
    case TextLayer::kName:
      return schema::kNameSyllable;
    case TextLayer::kBody:
      break;
  }
  return schema::kFolded;
}

Xapian::Query wildcard(const std::string& pattern) {
  return Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, kMaxPrefixExpansion,
                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

}  // namespace

std::optional<TextQuery> TextQueryBuilder::build(std::string_view text,
                                                 const TextQueryOptions& options,
                                                 HighlightTerms* highlight) {
  analyze(text, analysis_, {.repair_glued = !options.prefix_last});
  if (analysis_.tokens.empty()) {
    return std::nullopt;
  }
  const bool prefix = options.prefix_last && single_syllable_word(analysis_.tokens.back());
  // The syllable being completed stays out of the segmentation: it is not a whole word yet.
  const std::size_t tokens = analysis_.tokens.size();
  std::vector<Group> groups = word_groups(prefix ? tokens - 1 : tokens);
  std::optional<Group> completing;
  if (prefix) {
    completing = Group{tokens - 1, tokens};
    groups.push_back(*completing);
  }
  std::vector<Group> grouped;  // Words the segmenter made of syllables typed with spaces.
  if (!options.phrase) {
    for (const Group& g : groups) {
      if (g.last - g.first > 1) {
        grouped.push_back(g);
      }
    }
  }
  if (options.loose_words && !grouped.empty()) {
    std::vector<Group> single;
    for (const Group& g : groups) {
      for (std::size_t i = g.first; i < g.last; ++i) {
        single.push_back({i, i + 1});
      }
    }
    groups = std::move(single);
  }
  TextQuery out{Xapian::Query(), describe(groups, options), {}, !grouped.empty()};
  if (prefix) {
    groups.pop_back();
  }
  if (highlight != nullptr) {
    add_highlights(groups, options.phrase, *highlight);
    if (completing) {
      highlight->folded_prefixes.insert(syllables_of(*completing).front().folded);
    }
  }
  std::vector<Xapian::Query> parts;
  if (options.phrase && !groups.empty()) {
    parts.push_back(adjacent_query(groups, options.layer, &out.exact_runs));
  } else {
    for (const Group& g : groups) {
      parts.push_back(adjacent_query({&g, 1}, options.layer, &out.exact_runs));
    }
  }
  if (completing) {
    parts.push_back(prefix_query(*completing, options.layer));
  }
  out.query = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  if (!options.phrase && groups.size() > 1) {
    // Words typed together rank higher where they also stand together.
    std::vector<Xapian::Query> boosts = {adjacent_query(groups, options.layer, nullptr)};
    if (options.loose_words) {
      for (const Group& g : grouped) {
        boosts.push_back(adjacent_query({&g, 1}, options.layer, nullptr));
      }
    }
    out.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out.query,
                              Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
  }
  return out;
}

std::vector<TextQueryBuilder::Group> TextQueryBuilder::word_groups(std::size_t count) const {
  std::vector<Group> groups;
  for (const TokenRange& run : word_runs(analysis_, count)) {
    append_words(analysis_, run, lexicon_, groups);
  }
  return groups;
}

std::span<const Syllable> TextQueryBuilder::syllables_of(const Group& g) const {
  return vn::syllables_of(analysis_, g);
}

// Whether any syllable or symbol of the groups was typed with a diacritic.
bool TextQueryBuilder::typed_with_accents(std::span<const Group> groups) const {
  for (const Group& g : groups) {
    for (std::size_t i = g.first; i < g.last; ++i) {
      const Token& t = analysis_.tokens[i];
      if (t.kind != TokenKind::kWord ? t.key != t.folded
                                     : std::ranges::any_of(analysis_.syllables_of(t),
                                                           &Syllable::accented)) {
        return true;
      }
    }
  }
  return false;
}

// Highlights follow the matching rule: a word (or phrase) typed with accents marks only its
// exact forms, one typed without marks every accented form.
void TextQueryBuilder::add_highlights(std::span<const Group> groups, bool phrase,
                                      HighlightTerms& highlight) const {
  const bool phrase_accented = phrase && typed_with_accents(groups);
  for (const Group& g : groups) {
    const bool exact = phrase_accented || typed_with_accents({&g, 1});
    for (const Syllable& s : syllables_of(g)) {
      (exact ? highlight.exact : highlight.folded).insert(exact ? s.key : s.folded);
    }
  }
}

// The groups as adjacent syllables: a phrase over the layer's folded positional terms, boosted
// where each group is one word. Typed with accents, it is also filtered by the exact terms and
// checked position by position (an ExactRun).
Xapian::Query TextQueryBuilder::adjacent_query(std::span<const Group> groups, TextLayer layer,
                                               std::vector<ExactRun>* runs) const {
  const std::string_view layer_prefix = positional_prefix(layer);
  const bool accented = typed_with_accents(groups);
  std::vector<Xapian::Query> positional;
  std::vector<Xapian::Query> exact;
  std::vector<Xapian::Query> words;
  ExactRun run;
  auto add_item = [&](const std::string& folded, const std::string& key) {
    positional.emplace_back(term(layer_prefix, folded));
    if (accented) {
      exact.emplace_back(exact_term(schema::kExact, folded, key));
      run.terms.push_back(term(layer_prefix, folded));
      run.codes.push_back(accent_code(key));
    }
  };
  std::size_t gaps = 0;  // Punctuation typed inside a phrase: the index leaves a position there.
  for (const Group& g : groups) {
    for (std::size_t i = g.first; i < g.last; ++i) {
      const Token& t = analysis_.tokens[i];
      if (!positional.empty() && (t.follows_punctuation || t.sentence_start)) {
        ++gaps;
        if (accented) {
          run.codes.push_back(0);  // An empty position in the signature.
          run.terms.emplace_back();
        }
      }
      // A number or symbol stands whole at one position; one of several parts (TP.HCM,
      // HIV/AIDS) holds a position per part, as the indexer writes it.
      if (t.kind != TokenKind::kWord && t.syllable_count <= 1) {
        add_item(t.folded, t.key);
        continue;
      }
      for (const Syllable& s : analysis_.syllables_of(t)) {
        add_item(s.folded, s.key);
      }
    }
    if (const auto syllables = syllables_of(g); syllables.size() > 1) {
      words.push_back(word_query(word_terms(syllables)));
    }
  }
  Xapian::Query q = positional.size() == 1
                        ? positional.front()
                        : Xapian::Query(Xapian::Query::OP_PHRASE, positional.begin(),
                                        positional.end(), positional.size() + gaps);
  if (accented && layer == TextLayer::kBody && positional.size() == 1) {
    q = exact.front();  // One syllable typed with accents: the exact term alone is precise.
  } else if (accented) {
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end()));
    if (runs != nullptr) {
      runs->push_back(std::move(run));
    }
  }
  if (!words.empty()) {
    q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                      Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
  }
  return q;
}

// The syllable being typed: any syllable that starts with it, or (after another syllable) any
// compound that continues the previous syllable with it: "mat tr*" finds mặt_trận.
Xapian::Query TextQueryBuilder::prefix_query(const Group& last, TextLayer layer) const {
  const Syllable& typed = syllables_of(last).front();
  Xapian::Query q = wildcard(term(positional_prefix(layer), typed.folded));
  if (layer == TextLayer::kBody && last.first > 0 &&
      single_syllable_word(analysis_.tokens[last.first - 1])) {
    const Syllable& before = analysis_.syllables[analysis_.tokens[last.first - 1].first_syllable];
    q = Xapian::Query(Xapian::Query::OP_OR, q,
                      wildcard(term(schema::kWord, before.folded + "_" + typed.folded)));
  }
  return q;
}

std::string TextQueryBuilder::describe(const std::vector<Group>& groups,
                                       const TextQueryOptions& options) const {
  std::string s;
  for (const Group& g : groups) {
    const auto syllables = syllables_of(g);
    const bool word = analysis_.tokens[g.first].kind == TokenKind::kWord;
    const bool quoted = word && syllables.size() > 1 && !options.phrase;
    s += s.empty() ? "" : (options.phrase ? " " : " AND ");
    s += quoted ? "\"" : "";
    if (!word) {
      s += analysis_.tokens[g.first].key;
    } else {
      for (std::size_t i = 0; i < syllables.size(); ++i) {
        s += i > 0 ? " " : "";
        s += syllables[i].accented() ? syllables[i].key : syllables[i].folded;
      }
    }
    s += quoted ? "\"" : "";
  }
  if (options.prefix_last) {
    s += "*";
  }
  return options.phrase ? "\"" + s + "\"" : s;
}

}  // namespace vn
