// Golden files: each tests/golden/*.input.jsonl line is a message; the matching
// *.expected.jsonl line is its full analysis as `spamradar inspect` prints it.
// A change in behaviour shows up as a readable diff of the expected file.
// To accept a deliberate change: SPAMRADAR_UPDATE_GOLDEN=1 ./analysis_test
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/analysis_json.h"
#include "analysis/message_analyzer.h"
#include "core/hash.h"

namespace spamradar::analysis {
namespace {

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Input lines are {"text": "..."}; "text_hex" carries bytes that are not UTF-8.
std::string MessageOf(const std::string& line) {
  const nlohmann::json input = nlohmann::json::parse(line);
  if (input.contains("text_hex")) {
    const std::string hex = input["text_hex"];
    std::string bytes;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
      bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
    return bytes;
  }
  return input["text"];
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, AnalysisMatchesExpected) {
  const std::string base = std::string(SPAMRADAR_TEST_SOURCE_DIR) + "/tests/golden/" + GetParam();
  const std::vector<std::string> inputs = ReadLines(base + ".input.jsonl");
  ASSERT_FALSE(inputs.empty()) << base;
  const MessageAnalyzer analyzer;
  std::vector<std::string> actual;
  for (const std::string& line : inputs) {
    const std::string message = MessageOf(line);
    actual.push_back(DumpJson(ToJson(analyzer.Analyze(message), message)));
  }
  if (std::getenv("SPAMRADAR_UPDATE_GOLDEN") != nullptr) {
    std::ofstream out(base + ".expected.jsonl", std::ios::binary | std::ios::trunc);
    for (const std::string& line : actual) out << line << '\n';
    GTEST_SKIP() << "rewrote " << base << ".expected.jsonl";
  }
  const std::vector<std::string> expected = ReadLines(base + ".expected.jsonl");
  ASSERT_EQ(expected.size(), actual.size())
      << "run with SPAMRADAR_UPDATE_GOLDEN=1 to create " << base;
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(expected[i], actual[i]) << GetParam() << " line " << i + 1;
  }
}

INSTANTIATE_TEST_SUITE_P(Sets, GoldenTest, testing::Values("tricks", "uci_sample"));

// Reports keep lists from their analysis, stamped with kAnalysisVersion, and
// the folds trust them only under the current version. The golden files show
// every change to the analysis, so the version must move with them.
TEST(AnalysisVersionTest, MovesWithTheGoldenFiles) {
  constexpr uint32_t kVersionOfTheseFiles = 5;
  constexpr uint64_t kDigestOfTheseFiles = 0x3b142e514e95f13;
  std::string contents;
  for (const char* set : {"tricks", "uci_sample"}) {
    const std::string path =
        std::string(SPAMRADAR_TEST_SOURCE_DIR) + "/tests/golden/" + set + ".expected.jsonl";
    std::ifstream in(path, std::ios::binary);
    contents.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const uint64_t digest = XXH3_64bits(contents.data(), contents.size());
  ASSERT_EQ(digest, kDigestOfTheseFiles)
      << "the expected analysis changed: bump kAnalysisVersion (analysis/message_analyzer.h), "
         "then set kVersionOfTheseFiles to it and kDigestOfTheseFiles to 0x"
      << std::hex << digest;
  EXPECT_EQ(kAnalysisVersion, kVersionOfTheseFiles)
      << "kAnalysisVersion moved without the golden files: set kVersionOfTheseFiles to it";
}

}  // namespace
}  // namespace spamradar::analysis
