#include "intake/conversation_config.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace spamradar::intake {
namespace {

using nlohmann::json;

Status ApplySection(const json& section, const std::string& where, ConversationConfig* config) {
  if (!section.is_object()) return Status::InvalidArgument(where + ": must be an object");
  struct Text {
    const char* key;
    std::string ConversationConfig::*field;
  };
  const Text texts[] = {
      {"prompt", &ConversationConfig::prompt},       {"thanks", &ConversationConfig::thanks},
      {"duplicate", &ConversationConfig::duplicate}, {"help", &ConversationConfig::help},
      {"stop", &ConversationConfig::stop},           {"start", &ConversationConfig::start},
      {"no_spam", &ConversationConfig::no_spam}};
  for (const auto& [key, value] : section.items()) {
    const std::string path = where + "." + key;
    if (key == "timeout_minutes") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 1440) {
        return Status::InvalidArgument(path + ": must be a whole number of minutes, 1 to 1440");
      }
      config->timeout = std::chrono::minutes(value.get<int64_t>());
      continue;
    }
    bool known = false;
    for (const Text& text : texts) {
      if (key != text.key) continue;
      known = true;
      if (!value.is_string() || value.get<std::string>().empty() ||
          value.get<std::string>().size() > 480) {
        return Status::InvalidArgument(path + ": must be a text of 1 to 480 bytes");
      }
      config->*text.field = value.get<std::string>();
    }
    if (!known) return Status::InvalidArgument(path + ": is not a conversation setting");
  }
  return Status::Ok();
}

}  // namespace

Result<ConversationConfigs> ConversationConfigs::Parse(std::string_view text) {
  const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) {
    return Status::InvalidArgument("conversation config: not a JSON object");
  }
  ConversationConfigs configs;
  for (const auto& [key, value] : document.items()) {
    if (key == "default") {
      if (Status status = ApplySection(value, "default", &configs.default_); !status.ok()) {
        return status;
      }
    } else if (key != "operators") {
      return Status::InvalidArgument("conversation config: '" + key +
                                     "' is not a section (operators, default)");
    }
  }
  if (const auto operators = document.find("operators"); operators != document.end()) {
    if (!operators->is_object()) return Status::InvalidArgument("operators: must be an object");
    for (const auto& [name, section] : operators->items()) {
      ConversationConfig config = configs.default_;
      config.operator_name = name;
      if (Status status = ApplySection(section, "operators." + name, &config); !status.ok()) {
        return status;
      }
      configs.operators_[name] = std::move(config);
    }
  }
  return configs;
}

Result<ConversationConfigs> ConversationConfigs::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  Result<ConversationConfigs> configs = Parse(text.str());
  if (!configs.ok()) return Status::InvalidArgument(path + ": " + configs.status().message());
  return configs;
}

ConversationConfig ConversationConfigs::For(std::string_view operator_name) const {
  if (const auto it = operators_.find(operator_name); it != operators_.end()) return it->second;
  ConversationConfig config = default_;
  config.operator_name = std::string(operator_name);
  return config;
}

}  // namespace spamradar::intake
