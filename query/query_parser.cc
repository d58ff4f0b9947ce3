#include "query/query_parser.h"

#include <vector>

#include "common/analyzer.h"
#include "common/schema.h"
#include "common/segmenter.h"
#include "common/terms.h"
#include "query/index_lexicon.h"

namespace vn {
namespace {

enum class Lex { kWords, kPhrase, kOpen, kClose, kNot, kOr, kAnd, kEnd };

struct Lexeme {
  Lex kind;
  std::string_view text;  // Words or phrase content.
  std::size_t offset;     // Byte offset in the query.
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_syntax(char c) { return c == '(' || c == ')' || c == '"'; }

std::size_t column_of(std::string_view text, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return column;
}

class Parser {
 public:
  Parser(std::string_view text, const Lexicon* lexicon) : text_(text), lexicon_(lexicon) {}

  std::expected<ParsedQuery, QueryError> run() {
    if (auto lexed = lex(); !lexed) {
      return std::unexpected(lexed.error());
    }
    if (lexemes_.size() == 1) {
      return std::unexpected(QueryError{"empty query", 1});
    }
    ParsedQuery out;
    auto q = parse_or(out, 0);
    if (!q) {
      return std::unexpected(q.error());
    }
    if (peek().kind != Lex::kEnd) {
      return error("unexpected ')'", peek().offset);
    }
    out.query = *q;
    return out;
  }

 private:
  using Result = std::expected<Xapian::Query, QueryError>;

  std::unexpected<QueryError> error(std::string message, std::size_t offset) const {
    return std::unexpected(QueryError{std::move(message), column_of(text_, offset)});
  }

  std::expected<void, QueryError> lex() {
    std::size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      if (is_space(c)) {
        ++i;
      } else if (c == '(' || c == ')') {
        lexemes_.push_back({c == '(' ? Lex::kOpen : Lex::kClose, text_.substr(i, 1), i});
        ++i;
      } else if (c == '"') {
        const std::size_t close = text_.find('"', i + 1);
        if (close == std::string_view::npos) {
          return error("unbalanced quote", i);
        }
        lexemes_.push_back({Lex::kPhrase, text_.substr(i + 1, close - i - 1), i});
        i = close + 1;
      } else if (c == '-' && i + 1 < text_.size() && !is_space(text_[i + 1])) {
        lexemes_.push_back({Lex::kNot, text_.substr(i, 1), i});
        ++i;
      } else {
        std::size_t end = i;
        while (end < text_.size() && !is_space(text_[end]) && !is_syntax(text_[end])) {
          ++end;
        }
        const std::string_view word = text_.substr(i, end - i);
        const Lex kind = word == "OR" ? Lex::kOr : word == "AND" ? Lex::kAnd : Lex::kWords;
        lexemes_.push_back({kind, word, i});
        i = end;
      }
    }
    lexemes_.push_back({Lex::kEnd, {}, text_.size()});
    return {};
  }

  const Lexeme& peek() const { return lexemes_[pos_]; }
  const Lexeme& next() { return lexemes_[pos_++]; }

  Result parse_or(ParsedQuery& out, std::size_t depth) {
    if (depth > kMaxQueryDepth) {
      return error("too deeply nested", peek().offset);
    }
    auto left = parse_and(out, depth);
    while (left && peek().kind == Lex::kOr) {
      const Lexeme& op = next();
      out.understood += " OR ";
      auto right = parse_and(out, depth);
      if (!right) {
        return right.error().message == "expected a word" ? error("nothing after OR", op.offset)
                                                          : right;
      }
      left = Xapian::Query(Xapian::Query::OP_OR, *left, *right);
    }
    return left;
  }

  Result parse_and(ParsedQuery& out, std::size_t depth) {
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
        out.understood += " AND ";
      }
      const bool negated = k == Lex::kNot;
      if (negated) {
        next();
        out.understood += "NOT ";
      }
      auto q = parse_primary(out, depth, negated);
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

  Result parse_primary(ParsedQuery& out, std::size_t depth, bool negated) {
    const Lexeme& lx = next();
    switch (lx.kind) {
      case Lex::kOpen: {
        out.understood += "(";
        auto q = parse_or(out, depth + 1);
        if (!q) {
          return q;
        }
        if (peek().kind != Lex::kClose) {
          return error("unbalanced parenthesis", lx.offset);
        }
        next();
        out.understood += ")";
        return q;
      }
      case Lex::kPhrase:
        return text_query(out, lx, /*phrase=*/true, negated);
      case Lex::kWords:
        return words_query(out, lx, negated);
      default:
        return error(lx.kind == Lex::kClose ? "unexpected ')'" : "expected a word", lx.offset);
    }
  }

  // Consecutive plain words are analysed together, so a compound typed with spaces stays whole.
  Result words_query(ParsedQuery& out, const Lexeme& first, bool negated) {
    std::size_t end = first.offset + first.text.size();
    while (!negated && peek().kind == Lex::kWords) {
      const Lexeme& lx = next();
      end = lx.offset + lx.text.size();
    }
    const Lexeme run{Lex::kWords, text_.substr(first.offset, end - first.offset), first.offset};
    return text_query(out, run, /*phrase=*/false, negated);
  }

  Result text_query(ParsedQuery& out, const Lexeme& lx, bool phrase, bool negated) {
    analyze(lx.text, analysis_);
    if (analysis_.tokens.empty()) {
      return error(phrase ? "empty phrase" : "no searchable word", lx.offset);
    }
    if (!negated) {
      for (const Syllable& s : analysis_.syllables) {
        out.highlight.add(s);
      }
    }
    const std::vector<Group> groups = word_groups();
    out.understood += describe(groups, phrase);
    if (phrase) {
      return adjacent_query(groups);
    }
    std::vector<Xapian::Query> parts;
    for (const Group& g : groups) {
      parts.push_back(adjacent_query({&g, 1}));
    }
    Xapian::Query all(Xapian::Query::OP_AND, parts.begin(), parts.end());
    if (parts.size() > 1) {
      // Words typed together rank higher where they also stand together.
      all = Xapian::Query(Xapian::Query::OP_AND_MAYBE, all, adjacent_query(groups));
    }
    return all;
  }

  // A run of tokens that the query means as one word.
  struct Group {
    std::size_t first;  // Token indexes [first, last).
    std::size_t last;
  };

  std::span<const Syllable> syllables_of(const Group& g) const {
    const Token& first = analysis_.tokens[g.first];
    const Token& last = analysis_.tokens[g.last - 1];
    return {analysis_.syllables.data() + first.first_syllable,
            last.first_syllable + last.syllable_count - first.first_syllable};
  }

  static bool single_syllable_word(const Token& t) {
    return t.kind == TokenKind::kWord && t.syllable_count == 1;
  }

  // Groups the analysed tokens into words: a compound typed with underscores is one word; a run
  // of syllables typed with spaces is split into the words the lexicon knows.
  std::vector<Group> word_groups() const {
    std::vector<Group> groups;
    const auto& tokens = analysis_.tokens;
    for (std::size_t i = 0; i < tokens.size();) {
      std::size_t j = i + 1;
      while (single_syllable_word(tokens[i]) && j < tokens.size() &&
             single_syllable_word(tokens[j]) && !tokens[j].follows_punctuation) {
        ++j;
      }
      if (j - i == 1 || lexicon_ == nullptr) {
        for (std::size_t k = i; k < j; ++k) {
          groups.push_back({k, k + 1});
        }
      } else {
        std::size_t k = i;
        for (std::size_t len : segment(syllables_of({i, j}), *lexicon_)) {
          groups.push_back({k, k + len});
          k += len;
        }
      }
      i = j;
    }
    return groups;
  }

  // The groups as adjacent syllables: a phrase over the folded layer, filtered by the exact layer
  // for syllables typed with accents, and boosted where each group is one word of the text.
  Xapian::Query adjacent_query(std::span<const Group> groups) const {
    std::vector<Xapian::Query> positional;
    std::vector<Xapian::Query> exact;
    std::vector<Xapian::Query> words;
    for (const Group& g : groups) {
      for (std::size_t i = g.first; i < g.last; ++i) {
        const Token& t = analysis_.tokens[i];
        if (t.kind != TokenKind::kWord) {
          positional.emplace_back(term(schema::kFolded, t.folded));
          if (t.key != t.folded) {
            exact.emplace_back(term(schema::kExact, t.key));
          }
          continue;
        }
        for (const Syllable& s : analysis_.syllables_of(t)) {
          positional.emplace_back(term(schema::kFolded, s.folded));
          if (s.accented()) {
            exact.emplace_back(term(schema::kExact, s.key));
          }
        }
      }
      if (const auto syllables = syllables_of(g); syllables.size() > 1) {
        words.emplace_back(word_term(syllables));
      }
    }
    Xapian::Query q = positional.size() == 1
                          ? positional.front()
                          : Xapian::Query(Xapian::Query::OP_PHRASE, positional.begin(),
                                          positional.end(), positional.size());
    if (positional.size() == 1 && exact.size() == 1) {
      q = exact.front();  // One accented syllable: the exact term alone is precise and ranks.
    } else if (!exact.empty()) {
      q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                        Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end()));
    }
    if (!words.empty()) {
      q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                        Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
    }
    return q;
  }

  std::string describe(const std::vector<Group>& groups, bool phrase) const {
    std::string s;
    for (const Group& g : groups) {
      const auto syllables = syllables_of(g);
      const bool word = analysis_.tokens[g.first].kind == TokenKind::kWord;
      const bool quoted = word && syllables.size() > 1 && !phrase;
      s += s.empty() ? "" : (phrase ? " " : " AND ");
      s += quoted ? "\"" : "";
      if (!word) {
        s += analysis_.tokens[g.first].key;
      } else {
        for (std::size_t i = 0; i < syllables.size(); ++i) {
          s += i > 0 ? " " : "";
          s += syllables[i].accented() ? syllables[i].key : syllables[i].folded;
        }
      }
      s += quoted ? "\"" : "";
    }
    return phrase ? "\"" + s + "\"" : s;
  }

  std::string_view text_;
  std::vector<Lexeme> lexemes_;
  std::size_t pos_ = 0;
  const Lexicon* lexicon_;
  Analysis analysis_;
};

}  // namespace

std::expected<ParsedQuery, QueryError> parse_query(std::string_view text, const Lexicon* lexicon) {
  if (text.size() > kMaxQueryBytes) {
    return std::unexpected(QueryError{
        "query too long (" + std::to_string(text.size()) + " bytes; limit " +
            std::to_string(kMaxQueryBytes) + ")",
        column_of(text, kMaxQueryBytes)});
  }
  return Parser(text, lexicon).run();
}

}  // namespace vn
