#include "query/did_you_mean.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "common/analyzer.h"
#include "common/schema.h"
#include "common/terms.h"
#include "query/query_lexer.h"
#include "query/word_groups.h"

namespace vn {
namespace {

// Accented forms weighed per syllable typed without accents, and matches looked at to count how
// often two forms stand side by side: bound the cost of a suggestion.
constexpr std::size_t kFormsPerSyllable = 3;
constexpr Xapian::doccount kPairSample = 50;

struct Replacement {
  std::size_t begin;  // Bytes of the query.
  std::size_t end;
  std::string text;
};

struct Form {
  std::string key;     // Canonical.
  std::string folded;  // Its folded form: the one corrected, not the one typed, after a typo.
  Xapian::doccount docs = 0;
};

// The accented forms of `folded` in an exact layer, most articles first, at most `limit`.
std::vector<Form> top_forms(const Xapian::Database& db, std::string_view prefix,
                            std::string_view folded, std::size_t limit) {
  const std::string start = term(prefix, folded) + ' ';
  std::vector<Form> forms;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    forms.push_back({std::string(exact_key_of(std::string_view(*it).substr(prefix.size()))),
                     std::string(folded), it.get_termfreq()});
  }
  std::ranges::stable_sort(forms, std::greater<>(), &Form::docs);
  if (forms.size() > limit) {
    forms.resize(limit);
  }
  return forms;
}

// Articles (estimated) where syllable `a` stands right before `b` and both forms occur: the folded
// phrase filtered by the exact syllables. Not checked position by position (query/exact_check.h):
// a count that only ranks candidates need not pay for that.
Xapian::doccount adjacent_count(const Xapian::Database& db, const Form& a, const Form& b) {
  const std::vector<Xapian::Query> pair = {Xapian::Query(term(schema::kFolded, a.folded)),
                                           Xapian::Query(term(schema::kFolded, b.folded))};
  const Xapian::Query phrase(Xapian::Query::OP_PHRASE, pair.begin(), pair.end(), 2);
  const Xapian::Query exact(Xapian::Query::OP_AND,
                            Xapian::Query(exact_term(schema::kExact, a.folded, a.key)),
                            Xapian::Query(exact_term(schema::kExact, b.folded, b.key)));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, phrase, exact));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, kPairSample).get_matches_estimated();
}

// The folded syllable one edit (deletion, substitution, insertion, transposition of a letter)
// from `folded` that the most articles hold, or empty.
std::string nearest_known(const Xapian::Database& db, const std::string& folded) {
  // The longest Vietnamese syllable folded is 7 letters (nghieng); longer words are not
  // corrected, which also bounds the lookups (about 55 per letter). One or two letters are too
  // little to tell which word was meant (`x` is one edit from a dozen syllables).
  constexpr std::size_t kMinCorrected = 3;
  constexpr std::size_t kMaxCorrected = 7;
  if (folded.size() < kMinCorrected || folded.size() > kMaxCorrected) {
    return {};
  }
  std::string best;
  Xapian::doccount best_docs = 0;
  auto consider = [&](const std::string& candidate) {
    if (candidate.empty() || candidate == folded) {
      return;
    }
    const Xapian::doccount docs = db.get_termfreq(term(schema::kFolded, candidate));
    if (docs > best_docs) {
      best_docs = docs;
      best = candidate;
    }
  };
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    for (char c = 'a'; c <= 'z'; ++c) {
      consider(folded.substr(0, i) + c + folded.substr(i));  // Insertion.
      if (i < folded.size()) {
        std::string s = folded;
        s[i] = c;
        consider(s);  // Substitution.
      }
    }
    if (i < folded.size()) {
      consider(folded.substr(0, i) + folded.substr(i + 1));  // Deletion.
    }
    if (i + 1 < folded.size()) {
      std::string s = folded;
      std::swap(s[i], s[i + 1]);
      consider(s);  // Transposition.
    }
  }
  return best;
}

// `key` written with the capitals the user typed.
std::string with_case_of(const std::string& key, const Syllable& typed) {
  if (!typed.upper_initial) {
    return key;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
  if (typed.all_upper) {
    u.toUpper();
  } else {
    u.replace(0, u.moveIndex32(0, 1), icu::UnicodeString(u, 0, u.moveIndex32(0, 1)).toUpper());
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

class Rewriter {
 public:
  Rewriter(const Xapian::Database& db, const Lexicon& lexicon) : db_(db), lexicon_(lexicon) {}

  // Adds the replacements for free text found at byte `offset` of the query.
  void text(std::string_view content, std::size_t offset) {
    analyze(content, analysis_, {.repair_glued = false});
    std::vector<TokenRange> words;
    for (const TokenRange& run : word_runs(analysis_, analysis_.tokens.size())) {
      if (analysis_.tokens[run.first].kind != TokenKind::kWord) {
        continue;  // Numbers and symbols have no accents to restore.
      }
      words.clear();
      append_words(analysis_, run, &lexicon_, words);
      for (const TokenRange& w : words) {
        word(syllables_of(analysis_, w));
      }
      choose(syllables_of(analysis_, run), offset);
    }
  }

  std::vector<Replacement> take() { return std::move(replacements_); }

 private:
  // The forms a word typed as `syllables` may stand for, syllable by syllable.
  void word(std::span<const Syllable> syllables) {
    const bool accented = std::ranges::any_of(syllables, &Syllable::accented);
    if (!accented && syllables.size() > 1) {
      std::string folded;
      for (const Syllable& s : syllables) {
        folded += folded.empty() ? "" : "_";
        folded += s.folded;
      }
      const std::vector<Form> best = top_forms(db_, schema::kWord, folded, 1);
      if (!best.empty()) {
        const std::string& key = best.front().key;
        for (std::size_t p = 0, k = 0; k < syllables.size(); ++k) {
          const std::size_t e = std::min(key.find('_', p), key.size());
          choices_.push_back({{key.substr(p, e - p), syllables[k].folded, best.front().docs}});
          p = e + 1;
        }
        return;
      }
    }
    for (const Syllable& s : syllables) {
      choices_.push_back(syllable_forms(s));
    }
  }

  // A syllable's possible forms: itself when the index holds it with the accents typed.
  std::vector<Form> syllable_forms(const Syllable& s) {
    if (s.accented()) {
      const Xapian::doccount docs =
          db_.get_termfreq(exact_term(schema::kExact, s.folded, s.key));
      if (docs > 0) {
        return {{s.key, s.folded, docs}};
      }
    }
    std::string folded = s.folded;
    if (db_.get_termfreq(term(schema::kFolded, folded)) == 0) {
      folded = nearest_known(db_, folded);
    }
    std::vector<Form> forms;
    if (!folded.empty()) {
      forms = top_forms(db_, schema::kExact, folded, s.accented() ? 1 : kFormsPerSyllable);
    }
    if (forms.empty()) {  // Unknown, or known only by a term too long to index exactly.
      forms.push_back({s.key, s.folded, 0});
    }
    return forms;
  }

  // Picks one form per syllable: the sequence whose neighbours stand side by side in the most
  // articles (a Viterbi search over log counts), each form's own frequency breaking ties.
  void choose(std::span<const Syllable> syllables, std::size_t offset) {
    const std::size_t n = syllables.size();
    std::vector<std::vector<double>> score(n);
    std::vector<std::vector<std::size_t>> back(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::vector<Form>& forms = choices_[i];
      score[i].assign(forms.size(), -1e300);
      back[i].assign(forms.size(), 0);
      for (std::size_t f = 0; f < forms.size(); ++f) {
        const double own = 0.01 * std::log1p(forms[f].docs);
        if (i == 0) {
          score[i][f] = own;
          continue;
        }
        for (std::size_t g = 0; g < choices_[i - 1].size(); ++g) {
          const bool fixed = forms.size() == 1 && choices_[i - 1].size() == 1;
          const double pair =
              fixed ? 0
                    : std::log1p(adjacent_count(db_, choices_[i - 1][g], forms[f]));
          if (score[i - 1][g] + pair + own > score[i][f]) {
            score[i][f] = score[i - 1][g] + pair + own;
            back[i][f] = g;
          }
        }
      }
    }
    std::size_t f = static_cast<std::size_t>(
        std::ranges::max_element(score[n - 1]) - score[n - 1].begin());
    for (std::size_t i = n; i-- > 0;) {
      const Syllable& s = syllables[i];
      const std::string& key = choices_[i][f].key;
      if (key != s.key) {
        replacements_.insert(replacements_.begin() + static_cast<std::ptrdiff_t>(first_new_),
                             {offset + s.span.begin, offset + s.span.end, with_case_of(key, s)});
      }
      f = back[i][f];
    }
    choices_.clear();
    first_new_ = replacements_.size();
  }

  const Xapian::Database& db_;
  const Lexicon& lexicon_;
  Analysis analysis_;
  std::vector<std::vector<Form>> choices_;  // Per syllable of the run being read.
  std::vector<Replacement> replacements_;   // In query order.
  std::size_t first_new_ = 0;               // Where the run being chosen inserts its own.
};

}  // namespace

std::optional<std::string> did_you_mean(const Xapian::Database& db, std::string_view query,
                                        const Lexicon& lexicon) {
  const auto lexemes = lex_query(query);
  if (!lexemes) {
    return std::nullopt;
  }
  Rewriter rewriter(db, lexicon);
  const std::vector<Lexeme>& lx = *lexemes;
  for (std::size_t i = 0; i < lx.size(); ++i) {
    const bool free_text = lx[i].kind == Lex::kWords || lx[i].kind == Lex::kPhrase ||
                           (lx[i].kind == Lex::kField &&
                            (lx[i].field == "title" || lx[i].field == "name"));
    // A word being completed (`tr*`) is not misspelt, only unfinished.
    if (!free_text || lx[i].text.empty() || lx[i].prefix) {
      continue;
    }
    const std::size_t begin = static_cast<std::size_t>(lx[i].text.data() - query.data());
    std::size_t end = begin + lx[i].text.size();
    // Consecutive words are one text, as the parser reads them, so compounds typed with spaces
    // are grouped the same way.
    while (lx[i].kind == Lex::kWords && i + 1 < lx.size() && lx[i + 1].kind == Lex::kWords &&
           !lx[i + 1].prefix) {
      ++i;
      end = static_cast<std::size_t>(lx[i].text.data() - query.data()) + lx[i].text.size();
    }
    rewriter.text(query.substr(begin, end - begin), begin);
  }
  std::vector<Replacement> replacements = rewriter.take();
  if (replacements.empty()) {
    return std::nullopt;
  }
  std::string out;
  std::size_t at = 0;
  for (const Replacement& r : replacements) {
    out.append(query.substr(at, r.begin - at));
    out += r.text;
    at = r.end;
  }
  out.append(query.substr(at));
  return out;
}

}  // namespace vn
