#include "query/date_range.h"

#include <algorithm>
#include <cctype>

namespace vn {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isdigit(c) != 0;
  });
}

// The first and last day of a year, month or day written as YYYY, YYYY-MM or YYYY-MM-DD.
std::expected<std::pair<std::string, std::string>, std::string> period(std::string_view v) {
  const std::string bad = "bad date '" + std::string(v) + "' (use 2005, 2005-11 or 2005-11-12)";
  if (v.size() == 4 && all_digits(v)) {
    return std::pair{std::string(v) + "0101", std::string(v) + "1231"};
  }
  if (v.size() >= 7 && v[4] == '-' && all_digits(v.substr(0, 4)) && all_digits(v.substr(5, 2))) {
    const std::string ym = std::string(v.substr(0, 4)) + std::string(v.substr(5, 2));
    const int month = std::stoi(std::string(v.substr(5, 2)));
    if (month < 1 || month > 12) {
      return std::unexpected(bad);
    }
    if (v.size() == 7) {
      return std::pair{ym + "01", ym + "31"};  // Day 31 sorts after the month's last day.
    }
    if (v.size() == 10 && v[7] == '-' && all_digits(v.substr(8, 2))) {
      const int day = std::stoi(std::string(v.substr(8, 2)));
      if (day >= 1 && day <= 31) {
        const std::string ymd = ym + std::string(v.substr(8, 2));
        return std::pair{ymd, ymd};
      }
    }
  }
  return std::unexpected(bad);
}

}  // namespace

std::expected<std::pair<std::string, std::string>, std::string> parse_date_range(
    std::string_view value) {
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    return period(value);
  }
  const std::string_view from = value.substr(0, dots);
  const std::string_view to = value.substr(dots + 2);
  std::pair<std::string, std::string> range{"00000000", "99999999"};
  if (!from.empty()) {
    auto p = period(from);
    if (!p) {
      return std::unexpected(p.error());
    }
    range.first = p->first;
  }
  if (!to.empty()) {
    auto p = period(to);
    if (!p) {
      return std::unexpected(p.error());
    }
    range.second = p->second;
  }
  if (range.first > range.second) {
    return std::unexpected("date range '" + std::string(value) + "' ends before it starts");
  }
  return range;
}

}  // namespace vn
