// The machine-readable forms of vnsearch's answers (README "JSON output" documents the schema;
// keep it stable: add fields, never rename or remove them).
#pragma once

#include <optional>
#include <string>

#include "query/query_parser.h"
#include "query/searcher.h"
#include "query/snippet.h"
#include "query/suggest.h"

namespace vn {

struct SearchReport {
  std::string query;  // As typed.
  const ParsedQuery* parsed = nullptr;  // The query answered (ParsedQuery::loose if loosened).
  const SearchResult* result = nullptr;
  SearchOptions options;
  double took_ms = 0;
  std::optional<std::string> did_you_mean;
};

// One JSON object (one line) for a search.
std::string search_json(const SearchReport& report);

// `vnsearch suggest --json`: {"prefix": …, "suggestions": [{"text", "kind", "docs"}]}.
std::string suggestions_json(const std::string& prefix, const std::vector<Suggestion>& list);

// `vnsearch names --json`: {"query": … or null, "names": [{"name", "docs"}]}.
std::string names_json(const std::optional<std::string>& query, const FacetCounts& names);

// One article for `vnsearch show --json`: key, title, url, date, category, source, text.
std::string article_json(const Hit& article);

// `vnsearch stats --json`: articles, rows, names, index_bytes, analyser_version,
// schema_version, last_run.
std::string stats_json(const IndexStats& stats);

// The snippet's highlights as [begin, end) ranges of Unicode code points.
std::vector<std::pair<std::size_t, std::size_t>> highlights_in_code_points(const Snippet& s);

// The snippet as HTML: text escaped, highlights in <mark>…</mark>.
std::string snippet_html(const Snippet& s);

}  // namespace vn
