// The index schema: the contract between vnindex (which writes) and vnsearch (which reads). Every
// Xapian term prefix, value slot and metadata key, the SQLite tables, and the versions that must
// match. Change kAnalyzerVersion whenever the analyser's output for some text changes, and
// kSchemaVersion whenever a table or prefix changes: old indexes are then refused with the rebuild
// command rather than silently searched with mismatched terms.
#pragma once

#include <string_view>

namespace vn::schema {

inline constexpr int kAnalyzerVersion = 1;
inline constexpr int kSchemaVersion = 6;  // 2: extra; 3: accent slot; 4: shards, zstd body;
                                          // 5: punctuation gaps; 6: names table, no XV layer,
                                          // one-byte accent codes, text dictionary

// Files inside an index directory.
inline constexpr std::string_view kXapianDir = "xapian";  // Xapian shards and their stub.
inline constexpr std::string_view kSqliteFile = "articles.db";  // Metadata and text for snippets.

// Xapian term prefixes (Omega's conventions: single capitals are standard, project ones start X).
// Text layers; positions are syllable positions, the title first, the body after a gap.
inline constexpr std::string_view kFolded = "";       // Accent-folded syllable, positional: "mat".
// The exact layers are keyed folded first (common/terms.h exact_term): "XEmat mặt".
inline constexpr std::string_view kExact = "XE";      // Canonical syllable, no positions.
// Canonical compound: "XWmat_tran mặt_trận". A compound typed without accents matches the terms
// that start with "XWmat_tran " (no folded compound layer: it cost 12% of the postings).
inline constexpr std::string_view kWord = "XW";
inline constexpr std::string_view kTitle = "S";       // Folded title syllable, positional.
inline constexpr std::string_view kNameSyllable = "XC";  // Folded syllable inside a name, positional.
inline constexpr std::string_view kName = "XN";  // A whole name, exact layer: "XNhoa_binh hòa_bình".
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
// Position gap at punctuation inside a sentence, so a name or phrase does not run across a comma
// ("Hàn_Quốc , Hội_đồng" is not "Quốc Hội").
inline constexpr unsigned kPunctuationGap = 1;

// Xapian value slots.
inline constexpr unsigned kSlotDate = 0;       // "YYYYMMDD", sortable; empty when unknown.
inline constexpr unsigned kSlotDuplicate = 1;  // Near-duplicate key: equal for the same story.
// The accent signature (common/accent_signature.h): a one-byte code of the accents at each
// position, so a phrase typed with accents, matched on the folded positional layer, can be checked
// exactly without a second positional layer.
inline constexpr unsigned kSlotAccents = 2;

// Xapian metadata keys.
inline constexpr std::string_view kMetaAnalyzerVersion = "vnsearch.analyzer_version";
inline constexpr std::string_view kMetaSchemaVersion = "vnsearch.schema_version";
// Raised on every shard at each commit: a reader that finds the shards at different generations
// opened them between two shards' commits, and opens them again.
inline constexpr std::string_view kMetaGeneration = "vnsearch.generation";

// SQLite meta keys written by vnindex.
inline constexpr std::string_view kSqliteMetaAnalyzer = "analyzer_version";
inline constexpr std::string_view kSqliteMetaSchema = "schema_version";
inline constexpr std::string_view kMetaShards = "shards";  // Shard count, fixed at creation.
inline constexpr std::string_view kMetaLastRun = "last_run";  // ISO 8601 UTC of the last commit.
inline constexpr std::string_view kMetaRoots = "roots";       // JSON array of absolute input paths.
// The pid of a vnindex run that has not finished: set when a run starts, cleared by its last
// commit, so a run that finds it set (and the process gone) knows the last run was interrupted.
inline constexpr std::string_view kMetaRunInProgress = "run_in_progress";

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
  body       BLOB NOT NULL   -- the text for snippets: a zstd frame (common/compressed_text.h)
);
-- Every input file read (absolute path; "-" for standard input is never recorded), with the size
-- and modification time it had when read, so a re-run skips unchanged files without reading them.
CREATE TABLE IF NOT EXISTS inputs (
  path     TEXT PRIMARY KEY,
  size     INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  articles INTEGER NOT NULL  -- articles it held
);
-- The zstd dictionary the article texts are compressed with (common/compressed_text.h), trained
-- by vnindex from the first articles it writes; at most one row. Frames name it by its id.
CREATE TABLE IF NOT EXISTS text_dictionary (
  id         INTEGER PRIMARY KEY,
  dictionary BLOB NOT NULL
);
-- Each name's display form ("Hòa Bình" for the key hòa_bình; the least of its spellings, in
-- byte order). How many articles name it is the Xapian term frequency of its kName term, which
-- stays exact through updates and deletions; a row per (article, name) here cost half the
-- input's size and told nothing more.
-- A name no article mentions any more keeps its row, unused.
CREATE TABLE IF NOT EXISTS names (
  name    TEXT PRIMARY KEY,
  display TEXT NOT NULL
) WITHOUT ROWID;
)sql";

}  // namespace vn::schema
