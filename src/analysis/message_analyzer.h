// MessageAnalyzer: runs the message analysis pipeline in order:
//   clean text (Unicode) -> e-mails, URLs, numbers (typed spans) -> tokens
//   (look-alikes, leetspeak, spacing) -> brands and cues (vectorscan)
//   -> phone locations (geo) -> shingles.
// Construction loads the built-in dictionaries once; Analyze() is const and
// thread-safe, and runs in time linear in the message length. Messages longer
// than kMaxMessageBytes are analyzed up to that length and marked truncated.
#pragma once

#include <string>
#include <string_view>

#include "analysis/message_analysis.h"

namespace spamradar::analysis {

struct AnalyzerOptions {
  std::string default_region = "US";  // for phone numbers written without a country code
  int word_shingle_size = 3;  // 0: no word shingles (the campaign engine uses characters only)
  int char_shingle_size = 5;
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

 private:
  AnalyzerOptions options_;
};

}  // namespace spamradar::analysis
