// ApiServer: `spamradar serve`. One process over one data directory: the
// HTTP API v1 (api/openapi.json), health and readiness, Prometheus metrics,
// and the dashboard's files. Built on libmicrohttpd (server/http_server.h,
// docs/dependencies.md).
//
// Threads: a few event loops serve the connections and answer the quick
// routes; the others run on a pool of workers. The data directory (store, folds,
// archive) is used under one lock, so a query sees the state of a whole
// batch or none of it. Analytics queries take milliseconds; classification
// runs outside the lock but for its campaign match.
//
// Lifecycle: Start() binds the port and serves at once (/healthz answers,
// /readyz says 503) while the folds catch up with the log; then ready.
// Stop() stops accepting, lets requests in flight finish, and syncs the
// folds; Wait() returns when all of that is done.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "analysis/message_analyzer.h"
#include "app/data_directory.h"
#include "cluster/campaign_engine.h"
#include "core/clock.h"
#include "filter/spam_filter.h"
#include "intake/conversation.h"
#include "server/api_keys.h"
#include "server/http_server.h"
#include "server/log_writer.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"

namespace spamradar::server {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 7726;              // 0: any free port (see ApiServer::port())
  size_t body_limit = 1 << 20;  // bytes; larger requests get 413
  size_t batch_limit = 1000;    // reports or messages in one request
  double rate_per_second = 50;  // per API key, after a burst; 0: no limit
  double rate_burst = 100;
  // Event-loop threads, which serve every connection and answer the quick
  // routes (classify, health, the dashboard's files): about one a core.
  int loop_threads = 2;
  // Workers for the routes that may block (reports, the conversation,
  // analytics, keys): how many of those run at once.
  int threads = 16;
  // The transport closes a connection after this long without a byte in or
  // out (libmicrohttpd has one inactivity timeout: the shortest of the three).
  std::chrono::seconds read_timeout{10};  // headers and body
  std::chrono::seconds write_timeout{10};
  std::chrono::seconds idle_timeout{5};  // an idle keep-alive connection
  std::string time_zone = "UTC";         // the analytics count days in this zone
  // The filter's model: a file made by `spamradar train` or `learn`, read
  // again by ApiServer::ReloadModel(); empty: the built-in default model.
  std::string model;
  // Overrides of the model's thresholds (probability of spam), kept across
  // reloads.
  std::optional<float> spam_threshold;
  std::optional<float> suspect_threshold;
};

// Reads a JSON config file ({"port": 7726, "bind": "0.0.0.0", "body_limit": ...,
// "batch_limit", "rate_per_second", "rate_burst", "threads", "loop_threads",
// "read_timeout_seconds", "write_timeout_seconds", "idle_timeout_seconds", "time_zone",
// "model", "spam_threshold", "suspect_threshold"}) over `options`; unknown keys and bad
// values are errors naming the key.
Status LoadServerConfig(const std::string& path, ServerOptions* options);
// The same for the file's text; errors start with `name`.
Status ParseServerConfig(std::string_view text, const std::string& name, ServerOptions* options);

// The filter options.model names (the built-in default model when empty),
// with options' threshold overrides; a file that does not load, or
// thresholds out of order, is an error saying which.
Result<filter::SpamFilter> LoadServerModel(const ServerOptions& options);

// Lets a map keyed by std::string be searched with a string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

class ApiServer {
 public:
  ApiServer(ServerOptions options, std::unique_ptr<app::DataDirectory> data,
            filter::SpamFilter filter, const Clock& clock);
  ~ApiServer();

  // Binds and starts serving on a thread of its own; folds the log on another.
  Status Start();
  // The port bound (useful with port 0).
  int port() const { return port_; }
  bool ready() const { return ready_; }
  // Stops accepting and finishes in-flight requests; thread-safe, idempotent.
  void Stop();
  // Waits until stopped and the folds are synced; the first error, if any.
  Status Wait();
  // Reads options.model again (LoadServerModel) and classifies with it from
  // the next request on; requests in flight finish with the model they
  // started with. A model that does not load changes nothing. Either way the
  // outcome is logged and shown in /metrics. Thread-safe.
  Status ReloadModel();

 private:
  struct Caller;  // the API key a request came with
  void Routes();
  void CatchUp();
  // One JSON line on stderr, with the time first, written at once.
  void Log(const nlohmann::ordered_json& fields) const;
  // Runs `handler` for an authorized caller: 401 without a valid key, 403
  // without the permission, 429 over the rate, 503 before ready.
  template <typename Handler>
  void Guarded(const HttpRequest& request, HttpResponse& response, Permission permission,
               bool needs_ready, Handler&& handler);

  ServerOptions options_;
  // Before http_: it outlives the requests that log. Request lines are
  // gathered for up to 100 ms (see log_writer.h).
  mutable LogWriter log_{STDERR_FILENO, std::chrono::milliseconds(100)};
  std::unique_ptr<app::DataDirectory> data_;
  // Replaced whole by ReloadModel(); a request holds the one it started with.
  std::atomic<std::shared_ptr<const filter::SpamFilter>> filter_;
  // Reads a message to classify once for both the filter and the campaign
  // match (the engine's options, so the engine trusts its lists).
  analysis::MessageAnalyzer analyzer_{cluster::CampaignEngine::AnalysisOptions()};
  const Clock& clock_;
  std::unique_ptr<intake::Conversation> conversation_;
  std::unique_ptr<HttpServer> http_;
  Metrics metrics_;
  RateLimiter limiter_;
  // data_ and conversation_. The campaign engine and the analytics rollups it
  // feeds (data_->campaigns, data_->rollups, and the archive database behind
  // the engine) are also under campaigns_: read under either lock, changed
  // under both (state_ first). A classify request takes campaigns_ alone, so
  // it never waits for a batch of reports to be committed, only for one step
  // of the campaign fold after it (FoldCampaignsInSteps).
  mutable std::mutex state_;
  mutable std::mutex campaigns_;
  std::mutex stopped_mutex_;
  std::condition_variable stopped_changed_;
  bool stopped_ = false;
  std::thread folder_;
  std::atomic<bool> ready_{false};
  std::atomic<bool> stopping_{false};
  int port_ = 0;
  Status fold_status_;
  // Keys verified lately, so that a request neither queries the store under
  // the state lock nor hashes its key (SHA-256 was 3% of a classify request).
  // By the key as presented: it is in this process's memory with every
  // request anyway, and only keys that exist are kept. An entry is trusted
  // for kKeyCacheTtl: a key revoked by another process (`spamradar keys
  // revoke`) stops working within that time; one revoked through the API at
  // once (the cache is cleared).
  static constexpr std::chrono::seconds kKeyCacheTtl{5};
  struct CachedKey {
    store::StoredKey key;
    std::chrono::steady_clock::time_point checked;
  };
  std::mutex keys_;
  std::unordered_map<std::string, CachedKey, StringHash, std::equal_to<>> key_cache_;
  // Brings the campaign engine up to the log, kFoldStep reports at a time,
  // campaigns_ held for each step; the caller holds state_.
  Status FoldCampaignsInSteps();
  static constexpr uint64_t kFoldStep = 100;
  // Appends a message's classification (verdict, reasons, matched campaign)
  // as a JSON object; takes campaigns_ for the match, which falls back on the
  // sender (normalized; may be none) when the text names no campaign.
  void AppendClassification(const filter::SpamFilter& filter, const std::string& text,
                            const Sender& sender, std::string* answer);
  // Logs the model now in use and sets its gauges.
  void AnnounceModel(const filter::SpamFilter& filter, const char* message);
  // The names of campaigns classify requests matched, under campaigns_.
  std::string CampaignNameOf(uint64_t id);
  struct CachedName {
    uint64_t reports = 0;  // the campaign's count when the name was made
    bool dormant = false;  // read from the archive's summary
    std::string name;
  };
  static constexpr size_t kCampaignNameCacheLimit = 100000;
  std::unordered_map<uint64_t, CachedName> campaign_names_;
};

}  // namespace spamradar::server
