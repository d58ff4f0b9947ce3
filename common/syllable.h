// Vietnamese syllable structure (onset, medial, nucleus, coda): validity, canonical tone placement
// and the repair of syllables glued together by a missing space. Works on decomposed letters, so it
// is independent of case, NFC/NFD and where the text put the tone mark.
// Not for: tokenising text or deciding word boundaries.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "common/letter.h"

namespace vn {

// True when `letters` (lower-cased or not: case is ignored; `base`, `mark` and `tone` decide, and
// `lower` only to refuse letters with a foreign mark such as 'ü') spell one well-formed Vietnamese
// syllable: an optional onset (b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x)
// that agrees with its rhyme (k gh ngh before e ê i, c g ng elsewhere), a rhyme from the Vietnamese
// inventory, and at most one tone mark. Stop codas (c ch p t) allow only the acute and dot tones,
// so a stop syllable written without its tone ("viet") is not one. Foreign words (Azerbaijan,
// OSCE) and syllables of minority languages (Đắk Lắk) are not syllables.
bool is_vietnamese_syllable(std::span<const Letter> letters);

// Index of the letter that carries the tone in the canonical ("old style") placement used for
// search keys, whether or not the syllable has a tone: a vowel with a quality mark (thuyền, người:
// the ơ of ươ); else, before a coda, the last vowel (hoàng, toán); else the middle one of three
// (ngoái, khuỷu; khuya, never written with a tone, would take it on the y); else the first (hòa,
// thủy, khỏe, của, mía). The u of qu and the i of gi belong to the onset (quý, quả, giữ, giữa),
// unless gi has no other vowel (gì, gìn). Returns -1 when `letters` is not a Vietnamese syllable,
// so the caller keeps the tone where the text put it.
int canonical_tone_index(std::span<const Letter> letters);

// When `letters` is not a syllable but the concatenation of two or three valid syllables (the
// source lost a space or an underscore: "bốbầu" → "bố" + "bầu"), returns the split offsets (here
// {2}); otherwise returns an empty vector. Only words with evidence of Vietnamese spelling are
// considered: a letter ă â ê ô ơ ư đ, a hook or dot tone, or two tone marks. So foreign names
// (Azerbaijan, Mustafayev, OSCE, but also María, Pokémon) are never split; words longer than 30
// letters are not looked at. When several splits work, the one with the fewest pieces wins (each
// piece, being a syllable, carries at most one tone), then the one with the shortest first piece:
// the consonants between two vowels go to the next syllable's onset ("từngày" is từ + ngày, not
// từng + ày). That is right in about 70% of ambiguous real cases; "côngan" (công an) is not one.
std::vector<std::size_t> split_glued_syllables(std::span<const Letter> letters);

}  // namespace vn
