// The stored article text: what is compressed reads back byte for byte, and a damaged frame is an
// error the reader can catch rather than garbage.
#include <doctest/doctest.h>

#include "common/compressed_text.h"

TEST_CASE("Compressed text reads back exactly and is smaller") {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "Thủ_tướng Nguyễn_Xuân_Phúc chủ_trì cuộc họp Thường_trực Chính_phủ số " +
            std::to_string(i) + " .\n";
  }
  const std::string frame = vn::compress_text(text);
  CHECK(frame.size() < text.size() / 2);
  CHECK(vn::decompress_text(frame) == text);
  CHECK(vn::decompress_text(vn::compress_text("")).empty());
}

TEST_CASE("A damaged frame is reported") {
  std::string frame = vn::compress_text("Giá lúa tăng mạnh ở đồng_bằng sông Cửu_Long .");
  CHECK_THROWS_AS(vn::decompress_text("plain text, never compressed"), vn::CompressedTextError);
  frame.resize(frame.size() - 3);
  CHECK_THROWS_AS(vn::decompress_text(frame), vn::CompressedTextError);
}

TEST_CASE("A frame whose header claims a huge size is reported without allocating it") {
  // zstd magic, a single-segment frame with an 8-byte content size of 1 TiB, then junk.
  std::string frame = "\x28\xB5\x2F\xFD\xE0";
  const unsigned long long claimed = 1ULL << 40;
  for (int i = 0; i < 8; ++i) {
    frame += static_cast<char>((claimed >> (8 * i)) & 0xff);
  }
  frame += "junk";
  CHECK_THROWS_AS(vn::decompress_text(frame), vn::CompressedTextError);
}
