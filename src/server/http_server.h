// HttpServer: the HTTP/1.1 transport of `spamradar serve`, on GNU
// libmicrohttpd (docs/dependencies.md).
//
// A few event-loop threads (epoll) serve every connection: a request costs
// no thread switch and its answer goes out in one write, which is what lets
// a classify request take microseconds rather than a thread wake-up. Routes
// that may block (a durable commit, an analytics query) run on a pool of
// workers instead, with their connection suspended meanwhile, so that they
// do not hold up an event loop's other connections. (A quick route that
// waits for a lock a slow one holds, as classify's campaign match waits for
// a report commit, still holds up its loop for that long.)
//
// Bodies over the limit are refused with 413 (read and dropped first, up to
// 16 times the limit, so the client sees the answer); a connection idle for
// the timeout (headers, body or keep-alive) is closed.
// Stop() stops accepting, lets requests in flight finish and closes the rest.
// Handlers see copies of what they need (HttpRequest) and fill an
// HttpResponse (names as in cpp-httplib, which served before and is the
// tests' client).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "core/status.h"

struct MHD_Connection;
struct MHD_Daemon;

namespace spamradar::server {

struct MicrohttpdLibrary;

struct HttpRequest {
  std::string method;
  std::string path;  // without the query string
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // as sent
  std::vector<std::pair<std::string, std::string>> params;   // query, decoded
  std::smatch matches;  // of the route's pattern, for routes with groups

  // The first header of that name (any case); "" when absent.
  std::string get_header_value(std::string_view name) const;
  bool has_param(std::string_view name) const;
  // The first query parameter of that name; "" when absent.
  std::string get_param_value(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "text/plain";
  std::vector<std::pair<std::string, std::string>> headers;
  // Not sent: the id of the API key the request was checked with, for the
  // request log.
  std::string key_id;

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  void set_content(std::string text, std::string type) {
    body = std::move(text);
    content_type = std::move(type);
  }
};

struct HttpServerOptions {
  std::string bind = "127.0.0.1";
  int port = 0;  // 0: any free port
  int loop_threads = 2;
  int workers = 8;  // for the routes that may block
  size_t body_limit = 1 << 20;
  std::chrono::seconds idle_timeout{5};  // no byte in or out for this long: closed
  size_t connection_limit = 10000;
  // Each connection's buffer for the request line, headers and body chunks in
  // flight. libmicrohttpd zeroes all of it after every request, so its 32 KiB
  // default was 5% of the server's time under small keep-alive requests.
  // Headers (with the request line) must fit in about half of it.
  size_t connection_memory = 16 << 10;
  // Work::kInlineWhenSmall's bound: a message to classify is well under it,
  // a batch over it takes about a millisecond or more.
  size_t inline_body_limit = 8 << 10;
};

class HttpServer {
 public:
  using Handler = std::function<void(const HttpRequest&, HttpResponse&)>;
  // Where a route runs: on the event loop (it must not block), on a worker,
  // or on the event loop when its body is at most options.inline_body_limit
  // bytes and on a worker otherwise (a route quick for one item whose
  // requests may carry many: a batch must not hold up the loop's other
  // connections for the milliseconds it takes).
  enum class Work { kInline, kBlocking, kInlineWhenSmall };
  // What the server answers itself: no route (404), another method (405), a
  // body over the limit (413); `status` is one of those, the handler fills
  // the body.
  using ErrorHandler = std::function<void(int status, HttpResponse&)>;
  // Told of every answered request, after it was sent (or the client left):
  // for logs and metrics. `seconds` from the request's headers to its answer.
  using Observer = std::function<void(const HttpRequest&, const HttpResponse&, double seconds)>;
  // A handler that threw: the answer is what this makes of it.
  using ExceptionHandler = std::function<void(std::string_view what, HttpResponse&)>;

  explicit HttpServer(HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Routes, before Start(). A pattern with a '(' is a regular expression that
  // must match the whole path (its groups in request.matches); others match
  // the path exactly.
  void Get(std::string pattern, Work work, Handler handler);
  void Post(std::string pattern, Work work, Handler handler);
  void Delete(std::string pattern, Work work, Handler handler);
  void SetErrorHandler(ErrorHandler handler) { error_handler_ = std::move(handler); }
  void SetObserver(Observer observer) { observer_ = std::move(observer); }
  void SetExceptionHandler(ExceptionHandler handler) { exception_handler_ = std::move(handler); }

  // Binds and serves on threads of its own.
  Status Start();
  int port() const { return port_; }
  // Stops accepting, waits (up to `grace`) for requests in flight, then
  // closes every connection. Thread-safe, idempotent.
  void Stop(std::chrono::seconds grace = std::chrono::seconds(30));

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::optional<std::regex> regex;
    Work work;
    Handler handler;
  };
  struct Exchange;  // one request and its answer

  friend struct HttpCallbacks;  // libmicrohttpd's callbacks (http_server.cc)
  void AddRoute(std::string method, std::string pattern, Work work, Handler handler);
  // Routes the request: answers it, or hands it to a worker. False: the
  // connection must be closed.
  bool Answer(MHD_Connection* connection, Exchange& exchange);
  bool Send(MHD_Connection* connection, Exchange& exchange);
  void RunHandler(const Route& route, Exchange& exchange);
  void Worker();
  // How much nicer (lower in priority) the workers are than the event loops.
  static constexpr int kWorkerNice = 5;

  HttpServerOptions options_;
  std::vector<Route> routes_;
  ErrorHandler error_handler_;
  Observer observer_;
  ExceptionHandler exception_handler_;
  const MicrohttpdLibrary* mhd_ = nullptr;  // loaded by Start()
  MHD_Daemon* daemon_ = nullptr;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> in_flight_{0};  // requests begun and not yet completed

  // The workers and their queue: suspended connections to run a route for.
  std::mutex jobs_mutex_;
  std::condition_variable jobs_ready_;
  std::deque<std::pair<MHD_Connection*, Exchange*>> jobs_;
  bool workers_done_ = false;
  std::vector<std::thread> workers_;
  std::mutex stop_mutex_;
};

}  // namespace spamradar::server
