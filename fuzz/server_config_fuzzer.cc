// `spamradar serve --config FILE` reads a JSON file an operator wrote: any
// bytes must give either settings within their bounds or an error naming
// the file, never a crash, and an error must leave the settings as they were.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/check.h"
#include "server/api_server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace spamradar::server;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ServerOptions options;
  const ServerOptions before = options;
  const spamradar::Status status = ParseServerConfig(text, "config.json", &options);
  if (!status.ok()) {
    CHECK(status.message().rfind("config.json", 0) == 0) << "error without the file's name";
    CHECK(options.port == before.port && options.body_limit == before.body_limit &&
          options.threads == before.threads)
        << "a refused file changed the settings";
    return 0;
  }
  CHECK(options.port >= 0 && options.port <= 65535);
  CHECK(options.body_limit >= 1024 && options.threads >= 1 && options.batch_limit >= 1);
  return 0;
}
