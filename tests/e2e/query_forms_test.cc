// Every form of the query language through the real vnsearch over the sample corpus, and every
// kind of malformed query: one line naming the problem and its position, exit status 2.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/e2e/harness.h"

namespace {

vn::e2e::RunResult search(const std::string& query) {
  return vn::e2e::vnsearch({"search", "--index", vn::e2e::sample_index().string(), "--all",
                            "--limit", "20", query});
}

std::vector<std::string> keys(const std::string& query) {
  const vn::e2e::RunResult r = search(query);
  CAPTURE(query);
  CAPTURE(r.err);
  REQUIRE(r.exit_code <= 1);
  return vn::e2e::result_keys(r.out);
}

bool has(const std::vector<std::string>& v, const std::string& key) {
  return std::find(v.begin(), v.end(), key) != v.end();
}

const std::string kStorm = "the-gioi/bao-manh-do-bo-philippines.txt";
const std::string kChile = "the-gioi/chile-nu-tong-thong-dau-tien.txt";
const std::string kSeed = "the-gioi/000_2b2a32c126b73035.txt";

}  // namespace

TEST_CASE("OR parentheses and exclusion combine as written") {
  const auto either = keys("Philippines OR Chile");
  CHECK(has(either, kStorm));
  CHECK(has(either, kChile));
  CHECK(keys("(Philippines OR Chile) bão") == std::vector<std::string>{kStorm});
  CHECK(keys("Azerbaijan AND Mustafayev") == std::vector<std::string>{kSeed});
  CHECK(keys("Azerbaijan -Mustafayev").empty());
  CHECK(search("Azerbaijan -Mustafayev").exit_code == 1);
}

TEST_CASE("source and date filters select by stored metadata") {
  const auto b = keys("source:bao-b");
  CHECK(b.size() == 3);
  for (const std::string& key : b) {
    CHECK(key.starts_with("bt-"));
  }
  CHECK(keys("date:2006-01 hoa") == std::vector<std::string>{"bt-2006-01-20-tet"});
  CHECK(keys("date:2005-11-03") == std::vector<std::string>{"bt-2005-11-02-gia-vang-c"});
  CHECK(keys("date:..2005-12 giá").size() == 3);
}

TEST_CASE("Each malformed query gets one line with its position and exit status 2") {
  struct Case {
    const char* query;
    const char* message;
  };
  const Case cases[] = {
      {"(mặt trận", "bad query at character 1: unbalanced parenthesis"},
      {"mặt trận)", "bad query at character 9: unexpected ')'"},
      {"mặt \"trận", "bad query at character 5: unbalanced quote"},
      {"a OR", "bad query at character 3: nothing after OR"},
      {"OR a", "bad query at character 1: expected a word"},
      {"foo:bar", "bad query at character 1: unknown field 'foo:'"},
      {"", "bad query at character 1: empty query"},
      {"date:2005-13", "bad query at character 1: bad date '2005-13' (use 2005, 2005-11 or "
                       "2005-11-12)"},
      {"x -mặt -trận", ""},  // Not malformed: one word and two exclusions.
      {"\"\"", "bad query at character 1: empty phrase"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const vn::e2e::RunResult r = search(c.query);
    if (*c.message == '\0') {
      CHECK(r.exit_code <= 1);
      continue;
    }
    CHECK(r.exit_code == 2);
    CHECK(r.err == std::string("vnsearch: ") + c.message + "\n");
  }
  // Only exclusions: typed after `--`, since a leading dash is an option to the command line.
  const vn::e2e::RunResult only_not = vn::e2e::vnsearch(
      {"search", "--index", vn::e2e::sample_index().string(), "--", "-mặt"});
  CHECK(only_not.exit_code == 2);
  CHECK(only_not.err ==
        "vnsearch: bad query at character 5: a query cannot only exclude words\n");
}
