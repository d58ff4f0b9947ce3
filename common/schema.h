// The index schema: the contract between vnindex (which writes) and vnsearch (which reads). Every
// Xapian term prefix, value slot and metadata key, the SQLite tables, and the versions that must
// match. Change kAnalyzerVersion whenever the analyser's output for some text changes, and
// kSchemaVersion whenever a table or prefix changes: old indexes are then refused with the rebuild
// command rather than silently searched with mismatched terms.
#pragma once

#include <string_view>

namespace vn::schema {

inline constexpr int kAnalyzerVersion = 1;
inline constexpr int kSchemaVersion = 2;  // 2: articles.extra

// Files inside an index directory.
inline constexpr std::string_view kXapianDir = "xapian";       // The Xapian database.
inline constexpr std::string_view kSqliteFile = "articles.db";  // Metadata and text for snippets.

// Xapian term prefixes (Omega's conventions: single capitals are standard, project ones start X).
// Text layers; positions are syllable positions, the title first, the body after a gap.
inline constexpr std::string_view kFolded = "";       // Accent-folded syllable, positional: "mat".
inline constexpr std::string_view kExact = "XE";      // Canonical syllable, no positions: "XEmặt".
inline constexpr std::string_view kWord = "XW";       // Canonical compound word: "XWmặt_trận".
inline constexpr std::string_view kFoldedWord = "XV";  // Folded compound word: "XVmat_tran".
inline constexpr std::string_view kTitle = "S";       // Folded title syllable, positional.
inline constexpr std::string_view kNameSyllable = "XC";  // Folded syllable inside a name, positional.
inline constexpr std::string_view kName = "XN";       // A whole name, canonical: "XNhòa_bình".
// Boolean filter terms.
inline constexpr std::string_view kKey = "Q";          // The article key, unique per document.
inline constexpr std::string_view kCategory = "XK";    // Category, as written in the source.
inline constexpr std::string_view kSource = "XS";      // Source (newspaper).
inline constexpr std::string_view kYear = "Y";         // "2005".
inline constexpr std::string_view kMonth = "M";        // "200511".
inline constexpr std::string_view kDay = "D";          // "20051112".

// How much more a title syllable counts than a body syllable (within-document frequency).
inline constexpr unsigned kTitleWdf = 5;
// Position gap between the title and the body, so no phrase spans the two.
inline constexpr unsigned kTitleBodyGap = 100;
// Position gap at each sentence boundary, so phrases do not match across sentences.
inline constexpr unsigned kSentenceGap = 1;

// Xapian value slots.
inline constexpr unsigned kSlotDate = 0;       // "YYYYMMDD", sortable; empty when unknown.
inline constexpr unsigned kSlotDuplicate = 1;  // Near-duplicate key: equal for the same story.

// Xapian metadata keys.
inline constexpr std::string_view kMetaAnalyzerVersion = "vnsearch.analyzer_version";
inline constexpr std::string_view kMetaSchemaVersion = "vnsearch.schema_version";

// SQLite schema. `articles.docid` joins a row to its Xapian document.
inline constexpr std::string_view kSqliteSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
  key        TEXT PRIMARY KEY,
  docid      INTEGER NOT NULL UNIQUE,
  title      TEXT NOT NULL,
  category   TEXT,
  source     TEXT,
  url        TEXT,
  date       TEXT,
  path       TEXT NOT NULL,
  line       INTEGER,
  bytes      INTEGER NOT NULL,
  hash       TEXT NOT NULL,
  indexed_at INTEGER NOT NULL,
  extra      TEXT,           -- JSON object of a JSON Lines record's other fields, or NULL
  body       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_names (
  key     TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
  name    TEXT NOT NULL,
  display TEXT NOT NULL,
  PRIMARY KEY (key, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_names_by_name ON article_names(name);
CREATE VIEW IF NOT EXISTS names AS
  SELECT name, min(display) AS display, count(*) AS docs FROM article_names GROUP BY name;
)sql";

}  // namespace vn::schema
