// The three search-quality measurements of scripts/eval, each drawn reproducibly from the corpus
// (fixed seed) and put to every engine with the same queries:
//  - phrase exactness: sampled phrases typed six ways, against a scan of the normalised text;
//  - known item: find a given article from its title without accents, four distinctive words of
//    its body, or a name in it;
//  - names: `@"name"` for frequent names, against the articles where the name is written as one.
// Not for: printing the tables (search_eval.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "tests/bench/eval_corpus.h"
#include "tests/bench/eval_engines.h"

namespace vn::bench {

struct EvalOptions {
  std::uint64_t seed = 20261126;
  std::size_t phrases = 300;       // Phrases of 2–5 words, each typed in every form.
  std::size_t tone_phrases = 100;  // Extra phrases with a movable tone (hòa/hoà) for that form.
  std::size_t items = 500;         // Known-item articles.
  std::size_t names = 100;         // Most frequent names.
  std::size_t examples = 10;       // Failures listed per row and engine.
};

// One engine's answers to one row's queries, summed.
struct Tally {
  std::size_t queries = 0;
  std::size_t errors = 0;        // Queries the engine rejected (counted as answering nothing).
  std::size_t unknown_keys = 0;  // Results that are none of the articles read: a wrong index.
  // Match-set rows (phrases, names): sums over queries.
  std::size_t truth = 0;           // Articles that should match.
  std::size_t returned = 0;        // Articles the engine matched.
  std::size_t correct = 0;         // Both.
  std::size_t strict_correct = 0;  // Matched and holding the phrase with exactly its accents.
  std::size_t full_recall = 0;     // Queries that found every article they should.
  std::size_t full_precision = 0;  // Queries that matched nothing they should not.
  double precision_sum = 0;        // Of per-query precision (a query matching nothing: 1).
  std::size_t missed_across_sentences = 0;  // Misses whose only occurrence spans a sentence end.
  // Other misses where a syllable typed without accents has accents in the text (do có: đó có).
  std::size_t missed_other_accents = 0;
  // Known-item rows: the rank of the article sought (or an exact duplicate of it).
  std::size_t at_1 = 0;
  std::size_t at_10 = 0;
  double reciprocal_rank_sum = 0;  // Of 1/rank within the top 10.
};

struct Row {
  std::string label;
  std::vector<Tally> engines;  // In the order of the engines given.
};

struct TaskReport {
  std::vector<Row> rows;
  std::vector<std::string> failures;  // Markdown list items: queries an engine got wrong.
};

TaskReport phrase_exactness(const EvalCorpus& corpus, std::span<Engine* const> engines,
                            const EvalOptions& options);
TaskReport known_item(const EvalCorpus& corpus, std::span<Engine* const> engines,
                      const EvalOptions& options);
TaskReport name_precision(const EvalCorpus& corpus, std::span<Engine* const> engines,
                          const EvalOptions& options);

}  // namespace vn::bench
