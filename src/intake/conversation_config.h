// Conversation wording per operator, from a JSON file:
//
//   {"operators": {"acme": {"prompt": "...", "thanks": "...", "timeout_minutes": 15}},
//    "default": {"help": "..."}}
//
// Every key is optional; what is not given keeps spamradar's default wording
// (ConversationConfig). Unknown keys and wrong types are errors that name
// them, so a typo does not silently keep the default.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"
#include "intake/conversation.h"

namespace spamradar::intake {

class ConversationConfigs {
 public:
  static Result<ConversationConfigs> Parse(std::string_view json);
  static Result<ConversationConfigs> Load(const std::string& path);

  // The operator's wording, else the file's "default", else spamradar's.
  ConversationConfig For(std::string_view operator_name) const;

 private:
  ConversationConfig default_;
  std::map<std::string, ConversationConfig, std::less<>> operators_;
};

}  // namespace spamradar::intake
