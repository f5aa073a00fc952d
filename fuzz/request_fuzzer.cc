// Request handling of `spamradar serve`: a real ApiServer on loopback (made
// once, over a data directory of its own) is sent each input as an HTTP
// request: either the bytes as they are, or a request built from them
// (method, route, key and role, then a query string, header lines and a
// body, separated by NUL bytes). Whatever arrives, the server must answer
// with a well-formed status line or close the connection, never crash, and
// every error of the API must be a JSON {"error": {"code", "message"}}
// (bytes that are not HTTP get the transport's own untyped refusal).
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "app/data_directory.h"
#include "core/check.h"
#include "core/clock.h"
#include "filter/default_model.h"
#include "server/api_keys.h"
#include "server/api_server.h"

namespace {

using namespace spamradar;

struct Served {
  std::unique_ptr<server::ApiServer> server;
  std::string keys[3];  // by Role
};

Served& Start() {
  static Served* const served = [] {
    auto* s = new Served;
    char pattern[] = "/tmp/spamradar_request_fuzzer_XXXXXX";
    CHECK(mkdtemp(pattern) != nullptr);
    const std::string dir = pattern;
    // Removed when the fuzzer exits (its runs or time are up); a crash leaves
    // it, with the data the crashing input met.
    static const std::string removed_at_exit = dir;
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(removed_at_exit, ignored);
    });
    auto data = app::DataDirectory::Open(dir);
    CHECK(data.ok()) << data.status().message();
    static const SystemClock clock;
    for (const server::Role role :
         {server::Role::kIntake, server::Role::kAnalyst, server::Role::kAdmin}) {
      auto key = server::CreateKey(*(*data)->store, role, "fuzz", clock.Now());
      CHECK(key.ok());
      s->keys[static_cast<int>(role)] = key->key;
    }
    auto model = filter::LoadDefaultModel();
    CHECK(model.ok());
    server::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.rate_per_second = 0;  // no limit: the fuzzer sends thousands a second
    options.body_limit = 64 << 10;
    options.batch_limit = 50;
    options.read_timeout = std::chrono::seconds(2);
    s->server =
        std::make_unique<server::ApiServer>(options, std::move(*data), std::move(*model), clock);
    CHECK(s->server->Start().ok());
    for (int i = 0; i < 400 && !s->server->ready(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    CHECK(s->server->ready());
    return s;
  }();
  return *served;
}

// A connection to the server from the next loopback address: the server
// closes first, so its TIME_WAIT entries would use up one source address's
// ports within a minute of fuzzing. Three tries (its listen backlog is 5, so
// a burst can drop a SYN); a server that accepts none of them is stuck.
int Connect(int port) {
  static uint32_t next_source = 0;
  int error = 0;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(fd >= 0);
    timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
    sockaddr_in source{};
    source.sin_family = AF_INET;
    source.sin_addr.s_addr = htonl(0x7F010000u | (next_source++ & 0xFFFFu));  // 127.1.x.y
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr*>(&source), sizeof(source)) == 0 &&
        connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0) {
      return fd;
    }
    error = errno;
    close(fd);
  }
  CHECK(false) << "the server accepts no connection: " << std::strerror(error);
  return -1;
}

// Sends `request`, then reads until the server closes (or 5 s pass).
std::string Exchange(int port, std::string_view request) {
  const int fd = Connect(port);
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse early (413) and close
    sent += static_cast<size_t>(n);
  }
  shutdown(fd, SHUT_WR);
  std::string response;
  char buffer[16384];
  for (ssize_t n; (n = recv(fd, buffer, sizeof(buffer), 0)) > 0;) response.append(buffer, n);
  close(fd);
  return response;
}

constexpr std::string_view kMethods[] = {"GET", "POST", "DELETE", "PUT", "HEAD", "OPTIONS"};
constexpr std::string_view kPaths[] = {
    "/v1/reports",  "/v1/7726/inbound",   "/v1/classify",   "/v1/campaigns", "/v1/campaigns/1",
    "/v1/stats",    "/v1/regions",        "/v1/timeseries", "/v1/search",    "/v1/keys",
    "/v1/keys/k_0", "/healthz",           "/readyz",        "/metrics",      "/",
    "/app.js",      "/v1/campaigns/9999", "/nope"};

// The pieces between NUL bytes: query string, extra header lines, body.
std::string_view Next(std::string_view* rest) {
  const size_t end = rest->find('\0');
  const std::string_view piece = rest->substr(0, end);
  rest->remove_prefix(end == std::string_view::npos ? rest->size() : end + 1);
  return piece;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Served& served = Start();
  if (size < 4) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto mode = static_cast<uint8_t>(input[0]);
  std::string request;
  std::string_view path;
  std::string_view method;
  if (mode % 8 == 0) {  // the bytes as they are
    request.assign(input.substr(1));
  } else {
    method = kMethods[static_cast<uint8_t>(input[1]) % std::size(kMethods)];
    path = kPaths[static_cast<uint8_t>(input[2]) % std::size(kPaths)];
    const auto role = static_cast<uint8_t>(input[3]) % 5;  // 3: no key, 4: a wrong key
    std::string_view rest = input.substr(4);
    const std::string_view query = Next(&rest);
    const std::string_view headers = Next(&rest);
    const std::string_view body = rest;
    request.append(method).append(" ").append(path);
    if (!query.empty()) request.append("?").append(query);
    request.append(" HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n");
    if (role < 3) request.append("Authorization: Bearer ").append(served.keys[role]).append("\r\n");
    if (role == 4) request.append("Authorization: Bearer sr_0000\r\n");
    if (!headers.empty()) request.append(headers).append("\r\n");
    request.append("Content-Type: application/json\r\nContent-Length: ")
        .append(std::to_string(body.size()))
        .append("\r\n\r\n")
        .append(body);
  }
  const std::string response = Exchange(served.server->port(), request);
  if (response.empty()) return 0;  // closed without an answer: a malformed request
  CHECK(response.rfind("HTTP/1.1 ", 0) == 0) << "not an HTTP answer: " << response.substr(0, 80);
  const int status = std::atoi(response.c_str() + 9);
  CHECK(status >= 100 && status <= 599) << response.substr(0, 80);
  // An error of the API is JSON with a code and a message.
  const size_t body_at = response.find("\r\n\r\n");
  const bool json = response.find("Content-Type: application/json") < body_at;
  if (method == "HEAD") return 0;  // an answer without a body
  if (json && body_at != std::string::npos) {
    // The first answer's body only: bytes holding two requests get two
    // answers (a NUL ends libmicrohttpd's reading of a header block).
    size_t body_size = std::string::npos;
    if (const size_t at = response.find("\r\nContent-Length: "); at < body_at) {
      body_size = std::strtoul(response.c_str() + at + 18, nullptr, 10);
    }
    const auto body =
        nlohmann::json::parse(response.substr(body_at + 4, body_size), nullptr, false);
    CHECK(!body.is_discarded()) << "a JSON answer that is not JSON: " << response.substr(0, 200);
    if (status >= 400) {
      CHECK(body.contains("error") && body["error"]["code"].is_string() &&
            body["error"]["message"].is_string())
          << response.substr(0, 200);
    }
  } else if (status >= 400 && path.rfind("/v1/", 0) == 0) {
    // Bytes that are not HTTP (a header line without a colon, a broken
    // chunk) are refused by the transport before any route sees them: a
    // status of its own, no Content-Type, and the connection closed. Every
    // answer of the API has a Content-Type.
    const bool typed = response.find("Content-Type:") < body_at;
    const bool closed = response.find("Connection: close") < body_at;
    const bool refused_as_http = !typed && closed &&
                                 (status == 400 || status == 413 || status == 414 ||
                                  status == 431 || status == 501 || status == 505);
    CHECK(refused_as_http) << "an API error that is not JSON: " << response.substr(0, 200);
  }
  return 0;
}
