// The one-message classify body reader (server/classify_body.h) against a
// JSON document of the same bytes: whenever the reader takes a body, the
// document must be an object without "messages" whose "text" is that same
// string and whose "sender" is that same string (or null or absent when the
// reader's is empty), and whenever such a document exists the reader must
// take it. Any disagreement would answer a request differently from the
// document path.
// And the other way: the classify answer's string writer (text/json_text.h)
// must write any bytes exactly as a document dumps them.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/check.h"
#include "server/classify_body.h"
#include "text/json_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  spamradar::server::OneMessage message{"left over from an earlier request", "and its sender"};
  const bool read = spamradar::server::ReadOneMessage(body, &message);
  const nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
  const bool one_message = !document.is_discarded() && document.is_object() &&
                           !document.contains("messages") && document.contains("text") &&
                           document["text"].is_string() &&
                           (!document.contains("sender") || document["sender"].is_string() ||
                            document["sender"].is_null());
  CHECK(read == one_message) << "the reader " << (read ? "took" : "refused")
                             << " a body the document reads otherwise";
  if (read) {
    CHECK(document["text"].get<std::string>() == message.text) << "a different text";
    const std::string sender =
        document.contains("sender") && document["sender"].is_string() ? document["sender"] : "";
    CHECK(sender == message.sender) << "a different sender";
  }

  std::string written;
  spamradar::text::AppendJsonString(body, &written);
  CHECK(written ==
        nlohmann::json(body).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      << "a string written otherwise than a document dumps it";
  return 0;
}
