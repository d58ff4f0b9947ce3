#include "common/text_dictionary.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vn {
namespace {

// Training reads at most this much text, and no single text longer than kMaxSampleText (one
// huge article would be most of the sample, and the dictionary is for typical articles).
constexpr std::size_t kMaxSampleBytes = 4 << 20;
constexpr std::size_t kMaxSampleText = 256 << 10;

bool has_dictionary_row(SqliteDb& db) {
  Statement st = db.prepare("SELECT 1 FROM text_dictionary LIMIT 1");
  return st.step();
}

std::int64_t article_rows(SqliteDb& db) {
  Statement st = db.prepare("SELECT count(*) FROM articles");
  return st.step() ? st.integer(0) : 0;
}

std::vector<std::string> sample_texts(SqliteDb& db, std::size_t count) {
  const TextCodec plain;  // Without a dictionary: the index has none yet.
  Statement first = db.prepare("SELECT body FROM articles ORDER BY rowid LIMIT ?1");
  first.bind(1, static_cast<std::int64_t>(count));
  std::vector<std::string> samples;
  std::size_t bytes = 0;
  while (bytes < kMaxSampleBytes && first.step()) {
    try {
      std::string text = plain.decompress(first.blob(0));
      if (text.size() <= kMaxSampleText) {
        bytes += text.size();
        samples.push_back(std::move(text));
      }
    } catch (const CompressedTextError&) {
      // A damaged row is no sample; --check and a re-run deal with it.
    }
  }
  return samples;
}

// Every stored text, compressed again with `codec`. Row ids first: a table is not updated under
// a statement still reading it.
void recompress_all(SqliteDb& db, const TextCodec& codec) {
  std::vector<std::int64_t> rowids;
  Statement ids = db.prepare("SELECT rowid FROM articles");
  while (ids.step()) {
    rowids.push_back(ids.integer(0));
  }
  const TextCodec plain;
  Statement read = db.prepare("SELECT body FROM articles WHERE rowid = ?1");
  Statement write = db.prepare("UPDATE articles SET body = ?1 WHERE rowid = ?2");
  for (const std::int64_t rowid : rowids) {
    read.bind(1, rowid);
    std::string text;
    bool readable = false;
    if (read.step()) {
      try {
        text = plain.decompress(read.blob(0));
        readable = true;
      } catch (const CompressedTextError&) {
        // Left as it is: damaged, not ours to hide.
      }
    }
    read.reset();
    if (readable) {
      write.bind_blob(1, codec.compress(text)).bind(2, rowid).run();
    }
  }
}

}  // namespace

TextCodec read_text_codec(SqliteDb& db) {
  Statement st = db.prepare("SELECT dictionary FROM text_dictionary LIMIT 1");
  try {
    return st.step() ? TextCodec(st.blob(0)) : TextCodec();
  } catch (const CompressedTextError&) {
    return {};
  }
}

std::optional<TextCodec> train_text_dictionary_when_due(SqliteDb& db, std::size_t min_articles) {
  if (has_dictionary_row(db) || article_rows(db) < static_cast<std::int64_t>(min_articles)) {
    return std::nullopt;
  }
  std::string dictionary = train_text_dictionary(sample_texts(db, min_articles));
  if (dictionary.empty()) {
    return std::nullopt;
  }
  TextCodec codec(std::move(dictionary));
  db.prepare("INSERT INTO text_dictionary (id, dictionary) VALUES (?1, ?2)")
      .bind(1, static_cast<std::int64_t>(codec.dictionary_id()))
      .bind_blob(2, codec.dictionary())
      .run();
  recompress_all(db, codec);
  return codec;
}

}  // namespace vn
