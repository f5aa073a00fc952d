#include "intake/conversation_config.h"

#include <gtest/gtest.h>

namespace spamradar::intake {
namespace {

TEST(ConversationConfigTest, OperatorWordingOverDefaultsOverBuiltIn) {
  Result<ConversationConfigs> configs = ConversationConfigs::Parse(R"({
    "default": {"help": "Forward spam to 7726."},
    "operators": {"acme": {"prompt": "Who sent it? Reply with their number.",
                           "timeout_minutes": 15}}})");
  ASSERT_TRUE(configs.ok()) << configs.status().ToString();
  const ConversationConfig acme = configs->For("acme");
  EXPECT_EQ(acme.operator_name, "acme");
  EXPECT_EQ(acme.prompt, "Who sent it? Reply with their number.");
  EXPECT_EQ(acme.help, "Forward spam to 7726.");
  EXPECT_EQ(acme.timeout, std::chrono::minutes(15));
  EXPECT_EQ(acme.thanks, ConversationConfig().thanks);
  const ConversationConfig other = configs->For("globex");
  EXPECT_EQ(other.prompt, ConversationConfig().prompt);
  EXPECT_EQ(other.help, "Forward spam to 7726.");
  EXPECT_EQ(other.operator_name, "globex");
}

TEST(ConversationConfigTest, MistakesAreNamed) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"operators": {"acme": {"promt": "x"}}})", "operators.acme.promt: is not a conversation"},
      {R"({"operators": {"acme": {"prompt": 7}}})", "operators.acme.prompt: must be a text"},
      {R"({"default": {"timeout_minutes": 0}})", "default.timeout_minutes: must be a whole"},
      {R"({"operator": {}})", "'operator' is not a section"},
      {"not json", "not a JSON object"},
  };
  for (const auto& [json, expected] : cases) {
    Result<ConversationConfigs> configs = ConversationConfigs::Parse(json);
    ASSERT_FALSE(configs.ok()) << json;
    EXPECT_NE(configs.status().message().find(expected), std::string::npos)
        << configs.status().message();
  }
}

}  // namespace
}  // namespace spamradar::intake
