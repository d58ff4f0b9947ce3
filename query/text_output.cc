#include "query/text_output.h"

#include <algorithm>

#include "common/utf8.h"
#include "query/snippet.h"

namespace vn {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";

// Every string that comes from an article or the query goes through this: a control character in
// an archive's text cannot restyle or rewrite the user's terminal.
std::string shown(std::string_view text) { return escape_controls(text); }

void print_snippet(std::ostream& out, const Snippet& s, bool styled) {
  std::size_t pos = 0;
  for (const auto& [begin, end] : s.highlights) {
    out << shown(s.text.substr(pos, begin - pos));
    out << (styled ? kBold : "") << shown(s.text.substr(begin, end - begin))
        << (styled ? kReset : "");
    pos = end;
  }
  out << shown(s.text.substr(pos));
}

void print_counts(std::ostream& out, const char* label, const FacetCounts& counts) {
  if (counts.empty()) {
    return;
  }
  out << label;
  const char* separator = "";
  for (const auto& [value, docs] : counts) {
    out << separator << shown(value) << " (" << docs << ")";
    separator = ", ";
  }
  out << '\n';
}

}  // namespace

void print_results(std::ostream& out, const ParsedQuery& query, const SearchResult& result,
                   bool styled, const std::optional<std::string>& did_you_mean) {
  if (did_you_mean) {
    out << "did you mean: " << (styled ? kBold : "") << shown(*did_you_mean)
        << (styled ? kReset : "") << "\n\n";
  }
  if (result.loosened && !result.hits.empty()) {
    out << "no article has the words as typed side by side; these have them apart:\n\n";
  }
  if (result.hits.empty()) {
    out << "no articles match " << shown(query.understood) << '\n';
    return;
  }
  for (const Hit& hit : result.hits) {
    out << hit.rank << ". " << (styled ? kBold : "") << shown(display_text(hit.title))
        << (styled ? kReset : "") << '\n';
    out << "   " << shown(hit.key);
    for (const std::string* field : {&hit.category, &hit.source, &hit.date}) {
      if (!field->empty()) {
        out << " · " << shown(*field);
      }
    }
    if (hit.duplicates > 0) {
      out << " · +" << hit.duplicates << (hit.duplicates == 1 ? " copy" : " copies");
    }
    out << '\n' << "   ";
    print_snippet(out, make_snippet(hit.body.empty() ? hit.title : hit.body, query.highlight),
                  styled);
    out << "\n\n";
  }
  out << "about " << result.estimated_total
      << (result.estimated_total == 1 ? " matching article for " : " matching articles for ")
      << shown(query.understood) << '\n';
  if (result.facets) {
    out << '\n';
    print_counts(out, "categories: ", result.facets->category);
    print_counts(out, "sources:    ", result.facets->source);
    print_counts(out, "months:     ", result.facets->month);
    print_counts(out, "names:      ", result.facets->names);
  }
}

void print_suggestions(std::ostream& out, const std::vector<Suggestion>& suggestions) {
  for (const Suggestion& s : suggestions) {
    out << shown(s.text) << '\t' << kind_name(s.kind) << '\t' << s.docs << '\n';
  }
}

void print_names(std::ostream& out, const FacetCounts& names) {
  for (const auto& [name, docs] : names) {
    out << shown(name) << '\t' << docs << '\n';
  }
}

void print_article(std::ostream& out, const Hit& a) {
  out << shown(display_text(a.title)) << "\n\n";
  out << "key:      " << shown(a.key) << '\n';
  for (const auto& [label, value] : {std::pair{"category: ", &a.category},
                                     std::pair{"source:   ", &a.source},
                                     std::pair{"date:     ", &a.date},
                                     std::pair{"url:      ", &a.url}}) {
    if (!value->empty()) {
      out << label << shown(*value) << '\n';
    }
  }
  out << '\n';
  // Paragraphs stay paragraphs; within each, underscores and runs of blanks become one space.
  std::size_t pos = 0;
  while (pos <= a.body.size()) {
    const std::size_t end = std::min(a.body.find('\n', pos), a.body.size());
    const std::string line = display_text(std::string_view(a.body).substr(pos, end - pos));
    if (!line.empty()) {
      out << shown(line) << '\n';
    }
    pos = end + 1;
  }
}

void print_stats(std::ostream& out, const IndexStats& s) {
  out << "articles:         " << s.articles << '\n'
      << "metadata rows:    " << s.rows << '\n'
      << "distinct names:   " << s.names << '\n'
      << "index size:       " << s.index_bytes << " bytes\n"
      << "analyser version: " << s.analyzer_version << '\n'
      << "schema version:   " << s.schema_version << '\n'
      << "last run:         " << (s.last_run.empty() ? "unknown" : s.last_run) << '\n';
}

}  // namespace vn
