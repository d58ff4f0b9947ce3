// Where an index keeps the dictionary its article texts are compressed with, and when it gets
// one: the SQLite table text_dictionary (common/schema.h), read by vnsearch and vnindex, written
// once by vnindex when the index first holds enough articles to train it on.
#pragma once

#include <cstddef>
#include <optional>

#include "common/compressed_text.h"
#include "common/sqlite.h"

namespace vn {

// The codec for the index's stored texts: with its dictionary when it has one. A damaged
// dictionary reads as none: the texts made with it then fail to read, one by one, as damaged.
TextCodec read_text_codec(SqliteDb& db);

// When the index has no dictionary row (a damaged one counts: replacing it would leave the texts
// made with it unreadable) and holds at least `min_articles` articles: trains a dictionary on the
// stored texts of the first of them, records it, and compresses every stored text again with it,
// all within the caller's transaction; returns the new codec. Nothing otherwise, or when the
// texts are too few or too small to train on.
std::optional<TextCodec> train_text_dictionary_when_due(SqliteDb& db, std::size_t min_articles);

}  // namespace vn
