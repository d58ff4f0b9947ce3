// Facet counts for a search box's side panel: how the matching articles divide by category,
// source and month, and the names they mention most. Counted by a Xapian match spy over the
// articles the matcher looks at (at least SearchOptions::facet_sample of them, all when fewer
// match), from each article's boolean and name terms.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

namespace vn {

using FacetCounts = std::vector<std::pair<std::string, Xapian::doccount>>;  // Most first.

struct Facets {
  FacetCounts category;
  FacetCounts source;
  FacetCounts month;  // "2005-11".
  FacetCounts names;  // Canonical name keys ("hòa_bình"); the caller finds how they are written.
  Xapian::doccount counted = 0;  // Articles the counts come from.
};

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  // The `limit` largest counts of each facet.
  Facets top(std::size_t limit) const;

 private:
  std::unordered_map<std::string, Xapian::doccount> counts_[4];
  Xapian::doccount counted_ = 0;
};

// The most frequent names of the whole index, by the number of articles naming them.
FacetCounts top_names(const Xapian::Database& db, std::size_t limit);

}  // namespace vn
