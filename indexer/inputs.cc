#include "indexer/inputs.h"

#include <algorithm>
#include <vector>

namespace vn {
namespace {

namespace fs = std::filesystem;

bool is_article_file(const fs::path& p) { return p.extension() == ".txt"; }

InputFile name_input(const fs::path& root, const fs::path& file) {
  InputFile in;
  in.path = file;
  const fs::path relative = file.lexically_relative(root);
  in.key = relative.generic_string();
  const fs::path parent = relative.parent_path();
  in.category = parent.empty() ? std::string() : parent.filename().string();
  return in;
}

}  // namespace

void list_inputs(const std::vector<fs::path>& roots,
                 const std::function<void(const InputFile&)>& on_file,
                 const std::function<void(const std::string&, const std::string&)>& on_error) {
  for (const fs::path& root : roots) {
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      on_error(root.string(), "no such file or directory");
      continue;
    }
    if (!fs::is_directory(status)) {
      on_file(name_input(root.parent_path(), root));
      continue;
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && is_article_file(it->path())) {
        files.push_back(it->path());
      }
    }
    if (ec) {
      on_error(root.string(), "cannot list directory: " + ec.message());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      on_file(name_input(root, f));
    }
  }
}

}  // namespace vn
