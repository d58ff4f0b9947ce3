// Finds where the headline ends in a one-line article (title and body run together, as in the
// seed article and many VNTC files).
#pragma once

#include <cstddef>
#include <string_view>

namespace vn {

// Returns the byte offset where the body starts, or 0 when no headline boundary is found.
// Heuristic: headlines have no sentence punctuation, and the body's first sentence starts with a
// capitalised Vietnamese word. The boundary is the first capitalised word, at least the 4th word
// and at most the 40th, that (a) is made of Vietnamese syllables (so foreign names such as
// Azerbaijan do not count), (b) is not capitalised throughout (Hà_Nội is a name), and (c) follows a
// lower-case word and precedes one. If punctuation that ends a sentence comes first, the headline
// ends there instead.
std::size_t find_headline_end(std::string_view line);

}  // namespace vn
