// Reads one plain-text article file into an Article: encoding detection (UTF-8 with or without BOM,
// UTF-16 with BOM), line-end normalisation, and the split into title and body.
// Not for: walking directories (inputs.h) or analysing the text.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

#include "indexer/article.h"

namespace vn {

// Files larger than this are refused rather than read whole into memory.
inline constexpr std::uintmax_t kMaxTextFileBytes = 64u << 20;

// Reads `file`; `key` and `category` are set by the caller's naming rule. On failure returns a
// one-line reason (unreadable, empty, binary, too large) for the caller to report with the path.
std::expected<Article, std::string> read_text_article(const std::filesystem::path& file,
                                                       std::string key, std::string category);

// The same from bytes already read (a decompressed .txt.gz): `path` names the input.
std::expected<Article, std::string> text_article_from_bytes(std::string bytes, std::string key,
                                                             std::string category,
                                                             std::string path);

// Decodes raw file bytes to UTF-8 text with LF line ends: strips a UTF-8 BOM, converts UTF-16 with
// a BOM, turns CRLF and lone CR into LF, and replaces invalid UTF-8 by U+FFFD. Returns the reason
// when the bytes are not text (NUL bytes outside UTF-16).
std::expected<std::string, std::string> decode_text_bytes(std::string bytes);

// Turns CRLF and lone CR into LF.
std::string normalise_line_ends(std::string_view text);

// `text` without leading and trailing ASCII white space.
std::string_view trim_spaces(std::string_view text);

// Splits article text into title and body: the first non-empty line is the title when the text
// has more than one non-empty line; a one-line article's headline is found by find_headline_end().
void split_title(const std::string& text, std::string& title, std::string& body);

}  // namespace vn
