#include "query/exact_check.h"

#include "common/index_location.h"
#include "common/schema.h"

namespace vn {

bool ExactRunDecider::operator()(const Xapian::Document& doc) const {
  // Positions straight from the position table need the docid of the combined database, which
  // Xapian 1.4 does not give a decider: the key in the document data tells the shard.
  const auto shards = static_cast<unsigned>(db_.size());
  const Xapian::docid did =
      shards <= 1 ? doc.get_docid()
                  : combined_docid(doc.get_docid(), shard_of(doc.get_data(), shards), shards);
  const std::string signature = doc.get_value(schema::kSlotAccents);
  for (const ExactRun& run : runs_) {
    bool found = false;
    for (auto p = db_.positionlist_begin(did, run.position_term);
         !found && p != db_.positionlist_end(did, run.position_term); ++p) {
      found = accents_match_at(signature, *p, run.codes);
    }
    if (!found) {
      return false;
    }
  }
  return true;
}

}  // namespace vn
