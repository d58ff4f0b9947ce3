#include "common/text_dictionary.h"

namespace vn {

TextCodec read_text_codec(SqliteDb& db) {
  Statement st = db.prepare("SELECT dictionary FROM text_dictionary LIMIT 1");
  try {
    return st.step() ? TextCodec(st.blob(0)) : TextCodec();
  } catch (const CompressedTextError&) {
    return {};
  }
}

void write_text_dictionary(SqliteDb& db, const TextCodec& codec) {
  db.prepare("INSERT OR REPLACE INTO text_dictionary (id, dictionary) VALUES (?1, ?2)")
      .bind(1, static_cast<std::int64_t>(codec.dictionary_id()))
      .bind_blob(2, codec.dictionary())
      .run();
}

}  // namespace vn
