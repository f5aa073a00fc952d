#include "analytics/report_summary.h"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

namespace spamradar::analytics {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// The reporter keys, sorted, as the differences between neighbours in
// LEB128 (about 6 bytes a key for millions of random keys), written as hex
// so that the snapshot stays one JSON document.
std::string EncodeKeys(std::vector<uint64_t> keys) {
  std::sort(keys.begin(), keys.end());
  std::string out;
  out.reserve(keys.size() * 12);
  uint64_t previous = 0;
  for (const uint64_t key : keys) {
    uint64_t delta = key - previous;
    previous = key;
    do {
      const auto byte = static_cast<uint8_t>((delta & 0x7f) | (delta > 0x7f ? 0x80 : 0));
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xf]);
      delta >>= 7;
    } while (delta != 0);
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The inverse; refuses anything EncodeKeys cannot have written.
Result<std::vector<uint64_t>> DecodeKeys(std::string_view hex) {
  if (hex.size() % 2 != 0) return Status::Corruption("reporters: odd length");
  std::vector<uint64_t> keys;
  uint64_t previous = 0, delta = 0;
  int shift = 0;
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int high = HexDigit(hex[i]), low = HexDigit(hex[i + 1]);
    if (high < 0 || low < 0) return Status::Corruption("reporters: not hex");
    const auto byte = static_cast<uint64_t>(high << 4 | low);
    if (shift > 63 || (shift == 63 && (byte & 0x7e) != 0)) {
      return Status::Corruption("reporters: a difference over 64 bits");
    }
    delta |= (byte & 0x7f) << shift;
    shift += 7;
    if ((byte & 0x80) != 0) continue;
    if (!keys.empty() && delta == 0) return Status::Corruption("reporters: a key twice");
    if (delta > ~previous) return Status::Corruption("reporters: not in order");
    previous += delta;
    keys.push_back(previous);
    delta = 0;
    shift = 0;
  }
  if (shift != 0) return Status::Corruption("reporters: cut off");
  return keys;
}

}  // namespace

void ReportSummary::Apply(const Report& report) {
  ++reports_;
  last_sequence_ = report.sequence;
  reporters_.insert(ReporterKey(report.reporter_hash));
  ++by_day_[{UtcDay(report.reported_at), report.metro, report.channel, report.channel_inferred}];
  ++by_source_[report.source];
  if (report.sender.kind != SenderKind::kNone) {
    std::string key(SenderKindName(report.sender.kind));
    key.push_back(':');
    key.append(report.sender.value);
    ++by_sender_[key];
  }
  for (const std::string& domain : report.domains) ++by_domain_[domain];
}

std::string ReportSummary::Serialize() const {
  nlohmann::ordered_json out;
  out["reports"] = reports_;
  out["last_sequence"] = last_sequence_;
  out["reporters"] = EncodeKeys(std::vector<uint64_t>(reporters_.begin(), reporters_.end()));
  nlohmann::ordered_json days = nlohmann::ordered_json::array();
  for (const auto& [key, count] : by_day_) {
    days.push_back({key.day, key.metro, static_cast<int>(key.channel), key.inferred, count});
  }
  out["by_day"] = std::move(days);
  out["by_source"] = by_source_;
  out["by_sender"] = by_sender_;
  out["by_domain"] = by_domain_;
  return out.dump();
}

Status ReportSummary::Restore(std::string_view state) {
  const nlohmann::json in = nlohmann::json::parse(state, nullptr, /*allow_exceptions=*/false);
  if (in.is_discarded() || !in.is_object()) {
    return Status::Corruption("report summary snapshot is not valid JSON");
  }
  ReportSummary restored;
  try {
    restored.reports_ = in.at("reports").get<uint64_t>();
    restored.last_sequence_ = in.at("last_sequence").get<uint64_t>();
    Result<std::vector<uint64_t>> reporters =
        DecodeKeys(in.at("reporters").get_ref<const std::string&>());
    if (!reporters.ok())
      return Status::Corruption("report summary snapshot: " + reporters.status().message());
    restored.reporters_.insert(reporters->begin(), reporters->end());
    for (const auto& row : in.at("by_day")) {
      restored.by_day_[{row.at(0).get<int64_t>(), row.at(1).get<std::string>(),
                        static_cast<Channel>(row.at(2).get<int>()), row.at(3).get<bool>()}] =
          row.at(4).get<uint64_t>();
    }
    restored.by_source_ = in.at("by_source").get<std::map<std::string, uint64_t>>();
    restored.by_sender_ = in.at("by_sender").get<std::map<std::string, uint64_t>>();
    restored.by_domain_ = in.at("by_domain").get<std::map<std::string, uint64_t>>();
  } catch (const nlohmann::json::exception& error) {
    return Status::Corruption(std::string("report summary snapshot: ") + error.what());
  }
  *this = std::move(restored);
  return Status::Ok();
}

}  // namespace spamradar::analytics
