#include "query/searcher.h"

#include <algorithm>

#include "common/compressed_text.h"
#include "common/index_location.h"
#include "common/schema.h"
#include "common/text_dictionary.h"
#include "query/snippet.h"

namespace vn {
namespace {

// Refuses an index another version wrote, before anything of it is read: its tables and terms
// may not be what this vnsearch expects.
void check_versions(const Xapian::Database& db, const std::filesystem::path& dir) {
  const std::string analyzer = db.get_metadata(std::string(schema::kMetaAnalyzerVersion));
  const std::string schema_version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  if (analyzer != std::to_string(schema::kAnalyzerVersion) ||
      schema_version != std::to_string(schema::kSchemaVersion)) {
    throw IndexUnavailable("index " + dir.string() + " was built by another version (analyser " +
                           (analyzer.empty() ? "?" : analyzer) + ", schema " +
                           (schema_version.empty() ? "?" : schema_version) +
                           "; this vnsearch reads analyser " +
                           std::to_string(schema::kAnalyzerVersion) + ", schema " +
                           std::to_string(schema::kSchemaVersion) +
                           "); rebuild it with: " + rebuild_command(dir));
  }
}

Xapian::Database open_xapian(const std::filesystem::path& dir) {
  const std::filesystem::path path = xapian_path(dir);
  if (!std::filesystem::exists(path) || !std::filesystem::exists(sqlite_path(dir))) {
    throw IndexUnavailable("no index at " + dir.string() + "; create it with: vnindex --index " +
                           dir.string() + " ARTICLES...");
  }
  try {
    Xapian::Database db = open_xapian_for_reading(dir);
    check_versions(db, dir);
    return db;
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot open index " + dir.string() + ": " + e.get_description() +
                           "; rebuild it with: " + rebuild_command(dir));
  }
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& dir)
    : xapian_(open_xapian(dir)),
      lexicon_(xapian_),
      dir_(dir),
      sqlite_(sqlite_path(dir).string(), SqliteDb::Mode::kReadOnly),
      row_(sqlite_.prepare("SELECT key, title, category, source, url, date, body FROM articles "
                           "WHERE docid = ?1")),
      row_by_key_(sqlite_.prepare("SELECT key, title, category, source, url, date, body FROM "
                                  "articles WHERE key = ?1")),
      name_display_(sqlite_.prepare("SELECT display FROM names WHERE name = ?1")),
      codec_(read_text_codec(sqlite_)) {}

SearchResult Searcher::search(const ParsedQuery& query, const SearchOptions& options) {
  // Xapian keeps two revisions: a writer committing twice while this reads discards the one being
  // read (more likely with shards written in parallel). Read the latest one again.
  for (int attempt = 1;; ++attempt) {
    try {
      SearchResult result = search_once(query, options);
      if (result.estimated_total == 0 && query.loose) {
        result = search_once(*query.loose, options);
        result.loosened = true;
      }
      return result;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 3) {
        throw;
      }
      xapian_.reopen();
    }
  }
}

SearchResult Searcher::search_once(const ParsedQuery& query, const SearchOptions& options) {
  Xapian::Enquire enquire(xapian_);
  enquire.set_query(query.query);
  if (options.collapse) {
    enquire.set_collapse_key(schema::kSlotDuplicate);
  }
  if (options.sort == SortOrder::kDate) {
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  }
  FacetSpy spy;
  if (options.facets) {
    enquire.add_matchspy(&spy);
  }
  const ExactRunDecider exact(xapian_, query.exact_runs);
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                             static_cast<Xapian::doccount>(options.limit),
                                             options.facets ? options.facet_sample : 0, nullptr,
                                             query.exact_runs.empty() ? nullptr : &exact);
  SearchResult result;
  result.estimated_total = mset.get_matches_estimated();
  if (options.facets) {
    result.facets = spy.top(options.facet_limit);
    for (auto& [name, docs] : result.facets->names) {
      name = name_display(name);
    }
  }
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = options.offset + it.get_rank() + 1;
    hit.score = it.get_weight();
    hit.duplicates = it.get_collapse_count();
    row_.bind(1, static_cast<std::int64_t>(*it));
    if (row_.step()) {
      read_row(hit, row_);
    } else {
      // Committed to Xapian but not yet to SQLite (an interrupted run): the key is in the data.
      hit.key = it.get_document().get_data();
    }
    row_.reset();
    result.hits.push_back(std::move(hit));
  }
  return result;
}

void Searcher::read_row(Hit& hit, Statement& st) {
  hit.key = st.text(0);
  hit.title = st.text(1);
  hit.category = st.text(2);
  hit.source = st.text(3);
  hit.url = st.text(4);
  hit.date = st.text(5);
  const std::string frame = st.blob(6);
  try {
    hit.body = codec_.decompress(frame);
  } catch (const CompressedTextError&) {
    hit.body.clear();  // A damaged row costs its snippet, not the search.
    if (!codec_.has_dictionary()) {
      // Maybe made with the dictionary a vnindex trained since this searcher opened: read again.
      codec_ = read_text_codec(sqlite_);
      try {
        hit.body = codec_.has_dictionary() ? codec_.decompress(frame) : std::string();
      } catch (const CompressedTextError&) {
        hit.body.clear();
      }
    }
  }
}

std::optional<Hit> Searcher::find_article(const std::string& key) {
  row_by_key_.bind(1, key);
  std::optional<Hit> hit;
  if (row_by_key_.step()) {
    hit.emplace();
    read_row(*hit, row_by_key_);
  }
  row_by_key_.reset();
  return hit;
}

std::string Searcher::name_display(const std::string& key) {
  name_display_.bind(1, key);
  std::string display = name_display_.step() ? name_display_.text(0) : "";
  name_display_.reset();
  if (display.empty()) {
    display = display_text(key);
  }
  return display;
}

FacetCounts Searcher::top_names(std::size_t limit) {
  FacetCounts names = vn::top_names(xapian_, limit);
  for (auto& [name, docs] : names) {
    name = name_display(name);
  }
  return names;
}

IndexStats Searcher::stats() {
  IndexStats s;
  s.articles = xapian_.get_doccount();
  s.analyzer_version = xapian_.get_metadata(std::string(schema::kMetaAnalyzerVersion));
  s.schema_version = xapian_.get_metadata(std::string(schema::kMetaSchemaVersion));
  Statement count = sqlite_.prepare("SELECT count(*) FROM articles");
  s.rows = count.step() ? count.integer(0) : 0;
  const std::string name_prefix(schema::kName);
  for (auto it = xapian_.allterms_begin(name_prefix); it != xapian_.allterms_end(name_prefix);
       ++it) {
    ++s.names;
  }
  Statement last = sqlite_.prepare("SELECT value FROM meta WHERE key = 'last_run'");
  s.last_run = last.step() ? last.text(0) : "";
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) {
      s.index_bytes += it->file_size(ec);
    }
  }
  return s;
}

}  // namespace vn
