// The stored article text: what is compressed reads back byte for byte, with or without the
// index's dictionary, and a damaged frame is an error the reader can catch rather than garbage.
#include <doctest/doctest.h>

#include <cstdint>

#include "common/compressed_text.h"

namespace {

// Articles of one news style: the same phrases in a different order, as a dictionary expects.
std::vector<std::string> news_like_articles(int count) {
  const char* phrases[] = {"Thủ_tướng Chính_phủ chủ_trì cuộc họp",  "giá lúa tăng mạnh",
                           "ở đồng_bằng sông Cửu_Long",               "theo báo_cáo của Bộ Tài_chính",
                           "Uỷ_ban nhân_dân thành_phố Hà_Nội",        "trong quý III năm 2006",
                           "người dân vui_mừng đón Tết",              "các doanh_nghiệp xuất_khẩu gạo",
                           "Sở Giáo_dục và Đào_tạo cho biết",         "đội_tuyển bóng_đá Việt_Nam"};
  std::vector<std::string> articles;
  std::uint32_t state = 12345;
  for (int a = 0; a < count; ++a) {
    std::string text;
    for (int s = 0; s < 60; ++s) {
      state = state * 1664525U + 1013904223U;
      text += phrases[(state >> 16) % 10];
      text += s % 4 == 3 ? " .\n" : " , ";
      text += std::to_string(state % 1000) + " ";
    }
    articles.push_back(std::move(text));
  }
  return articles;
}

}  // namespace

TEST_CASE("Compressed text reads back exactly and is smaller") {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "Thủ_tướng Nguyễn_Xuân_Phúc chủ_trì cuộc họp Thường_trực Chính_phủ số " +
            std::to_string(i) + " .\n";
  }
  const vn::TextCodec codec;
  const std::string frame = codec.compress(text);
  CHECK(frame.size() < text.size() / 2);
  CHECK(codec.decompress(frame) == text);
  CHECK(codec.decompress(codec.compress("")).empty());
}

TEST_CASE("A dictionary trained on earlier articles shrinks later ones and reads old frames") {
  const std::vector<std::string> articles = news_like_articles(1200);
  const std::string dictionary =
      vn::train_text_dictionary({articles.begin(), articles.begin() + 1000});
  REQUIRE_FALSE(dictionary.empty());
  const vn::TextCodec plain;
  const vn::TextCodec with(dictionary);
  CHECK(with.dictionary_id() != 0);
  std::size_t plain_bytes = 0;
  std::size_t dictionary_bytes = 0;
  for (std::size_t i = 1000; i < articles.size(); ++i) {
    const std::string frame = with.compress(articles[i]);
    CHECK(with.decompress(frame) == articles[i]);
    dictionary_bytes += frame.size();
    plain_bytes += plain.compress(articles[i]).size();
  }
  CHECK(dictionary_bytes < plain_bytes * 3 / 4);
  // Texts stored before the index had a dictionary still read; a plain reader cannot read
  // frames that need one, and says so.
  CHECK(with.decompress(plain.compress(articles[0])) == articles[0]);
  CHECK_THROWS_AS(plain.decompress(with.compress(articles[0])), vn::CompressedTextError);
}

TEST_CASE("Too little text trains no dictionary and a damaged one is refused") {
  CHECK(vn::train_text_dictionary({"Giá lúa tăng .", "Giá muối giảm ."}).empty());
  CHECK_THROWS_AS(vn::TextCodec("not a dictionary"), vn::CompressedTextError);
}

TEST_CASE("A damaged frame is reported") {
  const vn::TextCodec codec;
  std::string frame = codec.compress("Giá lúa tăng mạnh ở đồng_bằng sông Cửu_Long .");
  CHECK_THROWS_AS(codec.decompress("plain text, never compressed"), vn::CompressedTextError);
  frame.resize(frame.size() - 3);
  CHECK_THROWS_AS(codec.decompress(frame), vn::CompressedTextError);
}

TEST_CASE("A frame whose header claims a huge size is reported without allocating it") {
  // zstd magic, a single-segment frame with an 8-byte content size of 1 TiB, then junk.
  std::string frame = "\x28\xB5\x2F\xFD\xE0";
  const unsigned long long claimed = 1ULL << 40;
  for (int i = 0; i < 8; ++i) {
    frame += static_cast<char>((claimed >> (8 * i)) & 0xff);
  }
  frame += "junk";
  CHECK_THROWS_AS(vn::TextCodec().decompress(frame), vn::CompressedTextError);
}
