// Where an index lives: the directory chosen by --index, else $VNSEARCH_INDEX, else
// ./vnsearch-index, and the paths of its parts. The Xapian side is a set of shards under xapian/
// listed by a stub file (xapian/XAPIANDB), which Xapian opens as one database.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace vn {

inline constexpr const char* kIndexEnv = "VNSEARCH_INDEX";
inline constexpr const char* kDefaultIndexDir = "vnsearch-index";

// `option` is the --index value, empty when not given.
std::filesystem::path resolve_index_dir(const std::string& option);

std::filesystem::path xapian_path(const std::filesystem::path& index_dir);
std::filesystem::path xapian_stub_path(const std::filesystem::path& index_dir);
// The directories of the shards, in shard order, as the stub lists them (empty: no stub). A shard
// is `shard0` when created, `shard0.1`, `shard0.2`… after each compaction.
std::vector<std::string> xapian_shard_names(const std::filesystem::path& index_dir);
// Shard `shard`'s directory: as listed in the stub, else its name when created (`shardN`).
std::filesystem::path xapian_shard_path(const std::filesystem::path& index_dir, unsigned shard);
std::filesystem::path sqlite_path(const std::filesystem::path& index_dir);
// `text` as one shell word, for commands shown to the user (never run).
std::string shell_word(const std::string& text);
// The roots recorded in the index in `dir` as shell words, or "ARTICLES..." when unknown.
std::string recorded_roots(const std::filesystem::path& dir);
// The shell command that rebuilds the index in `dir` from scratch, from the roots recorded in it
// (or ARTICLES... when unknown), for messages that must name the fix.
std::string rebuild_command(const std::filesystem::path& dir);

// Every shard of the index, searched together: docid (d - 1) * shards + shard + 1 is shard
// `shard`'s document d, the docid stored in SQLite. Sees the last committed state of each shard.
// Throws Xapian::DatabaseOpeningError (or another Xapian::Error) when there is no usable index.
Xapian::Database open_xapian_for_reading(const std::filesystem::path& index_dir);

// The shard (0 … shard_count-1) that holds the article with `key`; fixed forever, since an index
// depends on it.
unsigned shard_of(std::string_view key, unsigned shard_count);

// The docid of shard `shard`'s document `shard_docid` when the shards are searched together.
// Xapian 1.4 gives a shard's docid, not this one, in Document::get_docid() (also in a
// MatchDecider); the key in the document data tells the shard.
Xapian::docid combined_docid(Xapian::docid shard_docid, unsigned shard, unsigned shard_count);

}  // namespace vn
