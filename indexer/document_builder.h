// Turns an Article into the Xapian document the index stores: the analyser's terms in every layer
// of schema.h, the boolean filters and the values. One builder per thread: it reuses its buffers.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/accent_signature.h"
#include "common/token.h"
#include "indexer/article.h"

namespace vn {

// A name found in an article, for the names table.
struct FoundName {
  std::string key;      // Canonical, lower case, syllables joined by '_': "hòa_bình".
  std::string folded;   // The key without diacritics: "hoa_binh".
  std::string display;  // "Hòa Bình".
};

struct BuiltDocument {
  Xapian::Document document;
  std::vector<FoundName> names;  // Distinct names, in order of first appearance.
  std::size_t invalid_utf8 = 0;  // Invalid sequences replaced while analysing.
};

class DocumentBuilder {
 public:
  BuiltDocument build(const Article& article);

 private:
  // Adds the terms of `analysis` starting at position `pos`; returns the next free position.
  Xapian::termpos add_text(Xapian::Document& doc, const Analysis& analysis, Xapian::termpos pos,
                           bool title);
  void add_names(const Analysis& analysis, std::vector<FoundName>& names);

  Analysis title_;
  AccentSignature accents_;
  Analysis body_;
};

}  // namespace vn
