// vnsearch: the command-line front of the query library. Parses options, runs the subcommand,
// maps failures to exit codes (README "Exit status").
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <iostream>

#include "common/index_location.h"
#include "common/utf8.h"
#include "common/sqlite.h"
#include "query/did_you_mean.h"
#include "query/json_output.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "query/suggest.h"
#include "query/text_output.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFailure = 3;
constexpr const char* kExitStatusHelp =
    "Exit status: 0 results found (or something listed), 1 no article matched (nothing to\n"
    "list), 2 usage error (bad option or query, a missing index, one built by another version\n"
    "or a Xapian database that cannot be opened: the message gives the command that fixes it),\n"
    "3 the index could not be read (a damaged SQLite file, say).";

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
              << vn::escape_controls(parsed.error().message) << '\n';
    return kExitUsage;
  }
  const vn::SearchResult result = searcher.search(*parsed, options);
  const vn::ParsedQuery& answered = result.loosened ? *parsed->loose : *parsed;
  std::optional<std::string> suggestion;
  try {
    suggestion = vn::did_you_mean(searcher.database(), text, searcher.lexicon());
  } catch (const Xapian::DatabaseModifiedError&) {
    // A commit overtook it: the results stand; the suggestion is only an offer.
  }
  if (json) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
    std::cout << vn::search_json({text, &answered, &result, options, ms, suggestion}) << '\n';
  } else {
    vn::print_results(std::cout, answered, result, isatty(STDOUT_FILENO) != 0, suggestion);
  }
  return result.hits.empty() ? kExitNoMatch : kExitOk;
}

int run_show(const std::string& index_option, const std::string& key, bool json) {
  vn::Searcher searcher(vn::resolve_index_dir(index_option));
  const std::optional<vn::Hit> article = searcher.find_article(key);
  if (!article) {
    std::cerr << "vnsearch: no article with key " << vn::escape_controls(key) << '\n';
    return kExitNoMatch;
  }
  if (json) {
    std::cout << vn::article_json(*article) << '\n';
  } else {
    vn::print_article(std::cout, *article);
  }
  return kExitOk;
}

int run_suggest(const std::string& index_option, const std::vector<std::string>& words,
                std::size_t limit, bool json) {
  vn::Searcher searcher(vn::resolve_index_dir(index_option));
  const std::string typed = join(words);
  std::vector<vn::Suggestion> list =
      vn::suggest(searcher.database(), typed, limit,
                  [&](const std::string& key) { return searcher.name_display(key); });
  if (list.size() < limit) {
    std::ranges::move(vn::suggest_titles(searcher, typed, limit - list.size()),
                      std::back_inserter(list));
  }
  if (json) {
    std::cout << vn::suggestions_json(typed, list) << '\n';
  } else {
    vn::print_suggestions(std::cout, list);
  }
  return list.empty() ? kExitNoMatch : kExitOk;
}

// The most frequent names overall, or among the matches of a query.
int run_names(const std::string& index_option, const std::vector<std::string>& words,
              std::size_t limit, bool json) {
  vn::Searcher searcher(vn::resolve_index_dir(index_option));
  std::optional<std::string> query;
  vn::FacetCounts names;
  if (words.empty()) {
    names = searcher.top_names(limit);
  } else {
    query = join(words);
    const auto parsed = vn::parse_query(*query, &searcher.lexicon());
    if (!parsed) {
      std::cerr << "vnsearch: bad query at character " << parsed.error().column << ": "
                << vn::escape_controls(parsed.error().message) << '\n';
      return kExitUsage;
    }
    vn::SearchOptions options;
    options.limit = 0;
    options.facets = true;
    options.facet_limit = limit;
    names = searcher.search(*parsed, options).facets->names;
  }
  if (json) {
    std::cout << vn::names_json(query, names) << '\n';
  } else {
    vn::print_names(std::cout, names);
  }
  return names.empty() ? kExitNoMatch : kExitOk;
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
  app.footer(kExitStatusHelp);

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
  std::string sort = "relevance";
  search->add_option("--sort", sort, "relevance (default) or date (newest first)")
      ->check(CLI::IsMember({"relevance", "date"}));
  bool all = false;
  search->add_flag("--all", all,
                   "Show every copy of a story (by default articles with the same text collapse "
                   "into one result with a count)");
  search->add_flag("--facets", options.facets,
                   "Also count the matches by category, source, month and name");
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
      "  date:2005-11   date filter: a year, month or day, or a range 2005-11..2006-01,\n"
      "                 ..2006, 2005..\n"
      "  mat tr*        completion of the last word (search box)\n\n" +
      std::string(kExitStatusHelp));

  std::vector<std::string> typed;
  std::size_t suggest_limit = 10;
  CLI::App* suggest =
      app.add_subcommand("suggest", "Complete what is typed in a search box: words, names, then titles");
  add_common(suggest);
  suggest->add_option("-n,--limit", suggest_limit, "Completions to show (default 10)")
      ->check(CLI::Range(1, 100));
  suggest->add_option("prefix", typed, "What has been typed so far, e.g. mat tr")->required();

  std::vector<std::string> names_query;
  std::size_t names_limit = 20;
  CLI::App* names = app.add_subcommand(
      "names", "List the most frequent names, overall or in the articles matching a query");
  add_common(names);
  names->add_option("-n,--limit", names_limit, "Names to show (default 20)")
      ->check(CLI::Range(1, 1000));
  names->add_option("query", names_query, "Only count the articles that match this query");

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
    std::cerr << "vnsearch: " << vn::escape_controls(e.what()) << " (see vnsearch --help)\n";
    return kExitUsage;
  }

  try {
    if (search->parsed()) {
      options.sort = sort == "date" ? vn::SortOrder::kDate : vn::SortOrder::kRelevance;
      options.collapse = !all;
      return run_search(index_option, words, options, json);
    }
    if (suggest->parsed()) {
      return run_suggest(index_option, typed, suggest_limit, json);
    }
    if (names->parsed()) {
      return run_names(index_option, names_query, names_limit, json);
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
  } catch (const std::exception& e) {  // SQLite, damaged stored text, …: the index is unusable.
    std::cerr << "vnsearch: " << e.what() << '\n';
  }
  return kExitFailure;
}
