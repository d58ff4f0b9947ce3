// Finds the article files under the paths given on the command line, says how to read each, and
// names them: the key is the path relative to the root it was found under, the category the
// parent folder's name. "-" stands for JSON Lines on standard input. Also says which parts of the
// file system this run covers, the scope of --prune.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vn {

enum class InputKind {
  kText,            // One article per file: .txt, or any file named directly.
  kCompressedText,  // The same compressed: .txt.gz, .txt.zst, .txt.xz, .txt.bz2.
  kJsonLines,       // One article per line: .jsonl, .json, compressed or not; "-" (stdin).
  kArchive,         // .zip, .tar, .tgz, .tar.gz, .tar.zst, .tar.xz, .tar.bz2: entries as above.
};

struct InputFile {
  std::filesystem::path path;  // As given or found (for opening and messages); "-" for stdin.
  // Relative to the root ("the-gioi/a.txt"; bytes that are not UTF-8 written %XX, '%' as %25); a
  // file given alone: its name; standard input: "stdin". JSON Lines records without an id use
  // "<key>:<line>".
  std::string key;
  std::string category;  // Parent folder's name, empty for a file directly under the root.
  InputKind kind = InputKind::kText;
  std::string source;  // Absolute, lexically normal path: what the index records; "-" for stdin.
  std::int64_t size = -1;     // Bytes on disk; -1 for standard input.
  std::int64_t mtime_ns = 0;  // Modification time, nanoseconds since the epoch.
};

// What one run reads: the files in order, and the scope of --prune.
struct InputList {
  std::vector<InputFile> files;
  std::vector<std::string> file_roots;  // Sources of the files named directly (and "-").
  std::vector<std::string> dir_roots;   // Sources of the folders given (existing ones only).
  std::vector<std::string> unlisted;    // Sources of folders that could not be listed.
  std::int64_t total_bytes = 0;         // Sum of the files' sizes, standard input excluded.
  bool reads_stdin = false;
};

// How a file is read, from its name; nullopt for a name that is not an article file.
std::optional<InputKind> input_kind(const std::filesystem::path& file);

// The input's name in messages: its path, or "stdin".
std::string display_name(const InputFile& input);

// Lists every article file under each root (recursively, in sorted order, following no symlinked
// directories and holding one directory open at a time, so depth is bounded only by PATH_MAX;
// see input_kind), each file named directly (a name input_kind does not know is read as text) and
// "-"; calls `on_error(path, reason)` for a path that cannot be listed or read.
InputList list_inputs(const std::vector<std::filesystem::path>& roots,
                      const std::function<void(const std::string&, const std::string&)>& on_error);

}  // namespace vn
