#include "indexer/indexer.h"

#include <chrono>

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/input_stream.h"
#include "indexer/inputs.h"
#include "indexer/jsonl_reader.h"
#include "indexer/text_file.h"

namespace vn {
namespace {

// The state of one run: the writer, the running totals, the articles not yet committed.
class IndexRun {
 public:
  IndexRun(const IndexOptions& options, IndexObserver& observer)
      : options_(options), observer_(observer), writer_(options.index_dir) {}

  void index_input(const InputFile& input) {
    switch (input.kind) {
      case InputKind::kText:
        return add_or_skip(display_name(input),
                           read_text_article(input.path, input.key, input.category));
      case InputKind::kCompressedText:
        return add_or_skip(display_name(input), read_compressed_text(input));
      case InputKind::kJsonLines:
        return index_json_lines(input);
    }
  }

  void skip(const std::string& where, const std::string& reason) {
    ++summary_.skipped;
    observer_.skipped(where, reason);
  }

  IndexSummary finish() {
    writer_.commit();
    summary_.articles = writer_.article_count();
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
                           .count();
    return summary_;
  }

 private:
  std::expected<Article, std::string> read_compressed_text(const InputFile& input);
  void index_json_lines(const InputFile& input);
  void index_json_line(const InputFile& input, std::string& line, std::int64_t number);
  void add_or_skip(const std::string& where, const std::expected<Article, std::string>& article);
  void add(const Article& article);

  const IndexOptions& options_;
  IndexObserver& observer_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  IndexWriter writer_;
  DocumentBuilder builder_;
  IndexSummary summary_;
  std::size_t pending_ = 0;  // Articles written since the last commit.
};

std::expected<Article, std::string> IndexRun::read_compressed_text(const InputFile& input) {
  auto stream = ByteStream::open(input.path.string());
  if (!stream) {
    return std::unexpected(stream.error());
  }
  auto bytes = read_all(*stream, kMaxTextFileBytes);
  if (!bytes) {
    return std::unexpected(bytes.error());
  }
  return text_article_from_bytes(std::move(*bytes), input.key, input.category,
                                 input.path.string());
}

void IndexRun::index_json_lines(const InputFile& input) {
  const std::string name = display_name(input);
  auto stream = ByteStream::open(input.path.string());
  if (!stream) {
    return skip(name, stream.error());
  }
  LineReader lines(std::move(*stream));
  std::string line;
  for (;;) {
    switch (lines.next(line)) {
      case LineReader::Status::kLine:
        index_json_line(input, line, lines.line_number());
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

void IndexRun::index_json_line(const InputFile& input, std::string& line, std::int64_t number) {
  if (trim_spaces(line).empty()) {
    return;  // Blank lines separate nothing in JSON Lines; ignore them.
  }
  const std::string where = display_name(input) + ":" + std::to_string(number);
  auto record = parse_jsonl_record(std::move(line), display_name(input), input.key, number);
  if (!record) {
    return skip(where, record.error());
  }
  for (const std::string& message : record->warnings) {
    ++summary_.warnings;
    observer_.warning(where, message);
  }
  add(record->article);
}

void IndexRun::add_or_skip(const std::string& where,
                           const std::expected<Article, std::string>& article) {
  if (!article) {
    return skip(where, article.error());
  }
  add(*article);
}

// Writes the article unless the index holds it unchanged; commits every commit_every articles.
void IndexRun::add(const Article& article) {
  summary_.bytes += article.bytes;
  const std::optional<std::string> stored = writer_.stored_hash(article.key);
  if (stored == article.hash) {
    ++summary_.unchanged;
  } else {
    writer_.put(article, builder_.build(article));
    ++(stored ? summary_.updated : summary_.added);
    if (++pending_ >= options_.commit_every) {
      writer_.commit();
      pending_ = 0;
    }
  }
  observer_.progress(summary_);
}

}  // namespace

IndexSummary run_index(const IndexOptions& options, IndexObserver& observer) {
  IndexRun run(options, observer);
  list_inputs(
      options.inputs, [&](const InputFile& input) { run.index_input(input); },
      [&](const std::string& path, const std::string& reason) { run.skip(path, reason); });
  return run.finish();
}

}  // namespace vn
