// Parses what a user types into a Xapian query over the index's term layers (common/schema.h),
// through the same analyser the indexer used. Grammar (README "Query language"):
//   query   := or ; or := and ("OR" and)* ; and := unary+ (implicit AND)
//   unary   := "-" primary | primary
//   primary := "(" or ")" | '"' words '"' | words ["*"] | field ":" (word | '"' words '"')
//              | "@" (word | '"' words '"')
// Fields: title, name (also "@"), category, source, date (2005, 2005-11, 2005-11-12, A..B).
// A run of plain words is analysed as one text: a compound (Mặt_trận, or typed with spaces and
// recognised by the segmenter) must match as adjacent syllables.
#pragma once

#include <cstddef>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/segmenter.h"
#include "query/exact_check.h"
#include "query/highlight_terms.h"
#include "query/query_lexer.h"

namespace vn {

struct ParsedQuery {
  Xapian::Query query;
  HighlightTerms highlight;
  std::string understood;  // The query as interpreted, e.g. `mặt_trận AND "bình dân"`.
  // Accented words and phrases every result must hold exactly (query/exact_check.h). Only those
  // the query requires: one inside an OR or an exclusion stays a folded match.
  std::vector<ExactRun> exact_runs;
  // The same query with words grouped from syllables typed with spaces no longer required to
  // stand together (TextQueryOptions::loose_words), when the query has such words: what to run
  // when nothing matches them as words (the segmenter may join what the user meant apart).
  std::shared_ptr<const ParsedQuery> loose;
};

// Limits that keep a hostile query bounded in time and memory.
inline constexpr std::size_t kMaxQueryBytes = 4096;
inline constexpr std::size_t kMaxQueryDepth = 32;

// Parses `text`. With a lexicon, syllables typed with spaces are grouped into the words it knows
// (mặt trận → mặt_trận), which must then match as adjacent syllables; without one, each syllable
// is a word of its own.
std::expected<ParsedQuery, QueryError> parse_query(std::string_view text,
                                                   const Lexicon* lexicon = nullptr);

}  // namespace vn
