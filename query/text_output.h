// Prints search results for people: rank, title, key and category, and a snippet with the matched
// words in bold (only when `styled`, i.e. the output is a terminal).
#pragma once

#include <ostream>

#include "query/query_parser.h"
#include "query/searcher.h"

namespace vn {

void print_results(std::ostream& out, const ParsedQuery& query, const SearchResult& result,
                   bool styled);

// Prints one article: title, metadata, then the text with underscores as spaces.
void print_article(std::ostream& out, const Hit& article);

void print_stats(std::ostream& out, const IndexStats& stats);

}  // namespace vn
