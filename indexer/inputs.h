// Finds the article files under the paths given on the command line and names them: the key is
// the path relative to the root it was found under, the category the parent folder's name.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace vn {

struct InputFile {
  std::filesystem::path path;
  std::string key;       // Relative to the root ("the-gioi/a.txt"); a file given alone: its name.
  std::string category;  // Parent folder's name, empty for a file directly under the root.
};

// Calls `on_file` for every .txt file under each root (recursively, in sorted order, following no
// symlinked directories) and `on_error(path, reason)` for a path that cannot be read.
void list_inputs(const std::vector<std::filesystem::path>& roots,
                 const std::function<void(const InputFile&)>& on_file,
                 const std::function<void(const std::string&, const std::string&)>& on_error);

}  // namespace vn
