// Prints search results for people: rank, title, key and category, and a snippet with the matched
// words in bold (only when `styled`, i.e. the output is a terminal).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "query/query_parser.h"
#include "query/searcher.h"
#include "query/suggest.h"

namespace vn {

// With `did_you_mean`, a "did you mean" line comes first; with facets, a summary comes last.
void print_results(std::ostream& out, const ParsedQuery& query, const SearchResult& result,
                   bool styled, const std::optional<std::string>& did_you_mean = std::nullopt);

// One suggestion per line: text, kind and article count.
void print_suggestions(std::ostream& out, const std::vector<Suggestion>& suggestions);

// One name per line with its article count.
void print_names(std::ostream& out, const FacetCounts& names);

// Prints one article: title, metadata, then the text with underscores as spaces.
void print_article(std::ostream& out, const Hit& article);

void print_stats(std::ostream& out, const IndexStats& stats);

}  // namespace vn
