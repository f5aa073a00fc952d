#include "analytics/report_summary.h"

#include <nlohmann/json.hpp>

namespace spamradar::analytics {

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
  out["reporters"] = reporters_;
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
    restored.reporters_ = in.at("reporters").get<std::set<uint64_t>>();
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
