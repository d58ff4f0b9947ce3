#include "query/query_lexer.h"

#include <algorithm>

namespace vn {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_syntax(char c) { return c == '(' || c == ')' || c == '"'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::expected<std::vector<Lexeme>, QueryError> run() {
    while (pos_ < text_.size()) {
      if (auto ok = step(); !ok) {
        return std::unexpected(ok.error());
      }
    }
    out_.push_back({Lex::kEnd, {}, text_.size(), {}});
    return std::move(out_);
  }

 private:
  std::unexpected<QueryError> error(std::string message, std::size_t offset) const {
    return std::unexpected(QueryError{std::move(message), column_of(text_, offset)});
  }

  std::expected<void, QueryError> step() {
    const char c = text_[pos_];
    if (is_space(c)) {
      ++pos_;
    } else if (c == '(' || c == ')') {
      out_.push_back({c == '(' ? Lex::kOpen : Lex::kClose, text_.substr(pos_, 1), pos_, {}});
      ++pos_;
    } else if (c == '"') {
      auto content = quoted(pos_);
      if (!content) {
        return std::unexpected(content.error());
      }
      out_.push_back({Lex::kPhrase, *content, pos_, {}});
      pos_ += content->size() + 2;
    } else if (c == '-' && pos_ + 1 < text_.size() && !is_space(text_[pos_ + 1])) {
      out_.push_back({Lex::kNot, text_.substr(pos_, 1), pos_, {}});
      ++pos_;
    } else if (c == '@' && pos_ + 1 < text_.size() && !is_space(text_[pos_ + 1])) {
      return field_value("name", pos_, pos_ + 1);
    } else {
      return word();
    }
    return {};
  }

  std::expected<std::string_view, QueryError> quoted(std::size_t open) const {
    const std::size_t close = text_.find('"', open + 1);
    if (close == std::string_view::npos) {
      return error("unbalanced quote", open);
    }
    return text_.substr(open + 1, close - open - 1);
  }

  std::expected<void, QueryError> word() {
    const std::size_t start = pos_;
    std::size_t end = start;
    while (end < text_.size() && !is_space(text_[end]) && !is_syntax(text_[end])) {
      ++end;
    }
    const std::string_view w = text_.substr(start, end - start);
    const std::size_t colon = w.find(':');
    const bool field_like = colon != std::string_view::npos && colon > 0 &&
                            std::all_of(w.begin(), w.begin() + colon, is_ascii_letter) &&
                            !w.substr(colon).starts_with("://");
    if (field_like) {
      const std::string_view name = w.substr(0, colon);
      const bool known = std::find(std::begin(kQueryFields), std::end(kQueryFields), name) !=
                         std::end(kQueryFields);
      const bool has_value = colon + 1 < w.size() || (end < text_.size() && text_[end] == '"');
      if (has_value && !known) {
        return error("unknown field '" + std::string(name) + ":'", start);
      }
      if (known) {
        return field_value(name, start, start + colon + 1);
      }
    }
    const bool prefix = w.size() > 1 && w.back() == '*';
    const Lex kind = w == "OR" ? Lex::kOr : w == "AND" ? Lex::kAnd : Lex::kWords;
    out_.push_back({kind, prefix ? w.substr(0, w.size() - 1) : w, start, {}, false, prefix});
    pos_ = end;
    return {};
  }

  // Reads the value of a field that starts at `value_at` (a quoted phrase or one word).
  std::expected<void, QueryError> field_value(std::string_view name, std::size_t start,
                                              std::size_t value_at) {
    if (value_at < text_.size() && text_[value_at] == '"') {
      auto content = quoted(value_at);
      if (!content) {
        return std::unexpected(content.error());
      }
      out_.push_back({Lex::kField, *content, start, name, true});
      pos_ = value_at + content->size() + 2;
      return {};
    }
    std::size_t end = value_at;
    while (end < text_.size() && !is_space(text_[end]) && !is_syntax(text_[end])) {
      ++end;
    }
    if (end == value_at) {
      return error("'" + std::string(name) + ":' needs a value", start);
    }
    out_.push_back({Lex::kField, text_.substr(value_at, end - value_at), start, name, false});
    pos_ = end;
    return {};
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::vector<Lexeme> out_;
};

}  // namespace

std::size_t column_of(std::string_view text, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return column;
}

std::expected<std::vector<Lexeme>, QueryError> lex_query(std::string_view text) {
  return Lexer(text).run();
}

}  // namespace vn
