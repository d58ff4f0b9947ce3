// Builds the Xapian query for free text in a query (plain words or a quoted phrase) over one
// layer of the index: the body, the title or names. The text goes through the analyser; syllables
// typed with spaces are grouped into words by the segmenter; each word must match as adjacent
// syllables over the folded positional layer. Accents are judged per word and per quoted phrase:
// one typed with any diacritic is exact in every syllable (filtered by the exact layer, then
// checked position by position, query/exact_check.h); one typed with none matches every accented
// form.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/segmenter.h"
#include "common/token.h"
#include "query/exact_check.h"
#include "query/highlight_terms.h"
#include "query/word_groups.h"

namespace vn {

enum class TextLayer { kBody, kTitle, kName };

struct TextQueryOptions {
  TextLayer layer = TextLayer::kBody;
  bool phrase = false;       // All words adjacent, in order.
  bool prefix_last = false;  // The last syllable is a prefix being typed (search box).
  // Words the segmenter made of syllables typed with spaces need not stand together; where they
  // do, they rank first. The fallback when nothing matches them as words.
  bool loose_words = false;
};

struct TextQuery {
  Xapian::Query query;
  std::string understood;  // e.g. `"mặt trận" AND bình`.
  // Accented words and phrases to check against the accent signature when the query is required.
  std::vector<ExactRun> exact_runs;
  // Some word was grouped from syllables typed with spaces (and loose_words would loosen it).
  bool grouped_words = false;
};

class TextQueryBuilder {
 public:
  // `lexicon` may be null: then each syllable typed with spaces is a word of its own.
  explicit TextQueryBuilder(const Lexicon* lexicon) : lexicon_(lexicon) {}

  // Returns nullopt when `text` has nothing searchable. Adds what it matches to `highlight` unless
  // it is null (negated text is not highlighted).
  std::optional<TextQuery> build(std::string_view text, const TextQueryOptions& options,
                                 HighlightTerms* highlight);

 private:
  using Group = TokenRange;  // Tokens the query means as one word.

  // Groups the first `count` tokens into words.
  std::vector<Group> word_groups(std::size_t count) const;
  std::span<const Syllable> syllables_of(const Group& g) const;
  // `runs` receives the exact check the query needs, unless null (a ranking boost needs none).
  Xapian::Query adjacent_query(std::span<const Group> groups, TextLayer layer,
                               std::vector<ExactRun>* runs) const;
  bool typed_with_accents(std::span<const Group> groups) const;
  void add_highlights(std::span<const Group> groups, bool phrase, HighlightTerms& highlight) const;
  Xapian::Query prefix_query(const Group& last, TextLayer layer) const;
  std::string describe(const std::vector<Group>& groups, const TextQueryOptions& options) const;

  const Lexicon* lexicon_;
  Analysis analysis_;
};

}  // namespace vn
