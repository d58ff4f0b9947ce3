#include "indexer/text_file.h"

#include <unicode/ustring.h>

#include <fstream>
#include <sstream>

#include "common/utf8.h"
#include "indexer/headline.h"

namespace vn {
namespace {

std::expected<std::string, std::string> utf16_to_utf8(std::string_view bytes, bool big_endian) {
  std::u16string units(bytes.size() / 2, u'\0');
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto hi = static_cast<unsigned char>(bytes[2 * i + (big_endian ? 0 : 1)]);
    const auto lo = static_cast<unsigned char>(bytes[2 * i + (big_endian ? 1 : 0)]);
    units[i] = static_cast<char16_t>((hi << 8) | lo);
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  // Lone surrogates become U+FFFD rather than failing the whole file.
  u_strToUTF8WithSub(nullptr, 0, &length, units.data(), static_cast<int32_t>(units.size()),
                     0xFFFD, nullptr, &status);
  std::string out(static_cast<std::size_t>(length), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), length, &length, units.data(),
                     static_cast<int32_t>(units.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) {
    return std::unexpected(std::string("cannot decode UTF-16: ") + u_errorName(status));
  }
  return out;
}

}  // namespace

std::string_view trim_spaces(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\v\f";
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

std::string normalise_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

std::expected<std::string, std::string> decode_text_bytes(std::string bytes) {
  std::string text;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    auto decoded = utf16_to_utf8(std::string_view(bytes).substr(2), bytes[0] == '\xFE');
    if (!decoded) {
      return decoded;
    }
    text = std::move(*decoded);
  } else {
    if (bytes.find('\0') != std::string::npos) {
      return std::unexpected("binary file (contains NUL bytes)");
    }
    text = bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : std::move(bytes);
  }
  repair_utf8(text);
  return normalise_line_ends(text);
}

void split_title(const std::string& text, std::string& title, std::string& body) {
  const std::string_view all = trim_spaces(text);
  const auto newline = all.find('\n');
  if (newline != std::string_view::npos) {
    title = trim_spaces(all.substr(0, newline));
    body = trim_spaces(all.substr(newline + 1));
    return;
  }
  const std::size_t cut = find_headline_end(all);
  title = trim_spaces(all.substr(0, cut == 0 ? all.size() : cut));
  body = cut == 0 ? std::string() : std::string(trim_spaces(all.substr(cut)));
}

std::expected<Article, std::string> read_text_article(const std::filesystem::path& file,
                                                       std::string key, std::string category) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    return std::unexpected("cannot read: " + ec.message());
  }
  if (size > kMaxTextFileBytes) {
    return std::unexpected("file too large (" + std::to_string(size >> 20) + " MB; limit " +
                           std::to_string(kMaxTextFileBytes >> 20) + " MB)");
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream raw;
  if (!in || !(raw << in.rdbuf())) {
    return std::unexpected(size == 0 ? "empty file" : "cannot read file");
  }
  return text_article_from_bytes(std::move(raw).str(), std::move(key), std::move(category),
                                 file.string());
}

std::expected<Article, std::string> text_article_from_bytes(std::string bytes, std::string key,
                                                             std::string category,
                                                             std::string path) {
  Article a;
  a.hash = content_hash(bytes);
  a.bytes = static_cast<std::int64_t>(bytes.size());
  auto text = decode_text_bytes(std::move(bytes));
  if (!text) {
    return std::unexpected(text.error());
  }
  if (trim_spaces(*text).empty()) {
    return std::unexpected("empty file (no text)");
  }
  split_title(*text, a.title, a.body);
  a.key = std::move(key);
  a.category = std::move(category);
  a.path = std::move(path);
  return a;
}

}  // namespace vn
