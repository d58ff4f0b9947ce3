// Reading article files: encodings, line ends and the title/body split.
#include "indexer/text_file.h"

#include <doctest/doctest.h>

#include <vector>

#include "indexer/headline.h"

TEST_CASE("Article bytes decode to UTF-8 with LF line ends") {
  struct Row {
    std::string bytes;
    std::string text;
  };
  const std::vector<Row> rows = {
      {"Tin\r\nBody\r\n", "Tin\nBody\n"},
      {"\xEF\xBB\xBFTin\nBody", "Tin\nBody"},
      {"a\rb", "a\nb"},
      // UTF-16LE with BOM: "Hà\r\n"
      {std::string("\xFF\xFEH\0\xE0\0\r\0\n\0", 10), "H\xC3\xA0\n"},
      // UTF-16BE with BOM: "Hà"
      {std::string("\xFE\xFF\0H\0\xE0", 6), "H\xC3\xA0"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.bytes);
    const auto text = vn::decode_text_bytes(row.bytes);
    REQUIRE(text.has_value());
    CHECK(*text == row.text);
  }
  CHECK_FALSE(vn::decode_text_bytes(std::string("ELF\0\0\x01", 6)).has_value());
}

TEST_CASE("The title is the first non-empty line or the headline of a one-line article") {
  struct Row {
    const char* text;
    const char* title;
    const char* body;
  };
  const std::vector<Row> rows = {
      {"\n\nTiêu_đề bài\n\nThân bài .\nDòng hai .", "Tiêu_đề bài", "Thân bài .\nDòng hai ."},
      {"Phe đối_lập Azerbaijan chuẩn_bị cách_mạng màu_sắc Sau khi các quan_sát_viên quốc_tế",
       "Phe đối_lập Azerbaijan chuẩn_bị cách_mạng màu_sắc", "Sau khi các quan_sát_viên quốc_tế"},
      {"Mưa lớn ở Hà_Nội gây ngập nặng . Nhiều tuyến phố", "Mưa lớn ở Hà_Nội gây ngập nặng .",
       "Nhiều tuyến phố"},
      {"chỉ một dòng không có chữ hoa", "chỉ một dòng không có chữ hoa", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    std::string title;
    std::string body;
    vn::split_title(row.text, title, body);
    CHECK(title == row.title);
    CHECK(body == row.body);
  }
}
