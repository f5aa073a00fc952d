// The report format on the wire (docs/report-format.md): JSON in, JSON out.
//
// ParseReportSubmission() reads one report object from untrusted bytes and
// either returns it or an error that names the field ("reported_at: ...",
// "body: must be 1 byte to 64 KiB"). It never throws and never crashes on any
// input (fuzz/report_fuzzer.cc). Thread-safe.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "core/time.h"
#include "domain/report.h"

namespace spamradar::intake {

inline constexpr size_t kMaxBodyBytes = 64 * 1024;
inline constexpr size_t kMaxIdBytes = 128;
inline constexpr size_t kMaxReporterBytes = 256;
inline constexpr size_t kMaxFieldBytes = 256;  // sender, operator, metro

// `now` bounds timestamps: a report from more than a day in the future, or
// from before 2000, is refused as a clock error.
Result<ReportSubmission> ParseReportSubmission(std::string_view json, Timestamp now);
// The same for an already parsed value (one element of a batch).
Result<ReportSubmission> ReportSubmissionFromJson(const nlohmann::json& value, Timestamp now);

// A stored report as JSON (for export and the API); never includes the body
// unless asked, since exports are often shared more widely than the log.
nlohmann::ordered_json ReportToJson(const Report& report, bool with_body);

}  // namespace spamradar::intake
