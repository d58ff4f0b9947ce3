#include "indexer/indexer.h"

#include <chrono>
#include <unordered_set>

#include "common/index_location.h"
#include "common/terms.h"
#include "common/utf8.h"
#include "indexer/document_builder.h"
#include "indexer/index_check.h"
#include "indexer/index_writer.h"
#include "indexer/input_stream.h"
#include "indexer/inputs.h"
#include "indexer/jsonl_reader.h"
#include "indexer/run_record.h"
#include "indexer/text_file.h"

namespace vn {
namespace {

// A file modified this recently may still be changing within its timestamp's resolution: its
// size and time are not trusted to skip it next time (it is re-read and its hashes decide).
constexpr std::int64_t kRacyNs = 2'000'000'000;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The state of one run: the writer, the running totals, the articles not yet committed.
class IndexRun {
 public:
  IndexRun(const IndexOptions& options, IndexObserver& observer)
      : options_(options),
        observer_(observer),
        writer_(options.index_dir, options.jobs),
        record_(writer_) {}

  // Repairs what an interrupted run left (or everything that disagrees, with --repair), then
  // marks this run as started.
  void start();
  void index_input(const InputFile& input);
  void prune(const InputList& list);

  void skip(const std::string& where, const std::string& reason) {
    ++summary_.skipped;
    observer_.skipped(where, reason);
  }

  IndexSummary finish(const InputList& list) {
    std::vector<std::string> roots = list.dir_roots;
    roots.insert(roots.end(), list.file_roots.begin(), list.file_roots.end());
    record_.mark_finished(roots);
    writer_.compact_if_worthwhile();  // Commits first; compacts when this run wrote much.
    summary_.articles = writer_.article_count();
    summary_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    return summary_;
  }

  void set_total_bytes(std::int64_t total) { summary_.input_bytes_total = total; }

 private:
  void index_text(const InputFile& input);
  void index_archive(const InputFile& input);
  void index_archive_entry(const InputFile& input, ArchiveReader& archive);
  void index_json_lines(const std::string& name, const std::string& key_prefix,
                        const std::string& source, ByteStream stream);
  void index_json_line(const std::string& name, const std::string& key_prefix,
                       const std::string& source, std::string& line, std::int64_t number);
  void add_or_skip(const std::string& where, const std::string& source,
                   std::expected<Article, std::string> article);
  void add(Article&& article);
  void remove(const std::string& key, const std::string& path);
  void commit_if_due();
  void show_progress(std::int64_t current_input_bytes) {
    summary_.input_bytes_done = done_bytes_ + current_input_bytes;
    observer_.progress(summary_);
  }
  std::int64_t articles_so_far() const {
    return summary_.added + summary_.updated + summary_.unchanged;
  }

  const IndexOptions& options_;
  IndexObserver& observer_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  const std::int64_t start_ns_ = now_ns();
  IndexWriter writer_;
  RunRecord record_;
  IndexSummary summary_;
  std::size_t pending_ = 0;      // Articles written since the last commit.
  std::int64_t done_bytes_ = 0;  // Input bytes of the inputs finished.
  // For --prune: the keys read this run, and the inputs whose keys were not all read (skipped as
  // unchanged, or read with errors), whose articles must stay.
  std::unordered_set<std::string> seen_;
  std::unordered_set<std::string> kept_inputs_;
};

void IndexRun::start() {
  const std::optional<long> interrupted = record_.run_in_progress();
  if (interrupted || options_.repair || writer_.article_count() != record_.article_rows()) {
    // The last committed state of both sides; the writer has nothing uncommitted yet.
    const SideComparison sides =
        compare_sides(open_xapian_for_reading(options_.index_dir), writer_.sqlite_in_transaction());
    for (const Mismatch& m : sides.mismatches) {
      observer_.warning("repair", describe(m) + "; dropped, to be re-read from its input");
      writer_.remove(m.key);
      if (!m.path.empty()) {
        record_.forget_input(m.path);
      }
      ++summary_.repaired;
    }
  }
  record_.mark_started();
}

void IndexRun::index_input(const InputFile& input) {
  const std::int64_t skipped_before = summary_.skipped;
  const std::int64_t articles_before = articles_so_far();
  if (input.size >= 0) {
    const std::optional<InputStat> stat = record_.input(input.source);
    if (stat && stat->size == input.size && stat->mtime_ns == input.mtime_ns) {
      summary_.unchanged += stat->articles;
      kept_inputs_.insert(input.source);
      done_bytes_ += input.size;
      show_progress(0);
      return;
    }
  }
  switch (input.kind) {
    case InputKind::kText:
    case InputKind::kCompressedText:
      index_text(input);
      break;
    case InputKind::kJsonLines: {
      auto stream = ByteStream::open(input.path.string());
      if (!stream) {
        skip(display_name(input), stream.error());
      } else {
        index_json_lines(display_name(input), input.key, input.source, std::move(*stream));
      }
      break;
    }
    case InputKind::kArchive:
      index_archive(input);
      break;
  }
  done_bytes_ += std::max<std::int64_t>(input.size, 0);
  if (input.size < 0) {
    return;  // Standard input: nothing to record.
  }
  if (summary_.skipped != skipped_before) {
    // Read with errors: re-read next time (so the errors are reported again), and keep the
    // articles it held before.
    kept_inputs_.insert(input.source);
    record_.forget_input(input.source);
    return;
  }
  const bool racy = input.mtime_ns > start_ns_ - kRacyNs;
  record_.record_input(
      input.source, {input.size, racy ? -1 : input.mtime_ns, articles_so_far() - articles_before});
}

void IndexRun::index_text(const InputFile& input) {
  const std::string where = display_name(input);
  if (input.kind == InputKind::kText) {
    return add_or_skip(where, input.source,
                       read_text_article(input.path, input.key, input.category));
  }
  auto stream = ByteStream::open(input.path.string());
  if (!stream) {
    return skip(where, stream.error());
  }
  auto bytes = read_all(*stream, kMaxTextFileBytes);
  if (!bytes) {
    return skip(where, bytes.error());
  }
  add_or_skip(where, input.source,
              text_article_from_bytes(std::move(*bytes), input.key, input.category, input.source));
}

void IndexRun::index_archive(const InputFile& input) {
  auto archive = ArchiveReader::open(input.path.string());
  if (!archive) {
    return skip(display_name(input), archive.error());
  }
  while (archive->next_entry()) {
    index_archive_entry(input, *archive);
    show_progress(archive->raw_bytes_read());
  }
  if (!archive->error().empty()) {
    skip(display_name(input), archive->error());
  }
}

// An entry is named like a file in a folder: key ARCHIVE/ENTRY, category the entry's folder (else
// the archive's).
void IndexRun::index_archive_entry(const InputFile& input, ArchiveReader& archive) {
  const std::string& name = archive.entry_name();
  const std::optional<InputKind> kind = input_kind(name);
  if (!kind) {
    return;  // Not an article file, as in a folder.
  }
  const std::string where = display_name(input) + "/" + name;
  const std::string key = input.key + "/" + escape_for_key(name);
  const std::string folder =
      escape_for_key(std::filesystem::path(name).parent_path().filename().string());
  const std::string category = folder.empty() ? input.category : folder;
  switch (*kind) {
    case InputKind::kText: {
      ByteStream stream = archive.entry_stream();
      auto bytes = read_all(stream, kMaxTextFileBytes);
      if (!bytes) {
        return skip(where, bytes.error());
      }
      return add_or_skip(where, input.source,
                         text_article_from_bytes(std::move(*bytes), key, category, input.source));
    }
    case InputKind::kJsonLines:
      if (name.ends_with(".jsonl") || name.ends_with(".json")) {
        return index_json_lines(where, key, input.source, archive.entry_stream());
      }
      [[fallthrough]];
    case InputKind::kCompressedText:
    case InputKind::kArchive:
      return skip(where, "compressed file or archive inside an archive: unpack it first");
  }
}

void IndexRun::index_json_lines(const std::string& name, const std::string& key_prefix,
                                const std::string& source, ByteStream stream) {
  LineReader lines(std::move(stream));
  std::string line;
  for (;;) {
    switch (lines.next(line)) {
      case LineReader::Status::kLine:
        index_json_line(name, key_prefix, source, line, lines.line_number());
        show_progress(lines.stream().raw_bytes_read());
        break;
      case LineReader::Status::kTooLong:
        skip(name + ":" + std::to_string(lines.line_number()),
             "line too long (over " + std::to_string(kMaxLineBytes >> 20) + " MB)");
        break;
      case LineReader::Status::kError:
        return skip(name, lines.error());
      case LineReader::Status::kEnd:
        return;
    }
  }
}

void IndexRun::index_json_line(const std::string& name, const std::string& key_prefix,
                               const std::string& source, std::string& line, std::int64_t number) {
  if (trim_spaces(line).empty()) {
    return;  // Blank lines separate nothing in JSON Lines; ignore them.
  }
  const std::string where = name + ":" + std::to_string(number);
  auto record = parse_jsonl_record(std::move(line), source, key_prefix, number);
  if (!record) {
    return skip(where, record.error());
  }
  for (const std::string& message : record->warnings) {
    ++summary_.warnings;
    observer_.warning(where, message);
  }
  add(std::move(record->article));
}

void IndexRun::add_or_skip(const std::string& where, const std::string& source,
                           std::expected<Article, std::string> article) {
  if (!article) {
    return skip(where, article.error());
  }
  if (!indexable(term(schema::kKey, article->key))) {
    // Xapian cannot hold the unique key term: the article could be neither replaced nor found.
    return skip(where,
                "path too long for a key (over " + std::to_string(kMaxTermBytes - 1) + " bytes)");
  }
  article->path = source;
  add(std::move(*article));
  show_progress(0);
}

// Writes the article unless the index holds it unchanged (same content, same input); commits
// every commit_every articles.
void IndexRun::add(Article&& article) {
  summary_.bytes += article.bytes;
  if (options_.prune) {
    seen_.insert(article.key);
  }
  const std::optional<IndexWriter::Stored> stored = writer_.stored(article.key);
  if (stored && stored->hash == article.hash && stored->path == article.path) {
    ++summary_.unchanged;
    return;
  }
  writer_.put(std::move(article));  // The article is not read again: no copy of its text.
  ++(stored ? summary_.updated : summary_.added);
  commit_if_due();
}

void IndexRun::remove(const std::string& key, const std::string& path) {
  writer_.remove(key);
  record_.forget_input(path);  // Its stat no longer stands for the articles in the index.
  ++summary_.deleted;
  commit_if_due();
}

void IndexRun::commit_if_due() {
  if (++pending_ >= options_.commit_every) {
    writer_.commit();
    pending_ = 0;
  }
}

void IndexRun::prune(const InputList& list) {
  auto kept = [&](const std::string& path) {
    if (kept_inputs_.contains(path)) {
      return true;
    }
    for (const std::string& folder : list.unlisted) {
      if (path.starts_with(folder + "/")) {
        return true;
      }
    }
    return false;
  };
  std::vector<std::pair<std::string, std::string>> gone;
  auto collect = [&](const std::string& root, bool folder) {
    for (auto& [key, path] : record_.articles_from(root, folder)) {
      if (!seen_.contains(key) && !kept(path)) {
        gone.emplace_back(std::move(key), std::move(path));
      }
    }
  };
  for (const std::string& root : list.dir_roots) {
    collect(root, true);
  }
  for (const std::string& root : list.file_roots) {
    collect(root, false);
  }
  for (const auto& [key, path] : gone) {
    remove(key, path);
  }
}

}  // namespace

IndexSummary run_index(const IndexOptions& options, IndexObserver& observer) {
  IndexRun run(options, observer);
  run.start();
  const InputList list = list_inputs(
      options.inputs,
      [&](const std::string& path, const std::string& reason) { run.skip(path, reason); });
  run.set_total_bytes(list.reads_stdin ? 0 : list.total_bytes);
  for (const InputFile& input : list.files) {
    run.index_input(input);
  }
  if (options.prune) {
    run.prune(list);
  }
  return run.finish(list);
}

}  // namespace vn
