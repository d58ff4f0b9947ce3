// Inputs the fuzzers (tests/fuzz, scripts/fuzz) found to crash or break a documented property,
// each kept as it was found, with what the code must do instead.
#include <doctest/doctest.h>

#include <string>

#include "indexer/jsonl_reader.h"

TEST_CASE("Fuzz jsonl_reader: a number past the range of double is refused not thrown") {
  // Found as the whole line "356e666": nlohmann's parser threw out_of_range, which no caller
  // caught, and vnindex terminated.
  for (const std::string line :
       {"356e666", R"({"id": 1e999, "body": "x"})", R"({"body": "x", "n": -4e4000})"}) {
    CAPTURE(line);
    const auto r = vn::parse_jsonl_record(line, "dump.jsonl", "dump.jsonl", 1);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == "malformed JSON: number out of range");
  }
}

TEST_CASE("Fuzz jsonl_reader: a value quoted in a warning keeps the warning on one line") {
  // Found as a record whose "date" held an escaped CR LF: the warning quoted it raw, so vnindex's
  // one-line report spanned two lines (and an ESC would have reached the terminal).
  const auto r = vn::parse_jsonl_record(R"({"body": "x", "date": "6156-1[q .\r\nDòn .\u001b[2J"})",
                                        "dump.jsonl", "dump.jsonl", 1);
  REQUIRE(r.has_value());
  REQUIRE(r->warnings.size() == 1);
  CHECK(
      r->warnings[0] ==
      "date not understood, article kept without it: \"date\" is "
      "\"6156-1[q .\\u000d\\u000aDòn .\\u001b[2J\" (expected YYYY-MM-DD, ISO-8601 or dd/mm/yyyy)");
}
