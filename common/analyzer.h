// The Vietnamese analyser: turns UTF-8 text into tokens and syllables with exact byte spans,
// canonical and accent-folded keys, capitalisation and names. The indexer, the query parser and the
// snippet generator all call it, so what is indexed is exactly what is searched.
// Not for: query syntax (quotes, fields, operators): the query parser strips those first.
#pragma once

#include <string_view>

#include "common/token.h"

namespace vn {

struct AnalyzerOptions {
  // Split syllables glued by a lost space (default true). A search box turns it off while a
  // syllable is still being typed: "đươ" is the start of "đương", not "đư" + "ơ".
  bool repair_glued = true;
};

// Analyses `text` into `out` (cleared first). Never throws on any input, never loops: invalid
// UTF-8 is read as U+FFFD and counted in out.invalid_utf8. Thread-safe (no shared state besides
// the immutable character tables).
//
// Rules, in brief (README "Text analysis" has the full list):
//  - Words are runs of letters and digits; '_' joins the syllables of a segmented compound.
//  - A syllable that is two Vietnamese syllables glued by a lost space (bốbầu) is split, and the
//    compound it sits in is split into two words there.
//  - Numbers keep their separators and percent sign (50.000, 3,5, 12/11/2005, 10%); words joined
//    by '/', '-', '\'' or an upper-case '.' abbreviation (HIV/AIDS, e-mail, TP.HCM) are one symbol
//    token whose parts are its syllables; URLs and e-mail addresses are one token.
//  - A sentence starts at the start of the text, after a line break and after . ! ? : … .
//  - A name is a run of adjacent capitalised words, excluding a single-syllable Vietnamese word
//    (or a compound not capitalised throughout) that is capitalised only because it starts a
//    sentence.
void analyze(std::string_view text, Analysis& out, const AnalyzerOptions& options = {});

// Writes the canonical display form of a name or word: syllable keys joined by spaces (a symbol's
// parts by its own separators: "TP.HCM"), with the capitalisation the text used (initial or all
// upper case). "Mặt_trận Bình_dân" → "Mặt trận Bình dân", whatever the source's NFC/NFD form or
// tone placement.
std::string display_form(const Analysis& analysis, std::uint32_t first_token,
                         std::uint32_t token_count);

}  // namespace vn
