#include "geo/metro_directory.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "core/check.h"
#include "core/tsv.h"
#include "geo/phone_number.h"

namespace spamradar::embedded {
extern const std::string_view kAreaCodes;
extern const std::string_view kMetros;
}  // namespace spamradar::embedded

namespace spamradar::geo {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

Result<MetroDirectory> MetroDirectory::Parse(std::string_view area_codes_tsv,
                                             std::string_view metros_tsv) {
  MetroDirectory directory;
  std::unordered_map<std::string, int> by_cbsa;
  Status status =
      ForEachTsvRow(metros_tsv, 6, [&](int line, const std::vector<std::string_view>& f) {
        Metro metro{std::string(f[0]), std::string(f[1]), std::string(f[3]), 0};
        const auto [ptr, ec] =
            std::from_chars(f[2].data(), f[2].data() + f[2].size(), metro.population);
        if (ec != std::errc() || ptr != f[2].data() + f[2].size() || metro.name.empty()) {
          return Status::InvalidArgument("metros line " + std::to_string(line) + ": bad row");
        }
        if (!f[4].empty() || !f[5].empty()) {
          const auto number = [](std::string_view text, double* out) {
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
            return error == std::errc() && end == text.data() + text.size();
          };
          if (!number(f[4], &metro.latitude) || !number(f[5], &metro.longitude) ||
              std::abs(metro.latitude) > 90 || std::abs(metro.longitude) > 180) {
            return Status::InvalidArgument("metros line " + std::to_string(line) +
                                           ": bad position");
          }
        }
        by_cbsa[metro.cbsa] = static_cast<int>(directory.metros_.size());
        directory.metros_.push_back(std::move(metro));
        return Status::Ok();
      });
  if (!status.ok()) return status;
  status = ForEachTsvRow(area_codes_tsv, 4, [&](int line, const std::vector<std::string_view>& f) {
    int npa = 0;
    const auto [ptr, ec] = std::from_chars(f[0].data(), f[0].data() + f[0].size(), npa);
    if (ec != std::errc() || f[0].size() != 3 || npa < 200) {
      return Status::InvalidArgument("area codes line " + std::to_string(line) + ": bad area code");
    }
    AreaCode& code = directory.area_codes_[static_cast<size_t>(npa)];
    code.known = true;
    code.state = std::string(f[1]);
    if (!f[2].empty()) {
      const auto it = by_cbsa.find(std::string(f[2]));
      if (it == by_cbsa.end()) {
        return Status::InvalidArgument("area codes line " + std::to_string(line) +
                                       ": unknown metro");
      }
      code.metro = it->second;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return directory;
}

const MetroDirectory& MetroDirectory::Default() {
  static const MetroDirectory* const directory = [] {
    Result<MetroDirectory> parsed = Parse(embedded::kAreaCodes, embedded::kMetros);
    CHECK(parsed.ok()) << "built-in geo tables: " << parsed.status().ToString();
    return new MetroDirectory(std::move(parsed).value());
  }();
  return *directory;
}

Location MetroDirectory::Locate(std::string_view e164, bool describe) const {
  Location location;
  if (e164.size() == 12 && e164.starts_with("+1")) {
    const std::string_view npa = e164.substr(2, 3);
    // Callers may pass what a reporter wrote ("+1-125550142"): three digits
    // make an area code, anything else none.
    const bool digits =
        std::all_of(npa.begin(), npa.end(), [](char c) { return c >= '0' && c <= '9'; });
    const size_t value =
        digits ? static_cast<size_t>((npa[0] - '0') * 100 + (npa[1] - '0') * 10 + (npa[2] - '0'))
               : 0;
    if (digits && area_codes_[value].known) {
      const AreaCode& code = area_codes_[value];
      location.area_code = std::string(npa);
      location.state = code.state;
      if (code.metro >= 0) location.metro = &metros_[static_cast<size_t>(code.metro)];
      return location;
    }
  }
  if (describe) location.description = DescribeLocation(e164);
  return location;
}

const Metro* MetroDirectory::FindMetro(std::string_view name) const {
  const std::string wanted = Lower(name);
  for (const Metro& metro : metros_) {
    if (Lower(metro.name) == wanted || metro.cbsa == name) return &metro;
  }
  return nullptr;
}

}  // namespace spamradar::geo
