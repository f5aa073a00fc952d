// Enricher: turns a checked ReportSubmission into the Report the log stores.
//
// It normalizes the sender, hashes the reporter (the raw number goes no
// further), finds the reporter's metro (an explicit `metro` wins over the
// number's area code), infers the channel when the client did not declare it,
// derives an id when none was given, and lists what the message analysis
// finds in the body: registrable domains, brands, phone numbers, short codes,
// e-mail addresses. Thread-safe (the analysis scratch is per thread).
#pragma once

#include <string_view>

#include "analysis/message_analyzer.h"
#include "core/status.h"
#include "domain/report.h"
#include "geo/metro_directory.h"
#include "intake/reporter_hasher.h"

namespace spamradar::intake {

// Who reported, as far as the log may know: the keyed hash and the metro.
struct ReporterIdentity {
  std::string hash;
  std::string metro;  // CBSA code, or empty
};

class Enricher {
 public:
  explicit Enricher(ReporterHasher hasher,
                    const geo::MetroDirectory& metros = geo::MetroDirectory::Default());

  // `source` says how the report came in ("api", "import", "7726"). Errors
  // name the field (an unknown metro, a sender that is none of the kinds).
  Result<Report> Enrich(const ReportSubmission& submission, std::string_view source) const;

  // The two halves of Enrich(), for the 7726 conversation, which learns the
  // reporter and the sender in different messages and must not keep the
  // number in between. `explicit_metro` (name or CBSA code) wins when given.
  Result<ReporterIdentity> Identify(std::string_view reporter,
                                    std::string_view explicit_metro = {}) const;
  // `submission.reporter` and `submission.metro` are ignored.
  Result<Report> EnrichFrom(const ReporterIdentity& reporter, const ReportSubmission& submission,
                            std::string_view source) const;

  // The id a report without one gets: the same reporter reporting the same
  // text at the same instant is the same report (a client's retry).
  static std::string DerivedId(std::string_view reporter_hash, Timestamp reported_at,
                               std::string_view body);

  const ReporterHasher& hasher() const { return hasher_; }

 private:
  ReporterHasher hasher_;
  const geo::MetroDirectory& metros_;
  analysis::MessageAnalyzer analyzer_;
};

}  // namespace spamradar::intake
