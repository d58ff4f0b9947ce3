#include "common/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_CASE("UTF-8 decoding accepts valid text and replaces each invalid sequence once") {
  struct Row {
    std::string input;
    std::string repaired;
    std::size_t replaced;
  };
  const std::vector<Row> rows = {
      {"plain ascii", "plain ascii", 0},
      {"Việt Nam", "Việt Nam", 0},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},         // 4-byte emoji
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b", 1},               // never-valid byte
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},         // overlong '/'
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},  // UTF-16 surrogate
      {"\xE1\xBA", "\xEF\xBF\xBD", 1},                     // truncated at the end
      {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},  // > U+10FFFF
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    std::string text = row.input;
    CHECK(vn::repair_utf8(text) == row.replaced);
    CHECK(text == row.repaired);
  }
}

TEST_CASE("Keys from file names escape invalid UTF-8 and percent signs byte by byte") {
  CHECK(vn::escape_for_key("Gi\xe1 l\xfa\x61.txt") == "Gi%E1 l%FAa.txt");
  CHECK(vn::escape_for_key("\xff\xfe.txt") == "%FF%FE.txt");
  CHECK(vn::escape_for_key("thời-sự/bão.txt") == "thời-sự/bão.txt");
  CHECK(vn::escape_for_key("a\xe1\xba") == "a%E1%BA");  // A truncated 3-byte sequence.
  // A name spelt like an escape stays apart from the name it would stand for.
  CHECK(vn::escape_for_key("Gi%E1.txt") == "Gi%25E1.txt");
  CHECK(vn::escape_for_key("Gi\xe1.txt") == "Gi%E1.txt");
  CHECK(vn::escape_for_key("").empty());
}

TEST_CASE("Control characters are shown escaped and everything else as it is") {
  CHECK(vn::escape_controls("giá\x1b[31mvàng") == "giá\\u001b[31mvàng");
  CHECK(vn::escape_controls("a\tb\nc\x7f") == "a\\u0009b\\u000ac\\u007f");
  CHECK(vn::escape_controls("x\xc2\x9by") == "x\\u009by");  // C1 control (CSI).
  CHECK(vn::escape_controls("Mặt trận “Bình dân”") == "Mặt trận “Bình dân”");
  CHECK(vn::escape_controls("bad\xff") == "bad\xff");
}
