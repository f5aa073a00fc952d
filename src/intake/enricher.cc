#include "intake/enricher.h"

#include <cstdio>
#include <utility>

#include "analysis/enrichment.h"
#include "core/hash.h"
#include "geo/phone_number.h"
#include "intake/sender.h"

namespace spamradar::intake {
namespace {

analysis::AnalyzerOptions EnrichmentAnalysis() {
  analysis::AnalyzerOptions options;
  // The shingle text is stored for the campaign engine; the shingles are its own.
  options.word_shingle_size = 0;
  options.char_shingle_size = 0;
  return options;
}

}  // namespace

Enricher::Enricher(ReporterHasher hasher, const geo::MetroDirectory& metros)
    : hasher_(std::move(hasher)), metros_(metros), analyzer_(EnrichmentAnalysis()) {}

std::string Enricher::DerivedId(std::string_view reporter_hash, Timestamp reported_at,
                                std::string_view body) {
  std::string key(reporter_hash);
  const int64_t ms = ToUnixMillis(reported_at);
  key.append(reinterpret_cast<const char*>(&ms), sizeof(ms));
  key.append(body);
  const XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  char id[40];
  std::snprintf(id, sizeof(id), "r%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return id;
}

Result<ReporterIdentity> Enricher::Identify(std::string_view raw_reporter,
                                            std::string_view explicit_metro) const {
  const std::string reporter = ReporterHasher::NormalizeReporter(raw_reporter);
  if (reporter.empty()) return Status::InvalidArgument("reporter: must not be empty");
  ReporterIdentity identity;
  identity.hash = hasher_.Hash(reporter);
  if (!explicit_metro.empty()) {
    const geo::Metro* metro = metros_.FindMetro(explicit_metro);
    if (metro == nullptr) {
      std::string message = "metro: '";
      message.append(explicit_metro.substr(0, 64));
      message.append("' is not a US metro area's name or CBSA code");
      return Status::InvalidArgument(std::move(message));
    }
    identity.metro = metro->cbsa;
  } else if (reporter.front() == '+') {
    const geo::Location location = metros_.Locate(reporter);
    if (location.metro != nullptr) identity.metro = location.metro->cbsa;
  }
  return identity;
}

Result<Report> Enricher::Enrich(const ReportSubmission& submission, std::string_view source) const {
  Result<ReporterIdentity> identity = Identify(submission.reporter, submission.metro);
  if (!identity.ok()) return identity.status();
  return EnrichFrom(*identity, submission, source);
}

Result<Report> Enricher::EnrichFrom(const ReporterIdentity& reporter,
                                    const ReportSubmission& submission,
                                    std::string_view source) const {
  Report report;
  Result<Sender> sender = NormalizeSender(submission.sender);
  if (!sender.ok()) return sender.status();
  report.sender = std::move(sender).value();
  if (submission.channel) {
    report.channel = *submission.channel;
  } else {
    report.channel = InferChannel(report.sender);
    report.channel_inferred = report.channel != Channel::kUnknown;
  }
  report.reporter_hash = reporter.hash;
  report.metro = reporter.metro;
  report.id = submission.id.empty()
                  ? DerivedId(report.reporter_hash, submission.reported_at, submission.body)
                  : submission.id;
  report.reported_at = submission.reported_at;
  report.received_at = submission.received_at;
  report.operator_name = submission.operator_name;
  report.source = std::string(source);
  report.body = submission.body;

  thread_local analysis::MessageAnalysis analysis;
  analyzer_.Analyze(report.body, &analysis);
  analysis::StoreAnalysis(analysis, analyzer_.stamp(), &report);
  return report;
}

}  // namespace spamradar::intake
