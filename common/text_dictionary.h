// Where an index keeps the dictionary its article texts are compressed with: the SQLite table
// text_dictionary (common/schema.h), read by vnsearch and vnindex, written once by vnindex.
#pragma once

#include "common/compressed_text.h"
#include "common/sqlite.h"

namespace vn {

// The codec for the index's stored texts: with its dictionary when it has one. A damaged
// dictionary reads as none: the texts made with it then fail to read, one by one, as damaged.
TextCodec read_text_codec(SqliteDb& db);

// Records the codec's dictionary, within the caller's transaction.
void write_text_dictionary(SqliteDb& db, const TextCodec& codec);

}  // namespace vn
