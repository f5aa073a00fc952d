#include "server/http_server.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/resource.h>
#include <unistd.h>

#include "server/microhttpd_library.h"

namespace spamradar::server {

std::string HttpRequest::get_header_value(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0) {
      return value;
    }
  }
  return "";
}

bool HttpRequest::has_param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return true;
  }
  return false;
}

std::string HttpRequest::get_param_value(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return "";
}

struct HttpServer::Exchange {
  HttpRequest request;
  HttpResponse response;
  std::chrono::steady_clock::time_point started;
  const Route* route = nullptr;
  bool too_large = false;
  size_t dropped = 0;   // body bytes read and dropped (too large)
  bool queued = false;  // the answer is handed to libmicrohttpd
};

// libmicrohttpd's callbacks, with its types, kept out of the header.
struct HttpCallbacks {
  static constexpr size_t kDrainFactor = 16;

  static MHD_Result Collect(void* pairs, MHD_ValueKind, const char* key, const char* value) {
    static_cast<std::vector<std::pair<std::string, std::string>>*>(pairs)->emplace_back(
        key, value != nullptr ? value : "");
    return MHD_YES;
  }

  static MHD_Result OnRequest(void* self, MHD_Connection* connection, const char* url,
                              const char* method, const char*, const char* upload_data,
                              size_t* upload_data_size, void** state) {
    auto& server = *static_cast<HttpServer*>(self);
    if (*state == nullptr) {  // the headers are in: the exchange begins
      auto* exchange = new HttpServer::Exchange;
      *state = exchange;
      ++server.in_flight_;
      exchange->started = std::chrono::steady_clock::now();
      exchange->request.method = method;
      exchange->request.path = url;
      server.mhd_->get_connection_values(connection, MHD_HEADER_KIND, Collect,
                                         &exchange->request.headers);
      server.mhd_->get_connection_values(connection, MHD_GET_ARGUMENT_KIND, Collect,
                                         &exchange->request.params);
      // A declared body over the limit is refused. Up to kDrainFactor times
      // the limit it is read and dropped first, so that the client, still
      // writing, gets to read the 413 (most clients do not read before they
      // finish writing, and a connection closed under them is all they see);
      // a larger one is refused at once.
      const std::string length = exchange->request.get_header_value("Content-Length");
      size_t declared = 0;
      const auto [end, error] =
          std::from_chars(length.data(), length.data() + length.size(), declared);
      if (!length.empty() && error == std::errc() && declared > server.options_.body_limit) {
        exchange->too_large = true;
        if (declared / kDrainFactor > server.options_.body_limit) {
          return server.Answer(connection, *exchange) ? MHD_YES : MHD_NO;
        }
      }
      return MHD_YES;
    }
    auto& exchange = *static_cast<HttpServer::Exchange*>(*state);
    if (*upload_data_size > 0) {
      const size_t size = *upload_data_size;
      *upload_data_size = 0;
      if (exchange.queued) return MHD_YES;
      if (!exchange.too_large && exchange.request.body.size() + size > server.options_.body_limit) {
        exchange.too_large = true;  // a chunked body that grew too large
        std::string().swap(exchange.request.body);
      }
      if (!exchange.too_large) {
        exchange.request.body.append(upload_data, size);
        return MHD_YES;
      }
      // Read and dropped, up to a bound: then refused at once.
      exchange.dropped += size;
      if (exchange.dropped / kDrainFactor > server.options_.body_limit) {
        return server.Answer(connection, exchange) ? MHD_YES : MHD_NO;
      }
      return MHD_YES;
    }
    if (exchange.queued) return MHD_YES;  // answered early, or by a worker
    return server.Answer(connection, exchange) ? MHD_YES : MHD_NO;
  }

  static void OnCompleted(void* self, MHD_Connection*, void** state, MHD_RequestTerminationCode) {
    auto& server = *static_cast<HttpServer*>(self);
    auto* exchange = static_cast<HttpServer::Exchange*>(*state);
    if (exchange == nullptr) return;
    *state = nullptr;
    if (exchange->queued && server.observer_) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - exchange->started)
              .count();
      server.observer_(exchange->request, exchange->response, seconds);
    }
    delete exchange;
    --server.in_flight_;
  }
};

HttpServer::HttpServer(HttpServerOptions options) : options_(std::move(options)) {}

HttpServer::~HttpServer() {
  Stop(std::chrono::seconds(0));
}

void HttpServer::Get(std::string pattern, Work work, Handler handler) {
  AddRoute("GET", std::move(pattern), work, std::move(handler));
}

void HttpServer::Post(std::string pattern, Work work, Handler handler) {
  AddRoute("POST", std::move(pattern), work, std::move(handler));
}

void HttpServer::Delete(std::string pattern, Work work, Handler handler) {
  AddRoute("DELETE", std::move(pattern), work, std::move(handler));
}

void HttpServer::AddRoute(std::string method, std::string pattern, Work work, Handler handler) {
  std::optional<std::regex> regex;
  if (pattern.find('(') != std::string::npos) regex.emplace(pattern);
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(regex), work, std::move(handler)});
}

Status HttpServer::Start() {
  Result<const MicrohttpdLibrary*> library = LoadMicrohttpd();
  if (!library.ok()) return library.status();
  mhd_ = *library;
  sockaddr_in address4{};
  sockaddr_in6 address6{};
  sockaddr* address = nullptr;
  unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME;
  const auto port = static_cast<uint16_t>(options_.port);
  // An address, not a name to resolve; "localhost" is the one name taken.
  const std::string bind = options_.bind == "localhost" ? "127.0.0.1" : options_.bind;
  if (inet_pton(AF_INET, bind.c_str(), &address4.sin_addr) == 1) {
    address4.sin_family = AF_INET;
    address4.sin_port = htons(port);
    address = reinterpret_cast<sockaddr*>(&address4);
  } else if (inet_pton(AF_INET6, bind.c_str(), &address6.sin6_addr) == 1) {
    address6.sin6_family = AF_INET6;
    address6.sin6_port = htons(port);
    address = reinterpret_cast<sockaddr*>(&address6);
    flags |= MHD_USE_IPv6;
  } else {
    return Status::InvalidArgument("bind: not an IPv4 or IPv6 address: " + options_.bind);
  }
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { Worker(); });
  daemon_ = mhd_->start_daemon(
      flags, port, nullptr, nullptr, &HttpCallbacks::OnRequest, this, MHD_OPTION_SOCK_ADDR, address,
      MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(options_.loop_threads),
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(options_.idle_timeout.count()),
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(options_.connection_limit),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, options_.connection_memory,
      MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_NOTIFY_COMPLETED,
      &HttpCallbacks::OnCompleted, this, MHD_OPTION_END);
  if (daemon_ == nullptr) {
    Stop(std::chrono::seconds(0));
    return Status::IoError("cannot listen on " + options_.bind + ":" +
                           std::to_string(options_.port) + " (in use, or not allowed)");
  }
  const MHD_DaemonInfo* info = mhd_->get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
  port_ = info != nullptr ? info->port : options_.port;
  return Status::Ok();
}

bool HttpServer::Answer(MHD_Connection* connection, Exchange& exchange) {
  if (exchange.too_large) {
    exchange.response.status = 413;
    if (error_handler_) error_handler_(413, exchange.response);
    return Send(connection, exchange);
  }
  const Route* found = nullptr;
  bool path_known = false;
  for (const Route& route : routes_) {
    const bool matches = route.regex ? std::regex_match(exchange.request.path,
                                                        exchange.request.matches, *route.regex)
                                     : exchange.request.path == route.pattern;
    if (!matches) continue;
    path_known = true;
    if (route.method == exchange.request.method) {
      found = &route;
      break;
    }
  }
  if (found == nullptr) {
    exchange.response.status = path_known ? 405 : 404;
    if (error_handler_) error_handler_(exchange.response.status, exchange.response);
    return Send(connection, exchange);
  }
  if (found->work == Work::kInline ||
      (found->work == Work::kInlineWhenSmall &&
       exchange.request.body.size() <= options_.inline_body_limit)) {
    RunHandler(*found, exchange);
    return Send(connection, exchange);
  }
  exchange.route = found;
  {
    std::lock_guard lock(jobs_mutex_);
    if (!workers_done_) {
      mhd_->suspend_connection(connection);
      jobs_.emplace_back(connection, &exchange);
      jobs_ready_.notify_one();
      return true;
    }
  }
  // Stopping, and the workers are gone: answered here, since no connection
  // may be left suspended when the daemon stops.
  RunHandler(*found, exchange);
  return Send(connection, exchange);
}

void HttpServer::RunHandler(const Route& route, Exchange& exchange) {
  try {
    route.handler(exchange.request, exchange.response);
  } catch (const std::exception& e) {
    exchange.response = {};
    if (exception_handler_) exception_handler_(e.what(), exchange.response);
  } catch (...) {
    exchange.response = {};
    if (exception_handler_) exception_handler_("unknown", exchange.response);
  }
}

bool HttpServer::Send(MHD_Connection* connection, Exchange& exchange) {
  const HttpResponse& response = exchange.response;
  MHD_Response* answer = mhd_->create_response_from_buffer(
      response.body.size(), const_cast<char*>(response.body.data()), MHD_RESPMEM_MUST_COPY);
  if (answer == nullptr) return false;
  mhd_->add_response_header(answer, "Content-Type", response.content_type.c_str());
  for (const auto& [name, value] : response.headers) {
    mhd_->add_response_header(answer, name.c_str(), value.c_str());
  }
  // Stopping: each connection is closed after its answer.
  if (stopping_) mhd_->add_response_header(answer, "Connection", "close");
  const MHD_Result queued =
      mhd_->queue_response(connection, static_cast<unsigned>(response.status), answer);
  mhd_->destroy_response(answer);
  exchange.queued = true;
  return queued == MHD_YES;
}

void HttpServer::Worker() {
  // Below the event loops: when the cores are busy, the loops' quick answers
  // (a message in the message path) go before a batch, a commit or a query.
  // Linux's nice is per thread; it is a weight, not a strict priority, so a
  // worker still gets about a quarter of a core a loop contends for.
  const auto thread = static_cast<id_t>(gettid());
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, thread);
  if (errno == 0) setpriority(PRIO_PROCESS, thread, std::min(nice + kWorkerNice, 19));
  for (;;) {
    std::pair<MHD_Connection*, Exchange*> job;
    {
      std::unique_lock lock(jobs_mutex_);
      jobs_ready_.wait(lock, [this] { return workers_done_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // done, and nothing left to answer
      job = jobs_.front();
      jobs_.pop_front();
    }
    auto [connection, exchange] = job;
    RunHandler(*exchange->route, *exchange);
    // A suspended connection may be answered from any thread; resuming it
    // hands it back to its event loop, which sends the answer.
    Send(connection, *exchange);
    mhd_->resume_connection(connection);
  }
}

void HttpServer::Stop(std::chrono::seconds grace) {
  std::lock_guard stop_lock(stop_mutex_);
  if (stopping_.exchange(true)) return;
  if (daemon_ != nullptr) {
    const MHD_socket listener = mhd_->quiesce_daemon(daemon_);
    if (listener != MHD_INVALID_SOCKET) close(listener);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (in_flight_ > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  // Workers finish what they hold and what is queued: no connection may be
  // left suspended when the daemon stops.
  {
    std::lock_guard lock(jobs_mutex_);
    workers_done_ = true;
  }
  jobs_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
  if (daemon_ != nullptr) {
    mhd_->stop_daemon(daemon_);
    daemon_ = nullptr;
  }
}

}  // namespace spamradar::server
