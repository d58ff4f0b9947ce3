#include "common/index_location.h"

#include <cstdlib>

#include "common/schema.h"

namespace vn {

std::filesystem::path resolve_index_dir(const std::string& option) {
  if (!option.empty()) {
    return option;
  }
  if (const char* env = std::getenv(kIndexEnv); env != nullptr && *env != '\0') {
    return env;
  }
  return kDefaultIndexDir;
}

std::filesystem::path xapian_path(const std::filesystem::path& index_dir) {
  return index_dir / schema::kXapianDir;
}

std::filesystem::path sqlite_path(const std::filesystem::path& index_dir) {
  return index_dir / schema::kSqliteFile;
}

}  // namespace vn
