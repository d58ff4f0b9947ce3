#include "query/query_parser.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "common/schema.h"
#include "common/terms.h"
#include "query/date_range.h"
#include "query/text_query.h"

namespace vn {
namespace {

// Recursive descent over the lexemes; see the grammar in query_parser.h.
class Parser {
 public:
  Parser(std::string_view text, std::vector<Lexeme> lexemes, const Lexicon* lexicon, bool loose)
      : text_(text), lexemes_(std::move(lexemes)), builder_(lexicon), loose_(loose) {}

  bool grouped_words() const { return grouped_words_; }

  std::expected<ParsedQuery, QueryError> run() {
    if (lexemes_.size() == 1) {
      return std::unexpected(QueryError{"empty query", 1});
    }
    auto q = parse_or(0);
    if (!q) {
      return std::unexpected(q.error());
    }
    if (peek().kind != Lex::kEnd) {
      return error("unexpected ')'", peek().offset);
    }
    out_.query = *q;
    return std::move(out_);
  }

 private:
  using Result = std::expected<Xapian::Query, QueryError>;

  std::unexpected<QueryError> error(std::string message, std::size_t offset) const {
    return std::unexpected(QueryError{std::move(message), column_of(text_, offset)});
  }

  const Lexeme& peek() const { return lexemes_[pos_]; }
  const Lexeme& next() { return lexemes_[pos_++]; }

  Result parse_or(std::size_t depth) {
    if (depth > kMaxQueryDepth) {
      // Named at the '(' that went one level too deep (depth > 0: the lexeme before opened it).
      return error("parentheses nested too deeply (limit " + std::to_string(kMaxQueryDepth) + ")",
                   lexemes_[pos_ - 1].offset);
    }
    const std::size_t runs_before = out_.exact_runs.size();
    auto left = parse_and(depth);
    bool alternatives = false;
    while (left && peek().kind == Lex::kOr) {
      alternatives = true;
      const Lexeme& op = next();
      out_.understood += " OR ";
      const Lex k = peek().kind;
      if (k == Lex::kEnd || k == Lex::kClose || k == Lex::kOr) {
        return error("nothing after OR", op.offset);
      }
      auto right = parse_and(depth);
      if (!right) {
        return right;
      }
      left = Xapian::Query(Xapian::Query::OP_OR, *left, *right);
    }
    if (alternatives) {
      out_.exact_runs.resize(runs_before);  // Either side may match: neither is required.
    }
    return left;
  }

  Result parse_and(std::size_t depth) {
    std::vector<Xapian::Query> positive;
    std::vector<Xapian::Query> negative;
    while (true) {
      const Lex k = peek().kind;
      if (k == Lex::kEnd || k == Lex::kClose || k == Lex::kOr) {
        break;
      }
      if (k == Lex::kAnd) {
        next();
        continue;
      }
      if (!positive.empty() || !negative.empty()) {
        out_.understood += " AND ";
      }
      const bool negated = k == Lex::kNot;
      if (negated) {
        next();
        out_.understood += "NOT ";
      }
      auto q = parse_primary(depth, negated);
      if (!q) {
        return q;
      }
      (negated ? negative : positive).push_back(*q);
    }
    if (positive.empty()) {
      return error(negative.empty() ? "expected a word" : "a query cannot only exclude words",
                   peek().offset);
    }
    Xapian::Query q(Xapian::Query::OP_AND, positive.begin(), positive.end());
    for (const Xapian::Query& n : negative) {
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, n);
    }
    return q;
  }

  Result parse_primary(std::size_t depth, bool negated) {
    const Lexeme& lx = next();
    switch (lx.kind) {
      case Lex::kOpen: {
        out_.understood += "(";
        auto q = parse_or(depth + 1);
        if (!q) {
          return q;
        }
        if (peek().kind != Lex::kClose) {
          return error("unbalanced parenthesis", lx.offset);
        }
        next();
        out_.understood += ")";
        return q;
      }
      case Lex::kPhrase:
        return text(lx, lx.text, {TextLayer::kBody, true, false}, negated);
      case Lex::kWords:
        return words(lx, negated);
      case Lex::kField:
        return field(lx, negated);
      default:
        return error(lx.kind == Lex::kClose ? "unexpected ')'" : "expected a word", lx.offset);
    }
  }

  // Consecutive plain words are analysed together, so a compound typed with spaces stays whole.
  Result words(const Lexeme& first, bool negated) {
    std::size_t end = first.offset + first.text.size();
    bool prefix = first.prefix;
    while (!negated && !prefix && peek().kind == Lex::kWords) {
      const Lexeme& lx = next();
      end = lx.offset + lx.text.size();
      prefix = lx.prefix;
    }
    const std::string_view run = text_.substr(first.offset, end - first.offset);
    return text(first, run, {TextLayer::kBody, false, prefix}, negated);
  }

  Result text(const Lexeme& at, std::string_view content, TextQueryOptions options,
              bool negated) {
    options.loose_words = loose_;
    auto built = builder_.build(content, options, negated ? nullptr : &out_.highlight);
    if (!built) {
      return error(options.phrase ? "empty phrase" : "no searchable word", at.offset);
    }
    out_.understood += built->understood;
    grouped_words_ = grouped_words_ || built->grouped_words;
    if (!negated) {
      std::ranges::move(built->exact_runs, std::back_inserter(out_.exact_runs));
    }
    return built->query;
  }

  Result field(const Lexeme& lx, bool negated) {
    const std::string name(lx.field);
    if (name == "title" || name == "name") {
      out_.understood += name + ":";
      const TextLayer layer = name == "title" ? TextLayer::kTitle : TextLayer::kName;
      return text(lx, lx.text, {layer, true, false}, negated);
    }
    if (name == "date") {
      const auto range = parse_date_range(lx.text);
      if (!range) {
        return error(range.error(), lx.offset);
      }
      out_.understood += "date:" + range->first + ".." + range->second;
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, range->first,
                           range->second);
    }
    const std::string_view prefix = name == "category" ? schema::kCategory : schema::kSource;
    out_.understood += name + ":" + std::string(lx.text);
    // A filter: it selects articles without adding to their score.
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term(prefix, lx.text)), 0);
  }

  std::string_view text_;
  std::vector<Lexeme> lexemes_;
  std::size_t pos_ = 0;
  TextQueryBuilder builder_;
  bool loose_;
  bool grouped_words_ = false;
  ParsedQuery out_;
};

}  // namespace

std::expected<ParsedQuery, QueryError> parse_query(std::string_view text, const Lexicon* lexicon) {
  if (text.size() > kMaxQueryBytes) {
    return std::unexpected(QueryError{
        "query too long (" + std::to_string(text.size()) + " bytes; limit " +
            std::to_string(kMaxQueryBytes) + ")",
        column_of(text, kMaxQueryBytes)});
  }
  auto lexemes = lex_query(text);
  if (!lexemes) {
    return std::unexpected(lexemes.error());
  }
  Parser strict(text, *lexemes, lexicon, false);
  auto parsed = strict.run();
  if (parsed && strict.grouped_words()) {
    Parser loose(text, std::move(*lexemes), lexicon, true);
    if (auto relaxed = loose.run()) {
      parsed->loose = std::make_shared<const ParsedQuery>(std::move(*relaxed));
    }
  }
  return parsed;
}

}  // namespace vn
