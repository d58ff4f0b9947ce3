#include "query/json_output.h"

#include <nlohmann/json.hpp>

namespace vn {
namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

nlohmann::json optional_string(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json hit_json(const Hit& hit, const HighlightTerms& terms) {
  const Snippet s = make_snippet(hit.body.empty() ? hit.title : hit.body, terms);
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& [b, e] : highlights_in_code_points(s)) {
    ranges.push_back({b, e});
  }
  return {
      {"rank", hit.rank},
      {"key", hit.key},
      {"title", display_text(hit.title)},
      {"url", optional_string(hit.url)},
      {"date", optional_string(hit.date)},
      {"category", optional_string(hit.category)},
      {"source", optional_string(hit.source)},
      {"score", hit.score},
      {"duplicates", hit.duplicates},
      {"snippet", s.text},
      {"highlights", ranges},
      {"snippet_html", snippet_html(s)},
  };
}

// [{"value": …, "docs": n}, …], most first.
nlohmann::json counts_json(const FacetCounts& counts) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [value, docs] : counts) {
    list.push_back({{"value", value}, {"docs", docs}});
  }
  return list;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> highlights_in_code_points(const Snippet& s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& [b, e] : s.highlights) {
    const std::size_t begin = code_points(std::string_view(s.text).substr(0, b));
    out.emplace_back(begin, begin + code_points(std::string_view(s.text).substr(b, e - b)));
  }
  return out;
}

std::string snippet_html(const Snippet& s) {
  std::string html;
  std::size_t pos = 0;
  for (const auto& [b, e] : s.highlights) {
    append_escaped(html, std::string_view(s.text).substr(pos, b - pos));
    html += "<mark>";
    append_escaped(html, std::string_view(s.text).substr(b, e - b));
    html += "</mark>";
    pos = e;
  }
  append_escaped(html, std::string_view(s.text).substr(pos));
  return html;
}

std::string dump(const nlohmann::json& j) {
  // Invalid UTF-8 cannot reach here (the analyser and reader repair it), but never throw on it.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string suggestions_json(const std::string& prefix, const std::vector<Suggestion>& list) {
  nlohmann::json items = nlohmann::json::array();
  for (const Suggestion& s : list) {
    items.push_back({{"text", s.text}, {"kind", kind_name(s.kind)}, {"docs", s.docs}});
  }
  return dump({{"prefix", prefix}, {"suggestions", items}});
}

std::string names_json(const std::optional<std::string>& query, const FacetCounts& names) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [name, docs] : names) {
    items.push_back({{"name", name}, {"docs", docs}});
  }
  return dump({{"query", query ? nlohmann::json(*query) : nlohmann::json(nullptr)},
               {"names", items}});
}

std::string article_json(const Hit& a) {
  return dump({{"key", a.key},
               {"title", display_text(a.title)},
               {"url", optional_string(a.url)},
               {"date", optional_string(a.date)},
               {"category", optional_string(a.category)},
               {"source", optional_string(a.source)},
               {"text", display_text(a.body)}});
}

std::string stats_json(const IndexStats& s) {
  return dump({{"articles", s.articles},
               {"rows", s.rows},
               {"names", s.names},
               {"index_bytes", s.index_bytes},
               {"analyser_version", s.analyzer_version},
               {"schema_version", s.schema_version},
               {"last_run", optional_string(s.last_run)}});
}

std::string search_json(const SearchReport& r) {
  nlohmann::json results = nlohmann::json::array();
  for (const Hit& hit : r.result->hits) {
    results.push_back(hit_json(hit, r.parsed->highlight));
  }
  nlohmann::json out = {
      {"query", r.query},
      {"understood", r.parsed->understood},
      {"loosened", r.result->loosened},
      {"total", r.result->estimated_total},
      {"offset", r.options.offset},
      {"limit", r.options.limit},
      {"took_ms", r.took_ms},
      {"did_you_mean", r.did_you_mean ? nlohmann::json(*r.did_you_mean) : nlohmann::json(nullptr)},
      {"results", results},
  };
  if (r.result->facets) {
    const Facets& f = *r.result->facets;
    out["facets"] = {{"category", counts_json(f.category)},
                     {"source", counts_json(f.source)},
                     {"month", counts_json(f.month)},
                     {"names", counts_json(f.names)},
                     {"counted", f.counted}};
  }
  return dump(out);
}

}  // namespace vn
