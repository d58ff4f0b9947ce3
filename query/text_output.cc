#include "query/text_output.h"

#include "query/snippet.h"

namespace vn {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";

void print_snippet(std::ostream& out, const Snippet& s, bool styled) {
  std::size_t pos = 0;
  for (const auto& [begin, end] : s.highlights) {
    out << s.text.substr(pos, begin - pos);
    out << (styled ? kBold : "") << s.text.substr(begin, end - begin) << (styled ? kReset : "");
    pos = end;
  }
  out << s.text.substr(pos);
}

}  // namespace

void print_results(std::ostream& out, const ParsedQuery& query, const SearchResult& result,
                   bool styled) {
  if (result.hits.empty()) {
    out << "no articles match " << query.understood << '\n';
    return;
  }
  for (const Hit& hit : result.hits) {
    out << hit.rank << ". " << (styled ? kBold : "") << display_text(hit.title)
        << (styled ? kReset : "") << '\n';
    out << "   " << hit.key;
    if (!hit.category.empty()) {
      out << " · " << hit.category;
    }
    if (!hit.date.empty()) {
      out << " · " << hit.date;
    }
    out << '\n' << "   ";
    print_snippet(out, make_snippet(hit.body.empty() ? hit.title : hit.body, query.highlight),
                  styled);
    out << "\n\n";
  }
  out << "about " << result.estimated_total
      << (result.estimated_total == 1 ? " matching article for " : " matching articles for ")
      << query.understood << '\n';
}

}  // namespace vn
