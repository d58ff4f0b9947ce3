#include "indexer/indexer.h"

#include <chrono>

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/inputs.h"
#include "indexer/text_file.h"

namespace vn {

IndexSummary run_index(const IndexOptions& options, IndexObserver& observer) {
  const auto start = std::chrono::steady_clock::now();
  IndexWriter writer(options.index_dir);
  DocumentBuilder builder;
  IndexSummary summary;
  std::size_t pending = 0;

  auto skip = [&](const std::string& path, const std::string& reason) {
    ++summary.skipped;
    observer.skipped(path, reason);
  };
  auto index_file = [&](const InputFile& input) {
    auto article = read_text_article(input.path, input.key, input.category);
    if (!article) {
      skip(input.path.string(), article.error());
      return;
    }
    summary.bytes += article->bytes;
    const std::optional<std::string> stored = writer.stored_hash(article->key);
    if (stored == article->hash) {
      ++summary.unchanged;
    } else {
      writer.put(*article, builder.build(*article));
      ++(stored ? summary.updated : summary.added);
      if (++pending >= options.commit_every) {
        writer.commit();
        pending = 0;
      }
    }
    observer.progress(summary);
  };

  list_inputs(options.inputs, index_file, skip);
  writer.commit();
  summary.articles = writer.article_count();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace vn
