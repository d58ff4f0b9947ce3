// vnsearch: the command-line front of the query library. Parses options, runs the subcommand,
// maps failures to exit codes (README "Exit status").
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <chrono>
#include <iostream>

#include "common/index_location.h"
#include "common/sqlite.h"
#include "query/json_output.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "query/text_output.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFailure = 3;

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    out += out.empty() ? "" : " ";
    out += w;
  }
  return out;
}

int run_search(const std::string& index_option, const std::vector<std::string>& words,
               const vn::SearchOptions& options, bool json) {
  const auto start = std::chrono::steady_clock::now();
  vn::Searcher searcher(vn::resolve_index_dir(index_option));
  const std::string text = join(words);
  const auto parsed = vn::parse_query(text, &searcher.lexicon());
  if (!parsed) {
    std::cerr << "vnsearch: bad query at character " << parsed.error().column << ": "
              << parsed.error().message << '\n';
    return kExitUsage;
  }
  const vn::SearchResult result = searcher.search(*parsed, options);
  if (json) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
    std::cout << vn::search_json({text, &*parsed, &result, options, ms}) << '\n';
  } else {
    vn::print_results(std::cout, *parsed, result, isatty(STDOUT_FILENO) != 0);
  }
  return result.hits.empty() ? kExitNoMatch : kExitOk;
}

int run_show(const std::string& index_option, const std::string& key, bool json) {
  vn::Searcher searcher(vn::resolve_index_dir(index_option));
  const std::optional<vn::Hit> article = searcher.find_article(key);
  if (!article) {
    std::cerr << "vnsearch: no article with key " << key << '\n';
    return kExitNoMatch;
  }
  if (json) {
    std::cout << vn::article_json(*article) << '\n';
  } else {
    vn::print_article(std::cout, *article);
  }
  return kExitOk;
}

int run_stats(const std::string& index_option, bool json) {
  vn::Searcher searcher(vn::resolve_index_dir(index_option));
  const vn::IndexStats stats = searcher.stats();
  if (json) {
    std::cout << vn::stats_json(stats) << '\n';
  } else {
    vn::print_stats(std::cout, stats);
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vnsearch: search an index of Vietnamese news built by vnindex.", "vnsearch"};
  app.set_version_flag("--version", std::string("vnsearch ") + VNSEARCH_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 results found, 1 no article matched, 2 usage error (bad option or query,\n"
      "missing index), 3 the index could not be read.");

  std::string index_option;
  bool json = false;
  auto add_common = [&](CLI::App* command) {
    command->add_option("--index", index_option,
                        "Index directory (default: $VNSEARCH_INDEX, else ./vnsearch-index)");
    command->add_flag("--json", json, "Print one JSON object (schema in README)");
  };

  std::vector<std::string> words;
  vn::SearchOptions options;
  CLI::App* search = app.add_subcommand("search", "Search articles and print ranked results");
  add_common(search);
  search->add_option("-n,--limit", options.limit, "Results to show (default 10)")
      ->check(CLI::Range(1, 1000));
  search->add_option("--offset", options.offset, "Results to skip (default 0)");
  search->add_option("query", words, "The query")->required();
  search->footer(
      "Query language:\n"
      "  words          every word must match; accents are optional (mat tran finds mặt trận)\n"
      "                 but precise when typed (bán never finds bạn); case, Unicode form and\n"
      "                 tone-mark placement (hoà/hòa) never matter; mặt_trận = mặt trận\n"
      "  \"a phrase\"     the words in this order, adjacent\n"
      "  -word          exclude articles with the word\n"
      "  a OR b         either; AND is the default between words; ( … ) groups\n"
      "  @\"Hòa Bình\"    written as a name (also name:\"…\"): the province, not hòa bình (peace)\n"
      "  title:\"…\"      in the title\n"
      "  category:X     category filter; source:X source filter\n"
      "  date:2005-11   date filter: a year, month or day, or a range 2005-11..2006-01\n"
      "  mat tr*        completion of the last word (search box)");

  std::string key;
  CLI::App* show = app.add_subcommand("show", "Print one article by its key");
  add_common(show);
  show->add_option("key", key, "The article key, as printed by search")->required();

  CLI::App* stats = app.add_subcommand("stats", "Print the index's counts, size and versions");
  add_common(stats);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      return app.exit(e);
    }
    std::cerr << "vnsearch: " << e.what() << " (see vnsearch --help)\n";
    return kExitUsage;
  }

  try {
    if (search->parsed()) {
      return run_search(index_option, words, options, json);
    }
    if (show->parsed()) {
      return run_show(index_option, key, json);
    }
    if (stats->parsed()) {
      return run_stats(index_option, json);
    }
  } catch (const vn::IndexUnavailable& e) {
    std::cerr << "vnsearch: " << e.what() << '\n';
    return kExitUsage;
  } catch (const Xapian::Error& e) {
    std::cerr << "vnsearch: " << e.get_description() << '\n';
  } catch (const vn::SqliteError& e) {
    std::cerr << "vnsearch: " << e.what() << '\n';
  }
  return kExitFailure;
}
