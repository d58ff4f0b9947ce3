// Hostile queries through the real vnsearch: refused with one line naming the limit and where it
// was reached (exit 2), or answered with well-formed output; never a crash. The parser's side is
// in tests/unit/hostile_query_test.cc.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/harness.h"

namespace {

vn::e2e::RunResult search(const std::vector<std::string>& query, bool json = false) {
  std::vector<std::string> args = {"search", "--index", vn::e2e::sample_index().string()};
  if (json) {
    args.push_back("--json");
  }
  args.insert(args.end(), query.begin(), query.end());
  return vn::e2e::vnsearch(args);
}

}  // namespace

TEST_CASE("vnsearch refuses a 100 KB query and deep nesting with the limit and the position") {
  std::string huge;
  while (huge.size() < 100 * 1024) {
    huge += "mat tran ";
  }
  vn::e2e::RunResult r = search({huge});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "vnsearch: bad query at character 4097: query too long (" +
                     std::to_string(huge.size()) + " bytes; limit 4096)\n");
  CHECK(r.out.empty());

  r = search({std::string(40, '(') + "mat" + std::string(40, ')')});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "vnsearch: bad query at character 33: parentheses nested too deeply (limit 32)\n");
}

TEST_CASE("vnsearch answers thousands of words given as separate arguments") {
  const std::vector<std::string> words(2000, "a");
  const vn::e2e::RunResult r = search(words);
  CHECK((r.exit_code == 0 || r.exit_code == 1));
  CHECK(r.err.empty());
}

TEST_CASE("vnsearch answers control characters and invalid UTF-8 with valid JSON") {
  for (const std::string q : {"mat\x01tr\x1B[2J\x7F"
                              "an",
                              "m\xED\xA0\x80"
                              "at \xFF\xC0\xAF tran",
                              "tang -category:\xED\xA0\x80"}) {
    CAPTURE(q);
    const vn::e2e::RunResult r = search({q}, true);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    CHECK(r.err.empty());
    CHECK(r.out.find('\n') == r.out.size() - 1);
    CHECK(r.out.find('\x1B') == std::string::npos);
    CHECK(nlohmann::json::accept(r.out));
  }
}
