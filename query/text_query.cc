#include "query/text_query.h"

#include "common/analyzer.h"
#include "common/schema.h"
#include "common/terms.h"
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

bool single_syllable_word(const Token& t) {
  return t.kind == TokenKind::kWord && t.syllable_count == 1;
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
  if (highlight != nullptr) {
    for (std::size_t i = 0; i < analysis_.syllables.size(); ++i) {
      const bool last = i + 1 == analysis_.syllables.size();
      if (prefix && last) {
        highlight->folded_prefixes.insert(analysis_.syllables[i].folded);
      } else {
        highlight->add(analysis_.syllables[i]);
      }
    }
  }
  // The syllable being completed stays out of the segmentation: it is not a whole word yet.
  const std::size_t tokens = analysis_.tokens.size();
  std::vector<Group> groups = word_groups(prefix ? tokens - 1 : tokens);
  std::optional<Group> completing;
  if (prefix) {
    completing = Group{tokens - 1, tokens};
    groups.push_back(*completing);
  }
  TextQuery out{Xapian::Query(), describe(groups, options)};
  if (prefix) {
    groups.pop_back();
  }
  std::vector<Xapian::Query> parts;
  if (options.phrase && !groups.empty()) {
    parts.push_back(adjacent_query(groups, options.layer));
  } else {
    for (const Group& g : groups) {
      parts.push_back(adjacent_query({&g, 1}, options.layer));
    }
  }
  if (completing) {
    parts.push_back(prefix_query(*completing, options.layer));
  }
  out.query = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  if (!options.phrase && groups.size() > 1) {
    // Words typed together rank higher where they also stand together.
    out.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out.query,
                              adjacent_query(groups, options.layer));
  }
  return out;
}

// A compound typed with underscores is one word; a run of syllables typed with spaces is split
// into the words the lexicon knows.
std::vector<TextQueryBuilder::Group> TextQueryBuilder::word_groups(std::size_t count) const {
  std::vector<Group> groups;
  const auto& tokens = analysis_.tokens;
  for (std::size_t i = 0; i < count;) {
    std::size_t j = i + 1;
    while (single_syllable_word(tokens[i]) && j < count &&
           single_syllable_word(tokens[j]) && !tokens[j].follows_punctuation) {
      ++j;
    }
    if (j - i == 1 || lexicon_ == nullptr) {
      for (std::size_t k = i; k < j; ++k) {
        groups.push_back({k, k + 1});
      }
    } else {
      std::size_t k = i;
      for (std::size_t len : segment(syllables_of({i, j}), *lexicon_)) {
        groups.push_back({k, k + len});
        k += len;
      }
    }
    i = j;
  }
  return groups;
}

std::span<const Syllable> TextQueryBuilder::syllables_of(const Group& g) const {
  const Token& first = analysis_.tokens[g.first];
  const Token& last = analysis_.tokens[g.last - 1];
  return {analysis_.syllables.data() + first.first_syllable,
          last.first_syllable + last.syllable_count - first.first_syllable};
}

// The groups as adjacent syllables: a phrase over the layer's folded positional terms, filtered
// by the exact terms of syllables typed with accents, and boosted where each group is one word.
Xapian::Query TextQueryBuilder::adjacent_query(std::span<const Group> groups,
                                               TextLayer layer) const {
  const std::string_view layer_prefix = positional_prefix(layer);
  std::vector<Xapian::Query> positional;
  std::vector<Xapian::Query> exact;
  std::vector<Xapian::Query> words;
  for (const Group& g : groups) {
    for (std::size_t i = g.first; i < g.last; ++i) {
      const Token& t = analysis_.tokens[i];
      if (t.kind != TokenKind::kWord) {
        positional.emplace_back(term(layer_prefix, t.folded));
        if (t.key != t.folded) {
          exact.emplace_back(term(schema::kExact, t.key));
        }
        continue;
      }
      for (const Syllable& s : analysis_.syllables_of(t)) {
        positional.emplace_back(term(layer_prefix, s.folded));
        if (s.accented()) {
          exact.emplace_back(term(schema::kExact, s.key));
        }
      }
    }
    if (const auto syllables = syllables_of(g); syllables.size() > 1) {
      words.emplace_back(word_term(syllables));
    }
  }
  Xapian::Query q = positional.size() == 1
                        ? positional.front()
                        : Xapian::Query(Xapian::Query::OP_PHRASE, positional.begin(),
                                        positional.end(), positional.size());
  if (layer == TextLayer::kBody && positional.size() == 1 && exact.size() == 1) {
    q = exact.front();  // One accented syllable: the exact term alone is precise and ranks.
  } else if (!exact.empty()) {
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end()));
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
                      wildcard(term(schema::kFoldedWord, before.folded + "_" + typed.folded)));
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
