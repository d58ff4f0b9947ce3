// Fuzzes the .txt reader on arbitrary file contents (UTF-8 with or without a BOM, UTF-16 with a
// BOM, any line ends, one-line articles through the headline rule) and builds the article's
// document, as vnindex would. A file is either refused with a reason or read into a title and
// body that are valid UTF-8 with LF line ends.
#include <cstddef>
#include <cstdint>
#include <string>

#include "indexer/document_builder.h"
#include "indexer/text_file.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto article = vn::text_article_from_bytes(std::move(bytes), "fuzz.txt", "fuzz", "fuzz.txt");
  if (!article) {
    FUZZ_CHECK(!article.error().empty() && article.error().find('\n') == std::string::npos);
    return 0;
  }
  for (const std::string* text : {&article->title, &article->body}) {
    FUZZ_CHECK(vn::fuzz::valid_utf8(*text));
    FUZZ_CHECK(text->find('\r') == std::string::npos);
  }
  FUZZ_CHECK(!article->title.empty());
  FUZZ_CHECK(article->title.find('\n') == std::string::npos);
  static vn::DocumentBuilder builder;
  builder.build(*article);
  return 0;
}
