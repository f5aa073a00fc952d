// The part of a message's analysis that a report keeps in the log
// (domain/report.h): the lists intake stores with each report and the folds
// read back instead of analyzing every text again.
#pragma once

#include <cstdint>

#include "analysis/message_analysis.h"
#include "domain/report.h"

namespace spamradar::analysis {

// Sets the report's analysis lists (domains, brands, phones, short codes,
// e-mail addresses, cues: each value once, in order of appearance), its
// shingle text and `stamp` (MessageAnalyzer::stamp() of the analyzer that
// produced `analysis`). Other fields are left alone.
void StoreAnalysis(const MessageAnalysis& analysis, uint32_t stamp, Report* report);

}  // namespace spamradar::analysis
