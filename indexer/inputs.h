// Finds the article files under the paths given on the command line, says how to read each, and
// names them: the key is the path relative to the root it was found under, the category the
// parent folder's name. "-" stands for JSON Lines on standard input.
#pragma once

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
};

struct InputFile {
  std::filesystem::path path;  // "-" for standard input.
  std::string key;       // Relative to the root ("the-gioi/a.txt"); a file given alone: its name;
                         // standard input: "stdin". JSON Lines records without an id use
                         // "<key>:<line>".
  std::string category;  // Parent folder's name, empty for a file directly under the root.
  InputKind kind = InputKind::kText;
};

// How a file is read, from its name; nullopt for a name that is not an article file.
std::optional<InputKind> input_kind(const std::filesystem::path& file);

// The input's name in messages: its path, or "stdin".
std::string display_name(const InputFile& input);

// Calls `on_file` for every article file under each root (recursively, in sorted order, following
// no symlinked directories; see input_kind), for each file named directly (a name input_kind does
// not know is read as text) and for "-"; `on_error(path, reason)` for a path that cannot be read.
void list_inputs(const std::vector<std::filesystem::path>& roots,
                 const std::function<void(const InputFile&)>& on_file,
                 const std::function<void(const std::string&, const std::string&)>& on_error);

}  // namespace vn
