// Where an index lives: the directory chosen by --index, else $VNSEARCH_INDEX, else
// ./vnsearch-index, and the paths of its parts.
#pragma once

#include <filesystem>
#include <string>

namespace vn {

inline constexpr const char* kIndexEnv = "VNSEARCH_INDEX";
inline constexpr const char* kDefaultIndexDir = "vnsearch-index";

// `option` is the --index value, empty when not given.
std::filesystem::path resolve_index_dir(const std::string& option);

std::filesystem::path xapian_path(const std::filesystem::path& index_dir);
std::filesystem::path sqlite_path(const std::filesystem::path& index_dir);

}  // namespace vn
