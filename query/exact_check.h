// The exact-accent check of words and phrases typed with accents. Such a word or phrase matches
// on the folded positional layer (Xapian's phrase operator takes only plain terms), which also
// accepts other accents at the same positions ("bạn hàng" for "bán hàng"); each required one
// becomes an ExactRun that a match decider checks against the document's accent signature
// (common/accent_signature.h) before it can be a result.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/accent_signature.h"

namespace vn {

struct ExactRun {
  std::string position_term;  // The positional term of the run's first item, in its layer.
  std::vector<AccentCode> codes;  // The canonical keys, position by position.
};

// Accepts a document when every run stands at some position of its first term.
class ExactRunDecider : public Xapian::MatchDecider {
 public:
  // `db` is the database searched (all shards of the index).
  ExactRunDecider(const Xapian::Database& db, std::vector<ExactRun> runs)
      : db_(db), runs_(std::move(runs)) {}
  bool operator()(const Xapian::Document& doc) const override;

 private:
  Xapian::Database db_;
  std::vector<ExactRun> runs_;
};

}  // namespace vn
