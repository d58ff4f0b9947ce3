// JSON Lines input: records to articles (fields, keys, dates, metadata, errors), and the line
// reader under it (line ends, numbering, over-long lines, decompression), all in memory.
#include "indexer/jsonl_reader.h"

#include <doctest/doctest.h>

#include <vector>

#include "indexer/input_stream.h"

namespace {

std::expected<vn::JsonlRecord, std::string> parse(const std::string& line,
                                                  std::int64_t number = 7) {
  return vn::parse_jsonl_record(line, "dump.jsonl", "dump.jsonl", number);
}

}  // namespace

TEST_CASE("JSON Lines fields map to the article") {
  const auto r = parse(
      R"({"id":"vn-1","title":"  Giá lúa tăng ","body":"Nông_dân vui .\r\nDòng hai .",)"
      R"("category":"kinh-te","source":"VnExpress","date":"2005-11-12","url":"http://x.vn/1"})");
  REQUIRE(r.has_value());
  const vn::Article& a = r->article;
  CHECK(a.key == "vn-1");
  CHECK(a.title == "Giá lúa tăng");
  CHECK(a.body == "Nông_dân vui .\nDòng hai .");
  CHECK(a.category == "kinh-te");
  CHECK(a.source == "VnExpress");
  CHECK(a.date == "2005-11-12");
  CHECK(a.url == "http://x.vn/1");
  CHECK(a.path == "dump.jsonl");
  CHECK(a.line == 7);
  CHECK(a.hash.size() == 16);
  CHECK(a.extra.empty());
  CHECK(r->warnings.empty());
}

TEST_CASE("The key is the id as text or the input and line number") {
  struct Row {
    std::string line;
    std::string key;
  };
  const std::vector<Row> rows = {
      {R"({"id":"abc","body":"x"})", "abc"},
      {R"({"id":" padded ","body":"x"})", "padded"},
      {R"({"id":12345,"body":"x"})", "12345"},
      {R"({"id":null,"body":"x"})", "dump.jsonl:7"},
      {R"({"id":"","body":"x"})", "dump.jsonl:7"},
      {R"({"body":"x"})", "dump.jsonl:7"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    const auto r = parse(row.line);
    REQUIRE(r.has_value());
    CHECK(r->article.key == row.key);
  }
}

TEST_CASE("The body comes from body or content or text and the title may come from the body") {
  struct Row {
    std::string line;
    std::string title;
    std::string body;
    std::string extra;
  };
  const std::vector<Row> rows = {
      {R"({"title":"T","content":"C"})", "T", "C", ""},
      {R"({"title":"T","text":"X"})", "T", "X", ""},
      {R"({"title":"T","body":"B","content":"C"})", "T", "B", R"({"content":"C"})"},
      {R"({"title":"T","body":null,"text":"X"})", "T", "X", ""},
      // An empty title: the body's first non-empty line, as for a text file.
      {R"({"title":"  ","body":"\r\nDòng đầu\r\nThân bài ."})", "Dòng đầu", "Thân bài .", ""},
      // Only a title: the one-line headline rule of text files.
      {R"({"title":"Phe đối_lập Azerbaijan chuẩn_bị cách_mạng màu_sắc Sau khi các quan_sát_viên",)"
       R"("body":""})",
       "Phe đối_lập Azerbaijan chuẩn_bị cách_mạng màu_sắc", "Sau khi các quan_sát_viên", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    const auto r = parse(row.line);
    REQUIRE(r.has_value());
    CHECK(r->article.title == row.title);
    CHECK(r->article.body == row.body);
    CHECK(r->article.extra == row.extra);
  }
}

TEST_CASE("Dates in each accepted format become YYYY-MM-DD") {
  struct Row {
    const char* text;
    const char* date;
  };
  const std::vector<Row> rows = {
      {"2005-11-12", "2005-11-12"},
      {"2005-11-12T08:00:00Z", "2005-11-12"},
      {"2005-11-12T23:30:00+07:00", "2005-11-12"},
      {"2005-11-12 08:00", "2005-11-12"},
      {"12/11/2005", "2005-11-12"},
      {"1/2/2006", "2006-02-01"},
      {" 29/02/2004 ", "2004-02-29"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(vn::normalise_date(row.text) == std::optional<std::string>(row.date));
  }
  const auto published = parse(R"({"body":"x","published":"12/11/2005"})");
  REQUIRE(published.has_value());
  CHECK(published->article.date == "2005-11-12");
}

TEST_CASE("A bad date is dropped with a warning and the article kept") {
  const std::vector<std::string> bad = {"hôm qua", "2005-13-01", "31/04/2005", "29/02/2005",
                                        "2005/11/12", "12-11-2005", "20051112", "2005-1-2",
                                        "1/2/05"};
  for (const std::string& text : bad) {
    CAPTURE(text);
    CHECK_FALSE(vn::normalise_date(text).has_value());
    const auto r = parse(R"({"body":"x","date":")" + text + R"("})");
    REQUIRE(r.has_value());
    CHECK(r->article.date.empty());
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].find("date") != std::string::npos);
    CHECK(r->article.extra.empty());
  }
  const auto number = parse(R"({"body":"x","date":1131753600})");
  REQUIRE(number.has_value());
  CHECK(number->warnings.size() == 1);
}

TEST_CASE("Unknown fields are kept as a JSON object without nulls") {
  const auto r = parse(
      R"({"id":"a","title":"T","body":"B","category":null,"split":"train",)"
      R"("orig_path":"data/x.txt.seg","tags":["a","b"],"n":3,"gone":null})");
  REQUIRE(r.has_value());
  CHECK(r->article.extra == R"({"n":3,"orig_path":"data/x.txt.seg","split":"train","tags":["a","b"]})");
  CHECK(r->article.category.empty());
}

TEST_CASE("Bad records are refused with a reason") {
  struct Row {
    std::string line;
    std::string reason;  // A part of the reason.
  };
  const std::vector<Row> rows = {
      {R"({"id":"a","body":"x")", "malformed JSON at byte"},
      {R"({"id":"a" "body":"x"})", "malformed JSON"},
      {"not json", "malformed JSON"},
      {R"({"body":"x"} trailing)", "malformed JSON"},
      {R"(["a","b"])", "not a JSON object (array)"},
      {"42", "not a JSON object (number)"},
      {R"({"id":"a","title":"T"})", "no body"},
      {R"({"id":"a","body":null})", "no body"},
      {R"({"id":"a","title":" ","body":"\n"})", "empty article"},
      {R"({"id":{"x":1},"body":"x"})", "field \"id\" is object"},
      {R"({"body":["x"]})", "field \"body\" is array"},
      {R"({"body":"x","title":true})", "field \"title\" is boolean"},
      {R"({"body":"x","id":")" + std::string(300, 'k') + R"("})", "key too long"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    const auto r = parse(row.line);
    REQUIRE_FALSE(r.has_value());
    CAPTURE(r.error());
    CHECK(r.error().find(row.reason) != std::string::npos);
  }
}

TEST_CASE("Invalid UTF-8 in a record becomes U+FFFD rather than refusing it") {
  const auto r = parse("{\"body\":\"a\xFF b\"}");
  REQUIRE(r.has_value());
  CHECK(r->article.title == "a\xEF\xBF\xBD b");
}

TEST_CASE("The line reader numbers lines and strips their line ends") {
  struct Row {
    std::string bytes;
    std::vector<std::string> lines;
  };
  const std::vector<Row> rows = {
      {"a\nb\n", {"a", "b"}},
      {"a\r\nb", {"a", "b"}},
      {"a\n\nc\n", {"a", "", "c"}},
      {"", {}},
      {"\n", {""}},
      {"x\r\ny\r", {"x", "y"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.bytes);
    auto stream = vn::ByteStream::open_memory(row.bytes);
    REQUIRE(stream.has_value());
    vn::LineReader reader(std::move(*stream));
    std::vector<std::string> lines;
    std::string line;
    while (reader.next(line) == vn::LineReader::Status::kLine) {
      lines.push_back(line);
      CHECK(reader.line_number() == static_cast<std::int64_t>(lines.size()));
    }
    CHECK(lines == row.lines);
    CHECK(reader.error().empty());
  }
}

TEST_CASE("An over-long line is reported by number and skipped") {
  const std::string bytes = "short\n" + std::string(100, 'x') + "\nafter\n";
  auto stream = vn::ByteStream::open_memory(bytes);
  REQUIRE(stream.has_value());
  vn::LineReader reader(std::move(*stream), 50);
  std::string line;
  using Status = vn::LineReader::Status;
  CHECK(reader.next(line) == Status::kLine);
  CHECK(reader.next(line) == Status::kTooLong);
  CHECK(reader.line_number() == 2);
  CHECK(line.empty());
  REQUIRE(reader.next(line) == Status::kLine);
  CHECK(line == "after");
  CHECK(reader.line_number() == 3);
  CHECK(reader.next(line) == Status::kEnd);
}

TEST_CASE("Compressed bytes are decompressed on the fly and corrupt ones reported") {
  // printf '{"id":"a"}\r\n{"id":"b"}\n' | gzip -n -9
  const std::string gz(
      "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xab\x56\xca\x4c\x51\xb2"
      "\x52\x4a\x54\xaa\xe5\xe5\xaa\x86\xb0\x93\x94\x6a\xb9\x00\x47\xe8"
      "\x07\x36\x17\x00\x00\x00",
      38);
  struct Row {
    std::string bytes;
    std::vector<std::string> lines;
    bool error;
  };
  const std::vector<Row> rows = {
      {gz, {R"({"id":"a"})", R"({"id":"b"})"}, false},
      {gz.substr(0, 20), {}, true},  // Truncated.
  };
  for (const Row& row : rows) {
    CAPTURE(row.bytes.size());
    // A corrupt start may already fail on opening; later corruption fails the line read.
    auto stream = vn::ByteStream::open_memory(row.bytes);
    std::string error = stream ? std::string() : stream.error();
    std::vector<std::string> lines;
    if (stream) {
      vn::LineReader reader(std::move(*stream));
      std::string line;
      while (reader.next(line) == vn::LineReader::Status::kLine) {
        lines.push_back(line);
      }
      error = reader.error();
    }
    CHECK(lines == row.lines);
    CAPTURE(error);
    CHECK((error.find("corrupt or truncated input") != std::string::npos) == row.error);
  }
}
