#include "tests/bench/fts5_peer.h"

#include <algorithm>
#include <system_error>

namespace vn::bench {
namespace {

// `key` is stored but not indexed; column order matters to bm25()'s weights below.
constexpr std::string_view kSchema =
    "CREATE VIRTUAL TABLE fts USING fts5(key UNINDEXED, title, body,"
    " tokenize = 'unicode61 remove_diacritics 2')";

std::string spaces_for_underscores(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

// One FTS5 string token: double quotes doubled, underscores as spaces.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') {
      out += "\"\"";
    } else {
      out += c == '_' ? ' ' : c;
    }
  }
  out += '"';
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool has_words(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return !is_space(c) && c != '_'; });
}

// Steps `statement` to the end, calling `row` on each row; the statement is reset for re-use
// whatever happens (a MATCH syntax error surfaces at the first step).
template <typename Row>
void each_row(Statement& statement, Row row) {
  try {
    while (statement.step()) {
      row(statement);
    }
  } catch (...) {
    statement.reset();
    throw;
  }
  statement.reset();
}

}  // namespace

Fts5Index Fts5Index::create(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    std::filesystem::remove(file.string() + suffix, ignored);
  }
  Fts5Index index(std::make_unique<SqliteDb>(file.string(), SqliteDb::Mode::kReadWrite, kSchema));
  index.insert_.emplace(index.db_->prepare("INSERT INTO fts(key, title, body) VALUES (?1, ?2, ?3)"));
  return index;
}

Fts5Index Fts5Index::open(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) {
    throw SqliteError(file.string() + ": no such file");
  }
  return Fts5Index(std::make_unique<SqliteDb>(file.string(), SqliteDb::Mode::kReadOnly));
}

Fts5Index::~Fts5Index() {
  // An index dropped without finish() keeps what was added; a failure here has nowhere to go.
  if (db_ && in_transaction_) {
    try {
      commit();
    } catch (const SqliteError&) {
    }
  }
}

void Fts5Index::add(std::string_view key, std::string_view title, std::string_view body) {
  if (!in_transaction_) {
    db_->exec("BEGIN");
    in_transaction_ = true;
  }
  insert_->bind(1, key).bind(2, spaces_for_underscores(title)).bind(3, spaces_for_underscores(body));
  insert_->run();
  if (++pending_ >= kBatch) {
    commit();
  }
}

void Fts5Index::commit() {
  if (in_transaction_) {
    in_transaction_ = false;
    pending_ = 0;
    db_->exec("COMMIT");
  }
}

void Fts5Index::finish() {
  commit();
  db_->exec("INSERT INTO fts(fts) VALUES ('optimize')");
  db_->exec("PRAGMA journal_mode=DELETE");
}

std::vector<std::string> Fts5Index::search(const std::string& match_expression, int limit) {
  if (!search_) {
    search_.emplace(db_->prepare(
        "SELECT key FROM fts WHERE fts MATCH ?1 ORDER BY bm25(fts, 0, 5.0, 1.0) LIMIT ?2"));
  }
  std::vector<std::string> keys;
  search_->bind(1, match_expression).bind(2, std::int64_t{limit});
  each_row(*search_, [&](const Statement& row) { keys.push_back(row.text(0)); });
  return keys;
}

std::vector<Fts5Index::Hit> Fts5Index::search_hits(const std::string& match_expression,
                                                    int limit) {
  if (!hits_) {
    hits_.emplace(db_->prepare(
        "SELECT key, title, snippet(fts, 2, '<mark>', '</mark>', '…', 24) FROM fts"
        " WHERE fts MATCH ?1 ORDER BY bm25(fts, 0, 5.0, 1.0) LIMIT ?2"));
  }
  std::vector<Hit> hits;
  hits_->bind(1, match_expression).bind(2, std::int64_t{limit});
  each_row(*hits_, [&](const Statement& row) {
    hits.push_back({row.text(0), row.text(1), row.text(2)});
  });
  return hits;
}

std::int64_t Fts5Index::count(const std::string& match_expression) {
  if (!count_) {
    count_.emplace(db_->prepare("SELECT count(*) FROM fts WHERE fts MATCH ?1"));
  }
  count_->bind(1, match_expression);
  std::int64_t n = 0;
  each_row(*count_, [&](const Statement& row) { n = row.integer(0); });
  return n;
}

std::vector<Fts5Index::Completion> Fts5Index::suggest(std::string_view prefix, int limit) {
  if (!suggest_) {
    // A temp table: it works on a read-only connection and leaves the file as it was.
    db_->exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, fts, row)");
    suggest_.emplace(db_->prepare(
        "SELECT term, doc FROM temp.vocab WHERE term >= ?1 AND term < ?2"
        " ORDER BY doc DESC LIMIT ?3"));
  }
  const std::size_t space = prefix.find_last_of(" _");
  const std::string last(space == std::string_view::npos ? prefix : prefix.substr(space + 1));
  std::vector<Completion> completions;
  if (last.empty()) {
    return completions;
  }
  // Every term starting with `last` sorts below `last` + U+10FFFF's UTF-8 bytes.
  suggest_->bind(1, last).bind(2, last + "\xF4\x8F\xBF\xBF").bind(3, std::int64_t{limit});
  each_row(*suggest_, [&](const Statement& row) {
    completions.push_back({row.text(0), row.integer(1)});
  });
  return completions;
}

namespace {

// Writes FTS5 MATCH syntax item by item. AND is implicit between operands; an exclusion becomes
// FTS5's binary NOT after the operand it follows (or the next one, when it comes first), which
// has vnsearch's meaning: NOT binds tighter than AND, AND tighter than OR, in both.
class MatchWriter {
 public:
  void operand(const std::string& text, bool negated) {
    Group& g = groups_.back();
    if (negated) {
      if (g.after_operand) {
        out_ += " NOT " + text;
      } else {
        g.pending_not.push_back(text);
      }
      return;
    }
    join();
    out_ += text;
    for (const std::string& e : g.pending_not) {
      out_ += " NOT " + e;
    }
    g.pending_not.clear();
    g.after_operand = true;
    g.after_or = false;
  }
  void or_operator() {
    Group& g = groups_.back();
    if (g.after_operand) {
      out_ += " OR";
      g.after_operand = false;
      g.after_or = true;
    }
  }
  void open() {
    join();
    out_ += "(";
    groups_.emplace_back().start = out_.size();
  }
  void close() {
    if (groups_.size() < 2) {
      return;  // An unmatched ')' is dropped.
    }
    end_group();
  }
  std::string finish() {
    while (groups_.size() > 1) {
      end_group();
    }
    drop_trailing_or(groups_.back());
    return out_;
  }

 private:
  struct Group {
    std::size_t start = 0;  // Where the group's text begins in out_.
    bool after_operand = false;
    bool after_or = false;
    std::vector<std::string> pending_not;
  };

  void join() {
    const Group& g = groups_.back();
    if (g.after_or) {
      out_ += " ";
    } else if (g.after_operand) {
      out_ += " AND ";
    }
  }
  void drop_trailing_or(Group& g) {
    if (g.after_or) {
      out_.resize(out_.size() - 3);
      g.after_or = false;
      g.after_operand = true;
    }
  }
  void end_group() {
    Group& g = groups_.back();
    drop_trailing_or(g);
    const bool empty = !g.after_operand;
    const std::size_t start = g.start;
    groups_.pop_back();
    if (empty) {
      // "(" and what joined it go: an empty group (or only exclusions) has no FTS5 form.
      out_.resize(start - 1);
      while (!out_.empty() && (out_.ends_with(' ') || out_.ends_with("AND"))) {
        out_.resize(out_.ends_with(' ') ? out_.size() - 1 : out_.size() - 3);
      }
      return;
    }
    out_ += ")";
    groups_.back().after_operand = true;
    groups_.back().after_or = false;
  }

  std::string out_;
  std::vector<Group> groups_{Group{}};
};

}  // namespace

std::string Fts5Index::to_match(std::string_view query) {
  MatchWriter match;
  std::size_t i = 0;
  while (i < query.size()) {
    if (is_space(query[i])) {
      ++i;
      continue;
    }
    if (query[i] == '(' || query[i] == ')') {
      query[i] == '(' ? match.open() : match.close();
      ++i;
      continue;
    }
    const bool negated = query[i] == '-';
    i += negated ? 1 : 0;
    std::string column;
    if (query.substr(i).starts_with('@')) {
      i += 1;
    } else if (query.substr(i).starts_with("name:")) {
      i += 5;
    } else if (query.substr(i).starts_with("title:")) {
      column = "title : ";
      i += 6;
    }
    if (i < query.size() && query[i] == '"') {
      const std::size_t close = query.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? query.size() : close;
      const std::string_view phrase = query.substr(i + 1, end - i - 1);
      i = close == std::string_view::npos ? query.size() : close + 1;
      if (has_words(phrase)) {
        match.operand(column + quoted(phrase), negated);
      }
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !is_space(query[end]) && query[end] != '(' && query[end] != ')') {
      ++end;
    }
    std::string_view word = query.substr(i, end - i);
    i = end;
    if (!negated && column.empty() && word == "OR") {
      match.or_operator();
      continue;
    }
    if (!negated && column.empty() && word == "AND") {
      continue;  // AND is the default.
    }
    const bool prefix = word.ends_with('*');
    while (word.ends_with('*')) {
      word.remove_suffix(1);
    }
    if (has_words(word)) {
      match.operand(column + quoted(word) + (prefix ? "*" : ""), negated);
    }
  }
  return match.finish();
}

}  // namespace vn::bench
