// ReportLog: the append-only log of reports, spamradar's source of truth.
//
// Every other piece of state (campaigns, rollups, fingerprints) is a fold over
// this log in log order and can be rebuilt from it. A report is acknowledged
// only after Append() has returned, which happens after the batch is durable.
// Ids are idempotency keys: a report whose id is already in the log is not
// stored again and comes back as a duplicate.
//
// Implementations: store/sqlite (embedded, one data directory) and, later,
// a replicated NATS JetStream stream. Nothing outside store/ knows which.
// Implementations are safe to use from one thread at a time per instance.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/status.h"
#include "domain/report.h"

namespace spamradar::store {

struct AppendOutcome {
  bool duplicate = false;  // the id was already in the log (or earlier in the batch)
  uint64_t sequence = 0;   // the stored report's position (the earlier one for a duplicate)
};

class ReportLog {
 public:
  virtual ~ReportLog() = default;

  // Appends the batch in one durable transaction, all or nothing, and sets
  // each appended report's sequence. One outcome per report, in order.
  virtual Result<std::vector<AppendOutcome>> Append(std::span<Report> reports) = 0;

  // Calls visit() with each report after sequence `after`, in log order, until
  // visit returns false or the log ends.
  virtual Status Scan(uint64_t after, const std::function<bool(const Report&)>& visit) = 0;

  // The sequence of the last report, 0 for an empty log.
  virtual Result<uint64_t> LastSequence() = 0;
};

}  // namespace spamradar::store
