#include "indexer/inputs.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace vn {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCompressions[] = {".gz", ".zst", ".xz", ".bz2"};

InputFile name_input(const fs::path& root, const fs::path& file) {
  InputFile in;
  in.path = file;
  in.kind = input_kind(file).value_or(InputKind::kText);
  const fs::path relative = file.lexically_relative(root);
  in.key = relative.generic_string();
  const fs::path parent = relative.parent_path();
  in.category = parent.empty() ? std::string() : parent.filename().string();
  return in;
}

InputFile standard_input() {
  InputFile in;
  in.path = "-";
  in.key = "stdin";
  in.kind = InputKind::kJsonLines;
  return in;
}

}  // namespace

std::optional<InputKind> input_kind(const fs::path& file) {
  const std::string filename = file.filename().string();
  std::string_view name = filename;
  bool compressed = false;
  for (std::string_view suffix : kCompressions) {
    if (name.ends_with(suffix)) {
      name.remove_suffix(suffix.size());
      compressed = true;
      break;
    }
  }
  if (name.ends_with(".txt")) {
    return compressed ? InputKind::kCompressedText : InputKind::kText;
  }
  if (name.ends_with(".jsonl") || name.ends_with(".json")) {
    return InputKind::kJsonLines;
  }
  return std::nullopt;
}

std::string display_name(const InputFile& input) {
  return input.path == "-" ? std::string("stdin") : input.path.string();
}

void list_inputs(const std::vector<fs::path>& roots,
                 const std::function<void(const InputFile&)>& on_file,
                 const std::function<void(const std::string&, const std::string&)>& on_error) {
  for (const fs::path& root : roots) {
    if (root == "-") {
      on_file(standard_input());
      continue;
    }
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
      if (it->is_regular_file(ec) && input_kind(it->path())) {
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
