#include "common/index_location.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "common/schema.h"
#include "common/sqlite.h"

namespace vn {

std::string shell_word(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "0123456789/._-+,:@") == std::string::npos) {
    return text;
  }
  std::string quoted = "'";
  for (char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

std::string recorded_roots(const std::filesystem::path& dir) {
  std::string roots;
  try {
    SqliteDb db(sqlite_path(dir).string(), SqliteDb::Mode::kReadOnly);
    Statement st = db.prepare("SELECT value FROM meta WHERE key = ?1");
    st.bind(1, schema::kMetaRoots);
    const nlohmann::json parsed =
        nlohmann::json::parse(st.step() ? st.text(0) : "", nullptr, false);
    if (parsed.is_array()) {
      for (const nlohmann::json& root : parsed) {
        if (root.is_string()) {
          roots += (roots.empty() ? "" : " ") + shell_word(root.get<std::string>());
        }
      }
    }
  } catch (const SqliteError&) {
    // An unreadable SQLite file is reported by the caller; the command just names no roots.
  }
  return roots.empty() ? "ARTICLES..." : roots;
}

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

std::filesystem::path xapian_stub_path(const std::filesystem::path& index_dir) {
  return xapian_path(index_dir) / "XAPIANDB";  // The name Xapian looks for in a directory.
}

std::vector<std::string> xapian_shard_names(const std::filesystem::path& index_dir) {
  std::vector<std::string> names;
  std::ifstream stub(xapian_stub_path(index_dir));
  for (std::string line; std::getline(stub, line);) {
    // "glass NAME": a backend and a path relative to the stub.
    if (const auto space = line.find(' '); space != std::string::npos) {
      names.push_back(line.substr(space + 1));
    }
  }
  return names;
}

std::filesystem::path xapian_shard_path(const std::filesystem::path& index_dir, unsigned shard) {
  const std::vector<std::string> names = xapian_shard_names(index_dir);
  return xapian_path(index_dir) /
         (shard < names.size() ? names[shard] : "shard" + std::to_string(shard));
}

// The shard directories the stub lists ("glass shard0" lines), in order.
static std::vector<std::filesystem::path> stub_shards(const std::filesystem::path& index_dir) {
  std::vector<std::filesystem::path> shards;
  std::ifstream stub(xapian_stub_path(index_dir));
  for (std::string backend, name; stub >> backend >> name;) {
    shards.push_back(xapian_path(index_dir) / name);
  }
  return shards;
}

Xapian::Database open_xapian_for_reading(const std::filesystem::path& index_dir) {
  // No stub (no index), or one Xapian reads another way: its own message.
  if (stub_shards(index_dir).empty()) {
    return Xapian::Database(xapian_stub_path(index_dir).string(), Xapian::DB_BACKEND_STUB);
  }
  // The writer commits the shards one after another; opened in between, some would show the new
  // commit and some the old. Every commit stamps a generation on each shard: open them again
  // until they agree (a writer commits them within milliseconds), and accept a mixed state after
  // ~2 s (a killed writer leaves one until its next run repairs it).
  // A compaction switches the stub, then removes the shards it replaced: a reader that read the
  // old stub a moment before finds them gone or half removed, and reads the stub again.
  constexpr int kAttempts = 200;
  std::vector<std::filesystem::path> shards = stub_shards(index_dir);
  for (int attempt = 1;; ++attempt, shards = stub_shards(index_dir)) {
    Xapian::Database combined;
    std::string generation;
    bool agree = true;
    bool opened = true;
    for (std::size_t s = 0; opened && s < shards.size(); ++s) {
      Xapian::Database shard;
      try {
        shard = Xapian::Database(shards[s].string(), Xapian::DB_BACKEND_GLASS);
      } catch (const Xapian::DatabaseError&) {
        if (attempt == kAttempts) {
          throw;
        }
        opened = false;
        break;
      }
      const std::string g = shard.get_metadata(std::string(schema::kMetaGeneration));
      agree = agree && (s == 0 || g == generation);
      generation = g;
      combined.add_database(shard);
    }
    if (opened && (agree || attempt == kAttempts)) {
      return combined;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

unsigned shard_of(std::string_view key, unsigned shard_count) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a 64: simple, and stable across platforms.
  for (char c : key) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return static_cast<unsigned>(h % shard_count);
}

Xapian::docid combined_docid(Xapian::docid shard_docid, unsigned shard, unsigned shard_count) {
  return (shard_docid - 1) * shard_count + shard + 1;
}

std::filesystem::path sqlite_path(const std::filesystem::path& index_dir) {
  return index_dir / schema::kSqliteFile;
}

std::string rebuild_command(const std::filesystem::path& dir) {
  const std::string d = shell_word(dir.string());
  return "rm -rf " + d + " && vnindex --index " + d + " " + recorded_roots(dir);
}

}  // namespace vn
