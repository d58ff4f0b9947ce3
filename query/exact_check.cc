#include "query/exact_check.h"

#include <algorithm>

#include "common/index_location.h"
#include "common/schema.h"

namespace vn {

namespace {

// The positions of `term` in document `did`, read once and only when needed.
class LazyPositions {
 public:
  LazyPositions(const Xapian::Database& db, Xapian::docid did, const std::string& term)
      : db_(db), did_(did), term_(term) {}
  bool contains(Xapian::termpos p) {
    if (!read_) {
      positions_.assign(db_.positionlist_begin(did_, term_), db_.positionlist_end(did_, term_));
      read_ = true;
    }
    return std::binary_search(positions_.begin(), positions_.end(), p);
  }

 private:
  const Xapian::Database& db_;
  Xapian::docid did_;
  const std::string& term_;
  bool read_ = false;
  std::vector<Xapian::termpos> positions_;
};

bool run_stands_at(const std::string& signature, Xapian::termpos first, const ExactRun& run,
                   std::vector<LazyPositions>& later_terms) {
  if (!accents_match_at(signature, first, run.codes)) {
    return false;  // Cheap, and rules out most positions: check it first.
  }
  for (std::size_t i = 1; i < run.terms.size(); ++i) {
    if (!run.terms[i].empty() &&
        !later_terms[i].contains(first + static_cast<Xapian::termpos>(i))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool ExactRunDecider::operator()(const Xapian::Document& doc) const {
  // Positions straight from the position table need the docid of the combined database, which
  // Xapian 1.4 does not give a decider: the key in the document data tells the shard.
  const auto shards = static_cast<unsigned>(db_.size());
  const Xapian::docid did =
      shards <= 1 ? doc.get_docid()
                  : combined_docid(doc.get_docid(), shard_of(doc.get_data(), shards), shards);
  const std::string signature = doc.get_value(schema::kSlotAccents);
  for (const ExactRun& run : runs_) {
    if (run.terms.empty()) {
      continue;
    }
    std::vector<LazyPositions> later_terms;
    later_terms.reserve(run.terms.size());
    for (const std::string& t : run.terms) {
      later_terms.emplace_back(db_, did, t);
    }
    bool found = false;
    for (auto p = db_.positionlist_begin(did, run.terms.front());
         !found && p != db_.positionlist_end(did, run.terms.front()); ++p) {
      found = run_stands_at(signature, *p, run, later_terms);
    }
    if (!found) {
      return false;
    }
  }
  return true;
}

}  // namespace vn
