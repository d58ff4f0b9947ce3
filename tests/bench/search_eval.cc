// search_eval: measures search quality, vnsearch side by side with SQLite FTS5, on articles that
// vnindex has already indexed (run by scripts/eval; README "Search quality").
//
//   search_eval --articles FILE.jsonl --index DIR --fts5 FILE.db [--seed N] [--phrases N]
//               [--items N] [--names N] [--failures FILE.md]
//
// Reads the same JSON Lines file vnindex indexed into DIR, loads its articles into
// a fresh FTS5 database at FILE.db, then runs the tasks of eval_tasks.h with a fixed seed. Prints
// the Markdown tables on stdout, progress and timings on stderr, and the queries an engine got
// wrong (with the text around the phrase) to --failures.
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/sqlite.h"
#include "query/searcher.h"
#include "tests/bench/eval_tasks.h"
#include "tests/bench/fts5_peer.h"
#include "tests/bench/tool_main.h"

namespace {

using vn::bench::Tally;

struct Args {
  std::filesystem::path articles;
  std::filesystem::path index;
  std::filesystem::path fts5;
  std::filesystem::path failures;
  vn::bench::EvalOptions options;
};

std::size_t number(const char* text, const char* option) {
  char* end = nullptr;
  const unsigned long long n = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0') {
    throw std::invalid_argument(std::string(option) + " wants a number, not '" + text + "'");
  }
  return static_cast<std::size_t>(n);
}

Args parse_args(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string option = argv[i];
    if (i + 1 >= argc) {
      throw std::invalid_argument(option + " needs a value");
    }
    const char* value = argv[++i];
    if (option == "--articles") {
      args.articles = value;
    } else if (option == "--index") {
      args.index = value;
    } else if (option == "--fts5") {
      args.fts5 = value;
    } else if (option == "--failures") {
      args.failures = value;
    } else if (option == "--seed") {
      args.options.seed = number(value, "--seed");
    } else if (option == "--phrases") {
      args.options.phrases = number(value, "--phrases");
    } else if (option == "--items") {
      args.options.items = number(value, "--items");
    } else if (option == "--names") {
      args.options.names = number(value, "--names");
    } else {
      throw std::invalid_argument("unknown option " + option);
    }
  }
  if (args.articles.empty() || args.index.empty() || args.fts5.empty()) {
    throw std::invalid_argument("--articles, --index and --fts5 are required");
  }
  return args;
}

class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// A share as "97.4%"; only a share that is exactly whole shows as "100%".
std::string percent(double part, double whole) {
  if (whole == 0) {
    return "—";
  }
  char buffer[32];
  const double p = 100.0 * part / whole;
  std::snprintf(buffer, sizeof buffer, part == whole ? "%.0f%%" : "%.1f%%",
                part != whole && p > 99.9 ? 99.9 : p);
  return buffer;
}

std::string percent(std::size_t part, std::size_t whole) {
  return percent(static_cast<double>(part), static_cast<double>(whole));
}

std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

void print_header(std::ostream& out, const std::vector<vn::bench::Engine*>& engines,
                  const std::string& first, const std::vector<std::string>& columns) {
  out << "| " << first << " | queries |";
  std::string rule = "|---|---:|";
  for (const auto* e : engines) {
    for (const std::string& c : columns) {
      out << ' ' << e->name() << ' ' << c << " |";
      rule += "---:|";
    }
  }
  out << "\n" << rule << "\n";
}

void print_phrases(std::ostream& out, const vn::bench::TaskReport& r,
                   const std::vector<vn::bench::Engine*>& engines) {
  out << "### Phrase exactness\n\n";
  print_header(out, engines, "phrase typed",
               {"recall", "precision", "strict precision", "all found / none wrong"});
  std::size_t missed = 0;
  std::size_t across = 0;
  std::size_t other_accents = 0;
  for (const auto& row : r.rows) {
    out << "| " << row.label << " | " << row.engines.front().queries << " |";
    for (const Tally& t : row.engines) {
      out << ' ' << percent(t.correct, t.truth) << " | " << percent(t.correct, t.returned) << " | "
          << percent(t.strict_correct, t.returned) << " | " << t.full_recall << " / "
          << t.full_precision << " |";
    }
    out << "\n";
    missed += row.engines.front().truth - row.engines.front().correct;
    across += row.engines.front().missed_across_sentences;
    other_accents += row.engines.front().missed_other_accents;
  }
  out << "\nSummed over all phrases: recall = articles found / articles holding the phrase, "
         "precision = right / matched. Truth: a scan of every article's syllables as the analyser "
         "normalises them (NFC, canonical tone placement, case-folded, underscores as spaces, "
         "punctuation ignored); a syllable the phrase has without accents (`ngay`) stands for "
         "every accented form (`ngày`), as the query language defines. Strict precision counts "
         "only articles with every syllable's own accents. Of "
      << engines.front()->name() << "'s " << missed << " missed articles (all rows), " << across
      << " hold the phrase only across a sentence end, where vnsearch leaves a position gap by "
         "design, and "
      << other_accents
      << " others only with accents on a syllable typed without any (`do có` → `đó có`).\n\n";
}

void print_known_items(std::ostream& out, const vn::bench::TaskReport& r,
                       const std::vector<vn::bench::Engine*>& engines) {
  out << "### Known item\n\n";
  print_header(out, engines, "query", {"success@1", "success@10", "MRR@10"});
  for (const auto& row : r.rows) {
    out << "| " << row.label << " | " << row.engines.front().queries << " |";
    for (const Tally& t : row.engines) {
      out << ' ' << percent(t.at_1, t.queries) << " | " << percent(t.at_10, t.queries) << " | "
          << fixed(t.queries ? t.reciprocal_rank_sum / static_cast<double>(t.queries) : 0, 3)
          << " |";
    }
    out << "\n";
  }
  out << "\nFinding an article with the same body (ignoring accents: the same story, which "
         "vnsearch shows once) counts as finding the article sought.\n\n";
}

void print_names(std::ostream& out, const vn::bench::TaskReport& r,
                 const std::vector<vn::bench::Engine*>& engines) {
  out << "### Names\n\n";
  print_header(out, engines, "query", {"precision", "mean precision per name", "recall"});
  for (const auto& row : r.rows) {
    out << "| " << row.label << " | " << row.engines.front().queries << " |";
    for (const Tally& t : row.engines) {
      out << ' ' << percent(t.correct, t.returned) << " | "
          << percent(t.precision_sum, static_cast<double>(t.queries)) << " | "
          << percent(t.correct, t.truth) << " |";
    }
    out << "\n";
  }
  out << "\nTruth: the articles where the name's syllables occur inside a name (a capitalised run, "
         "not merely sentence-initial, as the analyser marks it), a syllable without accents "
         "standing for every accented form.\n\n";
}

int run(const Args& args) {
  Stopwatch total;
  Stopwatch step;
  const vn::bench::EvalCorpus corpus = vn::bench::EvalCorpus::load(args.articles);
  std::cerr << "search_eval: " << corpus.articles().size() << " articles read and analysed in "
            << fixed(step.seconds(), 1) << " s\n";
  step = Stopwatch();
  {
    auto fts5 = vn::bench::Fts5Index::create(args.fts5);
    for (const auto& a : corpus.articles()) {
      fts5.add(a.key, a.title, a.body);
    }
    fts5.finish();
  }
  const double fts5_seconds = step.seconds();
  std::cerr << "search_eval: FTS5 built in " << fixed(fts5_seconds, 1) << " s\n";
  const auto vnsearch = vn::bench::open_vnsearch(args.index);
  const auto fts5 = vn::bench::open_fts5(args.fts5);
  const std::vector<vn::bench::Engine*> engines = {vnsearch.get(), fts5.get()};

  std::vector<std::string> failures;
  std::vector<std::pair<std::string, double>> times;
  auto timed = [&](const char* what, auto task) {
    Stopwatch s;
    vn::bench::TaskReport r = task(corpus, engines, args.options);
    times.emplace_back(what, s.seconds());
    std::cerr << "search_eval: " << what << " in " << fixed(s.seconds(), 1) << " s\n";
    failures.push_back(std::string("\n### ") + what + "\n");
    failures.insert(failures.end(), r.failures.begin(), r.failures.end());
    return r;
  };
  const auto phrases = timed("phrase exactness", vn::bench::phrase_exactness);
  const auto items = timed("known item", vn::bench::known_item);
  const auto names = timed("names", vn::bench::name_precision);

  for (const auto* report : {&phrases, &items, &names}) {
    for (const auto& row : report->rows) {
      for (std::size_t e = 0; e < engines.size(); ++e) {
        if (row.engines[e].unknown_keys > 0) {
          throw std::runtime_error(std::string(engines[e]->name()) + " returned " +
                                   std::to_string(row.engines[e].unknown_keys) +
                                   " keys that are none of the articles of " +
                                   args.articles.string() + " (" + row.label +
                                   "): was the index built from another file?");
        }
      }
    }
  }
  print_phrases(std::cout, phrases, engines);
  print_known_items(std::cout, items, engines);
  print_names(std::cout, names, engines);
  std::cout << "Seed " << args.options.seed << "; " << corpus.articles().size()
            << " articles; FTS5 load " << fixed(fts5_seconds, 1) << " s";
  for (const auto& [what, s] : times) {
    std::cout << ", " << what << " " << fixed(s, 1) << " s";
  }
  std::cout << " (both engines, in process).\n";

  if (!args.failures.empty()) {
    std::ofstream out(args.failures);
    out << "# Queries answered wrongly (search_eval, seed " << args.options.seed << ")\n\n"
        << "`[…]` marks where the phrase (without accents, for wrong matches) occurs.\n";
    for (const std::string& line : failures) {
      out << line << "\n";
    }
    if (!out) {
      throw std::runtime_error("cannot write " + args.failures.string());
    }
  }
  std::cerr << "search_eval: done in " << fixed(total.seconds(), 1) << " s\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return vn::bench::run_tool("search_eval", [&] { return run(parse_args(argc, argv)); });
}
