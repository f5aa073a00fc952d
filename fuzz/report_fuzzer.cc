// The report parser and the enrichment on arbitrary bytes (a JSON line as
// `spamradar import` or POST /v1/reports receives it): an error that names
// what is wrong, or a report within the format's limits. Never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/check.h"
#include "intake/enricher.h"
#include "intake/report_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace spamradar;
  static const Timestamp now = *ParseRfc3339("2014-04-30T00:00:00Z");
  static const intake::Enricher* enricher = new intake::Enricher(intake::ReporterHasher({}));
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<ReportSubmission> submission = intake::ParseReportSubmission(bytes, now);
  if (!submission.ok()) {
    CHECK(!submission.status().message().empty()) << "error without a message";
    return 0;
  }
  CHECK(!submission->body.empty() && submission->body.size() <= intake::kMaxBodyBytes);
  CHECK(submission->reported_at <= now + std::chrono::hours(24));
  Result<Report> report = enricher->Enrich(*submission, "import");
  if (!report.ok()) {
    CHECK(!report.status().message().empty()) << "error without a message";
    return 0;
  }
  CHECK(report->reporter_hash.size() == 64);
  CHECK(!report->id.empty());
  (void)intake::ReportToJson(*report, true).dump();
  return 0;
}
