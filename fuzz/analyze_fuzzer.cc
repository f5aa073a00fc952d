// The whole message analysis and its JSON form on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/analysis_json.h"
#include "analysis/message_analyzer.h"
#include "core/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const spamradar::analysis::MessageAnalyzer analyzer;
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  const spamradar::analysis::MessageAnalysis analysis = analyzer.Analyze(message);
  for (const auto& brand : analysis.brands) CHECK(brand.span.end <= size) << "brand span";
  for (const auto& cue : analysis.cues) CHECK(cue.span.end <= size) << "cue span";
  for (const auto& phone : analysis.phones) CHECK(phone.e164.starts_with("+")) << "phone not E.164";
  const std::string json =
      spamradar::analysis::DumpJson(spamradar::analysis::ToJson(analysis, message));
  CHECK(!json.empty()) << "empty JSON";
  return 0;
}
