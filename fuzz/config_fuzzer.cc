// The conversation wording file (`spamradar conversation --config`) on
// arbitrary bytes: a configuration or an error naming the key at fault.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/check.h"
#include "intake/conversation_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto configs = spamradar::intake::ConversationConfigs::Parse(bytes);
  if (!configs.ok()) {
    CHECK(!configs.status().message().empty()) << "error without a message";
    return 0;
  }
  const spamradar::intake::ConversationConfig config = configs->For("acme");
  CHECK(!config.prompt.empty() && config.timeout.count() >= 1);
  return 0;
}
