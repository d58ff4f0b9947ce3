#include "indexer/document_builder.h"

#include <algorithm>

#include "common/accent_signature.h"
#include "common/analyzer.h"
#include "common/schema.h"
#include "common/terms.h"

namespace vn {
namespace {

void add_posting(Xapian::Document& doc, std::string_view prefix, std::string_view key,
                 Xapian::termpos pos, Xapian::termcount wdf) {
  std::string t = term(prefix, key);
  if (indexable(t)) {
    doc.add_posting(t, pos, wdf);
  }
}

void add_term(Xapian::Document& doc, const std::string& t, Xapian::termcount wdf) {
  if (indexable(t)) {
    doc.add_term(t, wdf);
  }
}

void add_boolean(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
  if (!value.empty()) {
    std::string t = term(prefix, value);
    if (indexable(t)) {
      doc.add_boolean_term(t);
    }
  }
}

// A key for the story rather than the bytes: the folded syllables of the body, so the same wire
// text with another tone placement or Unicode form collapses with it.
std::string duplicate_key(const Analysis& body) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a: the key only needs to be stable.
  for (const Syllable& s : body.syllables) {
    for (char c : s.folded) {
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    h = (h ^ ' ') * 1099511628211ULL;
  }
  return std::string(reinterpret_cast<const char*>(&h), sizeof h);
}

}  // namespace

BuiltDocument DocumentBuilder::build(const Article& article) {
  BuiltDocument out;
  Xapian::Document& doc = out.document;
  analyze(article.title, title_);
  analyze(article.body, body_);
  accents_.clear();
  Xapian::termpos pos = add_text(doc, title_, 1, /*title=*/true);
  add_text(doc, body_, pos + schema::kTitleBodyGap, /*title=*/false);
  add_names(title_, out.names);
  add_names(body_, out.names);
  for (const FoundName& n : out.names) {
    add_term(doc, exact_term(schema::kName, n.folded, n.key), 1);
  }
  add_boolean(doc, schema::kKey, article.key);
  add_boolean(doc, schema::kCategory, article.category);
  add_boolean(doc, schema::kSource, article.source);
  if (article.date.size() >= 10) {
    const std::string ymd =
        article.date.substr(0, 4) + article.date.substr(5, 2) + article.date.substr(8, 2);
    add_boolean(doc, schema::kYear, ymd.substr(0, 4));
    add_boolean(doc, schema::kMonth, ymd.substr(0, 6));
    add_boolean(doc, schema::kDay, ymd);
    doc.add_value(schema::kSlotDate, ymd);
  }
  doc.add_value(schema::kSlotDuplicate, duplicate_key(body_));
  doc.add_value(schema::kSlotAccents, accents_.bytes());
  doc.set_data(article.key);
  out.invalid_utf8 = title_.invalid_utf8 + body_.invalid_utf8;
  return out;
}

Xapian::termpos DocumentBuilder::add_text(Xapian::Document& doc, const Analysis& analysis,
                                          Xapian::termpos pos, bool title) {
  const Xapian::termcount wdf = title ? schema::kTitleWdf : 1;
  bool first = true;
  for (const Token& t : analysis.tokens) {
    if (t.sentence_start && !first) {
      pos += schema::kSentenceGap;
    } else if (t.follows_punctuation && !first) {
      pos += schema::kPunctuationGap;
    }
    first = false;
    const auto syllables = analysis.syllables_of(t);
    if (t.kind != TokenKind::kWord) {
      // Symbols, numbers, URLs: the whole token is searchable as typed, at its first position.
      add_posting(doc, schema::kFolded, t.folded, pos, wdf);
      add_term(doc, exact_term(schema::kExact, t.folded, t.key), wdf);
      if (syllables.size() <= 1) {
        accents_.set(pos, t.key);  // A symbol of several parts gets a code per part, below.
      }
    } else if (syllables.size() > 1) {
      add_term(doc, exact_term(schema::kWord, t.folded, t.key), wdf);
    }
    for (const Syllable& s : syllables) {
      if (t.kind == TokenKind::kWord || syllables.size() > 1) {
        add_posting(doc, schema::kFolded, s.folded, pos, wdf);
        add_term(doc, exact_term(schema::kExact, s.folded, s.key), wdf);
        accents_.set(pos, s.key);
      }
      if (title) {
        add_posting(doc, schema::kTitle, s.folded, pos, 1);
      }
      if (t.in_name) {
        add_posting(doc, schema::kNameSyllable, s.folded, pos, 1);
      }
      ++pos;
    }
  }
  return pos;
}

void DocumentBuilder::add_names(const Analysis& analysis, std::vector<FoundName>& names) {
  for (const Name& name : analysis.names) {
    FoundName found;
    for (std::uint32_t i = name.first_token; i < name.first_token + name.token_count; ++i) {
      if (!found.key.empty()) {
        found.key += '_';
        found.folded += '_';
      }
      found.key += analysis.tokens[i].key;
      found.folded += analysis.tokens[i].folded;
    }
    const bool seen = std::any_of(names.begin(), names.end(),
                                  [&](const FoundName& n) { return n.key == found.key; });
    if (!seen) {
      found.display = display_form(analysis, name.first_token, name.token_count);
      names.push_back(std::move(found));
    }
  }
}

}  // namespace vn
