#include "common/accent_signature.h"

namespace vn {

AccentCode accent_code(std::string_view key) {
  std::uint32_t h = 2166136261U;  // FNV-1a: stable across builds and machines.
  for (char c : key) {
    h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  }
  const auto code = static_cast<AccentCode>(h ^ (h >> 16));
  return code == 0 ? 1 : code;
}

void AccentSignature::set(std::uint32_t position, std::string_view key) {
  const std::size_t at = 2 * static_cast<std::size_t>(position);
  if (bytes_.size() < at + 2) {
    bytes_.resize(at + 2, '\0');
  }
  const AccentCode code = accent_code(key);
  bytes_[at] = static_cast<char>(code & 0xff);
  bytes_[at + 1] = static_cast<char>(code >> 8);
}

AccentCode accent_code_at(std::string_view signature, std::uint32_t position) {
  const std::size_t at = 2 * static_cast<std::size_t>(position);
  if (at + 2 > signature.size()) {
    return 0;
  }
  return static_cast<AccentCode>(static_cast<unsigned char>(signature[at]) |
                                 (static_cast<unsigned char>(signature[at + 1]) << 8));
}

bool accents_match_at(std::string_view signature, std::uint32_t first,
                      std::span<const AccentCode> codes) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (accent_code_at(signature, first + static_cast<std::uint32_t>(i)) != codes[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace vn
