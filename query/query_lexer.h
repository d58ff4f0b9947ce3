// Splits a query string into lexemes: words, quoted phrases, parentheses, operators and field
// prefixes, each with its byte offset so errors can name their position.
#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace vn {

enum class Lex { kWords, kPhrase, kField, kOpen, kClose, kNot, kOr, kAnd, kEnd };

struct Lexeme {
  Lex kind;
  std::string_view text;   // Words, phrase content, or a field's value.
  std::size_t offset;      // Byte offset in the query.
  std::string_view field;  // kField: the field name ("title", "name", …; "@" reads as "name").
  bool quoted = false;     // kField: the value was a quoted phrase.
  bool prefix = false;     // kWords: ends with '*' (completion of the last word as typed).
};

struct QueryError {
  std::string message;  // One line, e.g. "unbalanced quote".
  std::size_t column;   // 1-based position (in characters) in the query where the problem is.
};

// The fields a query may name; any other `word:` before a value is an error.
inline constexpr std::string_view kQueryFields[] = {"title", "name", "category", "source",
                                                    "date"};

// Lexes `text`; the last lexeme is always kEnd.
std::expected<std::vector<Lexeme>, QueryError> lex_query(std::string_view text);

// The 1-based character column of byte `offset` in `text`.
std::size_t column_of(std::string_view text, std::size_t offset);

}  // namespace vn
