// "Did you mean": the query as the user most likely meant it, from the index's own statistics.
// A word typed without accents gets the accented form the index holds in most articles
// ("mat tran binh dan" → "mặt trận bình dân"); a syllable the index never saw gets the most
// frequent one a single edit away ("nguoì" → "người"). Offered beside the results of the query as
// typed, never in its place. Operators, quotes and fields are kept as typed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "common/segmenter.h"

namespace vn {

// The rewritten query, or nullopt when nothing would change. `lexicon` groups syllables typed
// with spaces into words, as the query parser does.
std::optional<std::string> did_you_mean(const Xapian::Database& db, std::string_view query,
                                        const Lexicon& lexicon);

}  // namespace vn
