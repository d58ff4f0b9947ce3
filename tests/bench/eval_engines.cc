#include "tests/bench/eval_engines.h"

#include "query/query_parser.h"
#include "query/searcher.h"
#include "tests/bench/fts5_peer.h"

namespace vn::bench {
namespace {

class VnsearchEngine : public Engine {
 public:
  explicit VnsearchEngine(const std::filesystem::path& index) : searcher_(index) {}
  const char* name() const override { return "vnsearch"; }

 protected:
  std::vector<std::string> search(const std::string& user_query, std::size_t limit,
                                  bool every_article) override {
    error_.clear();
    const auto parsed = parse_query(user_query, &searcher_.lexicon());
    if (!parsed) {
      error_ = "bad query at character " + std::to_string(parsed.error().column) + ": " +
               parsed.error().message;
      return {};
    }
    std::vector<std::string> keys;
    for (Hit& hit : searcher_.search(*parsed, options(limit, every_article)).hits) {
      keys.push_back(std::move(hit.key));
    }
    return keys;
  }

 private:
  static SearchOptions options(std::size_t limit, bool every_article) {
    SearchOptions o;
    o.limit = limit;
    o.collapse = !every_article;
    return o;
  }

  Searcher searcher_;
};

class Fts5Engine : public Engine {
 public:
  explicit Fts5Engine(const std::filesystem::path& database) : index_(Fts5Index::open(database)) {}
  const char* name() const override { return "FTS5"; }

 protected:
  // FTS5 has no notion of duplicates: every article is always a result of its own.
  std::vector<std::string> search(const std::string& user_query, std::size_t limit,
                                  bool /*every_article*/) override {
    error_.clear();
    const std::string match = Fts5Index::to_match(user_query);
    if (match.empty()) {
      error_ = "no words";
      return {};
    }
    try {
      return index_.search(match, static_cast<int>(limit));
    } catch (const SqliteError& e) {
      error_ = e.what();  // A MATCH expression FTS5 rejects: the user would see an error too.
      return {};
    }
  }

 private:
  Fts5Index index_;
};

}  // namespace

std::vector<std::string> Engine::all(const std::string& user_query, std::size_t expected) {
  std::size_t limit = expected + 50;
  while (true) {
    std::vector<std::string> keys = search(user_query, limit, /*every_article=*/true);
    if (keys.size() < limit) {
      return keys;
    }
    limit *= 4;
  }
}

std::unique_ptr<Engine> open_vnsearch(const std::filesystem::path& index) {
  return std::make_unique<VnsearchEngine>(index);
}

std::unique_ptr<Engine> open_fts5(const std::filesystem::path& database) {
  return std::make_unique<Fts5Engine>(database);
}

}  // namespace vn::bench
