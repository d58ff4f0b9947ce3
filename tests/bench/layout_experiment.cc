// Measures the candidate index layouts for accentless matching (issue 3; README "Why this layout
// (measured)"). Each candidate gets its own short term-emission loop, mirroring DocumentBuilder's
// body layer (no title layer: the whole line is the body); the layers that do not depend on the
// choice (XW compounds, XC name syllables, XN names, Q key) are the same in all three.
//
//   A  folded syllables positional (no prefix), exact syllables XE plain terms.
//      Accented phrase = PHRASE(folded) FILTER AND(XE of the accented syllables).
//   B  folded and exact syllables both positional. Accented phrase = a true phrase over XE terms
//      (folded terms for the syllables typed without accents).
//   C  exact syllables XE positional, folded syllables plain terms. A syllable typed without
//      accents expands to the XE variants the vocabulary holds (a folded -> variants map built from
//      the XE allterms list once, timed), and the phrase becomes an OR of one phrase per combination.
//
// For each candidate: indexes the articles into a disk database (one process,
// XAPIAN_FLUSH_THRESHOLD=2000), commits, reports MB/s (input bytes / wall seconds, analysis
// included), runs xapian-compact and reports the size before and after relative to the input. Then
// times a fixed-seed sample of 2- and 3-syllable phrases taken from the articles, each as written
// (accented) and folded, top 10 with Xapian::Enquire (BM25), after a warm-up pass, candidates
// interleaved; and checks the candidates against each other: A's accented matches against B's true
// phrase matches (A's top-10 hits that are not phrase matches), and C's accentless matches against A's.
//
// Usage: layout_experiment ARTICLES [--lines N] [--queries N] [--seed N] [--order ABC]
//                          [--passes N] [--workdir DIR] [--keep]
//   ARTICLES   UTF-8 text, one article (title + body) per line
//   --lines    articles read from the start (default 20000)
//   --queries  phrases sampled (default 200)
//   --seed     sampling seed (default 20240603)
//   --order    candidates and the order they are indexed in (default ABC)
//   --passes   timed passes over the sample after the warm-up pass (default 3)
//   --workdir  where the databases go (default a fresh directory under the system temp dir)
//   --keep     keep the databases
// Lines starting with "RESULT" are the machine-readable summary, one per candidate.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "common/schema.h"
#include "common/terms.h"

namespace {

namespace fs = std::filesystem;
namespace schema = vn::schema;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

enum class Layout { kA, kB, kC };

struct Emission {
  bool folded_positional;
  bool exact_positional;
};

Emission emission(Layout layout) {
  switch (layout) {
    case Layout::kA:
      return {true, false};
    case Layout::kB:
      return {true, true};
    case Layout::kC:
      return {false, true};
  }
  return {true, false};
}

void put(Xapian::Document& doc, std::string_view prefix, std::string_view key, bool positional,
         Xapian::termpos pos) {
  const std::string t = vn::term(prefix, key);
  if (!vn::indexable(t)) {
    return;
  }
  if (positional) {
    doc.add_posting(t, pos);
  } else {
    doc.add_term(t);
  }
}

// DocumentBuilder::add_text for a body starting at position 1, with the two syllable layers placed
// as the candidate says, then DocumentBuilder's distinct names.
void add_text(Xapian::Document& doc, const vn::Analysis& a, Layout layout) {
  const Emission e = emission(layout);
  Xapian::termpos pos = 1;
  bool first = true;
  for (const vn::Token& t : a.tokens) {
    if (t.sentence_start && !first) {
      pos += schema::kSentenceGap;
    }
    first = false;
    const auto syllables = a.syllables_of(t);
    if (t.kind != vn::TokenKind::kWord) {
      put(doc, schema::kFolded, t.folded, e.folded_positional, pos);
      put(doc, schema::kExact, t.key, e.exact_positional, pos);
    } else if (syllables.size() > 1) {
      put(doc, schema::kWord, t.key, false, pos);
    }
    for (const vn::Syllable& s : syllables) {
      if (t.kind == vn::TokenKind::kWord || syllables.size() > 1) {
        put(doc, schema::kFolded, s.folded, e.folded_positional, pos);
        put(doc, schema::kExact, s.key, e.exact_positional, pos);
      }
      if (t.in_name) {
        put(doc, schema::kNameSyllable, s.folded, true, pos);
      }
      ++pos;
    }
  }
  std::unordered_set<std::string> seen;
  for (const vn::Name& n : a.names) {
    std::string key;
    for (std::uint32_t i = n.first_token; i < n.first_token + n.token_count; ++i) {
      key += key.empty() ? "" : "_";
      key += a.tokens[i].key;
    }
    if (seen.insert(key).second) {
      put(doc, schema::kName, key, false, 0);
    }
  }
}

std::uintmax_t dir_bytes(const fs::path& dir, std::uintmax_t* position_bytes) {
  std::uintmax_t total = 0;
  *position_bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      total += entry.file_size();
      if (entry.path().filename().string().starts_with("position.")) {
        *position_bytes += entry.file_size();
      }
    }
  }
  return total;
}

struct IndexStats {
  double seconds = 0;
  double analyze_seconds = 0;
  double compact_seconds = 0;
  std::uintmax_t bytes = 0;
  std::uintmax_t position_bytes = 0;
  std::uintmax_t compacted_bytes = 0;
  std::uintmax_t compacted_position_bytes = 0;
};

IndexStats build_index(const std::vector<std::string>& lines, Layout layout, const fs::path& raw,
                       const fs::path& compacted) {
  IndexStats stats;
  fs::remove_all(raw);
  fs::remove_all(compacted);
  const auto t0 = Clock::now();
  {
    Xapian::WritableDatabase db(raw.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    vn::Analysis a;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto ta = Clock::now();
      vn::analyze(lines[i], a);
      stats.analyze_seconds += seconds_since(ta);
      Xapian::Document doc;
      add_text(doc, a, layout);
      const std::string key = std::to_string(i + 1);
      doc.add_boolean_term(vn::term(schema::kKey, key));
      doc.set_data(key);
      db.add_document(doc);
    }
    db.commit();
    db.close();
  }
  stats.seconds = seconds_since(t0);
  stats.bytes = dir_bytes(raw, &stats.position_bytes);
  const std::string cmd =
      "xapian-compact '" + raw.string() + "' '" + compacted.string() + "' > /dev/null";
  const auto tc = Clock::now();
  if (std::system(cmd.c_str()) != 0) {
    throw std::runtime_error("failed: " + cmd);
  }
  stats.compact_seconds = seconds_since(tc);
  stats.compacted_bytes = dir_bytes(compacted, &stats.compacted_position_bytes);
  return stats;
}

// C's query-time expansion: every XE term, grouped by the folded form of its key.
struct Variants {
  std::unordered_map<std::string, std::vector<std::string>> by_folded;
  std::size_t exact_terms = 0;
  std::size_t unmapped = 0;  // XE keys that do not analyse back to one token with the same key.
  std::size_t max_variants = 0;
  double seconds = 0;
  std::vector<std::string> unmapped_examples;
};

Variants build_variants(const Xapian::Database& db) {
  Variants v;
  const auto t0 = Clock::now();
  vn::Analysis a;
  const std::string prefix(schema::kExact);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string t = *it;
    const std::string_view key = std::string_view(t).substr(prefix.size());
    ++v.exact_terms;
    vn::analyze(key, a);
    if (a.tokens.size() != 1 || a.tokens[0].key != key) {
      ++v.unmapped;
      if (v.unmapped_examples.size() < 12) {
        v.unmapped_examples.emplace_back(key);
      }
      continue;
    }
    v.by_folded[a.tokens[0].folded].push_back(t);
  }
  v.seconds = seconds_since(t0);
  for (const auto& [folded, list] : v.by_folded) {
    v.max_variants = std::max(v.max_variants, list.size());
  }
  return v;
}

struct Phrase {
  std::vector<std::string> keys;
  std::vector<std::string> folded;
  std::vector<bool> accented;
  std::string text;
};

// Phrases of 2 or 3 adjacent syllables of words, inside one sentence and with no punctuation
// between them, at least one syllable accented (so the two query forms differ); distinct.
std::vector<Phrase> sample_phrases(const std::vector<std::string>& lines, std::size_t count,
                                   std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick_line(0, lines.size() - 1);
  std::vector<Phrase> out;
  std::set<std::string> seen;
  vn::Analysis a;
  std::vector<std::uint32_t> token_of;
  for (std::size_t attempts = 0; out.size() < count && attempts < count * 1000; ++attempts) {
    vn::analyze(lines[pick_line(rng)], a);
    if (a.syllables.size() < 3) {
      continue;
    }
    token_of.assign(a.syllables.size(), 0);
    for (std::uint32_t i = 0; i < a.tokens.size(); ++i) {
      for (std::uint32_t k = 0; k < a.tokens[i].syllable_count; ++k) {
        token_of[a.tokens[i].first_syllable + k] = i;
      }
    }
    const std::size_t length = 2 + out.size() % 2;
    const std::size_t start =
        std::uniform_int_distribution<std::size_t>(0, a.syllables.size() - length)(rng);
    Phrase p;
    bool ok = true;
    bool any_accent = false;
    for (std::size_t k = start; k < start + length && ok; ++k) {
      const vn::Token& t = a.tokens[token_of[k]];
      const bool new_token = k > start && token_of[k] != token_of[k - 1];
      ok = t.kind == vn::TokenKind::kWord && !(new_token && (t.sentence_start ||
                                                             t.follows_punctuation));
      const vn::Syllable& s = a.syllables[k];
      p.keys.push_back(s.key);
      p.folded.push_back(s.folded);
      p.accented.push_back(s.accented());
      any_accent = any_accent || s.accented();
      p.text += (p.text.empty() ? "" : " ") + s.key;
    }
    if (ok && any_accent && seen.insert(p.text).second) {
      out.push_back(std::move(p));
    }
  }
  return out;
}

enum class Form { kAccented, kFolded };

struct BuiltQuery {
  Xapian::Query query;
  std::size_t phrases = 1;  // Phrase subqueries (C's combinations).
};

BuiltQuery make_query(Layout layout, const Phrase& p, Form form, const Variants* variants) {
  const std::size_t n = p.keys.size();
  auto typed_accented = [&](std::size_t i) { return form == Form::kAccented && p.accented[i]; };
  BuiltQuery out;
  switch (layout) {
    case Layout::kA: {
      std::vector<Xapian::Query> positional;
      std::vector<Xapian::Query> exact;
      for (std::size_t i = 0; i < n; ++i) {
        positional.emplace_back(vn::term(schema::kFolded, p.folded[i]));
        if (typed_accented(i)) {
          exact.emplace_back(vn::term(schema::kExact, p.keys[i]));
        }
      }
      out.query = Xapian::Query(Xapian::Query::OP_PHRASE, positional.begin(), positional.end(), n);
      if (!exact.empty()) {
        out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query,
                                  Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end()));
      }
      break;
    }
    case Layout::kB: {
      std::vector<Xapian::Query> terms;
      for (std::size_t i = 0; i < n; ++i) {
        terms.emplace_back(typed_accented(i) ? vn::term(schema::kExact, p.keys[i])
                                             : vn::term(schema::kFolded, p.folded[i]));
      }
      out.query = Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), n);
      break;
    }
    case Layout::kC: {
      std::vector<std::vector<std::string>> choices(n);
      static const std::vector<std::string> kNone;
      for (std::size_t i = 0; i < n; ++i) {
        if (typed_accented(i)) {
          choices[i] = {vn::term(schema::kExact, p.keys[i])};
        } else {
          const auto it = variants->by_folded.find(p.folded[i]);
          choices[i] = it == variants->by_folded.end() ? kNone : it->second;
        }
        if (choices[i].empty()) {
          out.query = Xapian::Query();
          out.phrases = 0;
          return out;
        }
      }
      std::vector<Xapian::Query> phrases;
      std::vector<std::size_t> at(n, 0);
      std::vector<Xapian::Query> terms(n);
      while (true) {
        for (std::size_t i = 0; i < n; ++i) {
          terms[i] = Xapian::Query(choices[i][at[i]]);
        }
        phrases.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), n);
        std::size_t i = n;
        while (i > 0 && ++at[i - 1] == choices[i - 1].size()) {
          at[--i] = 0;
        }
        if (i == 0) {
          break;
        }
      }
      out.phrases = phrases.size();
      out.query = phrases.size() == 1
                      ? phrases.front()
                      : Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
      break;
    }
  }
  return out;
}

struct Candidate {
  Layout layout;
  char name;
  IndexStats stats;
  std::unique_ptr<Xapian::Database> db;
  std::unique_ptr<Xapian::Enquire> enquire;
  // Per form (0 accented, 1 folded): timings in ms, top-10 docids and all matching docids per query.
  std::vector<double> ms[2];
  std::vector<std::vector<Xapian::docid>> top[2];
  std::vector<std::vector<Xapian::docid>> all[2];
  std::size_t max_phrases[2] = {0, 0};
  std::size_t total_phrases[2] = {0, 0};
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

std::vector<Xapian::docid> all_matches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_query(q);
  const Xapian::doccount n = db.get_doccount();
  const Xapian::MSet mset = enquire.get_mset(0, n, n);
  std::vector<Xapian::docid> ids;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ids.push_back(*it);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

double mb(std::uintmax_t bytes) { return static_cast<double>(bytes) / 1e6; }

[[noreturn]] void usage() {
  std::cerr << "usage: layout_experiment ARTICLES [--lines N] [--queries N] [--seed N] "
               "[--order ABC] [--passes N] [--workdir DIR] [--keep]\n";
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string input;
  std::size_t max_lines = 20000;
  std::size_t query_count = 200;
  std::uint64_t seed = 20240603;
  std::string order = "ABC";
  int passes = 3;
  fs::path workdir;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        usage();
      }
      return argv[++i];
    };
    if (arg == "--lines") {
      max_lines = std::stoul(value());
    } else if (arg == "--queries") {
      query_count = std::stoul(value());
    } else if (arg == "--seed") {
      seed = std::stoull(value());
    } else if (arg == "--order") {
      order = value();
    } else if (arg == "--passes") {
      passes = std::stoi(value());
    } else if (arg == "--workdir") {
      workdir = value();
    } else if (arg == "--keep") {
      keep = true;
    } else if (!arg.starts_with("--") && input.empty()) {
      input = arg;
    } else {
      usage();
    }
  }
  if (input.empty() || passes < 1) {
    usage();
  }
  if (workdir.empty()) {
    workdir = fs::temp_directory_path() / ("layout_experiment-" + std::to_string(getpid()));
  }
  fs::create_directories(workdir);
  // Before any database is opened: the flush threshold is read when a writable database opens.
  setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 1);

  std::vector<std::string> lines;
  std::uintmax_t input_bytes = 0;
  {
    std::ifstream in(input);
    if (!in) {
      std::cerr << "layout_experiment: cannot read " << input << "\n";
      return 1;
    }
    std::string line;
    while (lines.size() < max_lines && std::getline(in, line)) {
      input_bytes += line.size();
      lines.push_back(std::move(line));
    }
  }
  if (lines.empty()) {
    std::cerr << "layout_experiment: no articles in " << input << "\n";
    return 1;
  }
  std::printf("input: %zu articles, %.1f MB; XAPIAN_FLUSH_THRESHOLD=2000; workdir %s\n",
              lines.size(), mb(input_bytes), workdir.c_str());

  const std::vector<Phrase> phrases = sample_phrases(lines, query_count, seed);
  std::size_t all_accented = 0;
  for (const Phrase& p : phrases) {
    all_accented += std::all_of(p.accented.begin(), p.accented.end(), [](bool b) { return b; });
  }
  std::printf("sample: %zu phrases (seed %llu), %zu with every syllable accented\n",
              phrases.size(), static_cast<unsigned long long>(seed), all_accented);

  std::vector<Candidate> candidates;
  for (char c : order) {
    Candidate cand;
    cand.name = c;
    if (c == 'A') {
      cand.layout = Layout::kA;
    } else if (c == 'B') {
      cand.layout = Layout::kB;
    } else if (c == 'C') {
      cand.layout = Layout::kC;
    } else {
      usage();
    }
    candidates.push_back(std::move(cand));
  }

  std::printf("\n%-4s %8s %8s %8s %11s %10s %10s %10s %10s\n", "cand", "index_s", "MB/s",
              "anal_s", "compact_s", "raw/in", "compact/in", "pos/raw", "pos/compact");
  for (Candidate& cand : candidates) {
    const fs::path raw = workdir / (std::string(1, cand.name) + "-raw");
    const fs::path compacted = workdir / (std::string(1, cand.name) + "-compact");
    cand.stats = build_index(lines, cand.layout, raw, compacted);
    const IndexStats& s = cand.stats;
    std::printf("%-4c %8.2f %8.2f %8.2f %11.2f %9.2fx %9.2fx %9.0f%% %9.0f%%\n", cand.name,
                s.seconds, mb(input_bytes) / s.seconds, s.analyze_seconds, s.compact_seconds,
                static_cast<double>(s.bytes) / static_cast<double>(input_bytes),
                static_cast<double>(s.compacted_bytes) / static_cast<double>(input_bytes),
                100.0 * static_cast<double>(s.position_bytes) / static_cast<double>(s.bytes),
                100.0 * static_cast<double>(s.compacted_position_bytes) /
                    static_cast<double>(s.compacted_bytes));
    std::fflush(stdout);
    if (!keep) {
      fs::remove_all(raw);
    }
    cand.db = std::make_unique<Xapian::Database>(compacted.string());
    cand.enquire = std::make_unique<Xapian::Enquire>(*cand.db);
  }

  Variants variants;
  for (const Candidate& cand : candidates) {
    if (cand.layout == Layout::kC) {
      variants = build_variants(*cand.db);
      std::printf(
          "\nC variant map: %zu XE terms -> %zu folded keys in %.1f ms (max %zu variants, %zu "
          "unmapped)\n",
          variants.exact_terms, variants.by_folded.size(), variants.seconds * 1e3,
          variants.max_variants, variants.unmapped);
      for (const std::string& key : variants.unmapped_examples) {
        std::printf("  unmapped: %s\n", key.c_str());
      }
    }
  }

  // Warm-up pass (pass 0, not recorded), then the timed passes, candidates interleaved per query.
  for (int pass = 0; pass <= passes; ++pass) {
    for (std::size_t q = 0; q < phrases.size(); ++q) {
      for (int f = 0; f < 2; ++f) {
        const Form form = f == 0 ? Form::kAccented : Form::kFolded;
        for (Candidate& cand : candidates) {
          const auto t0 = Clock::now();
          const BuiltQuery built = make_query(cand.layout, phrases[q], form, &variants);
          cand.enquire->set_query(built.query);
          const Xapian::MSet mset = cand.enquire->get_mset(0, 10);
          std::vector<Xapian::docid> ids;
          for (auto it = mset.begin(); it != mset.end(); ++it) {
            ids.push_back(*it);
          }
          const double ms = seconds_since(t0) * 1e3;
          if (pass > 0) {
            cand.ms[f].push_back(ms);
          }
          if (pass == passes) {
            cand.top[f].push_back(std::move(ids));
            cand.all[f].push_back(all_matches(*cand.db, built.query));
            cand.max_phrases[f] = std::max(cand.max_phrases[f], built.phrases);
            cand.total_phrases[f] += built.phrases;
          }
        }
      }
    }
  }

  std::printf("\nquery time, ms, top 10 (%d timed passes x %zu phrases, after a warm-up pass)\n",
              passes, phrases.size());
  std::printf("%-4s %-9s %8s %8s %8s %8s %12s\n", "cand", "form", "p50", "p95", "p99", "max",
              "phrases/q");
  for (const Candidate& cand : candidates) {
    for (int f = 0; f < 2; ++f) {
      std::printf("%-4c %-9s %8.3f %8.3f %8.3f %8.3f %6.1f/%-5zu\n", cand.name,
                  f == 0 ? "accented" : "folded", percentile(cand.ms[f], 0.50),
                  percentile(cand.ms[f], 0.95), percentile(cand.ms[f], 0.99),
                  percentile(cand.ms[f], 1.0),
                  static_cast<double>(cand.total_phrases[f]) /
                      static_cast<double>(phrases.size()),
                  cand.max_phrases[f]);
    }
  }

  auto find = [&](Layout l) -> const Candidate* {
    for (const Candidate& cand : candidates) {
      if (cand.layout == l) {
        return &cand;
      }
    }
    return nullptr;
  };
  const Candidate* a = find(Layout::kA);
  const Candidate* b = find(Layout::kB);
  const Candidate* c = find(Layout::kC);
  std::size_t a_false_top = 0;
  std::size_t a_queries_false_top = 0;
  std::size_t a_top_total = 0;
  std::size_t ab_count_differs = 0;
  std::size_t a_extra_matches = 0;
  std::size_t b_matches = 0;
  if (a != nullptr && b != nullptr) {
    std::printf("\nA vs B, accented phrases (B = true phrase over the accented forms):\n");
    for (std::size_t q = 0; q < phrases.size(); ++q) {
      const auto& truth = b->all[0][q];
      b_matches += truth.size();
      const auto& loose = a->all[0][q];
      if (loose.size() != truth.size()) {
        ++ab_count_differs;
        a_extra_matches += loose.size() > truth.size() ? loose.size() - truth.size() : 0;
      }
      std::size_t false_top = 0;
      for (Xapian::docid id : a->top[0][q]) {
        false_top += !std::binary_search(truth.begin(), truth.end(), id);
      }
      a_top_total += a->top[0][q].size();
      a_false_top += false_top;
      a_queries_false_top += false_top > 0;
      if (loose.size() != truth.size()) {
        std::printf("  \"%s\": A %zu matches, B %zu; %zu of A's top %zu are not phrase matches\n",
                    phrases[q].text.c_str(), loose.size(), truth.size(), false_top,
                    a->top[0][q].size());
      }
    }
    std::printf(
        "  match counts differ on %zu of %zu phrases (A has %zu extra matches over B's %zu); "
        "%zu of A's %zu top-10 hits are not true phrase matches (%zu phrases affected)\n",
        ab_count_differs, phrases.size(), a_extra_matches, b_matches, a_false_top, a_top_total,
        a_queries_false_top);
    std::size_t folded_differ = 0;
    for (std::size_t q = 0; q < phrases.size(); ++q) {
      folded_differ += a->all[1][q] != b->all[1][q];
    }
    std::printf("  folded phrases: match sets differ on %zu of %zu\n", folded_differ,
                phrases.size());
  }
  std::size_t ca_folded_differ = 0;
  std::size_t cb_accented_differ = 0;
  if (c != nullptr && a != nullptr) {
    std::size_t top_same = 0;
    for (std::size_t q = 0; q < phrases.size(); ++q) {
      if (c->all[1][q] != a->all[1][q]) {
        ++ca_folded_differ;
        std::printf("  C vs A folded \"%s\": C %zu matches, A %zu\n", phrases[q].text.c_str(),
                    c->all[1][q].size(), a->all[1][q].size());
      }
      std::set<Xapian::docid> x(c->top[1][q].begin(), c->top[1][q].end());
      std::set<Xapian::docid> y(a->top[1][q].begin(), a->top[1][q].end());
      top_same += x == y;
    }
    std::printf(
        "\nC vs A, folded phrases: match sets differ on %zu of %zu; top-10 sets identical on %zu "
        "(ranking uses different term statistics)\n",
        ca_folded_differ, phrases.size(), top_same);
  }
  if (c != nullptr && b != nullptr) {
    for (std::size_t q = 0; q < phrases.size(); ++q) {
      cb_accented_differ += c->all[0][q] != b->all[0][q];
    }
    std::printf("C vs B, accented phrases: match sets differ on %zu of %zu\n", cb_accented_differ,
                phrases.size());
  }

  std::printf("\n");
  for (const Candidate& cand : candidates) {
    const IndexStats& s = cand.stats;
    std::printf(
        "RESULT cand=%c mbps=%.3f index_s=%.2f analyze_s=%.2f raw_ratio=%.3f compact_ratio=%.3f "
        "raw_mb=%.1f compact_mb=%.1f pos_compact_mb=%.1f compact_s=%.2f "
        "acc_p50=%.3f acc_p95=%.3f acc_p99=%.3f fold_p50=%.3f fold_p95=%.3f fold_p99=%.3f "
        "variant_map_ms=%.1f a_false_top=%zu a_top_total=%zu a_queries_false_top=%zu "
        "ab_count_differs=%zu ca_folded_differ=%zu cb_accented_differ=%zu\n",
        cand.name, mb(input_bytes) / s.seconds, s.seconds, s.analyze_seconds,
        static_cast<double>(s.bytes) / static_cast<double>(input_bytes),
        static_cast<double>(s.compacted_bytes) / static_cast<double>(input_bytes), mb(s.bytes),
        mb(s.compacted_bytes), mb(s.compacted_position_bytes), s.compact_seconds,
        percentile(cand.ms[0], 0.5), percentile(cand.ms[0], 0.95), percentile(cand.ms[0], 0.99),
        percentile(cand.ms[1], 0.5), percentile(cand.ms[1], 0.95), percentile(cand.ms[1], 0.99),
        cand.layout == Layout::kC ? variants.seconds * 1e3 : 0.0, a_false_top, a_top_total,
        a_queries_false_top, ab_count_differs, ca_folded_differ, cb_accented_differ);
  }
  candidates.clear();
  if (!keep) {
    fs::remove_all(workdir);
  }
  return 0;
}
