#include "tests/bench/eval_corpus.h"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <unordered_set>

#include "common/analyzer.h"
#include "tests/bench/bench_articles.h"

namespace vn::bench {
namespace {

bool matches(const FieldKeys& field, std::size_t at, const KeyMatch& m) {
  return (m.folded ? field.folded : field.canonical)[at] == m.id;
}

// Whether `phrase` occurs in `field` from syllable `at`; with `in_sentence`, without crossing a
// sentence start (the index leaves a position gap there, so phrases cannot span it).
bool occurs_at(const FieldKeys& field, std::span<const KeyMatch> phrase, std::size_t at,
               bool in_sentence) {
  if (at + phrase.size() > field.canonical.size()) {
    return false;
  }
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (!matches(field, at + i, phrase[i]) ||
        (in_sentence && i > 0 && field.sentence_start[at + i])) {
      return false;
    }
  }
  return true;
}

// 0: absent; 1: only across a sentence start; 2: inside a sentence.
int find_in(const FieldKeys& field, std::span<const KeyMatch> phrase) {
  int found = 0;
  for (std::size_t at = 0; at + phrase.size() <= field.canonical.size(); ++at) {
    if (!occurs_at(field, phrase, at, false)) {
      continue;
    }
    if (occurs_at(field, phrase, at, true)) {
      return 2;
    }
    found = 1;
  }
  return found;
}

void add_posting(std::vector<std::vector<std::uint32_t>>& postings, KeyId id,
                 std::uint32_t article) {
  if (postings.size() <= id) {
    postings.resize(id + 1);
  }
  if (postings[id].empty() || postings[id].back() != article) {
    postings[id].push_back(article);
  }
}

}  // namespace

EvalCorpus EvalCorpus::load(const std::filesystem::path& jsonl) {
  EvalCorpus corpus;
  ReadTotals totals;
  const bool read = for_each_article(
      jsonl.string(),
      [&](const Article& a) {
        EvalArticle article;
        article.key = a.key;
        article.title = a.title;
        article.body = a.body;
        corpus.add(std::move(article));
      },
      totals);
  if (!read) {
    throw std::runtime_error("cannot read " + jsonl.string());
  }
  return corpus;
}

void EvalCorpus::add(EvalArticle article) {
  const auto index = static_cast<std::uint32_t>(articles_.size());
  Analysis analysis;
  std::unordered_set<std::string> words;
  for (const bool title : {true, false}) {
    analyze(title ? article.title : article.body, analysis);
    FieldKeys& keys = title ? article.title_keys : article.body_keys;
    index_field(analysis, keys);
    collect_names(analysis, article);
    for (const Token& t : analysis.tokens) {
      if (t.kind == TokenKind::kWord) {
        words.insert(t.key);
      }
    }
    for (std::size_t i = 0; i < keys.canonical.size(); ++i) {
      add_posting(canonical_postings_, keys.canonical[i], index);
      add_posting(folded_postings_, keys.folded[i], index);
    }
  }
  for (const std::string& w : words) {
    ++word_df_[w];
  }
  // The story, as vnsearch collapses duplicates: the body's syllables without accents.
  std::uint64_t h = 1469598103934665603ULL;
  for (const KeyId id : article.body_keys.folded) {
    h = (h ^ id) * 1099511628211ULL;
  }
  article.story = h;
  by_key_[article.key] = index;  // vnindex too keeps the last article of a key.
  articles_.push_back(std::move(article));
}

KeyId EvalCorpus::intern(const std::string& key) {
  const auto [it, added] = vocabulary_.try_emplace(key, static_cast<KeyId>(vocabulary_.size()));
  return it->second;
}

void EvalCorpus::index_field(const Analysis& analysis, FieldKeys& out) {
  for (std::size_t t = 0; t < analysis.tokens.size(); ++t) {
    const Token& token = analysis.tokens[t];
    bool first = true;
    for (const Syllable& s : analysis.syllables_of(token)) {
      out.canonical.push_back(intern(s.key));
      out.folded.push_back(intern(s.folded));
      // The index leaves a position gap at a sentence start and at punctuation inside one.
      out.sentence_start.push_back(first && t > 0 &&
                                   (token.sentence_start || token.follows_punctuation));
      first = false;
    }
  }
}

void EvalCorpus::collect_names(const Analysis& analysis, EvalArticle& article) {
  for (const Name& name : analysis.names) {
    FieldKeys keys;
    for (std::uint32_t t = name.first_token; t < name.first_token + name.token_count; ++t) {
      for (const Syllable& s : analysis.syllables_of(analysis.tokens[t])) {
        keys.canonical.push_back(intern(s.key));
        keys.folded.push_back(intern(s.folded));
        keys.sentence_start.push_back(false);
      }
    }
    article.names.push_back(std::move(keys));
  }
}

KeyId EvalCorpus::id(std::string_view key) const {
  const auto it = vocabulary_.find(std::string(key));
  return it == vocabulary_.end() ? kNoKey : it->second;
}

std::vector<KeyId> EvalCorpus::canonical_ids(std::span<const Syllable> syllables) const {
  std::vector<KeyId> out;
  for (const Syllable& s : syllables) {
    out.push_back(id(s.key));
  }
  return out;
}

std::vector<KeyMatch> EvalCorpus::pattern(std::span<const Syllable> syllables,
                                          Accents accents) const {
  // Typed with any accent, a phrase is exact in every syllable (README "Query language").
  const bool typed_with_accents = std::ranges::any_of(syllables, &Syllable::accented);
  std::vector<KeyMatch> out;
  for (const Syllable& s : syllables) {
    const bool folded =
        accents == Accents::kIgnored || (accents == Accents::kAsTyped && !typed_with_accents);
    out.push_back({id(folded ? s.folded : s.key), folded});
  }
  return out;
}

PhraseTruth EvalCorpus::containing(std::span<const KeyMatch> phrase) const {
  PhraseTruth truth;
  const std::vector<std::uint32_t>* rarest = nullptr;
  for (const KeyMatch& m : phrase) {
    const auto& postings = m.folded ? folded_postings_ : canonical_postings_;
    if (m.id >= postings.size()) {
      return truth;  // Unknown syllable (kNoKey): nothing holds it.
    }
    if (rarest == nullptr || postings[m.id].size() < rarest->size()) {
      rarest = &postings[m.id];
    }
  }
  if (rarest == nullptr) {
    return truth;
  }
  for (const std::uint32_t a : *rarest) {
    const EvalArticle& article = articles_[a];
    const int found =
        std::max(find_in(article.title_keys, phrase), find_in(article.body_keys, phrase));
    if (found > 0) {
      truth.anywhere.push_back(a);
    }
    if (found == 2) {
      truth.within_sentence.push_back(a);
    }
  }
  return truth;
}

std::vector<std::uint32_t> EvalCorpus::naming(std::span<const KeyMatch> name) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t a = 0; a < articles_.size(); ++a) {
    const auto has = [&](const FieldKeys& run) { return find_in(run, name) > 0; };
    if (std::any_of(articles_[a].names.begin(), articles_[a].names.end(), has)) {
      out.push_back(a);
    }
  }
  return out;
}

std::optional<std::uint32_t> EvalCorpus::find(const std::string& key) const {
  const auto it = by_key_.find(key);
  return it == by_key_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
}

std::string EvalCorpus::context(std::uint32_t article, std::span<const KeyMatch> phrase) const {
  constexpr std::size_t kAround = 40;  // Bytes of text shown on each side.
  const EvalArticle& a = articles_[article];
  Analysis analysis;
  for (const std::string* text : {&a.title, &a.body}) {
    analyze(*text, analysis);
    FieldKeys keys;
    for (const Syllable& s : analysis.syllables) {
      keys.canonical.push_back(id(s.key));
      keys.folded.push_back(id(s.folded));
      keys.sentence_start.push_back(false);
    }
    std::size_t first = 0;
    while (first + phrase.size() <= keys.canonical.size() &&
           !occurs_at(keys, phrase, first, false)) {
      ++first;
    }
    if (phrase.empty() || first + phrase.size() > keys.canonical.size()) {
      continue;
    }
    const std::uint32_t begin = analysis.syllables[first].span.begin;
    const std::uint32_t end = analysis.syllables[first + phrase.size() - 1].span.end;
    // Widen to whole UTF-8 characters.
    std::size_t from = begin > kAround ? begin - kAround : 0;
    while (from > 0 && (static_cast<unsigned char>((*text)[from]) & 0xC0) == 0x80) {
      --from;
    }
    std::size_t to = std::min(text->size(), std::size_t{end} + kAround);
    while (to < text->size() && (static_cast<unsigned char>((*text)[to]) & 0xC0) == 0x80) {
      ++to;
    }
    const std::string_view t(*text);
    std::string out = "…";
    out.append(t.substr(from, begin - from)).append("[").append(t.substr(begin, end - begin));
    out.append("]").append(t.substr(end, to - end)).append("…");
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
  }
  return {};
}

std::uint32_t EvalCorpus::word_df(const std::string& word_key) const {
  const auto it = word_df_.find(word_key);
  return it == word_df_.end() ? 0 : it->second;
}

}  // namespace vn::bench
