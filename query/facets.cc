#include "query/facets.h"

#include <algorithm>

#include "common/schema.h"
#include "common/terms.h"

namespace vn {
namespace {

enum Facet { kCategory, kSource, kMonth, kNames, kFacetCount };

constexpr std::string_view kFacetPrefix[kFacetCount] = {schema::kCategory, schema::kSource,
                                                        schema::kMonth, schema::kName};

std::string facet_value(Facet f, std::string_view after_prefix) {
  if (f == kNames) {
    return std::string(exact_key_of(after_prefix));
  }
  if (f == kMonth && after_prefix.size() == 6) {
    return std::string(after_prefix.substr(0, 4)) + "-" + std::string(after_prefix.substr(4));
  }
  return std::string(after_prefix);
}

FacetCounts largest(const std::unordered_map<std::string, Xapian::doccount>& counts,
                    std::size_t limit) {
  FacetCounts out(counts.begin(), counts.end());
  auto more = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  const std::size_t n = std::min(limit, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(), more);
  out.resize(n);
  return out;
}

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  ++counted_;
  for (int f = 0; f < kFacetCount; ++f) {
    const std::string_view prefix = kFacetPrefix[f];
    auto it = doc.termlist_begin();
    it.skip_to(std::string(prefix));
    for (; it != doc.termlist_end(); ++it) {
      const std::string t = *it;
      if (!t.starts_with(prefix)) {
        break;
      }
      ++counts_[f][facet_value(static_cast<Facet>(f), std::string_view(t).substr(prefix.size()))];
    }
  }
}

Facets FacetSpy::top(std::size_t limit) const {
  Facets out;
  out.category = largest(counts_[kCategory], limit);
  out.source = largest(counts_[kSource], limit);
  out.month = largest(counts_[kMonth], limit);
  out.names = largest(counts_[kNames], limit);
  out.counted = counted_;
  return out;
}

FacetCounts top_names(const Xapian::Database& db, std::size_t limit) {
  std::unordered_map<std::string, Xapian::doccount> counts;
  const std::string prefix(schema::kName);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    counts[facet_value(kNames, std::string_view(*it).substr(prefix.size()))] += it.get_termfreq();
  }
  return largest(counts, limit);
}

}  // namespace vn
