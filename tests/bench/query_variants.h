// The ways a reader may type the same words: with the text's underscores, with spaces, without
// accents, in capitals, decomposed (NFD), with the other tone-mark placement (hòa ↔ hoà). Built
// with ICU from the analyser's syllables, never with the normalisation the engines under test use.
// Not for: deciding which phrases to ask (eval_tasks.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/token.h"

namespace vn::bench {

struct TypedForms {
  std::string underscores;  // Compounds as the text writes them: "Mặt_trận Bình_dân".
  std::string spaces;       // "Mặt trận Bình dân".
  std::string folded;       // "Mat tran Binh dan" (đ → d).
  std::string upper;        // "MẶT TRẬN BÌNH DÂN".
  std::string nfd;          // `spaces` in Unicode NFD.
  // `spaces` with the tone of each oa/oe/uy syllable moved to the other vowel (hòa ↔ hoà,
  // thủy ↔ thuỷ); nullopt when no syllable has a tone that can move.
  std::optional<std::string> other_tone;
};

// The forms of tokens [first, first + count) of `analysis`, from their canonical keys (NFC,
// canonical tone placement) with the text's capitalisation.
TypedForms typed_forms(const Analysis& analysis, std::uint32_t first, std::uint32_t count);

// The text's syllables with their diacritics removed (đ → d), lower case, joined by spaces; a
// number or symbol token stays whole. What a reader types for a title without accents.
std::string folded_query(const Analysis& analysis);

// `text` in capitals (ICU full case mapping), in NFD, and with the other tone placement.
std::string upper_case(std::string_view text);
std::string decomposed(std::string_view text);
std::optional<std::string> other_tone_placement(std::string_view text);

}  // namespace vn::bench
