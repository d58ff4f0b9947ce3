// vnsearch as a search box uses it, over the sample corpus: suggest, did you mean, one result per
// story, date order, facets and names, and accent-exact phrases.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tests/e2e/harness.h"

namespace {

vn::e2e::RunResult run(std::vector<std::string> args) {
  args.insert(args.begin() + 1, {"--index", vn::e2e::sample_index().string()});
  return vn::e2e::vnsearch(args);
}

std::vector<std::string> result_keys(const nlohmann::json& j) {
  std::vector<std::string> keys;
  for (const auto& r : j["results"]) {
    keys.push_back(r["key"]);
  }
  return keys;
}

}  // namespace

TEST_CASE("suggest completes accentless prefixes to compounds and names") {
  const auto j = vn::e2e::sample_json({"suggest", "mat tr"});
  CHECK(j["prefix"] == "mat tr");
  REQUIRE(!j["suggestions"].empty());
  CHECK(j["suggestions"][0]["text"] == "mặt trận");
  CHECK(j["suggestions"][0]["kind"] == "word");
  CHECK(j["suggestions"][0]["docs"].get<int>() >= 3);

  const auto names = vn::e2e::sample_json({"suggest", "ha n"});
  REQUIRE(!names["suggestions"].empty());
  CHECK(names["suggestions"][0]["text"] == "Hà Nội");
  CHECK(names["suggestions"][0]["kind"] == "name");

  const vn::e2e::RunResult text = run({"suggest", "--limit", "1", "mặt tr"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.starts_with("mặt trận\tword\t"));
  CHECK(run({"suggest", "qqqzz"}).exit_code == 1);

  // Past the last known word, titles complete the text; copies of a story appear once.
  const auto titles = vn::e2e::sample_json({"suggest", "gia vang tr"});
  REQUIRE(titles["suggestions"].size() == 1);
  CHECK(titles["suggestions"][0] == nlohmann::json({{"text", "Giá vàng trong nước tăng mạnh"},
                                                    {"kind", "title"},
                                                    {"docs", 1}}));
}

TEST_CASE("did you mean offers the accented query beside the results") {
  const auto j = vn::e2e::sample_json({"search", "gia vang tang"});
  CHECK(j["did_you_mean"] == "giá vàng tăng");
  CHECK(!j["results"].empty());  // The query as typed still runs.
  const vn::e2e::RunResult r = run({"search", "Ha Noi"});
  CHECK(r.out.starts_with("did you mean: Hà Nội\n"));
  CHECK(vn::e2e::sample_json({"search", "giá vàng"})["did_you_mean"].is_null());
  const vn::e2e::RunResult typo = run({"search", "--json", "nguoì lính"});
  CHECK(typo.exit_code == 1);  // Nothing matches the query as typed…
  CHECK(nlohmann::json::parse(typo.out)["did_you_mean"] == "người lính");  // …but this would.
}

TEST_CASE("copies of one story collapse into one result unless --all") {
  const auto collapsed = vn::e2e::sample_json({"search", "giá vàng SJC"});
  REQUIRE(collapsed["results"].size() == 1);
  CHECK(collapsed["results"][0]["duplicates"] == 2);
  const auto all = vn::e2e::sample_json({"search", "--all", "giá vàng SJC"});
  CHECK(all["results"].size() == 3);
  CHECK(all["results"][0]["duplicates"] == 0);
}

TEST_CASE("--sort date puts the newest first") {
  const auto j = vn::e2e::sample_json({"search", "--sort", "date", "--all", "date:2005..2006", "tăng"});
  std::vector<std::string> dates;
  for (const auto& r : j["results"]) {
    dates.push_back(r["date"]);
  }
  REQUIRE(dates.size() >= 3);
  CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
  CHECK(run({"search", "--sort", "size", "tăng"}).exit_code == 2);
}

TEST_CASE("--facets counts the matches by category source month and name") {
  const auto j = vn::e2e::sample_json({"search", "--facets", "--all", "giá vàng SJC"});
  const auto& f = j["facets"];
  CHECK(f["category"][0] == nlohmann::json({{"value", "kinh-te"}, {"docs", 3}}));
  CHECK(f["source"].size() == 3);
  CHECK(f["month"][0] == nlohmann::json({{"value", "2005-11"}, {"docs", 3}}));
  bool hanoi = false;
  for (const auto& n : f["names"]) {
    hanoi = hanoi || n["value"] == "Hà Nội";
  }
  CHECK(hanoi);
}

TEST_CASE("names lists the most frequent names overall or in a query's results") {
  const auto all = vn::e2e::sample_json({"names", "--limit", "3"});
  REQUIRE(all["names"].size() == 3);
  CHECK(all["names"][0]["name"] == "Hà Nội");
  CHECK(all["query"].is_null());
  const auto flood = vn::e2e::sample_json({"names", "mưa lũ sông Hương"});
  bool hue = false;
  for (const auto& n : flood["names"]) {
    hue = hue || n["name"] == "Thừa Thiên Huế";
  }
  CHECK(hue);
  CHECK(run({"names", "\"unclosed"}).exit_code == 2);
}

TEST_CASE("A phrase typed with accents finds only those accents") {
  CHECK(result_keys(vn::e2e::sample_json({"search", "\"bán hàng\""})) ==
        std::vector<std::string>{"bt-2006-04-05-ban-hang"});
  CHECK(result_keys(vn::e2e::sample_json({"search", "\"bạn hàng\""})) ==
        std::vector<std::string>{"bt-2006-01-20-tet"});
  auto either = result_keys(vn::e2e::sample_json({"search", "\"ban hang\""}));
  std::sort(either.begin(), either.end());
  CHECK(either == std::vector<std::string>{"bt-2006-01-20-tet", "bt-2006-04-05-ban-hang"});
}

TEST_CASE("Words grouped from syllables typed with spaces are loosened when nothing matches") {
  // The dump writes "Pháp_Macron" as one word (an over-joined name); the article the user wants
  // has "Pháp" and "Macron" apart.
  const auto dir = vn::e2e::work_dir("loosened");
  vn::e2e::write_file(dir / "dump.jsonl",
                      "{\"id\": \"joined\", \"body\": \"Tổng_thống Pháp_Macron phát_biểu .\"}\n"
                      "{\"id\": \"apart\", \"body\": \"Người dân Pháp biểu_tình , ông "
                      "Macron im_lặng .\"}\n");
  const std::string index = (dir / "index").string();
  REQUIRE(vn::e2e::vnindex({"--index", index, (dir / "dump.jsonl").string()}).exit_code == 0);
  const vn::e2e::RunResult r =
      vn::e2e::vnsearch({"search", "--index", index, "--json", "pháp macron biểu tình"});
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["loosened"] == true);
  CHECK(j["understood"] == "pháp AND macron AND biểu AND tình");
  CHECK(result_keys(j) == std::vector<std::string>{"apart"});
  // Where the words do stand together, nothing is loosened.
  const auto joined = nlohmann::json::parse(
      vn::e2e::vnsearch({"search", "--index", index, "--json", "pháp macron"}).out);
  CHECK(joined["loosened"] == false);
  CHECK(result_keys(joined) == std::vector<std::string>{"joined"});
}
