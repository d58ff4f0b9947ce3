// Builds the Xapian query for free text in a query (plain words or a quoted phrase) over one
// layer of the index: the body, the title or names. The text goes through the analyser; syllables
// typed with spaces are grouped into words by the segmenter; each word must match as adjacent
// syllables over the folded positional layer, filtered by the exact layer for the syllables typed
// with accents.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/segmenter.h"
#include "common/token.h"
#include "query/highlight_terms.h"

namespace vn {

enum class TextLayer { kBody, kTitle, kName };

struct TextQueryOptions {
  TextLayer layer = TextLayer::kBody;
  bool phrase = false;       // All words adjacent, in order.
  bool prefix_last = false;  // The last syllable is a prefix being typed (search box).
};

struct TextQuery {
  Xapian::Query query;
  std::string understood;  // e.g. `"mặt trận" AND bình`.
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
  struct Group {  // Tokens [first, last) that the query means as one word.
    std::size_t first;
    std::size_t last;
  };

  // Groups the first `count` tokens into words.
  std::vector<Group> word_groups(std::size_t count) const;
  std::span<const Syllable> syllables_of(const Group& g) const;
  Xapian::Query adjacent_query(std::span<const Group> groups, TextLayer layer) const;
  Xapian::Query prefix_query(const Group& last, TextLayer layer) const;
  std::string describe(const std::vector<Group>& groups, const TextQueryOptions& options) const;

  const Lexicon* lexicon_;
  Analysis analysis_;
};

}  // namespace vn
