// The 7726 conversation engine on arbitrary message sequences, against a real
// (in-memory) SQLite store. Each input line is one message: its first byte
// picks one of three subscribers and how many minutes pass before it, the
// rest is the text. Invariants: no crash, every stored report has a body and
// came from a forward, never from one of our own replies.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/check.h"
#include "intake/conversation.h"
#include "store/sqlite/sqlite_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace spamradar;
  static const intake::Enricher* enricher = new intake::Enricher(intake::ReporterHasher({}));
  auto store = std::move(store::sqlite::SqliteStore::OpenInMemory()).value();
  ManualClock clock(*ParseRfc3339("2014-03-01T12:00:00Z"));
  intake::Conversation conversation(*enricher, *store, *store, clock);
  const char* subscribers[] = {"+12125550142", "+13105550100", "app-user-7"};
  std::string_view input(reinterpret_cast<const char*>(data), size);
  int messages = 0;
  while (!input.empty() && messages++ < 64) {
    const size_t end = input.find('\n');
    std::string_view line = input.substr(0, end);
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    if (line.empty()) continue;
    const auto control = static_cast<uint8_t>(line[0]);
    line.remove_prefix(1);
    clock.Advance(std::chrono::minutes(control >> 2));
    Result<intake::ConversationReply> reply =
        conversation.Handle(subscribers[(control & 3) % 3], line);
    if (!reply.ok()) CHECK(!reply.status().message().empty());
  }
  clock.Advance(std::chrono::hours(1));
  CHECK(conversation.Sweep().ok());
  const intake::ConversationConfig& config = conversation.config();
  CHECK(store
            ->Scan(0,
                   [&](const Report& r) {
                     CHECK(!r.body.empty());
                     CHECK(r.body != config.prompt && r.body != config.thanks)
                         << "stored our own reply as a report";
                     return true;
                   })
            .ok());
  return 0;
}
