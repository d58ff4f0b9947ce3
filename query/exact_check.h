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

// Position by position from the run's first: the positional term that must stand there (in the
// run's layer; "" for the empty position a punctuation mark leaves) and the accent code of its
// canonical key (0 there). The codes tell accents apart only among forms of one folded syllable,
// so the terms must be checked too.
struct ExactRun {
  std::vector<std::string> terms;
  std::vector<AccentCode> codes;
};

// Accepts a document when every run stands at some position: its terms at consecutive positions
// and their accent codes in the signature there.
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
