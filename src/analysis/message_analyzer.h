// MessageAnalyzer: runs the message analysis pipeline in order:
//   clean text (Unicode) -> e-mails, URLs, numbers (typed spans) -> tokens
//   (look-alikes, leetspeak, spacing) -> brands and cues (vectorscan)
//   -> phone locations (geo) -> shingles.
// Construction loads the built-in dictionaries once; Analyze() is const and
// thread-safe, and runs in time linear in the message length. Messages longer
// than kMaxMessageBytes are analyzed up to that length and marked truncated.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/message_analysis.h"

namespace spamradar::analysis {

// The version of what Analyze() reads out of a text. Bump it with any change
// to the output (the golden files in tests/golden/ show such changes, and
// golden_test fails until this is bumped): what was derived from an older
// analysis and stored, a report's enrichment in the log, is then read again.
inline constexpr uint32_t kAnalysisVersion = 5;

struct AnalyzerOptions {
  std::string default_region = "US";  // for phone numbers written without a country code
  int word_shingle_size = 3;  // 0: no word shingles (the campaign engine uses characters only)
  int char_shingle_size = 5;  // 0: the shingle text without its character shingles
  bool shingles = true;
};

class MessageAnalyzer {
 public:
  static constexpr size_t kMaxMessageBytes = 4 << 20;

  explicit MessageAnalyzer(AnalyzerOptions options = {});

  MessageAnalysis Analyze(std::string_view message) const;
  // The same into `out`, reusing its buffers: a caller that analyzes message
  // after message with one MessageAnalysis allocates nothing in steady state.
  void Analyze(std::string_view message, MessageAnalysis* out) const;

  // Identifies this analyzer's reading of a text: kAnalysisVersion, the
  // default region, whether it makes the shingle text, the brand and cue
  // dictionaries and the public-suffix list. Two analyzers with the same
  // stamp find the same links, domains, brands, cues, numbers, addresses and
  // shingle text in any message (shingle sizes aside), so a result stored
  // with a stamp is current when the stamp is this one.
  uint32_t stamp() const { return stamp_; }

  // The category of a brand as named in MessageAnalysis::brands ("luxury"
  // for "Louis Vuitton"); empty for a name the dictionary does not have.
  static std::string_view BrandCategory(std::string_view brand);

 private:
  AnalyzerOptions options_;
  uint32_t stamp_ = 0;
};

}  // namespace spamradar::analysis
