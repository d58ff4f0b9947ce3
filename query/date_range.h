// Reads the value of a `date:` query field into an inclusive range of "YYYYMMDD" strings, the form
// of the date value slot: 2005 → 20050101..20051231, 2005-11 → 20051101..20051130,
// 2005-11-12 → one day, A..B → from the start of A to the end of B (either side may be empty).
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace vn {

std::expected<std::pair<std::string, std::string>, std::string> parse_date_range(
    std::string_view value);

}  // namespace vn
