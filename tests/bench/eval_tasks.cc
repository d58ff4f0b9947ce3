#include "tests/bench/eval_tasks.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <unordered_map>

#include "common/analyzer.h"
#include "tests/bench/query_variants.h"

namespace vn::bench {
namespace {

using Rng = std::mt19937_64;  // Fully specified by the standard: the same draws everywhere.

std::size_t pick(Rng& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

std::span<const Syllable> syllables_of_tokens(const Analysis& a, std::uint32_t first,
                                              std::uint32_t count) {
  const Token& last = a.tokens[first + count - 1];
  const std::uint32_t begin = a.tokens[first].first_syllable;
  return {a.syllables.data() + begin, last.first_syllable + last.syllable_count - begin};
}

// ---- Match sets -------------------------------------------------------------------------------

struct Judged {
  std::vector<std::uint32_t> missed;  // In the truth, not matched.
  std::vector<std::uint32_t> extra;   // Matched, not in the truth.
};

// Scores an engine's match set (keys) against the truth (ascending article indexes), and counts
// the matches that are also in `strict` (a narrower truth).
Judged judge(const EvalCorpus& corpus, const std::vector<std::string>& keys,
             const std::vector<std::uint32_t>& truth, const std::vector<std::uint32_t>& strict,
             Tally& tally) {
  std::vector<std::uint32_t> matched;
  for (const std::string& key : keys) {
    if (const auto a = corpus.find(key)) {
      matched.push_back(*a);
    } else {
      ++tally.unknown_keys;
    }
  }
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
  Judged j;
  std::set_difference(truth.begin(), truth.end(), matched.begin(), matched.end(),
                      std::back_inserter(j.missed));
  std::set_difference(matched.begin(), matched.end(), truth.begin(), truth.end(),
                      std::back_inserter(j.extra));
  const std::size_t correct = matched.size() - j.extra.size();
  for (const std::uint32_t a : matched) {
    tally.strict_correct += std::binary_search(strict.begin(), strict.end(), a) ? 1 : 0;
  }
  ++tally.queries;
  tally.truth += truth.size();
  tally.returned += matched.size();
  tally.correct += correct;
  tally.full_recall += j.missed.empty() ? 1 : 0;
  tally.full_precision += j.extra.empty() ? 1 : 0;
  tally.precision_sum += matched.empty() ? 1.0 : static_cast<double>(correct) / matched.size();
  return j;
}

// "key: …context…" for one article of a failure list.
std::string example(const EvalCorpus& corpus, std::uint32_t article,
                    std::span<const KeyMatch> phrase) {
  std::string context = corpus.context(article, phrase);
  if (context.empty()) {
    context = "(absent, even without accents)";
  }
  return "`" + corpus.articles()[article].key + "` " + context;
}

// ---- Phrase exactness -------------------------------------------------------------------------

struct Phrase {
  TypedForms forms;
  std::vector<KeyMatch> exact;     // Every syllable with its accents (any form, any placement).
  std::vector<KeyMatch> as_typed;  // Syllables without accents folded (the query's promise).
  std::vector<KeyMatch> folded;    // Every syllable folded.
  PhraseTruth exact_truth;
  PhraseTruth as_typed_truth;
  PhraseTruth folded_truth;
};

// 2–5 adjacent words of one sentence of a random article's body, or nullopt for a bad draw.
std::optional<Phrase> draw_phrase(const EvalCorpus& corpus, Rng& rng, Analysis& analysis) {
  analyze(corpus.articles()[pick(rng, corpus.articles().size())].body, analysis);
  const std::size_t length = 2 + pick(rng, 4);
  if (analysis.tokens.size() < length) {
    return std::nullopt;
  }
  const auto first = static_cast<std::uint32_t>(pick(rng, analysis.tokens.size() - length + 1));
  for (std::uint32_t i = first; i < first + length; ++i) {
    const Token& t = analysis.tokens[i];
    if (t.kind != TokenKind::kWord || (i > first && (t.sentence_start || t.follows_punctuation))) {
      return std::nullopt;
    }
  }
  Phrase p;
  p.forms = typed_forms(analysis, first, static_cast<std::uint32_t>(length));
  const auto syllables = syllables_of_tokens(analysis, first, static_cast<std::uint32_t>(length));
  p.exact = corpus.pattern(syllables, Accents::kExact);
  p.as_typed = corpus.pattern(syllables, Accents::kAsTyped);
  p.folded = corpus.pattern(syllables, Accents::kIgnored);
  return p;
}

std::vector<Phrase> sample_phrases(const EvalCorpus& corpus, Rng& rng, std::size_t count,
                                   bool movable_tone) {
  std::vector<Phrase> phrases;
  std::set<std::string> seen;
  Analysis analysis;
  for (std::size_t draws = 0; phrases.size() < count && draws < count * 2000; ++draws) {
    auto p = draw_phrase(corpus, rng, analysis);
    if (!p || (movable_tone && !p->forms.other_tone) || !seen.insert(p->forms.upper).second) {
      continue;
    }
    p->exact_truth = corpus.containing(p->exact);
    p->as_typed_truth = corpus.containing(p->as_typed);
    p->folded_truth = corpus.containing(p->folded);
    phrases.push_back(std::move(*p));
  }
  return phrases;
}

struct Variant {
  const char* label;
  std::string TypedForms::* form;  // Null: the other tone placement.
  bool folded;
};

constexpr Variant kVariants[] = {
    {"typed with underscores", &TypedForms::underscores, false},
    {"typed with spaces", &TypedForms::spaces, false},
    {"without accents (truth: folded scan)", &TypedForms::folded, true},
    {"upper case", &TypedForms::upper, false},
    {"NFD", &TypedForms::nfd, false},
    {"other tone placement (hòa ↔ hoà)", nullptr, false},
};

void describe_phrase_failure(const EvalCorpus& corpus, const Engine& engine, const char* label,
                             const std::string& query, const Phrase& p, bool folded,
                             const Judged& j, std::vector<std::string>& out) {
  const PhraseTruth& truth = folded ? p.folded_truth : p.as_typed_truth;
  const auto& pattern = folded ? p.folded : p.as_typed;
  std::string line = "- " + std::string(engine.name()) + ", " + label + ": `" + query +
                     "` — truth " + std::to_string(truth.anywhere.size()) + " articles";
  if (!engine.last_error().empty()) {
    line += "; query rejected: " + engine.last_error();
  }
  if (!j.missed.empty()) {
    // Prefer a miss inside one sentence: a miss across a sentence end is by design.
    auto shown = std::find_if(j.missed.begin(), j.missed.end(), [&](std::uint32_t a) {
      return std::binary_search(truth.within_sentence.begin(), truth.within_sentence.end(), a);
    });
    const bool across = shown == j.missed.end();
    line += "; missed " + std::to_string(j.missed.size()) + ", e.g. " +
            example(corpus, across ? j.missed.front() : *shown, pattern) +
            (across ? " (only across a sentence end)" : "");
  }
  if (!j.extra.empty()) {
    line += "; matched " + std::to_string(j.extra.size()) + " without the phrase, e.g. " +
            example(corpus, j.extra.front(), p.folded);
  }
  out.push_back(std::move(line));
}

// ---- Known item -------------------------------------------------------------------------------

// The four words of `body` with the highest tf-idf (seen in at least one other article), in the
// order they first appear, typed with spaces: what a reader might remember of it.
std::string distinctive_words(const EvalCorpus& corpus, const Analysis& body) {
  struct Stat {
    std::size_t tf = 0;
    std::size_t first = 0;
  };
  std::unordered_map<std::string, Stat> stats;
  for (std::size_t i = 0; i < body.tokens.size(); ++i) {
    const Token& t = body.tokens[i];
    const bool letters =
        std::none_of(t.key.begin(), t.key.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (t.kind == TokenKind::kWord && letters && t.key.size() > 1) {
      auto [it, added] = stats.try_emplace(t.key, Stat{0, i});
      ++it->second.tf;
    }
  }
  const double n = static_cast<double>(corpus.articles().size());
  std::vector<std::tuple<double, std::size_t, std::string>> ranked;  // -score, first, key
  for (const auto& [key, s] : stats) {
    const std::uint32_t df = corpus.word_df(key);
    if (df >= 2) {
      ranked.emplace_back(-static_cast<double>(s.tf) * std::log(n / df), s.first, key);
    }
  }
  std::sort(ranked.begin(), ranked.end());
  ranked.resize(std::min<std::size_t>(ranked.size(), 4));
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return std::get<1>(a) < std::get<1>(b); });
  std::string out;
  for (const auto& r : ranked) {
    out += out.empty() ? "" : " ";
    out += std::get<2>(r);
  }
  std::replace(out.begin(), out.end(), '_', ' ');
  return ranked.size() < 2 ? std::string() : out;
}

// A name of the article as `@"Name"`: one of several syllables when it has any.
std::string name_query(const Analysis& title, const Analysis& body, Rng& rng) {
  std::vector<std::string> names;
  std::vector<std::string> short_names;
  for (const Analysis* a : {&title, &body}) {
    for (const Name& n : a->names) {
      std::string display = display_form(*a, n.first_token, n.token_count);
      const bool several = syllables_of_tokens(*a, n.first_token, n.token_count).size() > 1;
      (several ? names : short_names).push_back(std::move(display));
    }
  }
  const auto& from = names.empty() ? short_names : names;
  return from.empty() ? std::string() : "@" + in_quotes(from[pick(rng, from.size())]);
}

// 1-based rank of the article (or one of the same story) among `keys`, 0 when absent.
std::size_t rank_of(const EvalCorpus& corpus, const std::vector<std::string>& keys,
                    std::uint32_t target, Tally& tally) {
  const std::uint64_t story = corpus.articles()[target].story;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    const auto a = corpus.find(keys[r]);
    tally.unknown_keys += a ? 0 : 1;
    if (a && corpus.articles()[*a].story == story) {
      return r + 1;
    }
  }
  return 0;
}

struct KnownItemFailure {
  bool others_found;  // Some other engine ranked it in its top 10: most telling first.
  std::string line;
};

}  // namespace

TaskReport phrase_exactness(const EvalCorpus& corpus, std::span<Engine* const> engines,
                            const EvalOptions& options) {
  Rng rng(options.seed);
  const std::vector<Phrase> phrases = sample_phrases(corpus, rng, options.phrases, false);
  const std::vector<Phrase> tone = sample_phrases(corpus, rng, options.tone_phrases, true);
  TaskReport report;
  for (const Variant& v : kVariants) {
    Row row{v.label, std::vector<Tally>(engines.size())};
    std::vector<std::size_t> listed(engines.size());
    for (const Phrase& p : v.form == nullptr ? tone : phrases) {
      const std::string query =
          in_quotes(v.form == nullptr ? *p.forms.other_tone : p.forms.*v.form);
      const PhraseTruth& truth = v.folded ? p.folded_truth : p.as_typed_truth;
      const PhraseTruth& strict = v.folded ? p.folded_truth : p.exact_truth;
      for (std::size_t e = 0; e < engines.size(); ++e) {
        Tally& tally = row.engines[e];
        const std::vector<std::string> keys = engines[e]->all(query, truth.anywhere.size());
        tally.errors += engines[e]->last_error().empty() ? 0 : 1;
        // The truth is the phrase inside a sentence and between punctuation, as a phrase query
        // promises (the index leaves a position gap at both).
        const Judged j =
            judge(corpus, keys, truth.within_sentence, strict.within_sentence, tally);
        const auto in = [](const std::vector<std::uint32_t>& set, std::uint32_t a) {
          return std::binary_search(set.begin(), set.end(), a);
        };
        for (const std::uint32_t a : j.missed) {
          if (!in(truth.within_sentence, a)) {
            ++tally.missed_across_sentences;
          } else if (!in(strict.anywhere, a)) {
            ++tally.missed_other_accents;
          }
        }
        if ((!j.missed.empty() || !j.extra.empty()) && listed[e] < options.examples) {
          ++listed[e];
          describe_phrase_failure(corpus, *engines[e], v.label, query, p, v.folded, j,
                                  report.failures);
        }
      }
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

TaskReport known_item(const EvalCorpus& corpus, std::span<Engine* const> engines,
                      const EvalOptions& options) {
  Rng rng(options.seed + 1);
  const auto& articles = corpus.articles();
  std::vector<std::uint32_t> items;
  std::set<std::uint32_t> chosen;
  for (std::size_t draws = 0; items.size() < options.items && draws < options.items * 100;
       ++draws) {
    const auto a = static_cast<std::uint32_t>(pick(rng, articles.size()));
    if (!articles[a].title.empty() && !articles[a].body.empty() && chosen.insert(a).second) {
      items.push_back(a);
    }
  }
  const char* labels[] = {"title without accents", "four distinctive words of the body",
                          "a name in it: `@\"name\"` (FTS5: the phrase)"};
  TaskReport report;
  std::vector<std::vector<KnownItemFailure>> failures(std::size(labels));
  for (const char* label : labels) {
    report.rows.push_back({label, std::vector<Tally>(engines.size())});
  }
  Analysis title;
  Analysis body;
  for (const std::uint32_t a : items) {
    analyze(articles[a].title, title);
    analyze(articles[a].body, body);
    const std::string queries[] = {folded_query(title), distinctive_words(corpus, body),
                                   name_query(title, body, rng)};
    for (std::size_t q = 0; q < std::size(queries); ++q) {
      if (queries[q].empty()) {
        continue;
      }
      std::vector<std::size_t> ranks;
      std::vector<std::string> errors;
      for (std::size_t e = 0; e < engines.size(); ++e) {
        Tally& tally = report.rows[q].engines[e];
        const std::size_t rank = rank_of(corpus, engines[e]->top(queries[q], 10), a, tally);
        ++tally.queries;
        tally.errors += engines[e]->last_error().empty() ? 0 : 1;
        tally.at_1 += rank == 1 ? 1 : 0;
        tally.at_10 += rank >= 1 ? 1 : 0;
        tally.reciprocal_rank_sum += rank >= 1 ? 1.0 / static_cast<double>(rank) : 0.0;
        ranks.push_back(rank);
        errors.push_back(engines[e]->last_error());
      }
      for (std::size_t e = 0; e < engines.size(); ++e) {
        if (ranks[e] != 0) {
          continue;
        }
        std::string line = "- " + std::string(engines[e]->name()) + ", " + labels[q] + ": `" +
                           queries[q] + "` for `" + articles[a].key + "` (" + articles[a].title +
                           "): not in the top 10";
        line += errors[e].empty() ? "" : " (query rejected: " + errors[e] + ")";
        bool others_found = false;
        for (std::size_t o = 0; o < engines.size(); ++o) {
          if (o != e) {
            line += "; " + std::string(engines[o]->name()) + " rank " +
                    (ranks[o] ? std::to_string(ranks[o]) : "—");
            others_found = others_found || ranks[o] != 0;
          }
        }
        failures[q].push_back({others_found, std::move(line)});
      }
    }
  }
  for (auto& list : failures) {
    std::stable_sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
      return x.others_found && !y.others_found;
    });
    for (std::size_t e = 0; e < engines.size(); ++e) {
      std::size_t listed = 0;
      const std::string prefix = "- " + std::string(engines[e]->name()) + ",";
      for (const auto& f : list) {
        if (f.line.starts_with(prefix) && listed++ < options.examples) {
          report.failures.push_back(f.line);
        }
      }
    }
  }
  return report;
}

TaskReport name_precision(const EvalCorpus& corpus, std::span<Engine* const> engines,
                          const EvalOptions& options) {
  const auto& articles = corpus.articles();
  std::map<std::vector<KeyId>, std::pair<std::uint32_t, std::uint32_t>> docs;  // df, first article
  for (std::uint32_t a = 0; a < articles.size(); ++a) {
    std::set<std::vector<KeyId>> distinct;
    for (const FieldKeys& name : articles[a].names) {
      distinct.insert(name.canonical);
    }
    for (const auto& name : distinct) {
      auto [it, added] = docs.try_emplace(name, 0, a);
      ++it->second.first;
    }
  }
  std::vector<std::pair<std::uint32_t, const std::vector<KeyId>*>> frequent;
  for (const auto& [name, stat] : docs) {
    frequent.emplace_back(stat.first, &name);
  }
  std::stable_sort(frequent.begin(), frequent.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  frequent.resize(std::min(frequent.size(), options.names));

  TaskReport report;
  report.rows.push_back(
      {"`@\"name\"`, the most frequent names", std::vector<Tally>(engines.size())});
  std::vector<std::size_t> listed(engines.size());
  Analysis analysis;
  for (const auto& [df, name] : frequent) {
    // The display form of its first occurrence, as a reader would copy it.
    const EvalArticle& first = articles[docs.at(*name).second];
    std::string display;
    std::vector<KeyMatch> as_typed;  // What `@"display"` promises to match.
    std::vector<KeyMatch> folded;    // To show how a wrong match writes it.
    for (const std::string* text : {&first.title, &first.body}) {
      analyze(*text, analysis);
      for (const Name& n : analysis.names) {
        const auto syllables = syllables_of_tokens(analysis, n.first_token, n.token_count);
        if (display.empty() && corpus.canonical_ids(syllables) == *name) {
          display = display_form(analysis, n.first_token, n.token_count);
          as_typed = corpus.pattern(syllables, Accents::kAsTyped);
          folded = corpus.pattern(syllables, Accents::kIgnored);
        }
      }
    }
    const std::string query = "@" + in_quotes(display);
    const std::vector<std::uint32_t> truth = corpus.naming(as_typed);
    for (std::size_t e = 0; e < engines.size(); ++e) {
      const std::vector<std::string> keys = engines[e]->all(query, truth.size());
      Tally& tally = report.rows[0].engines[e];
      tally.errors += engines[e]->last_error().empty() ? 0 : 1;
      const Judged j = judge(corpus, keys, truth, truth, tally);
      if ((!j.missed.empty() || !j.extra.empty()) && listed[e]++ < options.examples) {
        std::string line = "- " + std::string(engines[e]->name()) + ", names: `" + query +
                           "` — written as a name in " + std::to_string(truth.size()) +
                           " articles; matched " + std::to_string(keys.size());
        if (!j.extra.empty()) {
          line += ", " + std::to_string(j.extra.size()) + " without it as a name, e.g. " +
                  example(corpus, j.extra.front(), folded);
        }
        if (!j.missed.empty()) {
          line += "; missed " + std::to_string(j.missed.size()) + ", e.g. " +
                  example(corpus, j.missed.front(), as_typed);
        }
        report.failures.push_back(std::move(line));
      }
    }
  }
  return report;
}

}  // namespace vn::bench
