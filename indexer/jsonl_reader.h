// Turns one JSON Lines record (a JSON object on one line) into an Article: maps the fields, builds
// the key, normalises the date and keeps unknown fields as metadata.
// Not for: reading or decompressing the file (input_stream.h).
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/article.h"

namespace vn {

struct JsonlRecord {
  Article article;
  // Problems that did not stop the article, e.g. a date that could not be read (then dropped).
  std::vector<std::string> warnings;
};

// Parses `line`, line `line_number` of the input `path`. `key_prefix` names the input in keys made
// for records without an "id": "<key_prefix>:<line_number>". Fields:
//   id (string or number) -> key; title; body, else content, else text (required);
//   category; source; date, else published (see normalise_date); url.
// Title and body are split as in a text file whose first line is the title and the rest the body
// (split_title): an empty title takes the body's first non-empty line, a record with only a title
// goes through the one-line headline rule. Any other field, and an alternative not used, is kept
// in Article::extra as a JSON object (null values dropped).
// Returns the reason when the line is not valid JSON, not an object, has no body field, has
// neither title nor body text, or has a field of the wrong type.
std::expected<JsonlRecord, std::string> parse_jsonl_record(std::string line,
                                                           std::string_view path,
                                                           std::string_view key_prefix,
                                                           std::int64_t line_number);

// "YYYY-MM-DD" from "2005-11-12", "2005-11-12T08:00:00Z" (any time or zone after a 'T' or a space
// is ignored: the date as written, not converted) or "12/11/2005" (day first, as Vietnamese
// papers write it; one-digit day and month allowed). nullopt when the text is none of these or
// not a calendar date.
std::optional<std::string> normalise_date(std::string_view text);

}  // namespace vn
