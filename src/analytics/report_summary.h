// ReportSummary: the first fold over the report log: how many reports, from
// how many distinct reporters, by UTC day, metro and channel (declared and
// inferred apart), by source, and the senders and domains seen most.
//
// It is the seed of the analytics rollups and the state `spamradar rebuild`
// proves can be derived again from the log alone. Deterministic: the
// serialized state depends only on the reports and their order. Not
// thread-safe; the fold runs on one thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include <absl/container/flat_hash_set.h>

#include "store/fold.h"

namespace spamradar::analytics {

class ReportSummary final : public store::Fold {
 public:
  struct DayKey {
    int64_t day;  // UTC days since the epoch
    std::string metro;
    Channel channel;
    bool inferred;
    auto operator<=>(const DayKey&) const = default;
  };

  std::string_view name() const override { return "report_summary/v2"; }
  void Apply(const Report& report) override;
  void Reset() override { *this = ReportSummary(); }
  std::string Serialize() const override;
  Status Restore(std::string_view state) override;

  uint64_t reports() const { return reports_; }
  uint64_t distinct_reporters() const { return reporters_.size(); }
  const std::map<DayKey, uint64_t>& by_day() const { return by_day_; }
  const std::map<std::string, uint64_t>& by_source() const { return by_source_; }
  const std::map<std::string, uint64_t>& by_sender() const { return by_sender_; }
  const std::map<std::string, uint64_t>& by_domain() const { return by_domain_; }

 private:
  uint64_t reports_ = 0;
  uint64_t last_sequence_ = 0;
  // First 64 bits of the reporter hashes: one per subscriber who ever
  // reported, the largest table here (a flat set: 8 bytes and a control
  // byte each, where a std::set node took 48).
  absl::flat_hash_set<uint64_t> reporters_;
  std::map<DayKey, uint64_t> by_day_;
  std::map<std::string, uint64_t> by_source_;
  std::map<std::string, uint64_t> by_sender_;  // "kind:value"
  std::map<std::string, uint64_t> by_domain_;
};

}  // namespace spamradar::analytics
