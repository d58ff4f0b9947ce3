#include "indexer/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <span>
#include <utility>

#include "common/terms.h"
#include "common/utf8.h"
#include "indexer/text_file.h"

namespace vn {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 3> kBodyFields = {"body", "content", "text"};
constexpr std::array<std::string_view, 2> kDateFields = {"date", "published"};
constexpr std::size_t kMaxQuotedBytes = 40;  // Of a bad value quoted in a warning.

std::string in_quotes(std::string_view name) { return "\"" + std::string(name) + "\""; }

// The start of `text` for a message: at most kMaxQuotedBytes, cut between UTF-8 characters, and
// control characters written as \u00XX (vnindex's messages escape them again, to no effect) so
// that a quoted value can never break the message's line, whoever prints it.
std::string clip(std::string_view text) {
  std::size_t end = text.size();
  if (end > kMaxQuotedBytes) {
    end = kMaxQuotedBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
  }
  const std::string out = escape_controls(text.substr(0, end));
  return end < text.size() ? out + "..." : out;
}

std::expected<json, std::string> parse_object(const std::string& line) {
  json value;
  try {
    value = json::parse(line);
  } catch (const json::parse_error& e) {
    // what(): "[json.exception.parse_error.101] parse error at line 1, column 5: DETAIL; last
    // read: '...'" — keep DETAIL: the rest repeats the position or quotes the input.
    std::string_view detail = e.what();
    detail.remove_prefix(std::min(detail.size(), detail.find(": ") + 2));
    detail = detail.substr(0, detail.find("; last read"));
    return std::unexpected("malformed JSON at byte " + std::to_string(e.byte) + ": " +
                           std::string(detail));
  } catch (const json::out_of_range&) {
    // The parser throws this, not parse_error, for a number past double's range (1e999).
    return std::unexpected(std::string("malformed JSON: number out of range"));
  }
  if (!value.is_object()) {
    return std::unexpected(std::string("not a JSON object (") + value.type_name() + ")");
  }
  return value;
}

// The first of `names` present with a non-null value; empty when none is.
std::string_view first_present(const json& object, std::span<const std::string_view> names) {
  for (std::string_view name : names) {
    const auto it = object.find(name);
    if (it != object.end() && !it->is_null()) {
      return name;
    }
  }
  return {};
}

// Moves the text of field `name` into `out`: a string as is, a number as JSON writes it. Absent or
// null leaves `out` empty.
std::expected<void, std::string> take_text(json& object, std::string_view name, std::string& out) {
  const auto it = name.empty() ? object.end() : object.find(name);
  if (it == object.end() || it->is_null()) {
    return {};
  }
  if (it->is_string()) {
    out = std::move(it->get_ref<std::string&>());
  } else if (it->is_number()) {
    out = it->dump();
  } else {
    return std::unexpected("field " + in_quotes(name) + " is " + it->type_name() + ", not text");
  }
  return {};
}

std::expected<std::string, std::string> record_key(json& object, std::string_view key_prefix,
                                                   std::int64_t line_number) {
  std::string id;
  auto taken = take_text(object, "id", id);
  if (!taken) {
    return std::unexpected(taken.error());
  }
  std::string key = trim_spaces(id).empty()
                        ? std::string(key_prefix) + ":" + std::to_string(line_number)
                        : std::string(trim_spaces(id));
  if (!indexable(term(schema::kKey, key))) {
    return std::unexpected("key too long (over " + std::to_string(kMaxTermBytes - 1) +
                           " bytes): " + clip(key));
  }
  return key;
}

// Everything not consumed as an article field, as a JSON object; empty when nothing is left.
std::string extra_fields(const json& object, std::span<const std::string_view> used) {
  json extra = json::object();
  for (const auto& [name, value] : object.items()) {
    if (!value.is_null() && std::find(used.begin(), used.end(), name) == used.end()) {
      extra[name] = value;
    }
  }
  return extra.empty() ? std::string()
                       : extra.dump(-1, ' ', false, json::error_handler_t::replace);
}

void set_date(Article& a, std::string_view field, const std::string& text,
              std::vector<std::string>& warnings) {
  if (trim_spaces(text).empty()) {
    return;
  }
  if (auto date = normalise_date(text)) {
    a.date = std::move(*date);
    return;
  }
  warnings.push_back("date not understood, article kept without it: " + in_quotes(field) + " is " +
                     in_quotes(clip(text)) +
                     " (expected YYYY-MM-DD, ISO-8601 or dd/mm/yyyy)");
}

// Fills `a` from the parsed object; returns the reason when the record cannot be an article.
std::expected<void, std::string> fill_article(json& object, std::string_view key_prefix,
                                              Article& a, std::vector<std::string>& warnings) {
  const std::string_view body_field = first_present(object, kBodyFields);
  if (body_field.empty()) {
    return std::unexpected("no body (expected a \"body\", \"content\" or \"text\" field)");
  }
  auto key = record_key(object, key_prefix, a.line);
  if (!key) {
    return std::unexpected(key.error());
  }
  a.key = std::move(*key);
  const std::string_view date_field = first_present(object, kDateFields);
  std::string title, body, date;
  const std::array<std::pair<std::string_view, std::string*>, 6> fields = {{
      {"title", &title}, {body_field, &body}, {"category", &a.category},
      {"source", &a.source}, {"url", &a.url}, {date_field, &date}}};
  for (const auto& [name, out] : fields) {
    if (auto taken = take_text(object, name, *out); !taken) {
      return taken;
    }
  }
  split_title(normalise_line_ends(title + "\n" + body), a.title, a.body);
  if (a.title.empty()) {
    return std::unexpected("empty article (no title or body text)");
  }
  set_date(a, date_field, date, warnings);
  const std::array<std::string_view, 7> used = {"id",  "title", body_field, "category",
                                                "source", "url", date_field};
  a.extra = extra_fields(object, used);
  return {};
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

bool calendar_date(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         day <= (month == 2 && !leap ? 28 : kDays[static_cast<std::size_t>(month - 1)]);
}

// Splits "a/b/c" into its three parts; false when there are not exactly three.
bool split_slashes(std::string_view s, std::array<std::string_view, 3>& parts) {
  const auto first = s.find('/');
  const auto second = s.find('/', first == std::string_view::npos ? s.size() : first + 1);
  if (second == std::string_view::npos || s.find('/', second + 1) != std::string_view::npos) {
    return false;
  }
  parts = {s.substr(0, first), s.substr(first + 1, second - first - 1), s.substr(second + 1)};
  return true;
}

}  // namespace

std::optional<std::string> normalise_date(std::string_view text) {
  text = trim_spaces(text);
  const std::string_view date = text.substr(0, text.find_first_of("T "));
  std::array<std::string_view, 3> ymd;  // Year, month, day.
  std::array<std::string_view, 3> dmy;  // Day, month, year.
  if (date.size() == 10 && date[4] == '-' && date[7] == '-') {
    ymd = {date.substr(0, 4), date.substr(5, 2), date.substr(8, 2)};
  } else if (split_slashes(date, dmy) && dmy[0].size() <= 2 && dmy[1].size() <= 2 &&
             dmy[2].size() == 4) {
    ymd = {dmy[2], dmy[1], dmy[0]};
  } else {
    return std::nullopt;
  }
  if (!std::all_of(ymd.begin(), ymd.end(), all_digits)) {
    return std::nullopt;
  }
  const int year = to_int(ymd[0]), month = to_int(ymd[1]), day = to_int(ymd[2]);
  if (!calendar_date(year, month, day)) {
    return std::nullopt;
  }
  char out[32];  // 11 needed; more so that the compiler sees no possible truncation.
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return std::string(out);
}

std::expected<JsonlRecord, std::string> parse_jsonl_record(std::string line,
                                                           std::string_view path,
                                                           std::string_view key_prefix,
                                                           std::int64_t line_number) {
  JsonlRecord record;
  Article& a = record.article;
  a.hash = content_hash(line);
  a.bytes = static_cast<std::int64_t>(line.size());
  a.path = path;
  a.line = line_number;
  repair_utf8(line);  // Invalid UTF-8 becomes U+FFFD, as in text files, rather than failing.
  auto object = parse_object(line);
  if (!object) {
    return std::unexpected(object.error());
  }
  if (auto filled = fill_article(*object, key_prefix, a, record.warnings); !filled) {
    return std::unexpected(filled.error());
  }
  return record;
}

}  // namespace vn
