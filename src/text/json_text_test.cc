#include "text/json_text.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace spamradar::text {
namespace {

// Strings and numbers written by hand (the classify answers of the API and
// the CLI) must read as what a JSON document dumps for the same value: the
// other answers are dumped documents, and clients parse both.
TEST(JsonTextTest, StringsAndNumbersAreWrittenAsTheDocumentsWriteThem) {
  const auto dumped = [](const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  static constexpr char kControls[] = "nul \0 bell \a esc \x1b del \x7f";
  const std::string controls(kControls, sizeof(kControls) - 1);
  for (const std::string& text :
       {std::string(), std::string("letters 'win'"), std::string("say \"hi\" \\ back\\"),
        std::string("tab\tnew line\ncr\rbs\bff\f"), controls,
        std::string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8E\x81 done"), std::string("cut \xC3"),
        std::string("lone \x80\xBF continuation"),
        std::string("cut short \xE8\xBC\" and \xF0\x9F\x8E by a quote"),
        std::string("overlong \xC0\xAF and \xED\xA0\x80 surrogate"),
        std::string("<script>alert(1)</script>")}) {
    std::string written;
    AppendJsonString(text, &written);
    EXPECT_EQ(written, dumped(text)) << text;
  }
  for (const double value : {0.0, 1.0, -2.0, 0.1, 0.30000001192092896, 1e-7, 123456789.0, 1e300}) {
    std::string written;
    AppendJsonNumber(value, &written);
    EXPECT_EQ(written, dumped(value)) << value;
  }
  // Any float widened to double (probabilities and weights are floats) reads
  // back exactly.
  uint32_t bits = 12345;
  for (int i = 0; i < 10000; ++i) {
    bits = bits * 1664525u + 1013904223u;
    float value;
    std::memcpy(&value, &bits, sizeof(value));
    if (!std::isfinite(value)) continue;
    std::string written;
    AppendJsonNumber(value, &written);
    EXPECT_EQ(nlohmann::json::parse(written).get<double>(), static_cast<double>(value)) << written;
  }
  std::string infinite;
  AppendJsonNumber(1.0 / 0.0, &infinite);
  EXPECT_EQ(infinite, "null");
}

}  // namespace
}  // namespace spamradar::text
