// An article as read from an input, before analysis: the unit the indexer stores and replaces.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vn {

struct Article {
  std::string key;       // Unique: the path relative to the indexed root (files) or the id.
  std::string title;     // As written (trimmed).
  std::string body;      // The text after the title, UTF-8, LF line ends.
  std::string category;  // The parent folder's name for files; may be empty.
  std::string source;    // Newspaper or feed; may be empty.
  std::string url;       // May be empty.
  std::string date;      // ISO "YYYY-MM-DD" when known, else empty.
  std::string path;      // The input file.
  std::int64_t line = 0;   // 1-based line in a JSON Lines input, 0 for whole files.
  std::int64_t bytes = 0;  // Size of the article in its input.
  std::string hash;      // content_hash() of the input bytes, to tell changed articles apart.
  std::string extra;     // JSON object of a JSON Lines record's unknown fields; empty if none.
};

// The content hash stored with an article: XXH3-64 of `bytes`, as 16 lower-case hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace vn
