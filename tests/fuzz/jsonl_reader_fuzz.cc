// Fuzzes one JSON Lines record through vn::parse_jsonl_record (any bytes: malformed JSON, wrong
// field types, odd dates and ids) and normalise_date on the same bytes. A line is either refused
// with a one-line reason or read into an article with a key, a title and a normalised date; no
// message (reason or warning) carries a control character from the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "indexer/jsonl_reader.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

bool one_line(const std::string& message) {
  for (const char c : message) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return false;
    }
  }
  return !message.empty();
}

bool iso_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') {
    return false;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  if (const auto date = vn::normalise_date(line)) {
    FUZZ_CHECK(iso_date(*date));
  }
  auto record = vn::parse_jsonl_record(std::move(line), "fuzz.jsonl", "fuzz", 7);
  if (!record) {
    FUZZ_CHECK(one_line(record.error()));
    return 0;
  }
  const vn::Article& a = record->article;
  FUZZ_CHECK(!a.key.empty());
  FUZZ_CHECK(!a.title.empty() || !a.body.empty());
  FUZZ_CHECK(a.date.empty() || iso_date(a.date));
  FUZZ_CHECK(a.body.find('\r') == std::string::npos && a.title.find('\r') == std::string::npos);
  for (const std::string& w : record->warnings) {
    FUZZ_CHECK(one_line(w));
  }
  return 0;
}
