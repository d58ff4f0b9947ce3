// Query syntax: what the parser understood, and one-line errors with their position.
#include "query/query_parser.h"

#include <doctest/doctest.h>

#include <vector>

TEST_CASE("The parser reports how it understood the query") {
  struct Row {
    const char* query;
    const char* understood;
  };
  const std::vector<Row> rows = {
      {"Mặt_trận Bình_dân", "\"mặt trận\" AND \"bình dân\""},
      {"mat tran", "mat AND tran"},
      {"\"Mặt trận\"", "\"mặt trận\""},
      {"HOÀ -bán", "hòa AND NOT bán"},
      {"a OR (b c)", "a OR (b AND c)"},
      {"HIV/AIDS 50.000", "hiv/aids AND 50.000"},
      {"@\"Hòa Bình\"", "name:\"hòa bình\""},
      {"name:Azerbaijan", "name:\"azerbaijan\""},
      {"title:\"mặt trận\" category:the-gioi", "title:\"mặt trận\" AND category:the-gioi"},
      {"source:vnexpress", "source:vnexpress"},
      {"date:2005-11..2005-12", "date:20051101..20051231"},
      {"date:2005", "date:20050101..20051231"},
      {"date:2005-11-12", "date:20051112..20051112"},
      {"date:..2006", "date:00000000..20061231"},
      {"mat tr*", "mat AND tr*"},
      {"https://vnsearch.example.vn/a", "https://vnsearch.example.vn/a"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.query));
    const auto parsed = vn::parse_query(row.query);
    REQUIRE(parsed.has_value());
    CHECK(parsed->understood == row.understood);
  }
}

TEST_CASE("A malformed query gets one message with the position of the problem") {
  struct Row {
    const char* query;
    const char* message;
    std::size_t column;
  };
  const std::vector<Row> rows = {
      {"", "empty query", 1},
      {"   ", "empty query", 1},
      {"mặt \"trận", "unbalanced quote", 5},
      {"(mặt trận", "unbalanced parenthesis", 1},
      {"mặt trận)", "unexpected ')'", 9},
      {"mặt OR", "nothing after OR", 5},
      {"-mặt", "a query cannot only exclude words", 5},
      {"\"\"", "empty phrase", 1},
      {"...", "no searchable word", 1},
      {"hà foo:bar", "unknown field 'foo:'", 4},
      {"date:2005-13", "bad date '2005-13' (use 2005, 2005-11 or 2005-11-12)", 1},
      {"date:2006..2005", "date range '2006..2005' ends before it starts", 1},
      {"title:", "'title:' needs a value", 1},
      {"@\"Hòa", "unbalanced quote", 2},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.query));
    const auto parsed = vn::parse_query(row.query);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().message == row.message);
    CHECK(parsed.error().column == row.column);
  }
}

TEST_CASE("Hostile queries are refused or parsed within bounds") {
  CHECK_FALSE(vn::parse_query(std::string(5000, 'a')).has_value());
  const std::string deep = std::string(100, '(') + "a" + std::string(100, ')');
  const auto parsed = vn::parse_query(deep);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().message == "parentheses nested too deeply (limit 32)");
}
