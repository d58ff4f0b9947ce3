// Measures the query-side segmenter against a gold word segmentation: precision, recall and F1 of
// the words it finds in raw sentences. The lexicon is counted from a word-segmented corpus the way
// the index counts it (every syllable occurrence, and every compound written with underscores),
// so the figure is what `vnsearch` gets from an index of that corpus.
//
// Usage: segment_eval CORPUS_TEXT GOLD_SEG GOLD_RAW
//   CORPUS_TEXT  word-segmented articles, one per line
//   GOLD_SEG     gold sentences, words separated by spaces, syllables joined by '_'
//   GOLD_RAW     the same sentences with syllables separated by spaces
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/analyzer.h"
#include "common/segmenter.h"

namespace {

using WordSpans = std::set<std::pair<std::size_t, std::size_t>>;  // [first, last) syllables

vn::MemoryLexicon count_lexicon(const std::string& path) {
  vn::MemoryLexicon lexicon;
  std::ifstream in(path);
  std::string line;
  vn::Analysis a;
  while (std::getline(in, line)) {
    vn::analyze(line, a);
    for (const vn::Token& t : a.tokens) {
      if (t.kind != vn::TokenKind::kWord) {
        continue;
      }
      for (const vn::Syllable& s : a.syllables_of(t)) {
        lexicon.add(s.key, 1);
      }
      if (t.syllable_count > 1) {
        lexicon.add(t.key, 1);
      }
    }
  }
  return lexicon;
}

// Gold words of a segmented sentence, as syllable spans (words only; punctuation has none).
WordSpans gold_words(const vn::Analysis& a) {
  WordSpans words;
  for (const vn::Token& t : a.tokens) {
    if (t.kind == vn::TokenKind::kWord) {
      words.insert({t.first_syllable, t.first_syllable + t.syllable_count});
    }
  }
  return words;
}

// The segmenter's words: each run of words between punctuation is segmented, as in a query.
WordSpans found_words(const vn::Analysis& a, const vn::Lexicon& lexicon) {
  WordSpans words;
  const auto& tokens = a.tokens;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t j = i + 1;
    while (tokens[i].kind == vn::TokenKind::kWord && j < tokens.size() &&
           tokens[j].kind == vn::TokenKind::kWord && !tokens[j].follows_punctuation) {
      ++j;
    }
    if (tokens[i].kind == vn::TokenKind::kWord) {
      std::size_t at = tokens[i].first_syllable;
      const std::size_t end = tokens[j - 1].first_syllable + tokens[j - 1].syllable_count;
      const std::span<const vn::Syllable> run(a.syllables.data() + at, end - at);
      for (std::size_t len : vn::segment(run, lexicon)) {
        words.insert({at, at + len});
        at += len;
      }
    }
    i = j;
  }
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: segment_eval CORPUS_TEXT GOLD_SEG GOLD_RAW\n";
    return 2;
  }
  const vn::MemoryLexicon lexicon = count_lexicon(argv[1]);
  std::ifstream seg(argv[2]);
  std::ifstream raw(argv[3]);
  std::string seg_line;
  std::string raw_line;
  std::size_t gold_total = 0, found_total = 0, correct = 0, sentences = 0, skipped = 0;
  vn::Analysis gold;
  vn::Analysis typed;
  while (std::getline(seg, seg_line) && std::getline(raw, raw_line)) {
    vn::analyze(seg_line, gold);
    vn::analyze(raw_line, typed);
    if (gold.syllables.size() != typed.syllables.size()) {
      ++skipped;  // The analyser read the two forms differently; not a segmentation question.
      continue;
    }
    const WordSpans g = gold_words(gold);
    const WordSpans f = found_words(typed, lexicon);
    for (const auto& w : f) {
      correct += g.contains(w) ? 1 : 0;
    }
    gold_total += g.size();
    found_total += f.size();
    ++sentences;
  }
  const double p = found_total ? static_cast<double>(correct) / found_total : 0;
  const double r = gold_total ? static_cast<double>(correct) / gold_total : 0;
  std::printf("sentences %zu (skipped %zu), gold words %zu, found %zu, correct %zu\n", sentences,
              skipped, gold_total, found_total, correct);
  std::printf("precision %.4f recall %.4f F1 %.4f\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
  return 0;
}
