// The articles of a search-quality evaluation, read as vnindex reads them (bench_articles.h: the
// same keys, titles and bodies) and analysed by the product's analyser, kept as syllable-key
// sequences so that the ground truth (which articles contain a phrase or a name) is a plain scan
// of the normalised text, independent of the index and its query parser.
// Not for: ranking or querying anything (eval_engines.h); deciding what to ask (eval_tasks.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/token.h"

namespace vn::bench {

// Syllable keys as small integers: the canonical and the folded key share one vocabulary.
using KeyId = std::uint32_t;
inline constexpr KeyId kNoKey = 0xFFFFFFFFu;

// One field (title or body) as the index sees it: every syllable, in order, punctuation dropped.
struct FieldKeys {
  std::vector<KeyId> canonical;      // Syllable::key (NFC, lower case, canonical tone).
  std::vector<KeyId> folded;         // Syllable::folded (no diacritics, đ → d).
  // A sentence or a clause (after punctuation) starts at this syllable (not the field's first):
  // the index leaves a position gap there, so no phrase spans it.
  std::vector<bool> sentence_start;
};

struct EvalArticle {
  std::string key;
  std::string title;
  std::string body;
  FieldKeys title_keys;
  FieldKeys body_keys;
  // The names (capitalised runs, not merely sentence-initial: Analysis::names) of title and body,
  // each as its syllables.
  std::vector<FieldKeys> names;
  // Equal for articles whose bodies have the same syllables without accents: the same story
  // (vnsearch shows one of them, as its duplicate key does).
  std::uint64_t story = 0;
};

// How a phrase's syllables must match the text's.
enum class Accents {
  kExact,    // Every syllable with its own accents: "ngay" is not "ngày".
  kAsTyped,  // What the query language promises for a phrase typed this way: every syllable
             // exact when any has an accent ("ngay bán" is not "ngày bán"), all folded otherwise.
  kIgnored,  // Every syllable folded.
};

// One syllable of a phrase: the key id it must equal, canonical or folded.
struct KeyMatch {
  KeyId id = kNoKey;
  bool folded = false;
};

// Articles (indexes into articles()) containing a syllable sequence.
struct PhraseTruth {
  std::vector<std::uint32_t> anywhere;         // Punctuation and sentence ends ignored.
  std::vector<std::uint32_t> within_sentence;  // At least one occurrence inside one sentence.
};

class EvalCorpus {
 public:
  // Reads every article of a JSON Lines file (compressed or not) as vnindex does: a line that
  // cannot be used is reported on stderr with FILE:LINE and skipped. Throws std::runtime_error
  // when the file cannot be read.
  static EvalCorpus load(const std::filesystem::path& jsonl);

  const std::vector<EvalArticle>& articles() const { return articles_; }

  // The id of a syllable key, or kNoKey when no article has it.
  KeyId id(std::string_view key) const;
  // Ids of `syllables`' canonical keys (kNoKey for unknown ones).
  std::vector<KeyId> canonical_ids(std::span<const Syllable> syllables) const;
  // `syllables` as a phrase to look for, matching as `accents` says.
  std::vector<KeyMatch> pattern(std::span<const Syllable> syllables, Accents accents) const;

  // Every article whose title or body holds `phrase` (contiguous syllables).
  PhraseTruth containing(std::span<const KeyMatch> phrase) const;
  // Every article with a name whose syllables contain `name` contiguously.
  std::vector<std::uint32_t> naming(std::span<const KeyMatch> name) const;

  // The article with this key, if any.
  std::optional<std::uint32_t> find(const std::string& key) const;
  // The text around the first occurrence of `phrase` in an article's title or body, as
  // "…before [match] after…", or empty when it does not occur.
  std::string context(std::uint32_t article, std::span<const KeyMatch> phrase) const;

  // In how many articles a word (Token::key of a word token, e.g. "mặt_trận") occurs.
  std::uint32_t word_df(const std::string& word_key) const;

 private:
  void add(EvalArticle article);
  KeyId intern(const std::string& key);
  void index_field(const Analysis& analysis, FieldKeys& out);
  void collect_names(const Analysis& analysis, EvalArticle& article);

  std::vector<EvalArticle> articles_;
  std::unordered_map<std::string, KeyId> vocabulary_;
  // For each key id, the articles holding it (ascending), per layer: the scan starts from the
  // rarest syllable of a phrase.
  std::vector<std::vector<std::uint32_t>> canonical_postings_;
  std::vector<std::vector<std::uint32_t>> folded_postings_;
  std::unordered_map<std::string, std::uint32_t> word_df_;
  std::unordered_map<std::string, std::uint32_t> by_key_;
};

}  // namespace vn::bench
