// Importer: bulk intake from JSON Lines, one report per line.
//
// Lines are parsed, checked and enriched one by one; good reports are
// appended to the log in batches, one durable transaction each. A bad line is
// rejected on its own (with its line number and the field at fault) and the
// good ones are kept. In strict mode the whole input is checked first and
// nothing is written unless every line is good. Lines are checked and
// enriched on worker threads; the log sees them in line order. Not
// thread-safe itself (one Import at a time per instance).
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "intake/enricher.h"
#include "store/report_log.h"

namespace spamradar::intake {

struct ImportOptions {
  bool strict = false;
  size_t batch_size = 2000;
  size_t max_errors_kept = 10;
  std::string source = "import";
  // Lines longer than this are rejected unread (a report's body is at most 64 KiB).
  size_t max_line_bytes = 1 << 20;
  // Threads that check and enrich lines (0: one per core). Appends stay on
  // the calling thread, in line order.
  size_t threads = 0;
};

struct LineError {
  uint64_t line;  // from 1
  std::string message;
};

struct ImportProgress {
  uint64_t lines = 0;  // lines read and settled (stored, duplicate or rejected)
  uint64_t bytes = 0;
  uint64_t accepted = 0;    // appended and committed
  uint64_t duplicates = 0;  // ids already in the log
  uint64_t rejected = 0;
  std::vector<LineError> errors;  // the first few
};

class Importer {
 public:
  Importer(const Enricher& enricher, store::ReportLog& log, const Clock& clock,
           ImportOptions options = {});

  // Reads `input` to its end. `on_commit` is called after each committed
  // batch (for progress displays; everything counted in it is durable).
  // Returns the final counts, or an error of the log (input errors are
  // counted, not returned, except in strict mode, where the first one is).
  Result<ImportProgress> Import(std::FILE* input,
                                const std::function<void(const ImportProgress&)>& on_commit = {});

 private:
  // Calls handle(line_number, line, too_long) for each line of `input`.
  Status ForEachLine(std::FILE* input, ImportProgress* progress,
                     const std::function<Status(uint64_t, std::string_view, bool)>& handle);
  Result<Report> Check(std::string_view line, bool too_long) const;

  const Enricher& enricher_;
  store::ReportLog& log_;
  const Clock& clock_;
  ImportOptions options_;
};

}  // namespace spamradar::intake
