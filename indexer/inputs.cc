#include "indexer/inputs.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

#include "common/utf8.h"

namespace vn {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCompressions[] = {".gz", ".zst", ".xz", ".bz2"};

std::string source_of(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  return (ec ? path : absolute).lexically_normal().string();
}

InputFile name_input(const fs::path& root, const fs::path& file, const struct stat& st) {
  InputFile in;
  in.path = file;
  in.kind = input_kind(file).value_or(InputKind::kText);
  const fs::path relative = file.lexically_relative(root);
  in.key = escape_for_key(relative.generic_string());
  const fs::path parent = relative.parent_path();
  in.category = parent.empty() ? std::string() : escape_for_key(parent.filename().string());
  in.source = source_of(file);
  in.size = static_cast<std::int64_t>(st.st_size);
  in.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  return in;
}

InputFile standard_input() {
  InputFile in;
  in.path = "-";
  in.key = "stdin";
  in.kind = InputKind::kJsonLines;
  in.source = "-";
  return in;
}

// Walks `root` depth first, one directory open at a time (a recursive_directory_iterator keeps
// one open per level and runs out of descriptors in very deep trees). Symlinked directories are
// not followed, which also rules out loops; a symlink to a file is read as the file.
class TreeWalk {
 public:
  TreeWalk(const fs::path& root, InputList& out,
           const std::function<void(const std::string&, const std::string&)>& on_error)
      : root_(root), out_(out), on_error_(on_error) {}

  void run() {
    std::vector<fs::path> pending{root_};
    while (!pending.empty()) {
      const fs::path dir = std::move(pending.back());
      pending.pop_back();
      list(dir, pending);
    }
    std::sort(found_.begin(), found_.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    out_.files.insert(out_.files.end(), std::make_move_iterator(found_.begin()),
                      std::make_move_iterator(found_.end()));
  }

 private:
  void list(const fs::path& dir, std::vector<fs::path>& pending) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    std::vector<fs::path> entries;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      entries.push_back(it->path());
    }
    if (ec) {
      on_error_(dir.string(), "cannot list folder: " + ec.message());
      out_.unlisted.push_back(source_of(dir));
    }
    for (const fs::path& entry : entries) {
      struct stat link {};
      if (lstat(entry.c_str(), &link) != 0) {
        continue;  // Vanished since it was listed.
      }
      if (S_ISDIR(link.st_mode)) {
        pending.push_back(entry);
        continue;
      }
      if (!input_kind(entry)) {
        continue;
      }
      struct stat st {};
      if (stat(entry.c_str(), &st) != 0) {
        on_error_(entry.string(), std::string("cannot read: ") + std::strerror(errno));
      } else if (S_ISREG(st.st_mode)) {
        found_.push_back(name_input(root_, entry, st));
      }
    }
  }

  const fs::path& root_;
  InputList& out_;
  const std::function<void(const std::string&, const std::string&)>& on_error_;
  std::vector<InputFile> found_;
};

}  // namespace

std::optional<InputKind> input_kind(const fs::path& file) {
  const std::string filename = file.filename().string();
  std::string_view name = filename;
  if (name.ends_with(".zip") || name.ends_with(".tgz") || name.ends_with(".tar")) {
    return InputKind::kArchive;
  }
  bool compressed = false;
  for (std::string_view suffix : kCompressions) {
    if (name.ends_with(suffix)) {
      name.remove_suffix(suffix.size());
      compressed = true;
      break;
    }
  }
  if (name.ends_with(".tar")) {
    return InputKind::kArchive;
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

InputList list_inputs(const std::vector<fs::path>& roots,
                      const std::function<void(const std::string&, const std::string&)>& on_error) {
  InputList out;
  for (const fs::path& root : roots) {
    if (root == "-") {
      out.files.push_back(standard_input());
      out.file_roots.push_back("-");
      out.reads_stdin = true;
      continue;
    }
    struct stat st {};
    if (stat(root.c_str(), &st) != 0) {
      on_error(root.string(), errno == ENOENT
                                  ? std::string("no such file or directory")
                                  : std::string("cannot read: ") + std::strerror(errno));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      out.dir_roots.push_back(source_of(root));
      TreeWalk(root, out, on_error).run();
    } else {
      out.files.push_back(name_input(root.parent_path(), root, st));
      out.file_roots.push_back(out.files.back().source);
    }
  }
  for (const InputFile& f : out.files) {
    out.total_bytes += std::max<std::int64_t>(f.size, 0);
  }
  return out;
}

}  // namespace vn
