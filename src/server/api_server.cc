#include "server/api_server.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/enrichment.h"
#include "app/analytics_queries.h"
#include "cluster/campaign_view.h"
#include "filter/default_model.h"
#include "filter/verdict_json.h"
#include "intake/report_json.h"
#include "intake/sender.h"
#include "server/api_keys.h"
#include "server/classify_body.h"
#include "server/dashboard.h"
#include "server/http_server.h"
#include "text/unicode.h"

namespace spamradar::server {

using nlohmann::json;
using nlohmann::ordered_json;

// The API key a request came with, once checked.
struct ApiServer::Caller {
  std::string key_id;
  Role role = Role::kAnalyst;
};

namespace {

constexpr const char* kJson = "application/json";

std::string Dump(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void Error(HttpResponse& response, int status, std::string_view code, std::string_view message) {
  response.status = status;
  response.set_content(
      Dump({{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}}), kJson);
}

void Reply(HttpResponse& response, int status, const ordered_json& body) {
  response.status = status;
  response.set_content(Dump(body), kJson);
}

// The HTTP status for an error of the layers below.
int StatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    default: return 500;
  }
}

std::string_view CodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    default: return "internal";
  }
}

// The route a path belongs to, for metrics and logs (ids folded into the template).
std::string RouteOf(const std::string& path) {
  if (FindDashboardFile(path)) return "dashboard";
  static constexpr std::string_view kWithId[] = {"/v1/campaigns/", "/v1/keys/"};
  for (const std::string_view prefix : kWithId) {
    if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0) {
      return std::string(prefix) + "{id}";
    }
  }
  static constexpr std::string_view kKnown[] = {
      "/healthz",         "/readyz",        "/metrics",      "/v1/reports",
      "/v1/7726/inbound", "/v1/classify",   "/v1/campaigns", "/v1/stats",
      "/v1/regions",      "/v1/timeseries", "/v1/keys",      "/v1/search"};
  for (const std::string_view known : kKnown) {
    if (path == known) return path;
  }
  return "other";
}

Result<uint64_t> ParseCount(const std::string& text, const char* name) {
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return Status::InvalidArgument(std::string(name) + ": must be a whole number");
  }
  return value;
}

std::string_view ActionName(intake::ConversationAction action) {
  switch (action) {
    case intake::ConversationAction::kPrompted: return "prompted";
    case intake::ConversationAction::kCompleted: return "completed";
    case intake::ConversationAction::kDuplicate: return "duplicate";
    case intake::ConversationAction::kIgnoredOwnReply: return "ignored_own_reply";
    case intake::ConversationAction::kKeyword: return "keyword";
    case intake::ConversationAction::kNotSpam: return "not_spam";
  }
  return "unknown";
}

}  // namespace

Status LoadServerConfig(const std::string& path, ServerOptions* options) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read config file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return ParseServerConfig(text.str(), path, options);
}

Status ParseServerConfig(std::string_view text, const std::string& path, ServerOptions* options) {
  // Applied to a copy: a file with one bad setting changes nothing.
  ServerOptions parsed = *options;
  const json config = json::parse(text, nullptr, false);
  if (config.is_discarded() || !config.is_object()) {
    return Status::InvalidArgument(path + ": not a JSON object");
  }
  for (const auto& item : config.items()) {
    const std::string& key = item.key();  // named, not bound: lambdas capture them
    const json& value = item.value();
    auto number = [&](double low, double high) -> Result<double> {
      if (!value.is_number() || value.get<double>() < low || value.get<double>() > high) {
        return Status::InvalidArgument(path + ": " + key + " must be a number from " +
                                       std::to_string(low) + " to " + std::to_string(high));
      }
      return value.get<double>();
    };
    Result<double> n = 0.0;
    if (key == "bind" || key == "time_zone" || key == "model") {
      if (!value.is_string())
        return Status::InvalidArgument(path + ": " + key + " must be a string");
      (key == "bind"    ? parsed.bind
       : key == "model" ? parsed.model
                        : parsed.time_zone) = value.get<std::string>();
      continue;
    }
    if (key == "port") {
      if (!(n = number(0, 65535)).ok()) return n.status();
      parsed.port = static_cast<int>(*n);
    } else if (key == "body_limit") {
      if (!(n = number(1024, 1 << 30)).ok()) return n.status();
      parsed.body_limit = static_cast<size_t>(*n);
    } else if (key == "batch_limit") {
      if (!(n = number(1, 100000)).ok()) return n.status();
      parsed.batch_limit = static_cast<size_t>(*n);
    } else if (key == "rate_per_second") {
      if (!(n = number(0, 1e6)).ok()) return n.status();
      parsed.rate_per_second = *n;
    } else if (key == "rate_burst") {
      if (!(n = number(1, 1e6)).ok()) return n.status();
      parsed.rate_burst = *n;
    } else if (key == "threads") {
      if (!(n = number(1, 1024)).ok()) return n.status();
      parsed.threads = static_cast<int>(*n);
    } else if (key == "loop_threads") {
      if (!(n = number(1, 64)).ok()) return n.status();
      parsed.loop_threads = static_cast<int>(*n);
    } else if (key == "read_timeout_seconds") {
      if (!(n = number(1, 3600)).ok()) return n.status();
      parsed.read_timeout = std::chrono::seconds(static_cast<int64_t>(*n));
    } else if (key == "write_timeout_seconds") {
      if (!(n = number(1, 3600)).ok()) return n.status();
      parsed.write_timeout = std::chrono::seconds(static_cast<int64_t>(*n));
    } else if (key == "idle_timeout_seconds") {
      if (!(n = number(1, 3600)).ok()) return n.status();
      parsed.idle_timeout = std::chrono::seconds(static_cast<int64_t>(*n));
    } else if (key == "spam_threshold" || key == "suspect_threshold") {
      if (!(n = number(0, 1)).ok()) return n.status();
      (key == "spam_threshold" ? parsed.spam_threshold : parsed.suspect_threshold) =
          static_cast<float>(*n);
    } else {
      return Status::InvalidArgument(path + ": unknown setting '" + key + "'");
    }
  }
  *options = parsed;
  return Status::Ok();
}

Result<filter::SpamFilter> LoadServerModel(const ServerOptions& options) {
  Result<filter::SpamFilter> loaded =
      options.model.empty() ? filter::LoadDefaultModel() : filter::SpamFilter::Load(options.model);
  if (!loaded.ok()) return loaded.status();
  // A server learns from feedback: the default model's AdaGrad sums, which
  // classifying leaves in the binary's bytes, are copied now rather than in
  // the first request that teaches it.
  loaded->mutable_model().OwnAccumulators();
  if (Status status = loaded->mutable_model().OverrideThresholds(options.spam_threshold,
                                                                 options.suspect_threshold);
      !status.ok()) {
    return status;
  }
  return loaded;
}

ApiServer::ApiServer(ServerOptions options, std::unique_ptr<app::DataDirectory> data,
                     filter::SpamFilter filter, const Clock& clock)
    : options_(std::move(options)),
      data_(std::move(data)),
      filter_(std::make_shared<const filter::SpamFilter>(std::move(filter))),
      clock_(clock),
      limiter_(options_.rate_per_second, options_.rate_burst) {
  conversation_ = std::make_unique<intake::Conversation>(*data_->enricher, *data_->store,
                                                         *data_->store, clock_);
}

ApiServer::~ApiServer() {
  Stop();
  (void)Wait();
}

void ApiServer::Log(const ordered_json& fields) const {
  ordered_json line = {{"ts", FormatRfc3339(clock_.Now())}};
  for (const auto& [key, value] : fields.items()) line[key] = value;
  log_.WriteNow(Dump(line) + "\n");
}

template <typename Handler>
void ApiServer::Guarded(const HttpRequest& request, HttpResponse& response, Permission permission,
                        bool needs_ready, Handler&& handler) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) {
    response.set_header("WWW-Authenticate", "Bearer");
    return Error(response, 401, "unauthorized", "send an API key: Authorization: Bearer KEY");
  }
  const std::string_view presented = std::string_view(header).substr(kBearer.size());
  const auto now = std::chrono::steady_clock::now();
  Result<std::optional<store::StoredKey>> stored =
      [&]() -> Result<std::optional<store::StoredKey>> {
    {
      std::lock_guard lock(keys_);
      if (const auto it = key_cache_.find(presented);
          it != key_cache_.end() && now - it->second.checked < kKeyCacheTtl) {
        return std::optional<store::StoredKey>(it->second.key);
      }
    }
    const std::string hash = HashKey(presented);
    Result<std::optional<store::StoredKey>> found = [&] {
      std::lock_guard lock(state_);
      return data_->store->FindKey(hash);
    }();
    // Only keys that exist are remembered: random keys cannot fill the cache.
    std::lock_guard lock(keys_);
    if (found.ok() && found->has_value()) {
      key_cache_[std::string(presented)] = {**found, now};
    } else {
      key_cache_.erase(std::string(presented));
    }
    return found;
  }();
  if (!stored.ok()) return Error(response, 500, "internal", stored.status().message());
  if (!stored->has_value() || (*stored)->revoked) {
    response.set_header("WWW-Authenticate", "Bearer");
    return Error(response, 401, "unauthorized", "unknown or revoked API key");
  }
  Caller caller{(*stored)->id, ParseRole((*stored)->role).value_or(Role::kAnalyst)};
  response.key_id = caller.key_id;
  if (!Allows(caller.role, permission)) {
    return Error(
        response, 403, "forbidden",
        "a key with role '" + std::string(RoleName(caller.role)) + "' may not use this route");
  }
  if (const int wait = limiter_.Take(caller.key_id); wait > 0) {
    response.set_header("Retry-After", std::to_string(wait));
    return Error(response, 429, "rate_limited",
                 "too many requests for this key; retry after " + std::to_string(wait) + " s");
  }
  if (needs_ready && !ready_) {
    response.set_header("Retry-After", "5");
    return Error(response, 503, "not_ready", "the server is still folding the report log");
  }
  handler(caller);
}

void ApiServer::AppendClassification(const filter::SpamFilter& filter, const std::string& text,
                                     const Sender& sender, std::string* answer) {
  thread_local analysis::MessageAnalysis analysis;
  analyzer_.Analyze(text, &analysis);
  const filter::Verdict verdict = filter.Classify(analysis, 5);
  answer->push_back('{');
  filter::AppendVerdictMembers(verdict, answer);
  answer->append(",\"campaign\":");
  cluster::CampaignMatch match;
  if (ready_) {
    // Made outside the lock, so that the match under it is only lookups.
    thread_local Report probe;
    probe.body = text;
    probe.sender = sender;
    analysis::StoreAnalysis(analysis, analyzer_.stamp(), &probe);
    std::lock_guard lock(campaigns_);  // not state_: see api_server.h
    match = data_->campaigns->MatchCampaign(probe);
    if (match.campaign != 0) {
      cluster::AppendCampaignMatchJson(match, CampaignNameOf(match.campaign), answer);
    }
  }
  if (match.campaign == 0) answer->append("null");
  answer->push_back('}');
}

std::string ApiServer::CampaignNameOf(uint64_t id) {
  // A name changes only when the campaign takes reports: remembered with the
  // count it was made at (making it sorts the campaign's brands and domains,
  // thousands for a large campaign, on every classify request that matched).
  // A dormant campaign's name is its archived summary's, read from SQLite; it
  // holds until the campaign wakes, and an awake campaign is named afresh.
  const cluster::Campaign* active = data_->campaigns->Find(id);
  const auto it = campaign_names_.find(id);
  if (it != campaign_names_.end() &&
      (active != nullptr ? !it->second.dormant && it->second.reports == active->reports
                         : it->second.dormant)) {
    return it->second.name;
  }
  CachedName made;
  if (active != nullptr) {
    made = {active->reports, false, cluster::CampaignName(*active)};
  } else {
    Result<std::optional<cluster::CampaignSummary>> summary = data_->campaigns->Summary(id);
    if (!summary.ok() || !summary->has_value()) return "";  // asked again next time
    made = {0, true, (*summary)->name};
  }
  if (campaign_names_.size() >= kCampaignNameCacheLimit) campaign_names_.clear();
  return (campaign_names_[id] = std::move(made)).name;
}

Status ApiServer::FoldCampaignsInSteps() {
  for (;;) {
    std::lock_guard lock(campaigns_);
    const uint64_t before = data_->campaigns_sequence;
    if (Status status = data_->CatchUpCampaigns(kFoldStep); !status.ok()) return status;
    if (data_->campaigns_sequence - before < kFoldStep) return Status::Ok();
  }
}

Status ApiServer::Start() {
  if (Status status = data_->UseTimeZone(options_.time_zone); !status.ok()) {
    return Status::InvalidArgument("time zone: " + status.message());
  }
  HttpServerOptions http;
  http.bind = options_.bind;
  http.port = options_.port;
  http.loop_threads = options_.loop_threads;
  http.workers = options_.threads;
  http.body_limit = options_.body_limit;
  // libmicrohttpd has one inactivity timeout, for reads, writes and idle
  // keep-alive alike: the shortest of the three settings.
  http.idle_timeout =
      std::min({options_.read_timeout, options_.write_timeout, options_.idle_timeout});
  http_ = std::make_unique<HttpServer>(http);
  Routes();
  if (Status status = http_->Start(); !status.ok()) return status;
  port_ = http_->port();
  Log(ordered_json(
      {{"level", "info"}, {"msg", "listening"}, {"bind", options_.bind}, {"port", port_}}));
  AnnounceModel(*filter_.load(), "model");
  folder_ = std::thread([this] { CatchUp(); });
  return Status::Ok();
}

void ApiServer::AnnounceModel(const filter::SpamFilter& filter, const char* message) {
  const filter::LinearModel& model = filter.model();
  Log(ordered_json({{"level", "info"},
                    {"msg", message},
                    {"model", options_.model.empty() ? "built-in" : options_.model},
                    {"examples_seen", model.examples_seen()},
                    {"spam_threshold", model.thresholds().spam},
                    {"suspect_threshold", model.thresholds().suspect}}));
  metrics_.SetGauge("spamradar_model_examples_seen", static_cast<double>(model.examples_seen()));
  metrics_.SetGauge("spamradar_model_loaded_timestamp_seconds",
                    std::chrono::duration<double>(clock_.Now().time_since_epoch()).count());
}

Status ApiServer::ReloadModel() {
  Result<filter::SpamFilter> loaded = LoadServerModel(options_);
  if (!loaded.ok()) {
    Log(ordered_json({{"level", "error"},
                      {"msg", "model reload failed; the model in use stays"},
                      {"model", options_.model.empty() ? "built-in" : options_.model},
                      {"error", loaded.status().message()}}));
    metrics_.SetGauge("spamradar_model_last_reload_ok", 0);
    return loaded.status();
  }
  auto fresh = std::make_shared<const filter::SpamFilter>(std::move(loaded).value());
  filter_.store(fresh);
  AnnounceModel(*fresh, "model reloaded");
  metrics_.SetGauge("spamradar_model_last_reload_ok", 1);
  return Status::Ok();
}

void ApiServer::CatchUp() {
  const auto start = std::chrono::steady_clock::now();
  Status status;
  uint64_t reports = 0;  // read under the lock: once ready, reports may fold at any time
  {
    std::scoped_lock lock(state_, campaigns_);
    status = data_->CatchUp();
    if (status.ok()) status = data_->CatchUpCampaigns();
    reports = data_->campaigns->reports();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!status.ok()) {
    fold_status_ = status;
    Log(ordered_json({{"level", "error"}, {"msg", "fold failed"}, {"error", status.message()}}));
    return;
  }
  ready_ = true;
  Log(ordered_json(
      {{"level", "info"}, {"msg", "ready"}, {"reports", reports}, {"fold_seconds", seconds}}));
}

void ApiServer::Stop() {
  if (stopping_.exchange(true)) return;
  if (http_ != nullptr) {
    Log(ordered_json({{"level", "info"}, {"msg", "stopping"}}));
    http_->Stop();
    log_.Flush();  // the requests finished in flight
  }
  {
    std::lock_guard lock(stopped_mutex_);
    stopped_ = true;
  }
  stopped_changed_.notify_all();
}

Status ApiServer::Wait() {
  {
    std::unique_lock lock(stopped_mutex_);
    stopped_changed_.wait(lock, [this] { return stopped_ || http_ == nullptr; });
  }
  if (folder_.joinable()) folder_.join();
  log_.Flush();
  if (!fold_status_.ok()) return fold_status_;
  std::scoped_lock lock(state_, campaigns_);
  if (data_ != nullptr && data_->campaigns != nullptr) {
    if (Status status = data_->campaigns->Sync(); !status.ok()) return status;
  }
  return Status::Ok();
}

void ApiServer::Routes() {
  HttpServer& http = *http_;
  // Errors the transport answers itself (no route, another method, a body
  // over the limit) get the same JSON shape as ours.
  http.SetErrorHandler([](int status, HttpResponse& response) {
    switch (status) {
      case 404: return Error(response, 404, "not_found", "no such route");
      case 405: return Error(response, 405, "method_not_allowed", "method not allowed here");
      case 413:
        return Error(response, 413, "payload_too_large", "the request body is over the limit");
      default: return Error(response, status, "bad_request", "malformed request");
    }
  });
  http.SetExceptionHandler([this](std::string_view what, HttpResponse& response) {
    Log(ordered_json({{"level", "error"}, {"msg", "handler failed"}, {"error", what}}));
    Error(response, 500, "internal", "internal error");
  });
  // One line per request; never a body, a reporter or a raw key.
  http.SetObserver([this](const HttpRequest& request, const HttpResponse& response,
                          double seconds) {
    const std::string route = RouteOf(request.path);
    metrics_.ObserveRequest(route, response.status, seconds);
    // One line a request: written out directly (building a JSON document for
    // it cost 8% of a classify request). The method is the only field from
    // the client (escaped unless it is a plain token); route and key id are ours.
    std::string line;
    line.reserve(160);
    line += "{\"ts\":\"";
    line += FormatRfc3339(clock_.Now());
    line += response.status >= 500 ? "\",\"level\":\"error" : "\",\"level\":\"info";
    line += "\",\"msg\":\"request\",\"method\":";
    const bool plain_method = !request.method.empty() && request.method.size() <= 16 &&
                              std::all_of(request.method.begin(), request.method.end(),
                                          [](char c) { return c >= 'A' && c <= 'Z'; });
    if (plain_method) {
      line.append("\"").append(request.method).append("\"");
    } else {
      line +=
          ordered_json(request.method).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    }
    line.append(",\"route\":\"").append(route).append("\",\"status\":");
    line += std::to_string(response.status);
    char ms[32];
    const std::to_chars_result written =
        std::to_chars(ms, ms + sizeof(ms), seconds * 1000, std::chars_format::fixed, 3);
    line.append(",\"ms\":").append(ms, written.ptr);
    if (!response.key_id.empty()) line.append(",\"key\":\"").append(response.key_id).append("\"");
    line += "}\n";
    if (response.status >= 500) {
      log_.WriteNow(line);
    } else {
      log_.Add(line);
    }
  });

  // The dashboard: public files (the API behind it asks for a key).
  for (const char* path : {"/", "/index.html", "/app.js", "/style.css"}) {
    http.Get(path, HttpServer::Work::kInline,
             [](const HttpRequest& request, HttpResponse& response) {
               const std::optional<DashboardFile> file = FindDashboardFile(request.path);
               if (!file) return Error(response, 404, "not_found", "no such file");
               response.set_header("Content-Security-Policy", std::string(kDashboardPolicy));
               response.set_header("X-Content-Type-Options", "nosniff");
               response.set_header("Cache-Control", "no-cache");
               response.set_content(std::string(file->content.data(), file->content.size()),
                                    std::string(file->content_type));
             });
  }
  http.Get("/healthz", HttpServer::Work::kInline, [](const HttpRequest&, HttpResponse& response) {
    Reply(response, 200, {{"status", "ok"}});
  });
  http.Get("/readyz", HttpServer::Work::kInline,
           [this](const HttpRequest&, HttpResponse& response) {
             if (!ready_) return Error(response, 503, "not_ready", "folding the report log");
             Reply(response, 200, {{"status", "ready"}});
           });
  http.Get("/metrics", HttpServer::Work::kBlocking,
           [this](const HttpRequest&, HttpResponse& response) {
             {
               std::scoped_lock lock(state_, campaigns_);
               Result<uint64_t> last = data_->store->LastSequence();
               if (last.ok()) {
                 metrics_.SetGauge("spamradar_reports_in_log", static_cast<double>(*last));
                 metrics_.SetGauge(
                     "spamradar_fold_lag_reports",
                     static_cast<double>(*last - std::min(*last, data_->campaigns_sequence)));
               }
               metrics_.SetGauge("spamradar_campaigns_active",
                                 static_cast<double>(data_->campaigns->active_campaigns()));
               metrics_.SetGauge("spamradar_campaigns_dormant",
                                 static_cast<double>(data_->campaigns->dormant_campaigns()));
               metrics_.SetGauge("spamradar_ready", ready_ ? 1 : 0);
             }
             response.set_content(metrics_.Render(), "text/plain; version=0.0.4");
           });

  // Reports: one object or an array; answered after the durable commit.
  http.Post(
      "/v1/reports", HttpServer::Work::kBlocking,
      [this](const HttpRequest& request, HttpResponse& response) {
        Guarded(request, response, Permission::kSubmit, true, [&](const Caller&) {
          const json body = json::parse(request.body, nullptr, false);
          if (body.is_discarded())
            return Error(response, 400, "invalid_json", "the body is not JSON");
          const bool single = body.is_object();
          if (!single && !body.is_array()) {
            return Error(response, 400, "invalid_report", "send one report object or an array");
          }
          if (body.is_array() && body.empty()) {
            return Error(response, 400, "invalid_report", "the array holds no report");
          }
          if (body.is_array() && body.size() > options_.batch_limit) {
            return Error(response, 413, "batch_too_large",
                         "at most " + std::to_string(options_.batch_limit) + " reports a request");
          }
          const Timestamp now = clock_.Now();
          std::vector<ordered_json> results;
          std::vector<Report> good;
          std::vector<size_t> good_index;
          const size_t n = single ? 1 : body.size();
          for (size_t i = 0; i < n; ++i) {
            const json& item = single ? body : body[i];
            Result<ReportSubmission> submission = intake::ReportSubmissionFromJson(item, now);
            Result<Report> report = submission.ok() ? data_->enricher->Enrich(*submission, "api")
                                                    : Result<Report>(submission.status());
            if (!report.ok()) {
              results.push_back(
                  {{"index", i},
                   {"status", "rejected"},
                   {"error",
                    {{"code", "invalid_report"}, {"message", report.status().message()}}}});
              continue;
            }
            results.push_back({{"index", i}});
            good.push_back(std::move(*report));
            good_index.push_back(i);
          }
          if (single && good.empty()) {
            return Error(response, 400, "invalid_report",
                         results[0]["error"]["message"].get<std::string>());
          }
          uint64_t stored = 0, duplicates = 0;
          if (!good.empty()) {
            std::lock_guard lock(state_);
            Result<std::vector<store::AppendOutcome>> outcomes = data_->store->Append(good);
            if (!outcomes.ok())
              return Error(response, 500, "internal", outcomes.status().message());
            for (size_t j = 0; j < good.size(); ++j) {
              ordered_json& row = results[good_index[j]];
              const bool duplicate = (*outcomes)[j].duplicate;
              row["id"] = good[j].id;
              row["status"] = duplicate ? "duplicate" : "stored";
              row["sequence"] = (*outcomes)[j].sequence;
              (duplicate ? duplicates : stored) += 1;
            }
            // The campaigns and analytics see them before the answer goes out.
            Status folded = data_->CatchUp();
            if (folded.ok() && ready_) folded = FoldCampaignsInSteps();
            if (!folded.ok()) {
              Log(ordered_json(
                  {{"level", "error"}, {"msg", "fold failed"}, {"error", folded.message()}}));
            }
          }
          metrics_.AddReportsIngested(stored);
          ordered_json out = {{"stored", stored},
                              {"duplicates", duplicates},
                              {"rejected", n - good.size()},
                              {"results", results}};
          Reply(response, single ? 201 : 200, out);
        });
      });

  // The 7726 conversation: a subscriber's message in, the reply to send out.
  http.Post("/v1/7726/inbound", HttpServer::Work::kBlocking,
            [this](const HttpRequest& request, HttpResponse& response) {
              Guarded(request, response, Permission::kSubmit, true, [&](const Caller&) {
                const json body = json::parse(request.body, nullptr, false);
                if (body.is_discarded() || !body.is_object()) {
                  return Error(response, 400, "invalid_json", "send {\"from\", \"to\", \"text\"}");
                }
                for (const char* field : {"from", "text"}) {
                  if (!body.contains(field) || !body[field].is_string()) {
                    return Error(response, 400, "invalid_message",
                                 std::string(field) + ": required, a string");
                  }
                }
                if (body.contains("to") && !body["to"].is_string()) {
                  return Error(response, 400, "invalid_message", "to: must be a string");
                }
                std::scoped_lock lock(state_, campaigns_);
                Result<intake::ConversationReply> reply = conversation_->Handle(
                    body["from"].get<std::string>(), body["text"].get<std::string>());
                if (!reply.ok()) {
                  return Error(response, StatusFor(reply.status()),
                               reply.status().code() == StatusCode::kInvalidArgument
                                   ? "invalid_message"
                                   : "internal",
                               reply.status().message());
                }
                if (reply->reports_stored > 0) {
                  metrics_.AddReportsIngested(reply->reports_stored);
                  Status folded = data_->CatchUp();
                  if (folded.ok()) folded = data_->CatchUpCampaigns();
                }
                Reply(response, 200,
                      {{"reply", reply->text.empty() ? ordered_json() : ordered_json(reply->text)},
                       {"action", std::string(ActionName(reply->action))},
                       {"reports_stored", reply->reports_stored}});
              });
            });

  // Classification: one message or a batch; verdict, reasons, matched
  // campaign. On the event loop, but for a batch large enough to hold it up.
  http.Post(
      "/v1/classify", HttpServer::Work::kInlineWhenSmall,
      [this](const HttpRequest& request, HttpResponse& response) {
        Guarded(request, response, Permission::kClassify, false, [&](const Caller&) {
          thread_local OneMessage one;
          if (ReadOneMessage(request.body, &one)) {
            Result<Sender> sender = intake::NormalizeSender(one.sender);
            if (!sender.ok()) {
              return Error(response, 400, "invalid_message", sender.status().message());
            }
            std::string answer;
            AppendClassification(*filter_.load(), one.text, *sender, &answer);
            response.status = 200;
            response.set_content(std::move(answer), kJson);
            return;
          }
          const json body = json::parse(request.body, nullptr, false);
          if (body.is_discarded() || !body.is_object()) {
            return Error(response, 400, "invalid_json",
                         "send {\"text\": ...} or {\"messages\": [...]}");
          }
          const bool batch = body.contains("messages");
          if (batch && (!body["messages"].is_array() || body["messages"].empty())) {
            return Error(response, 400, "invalid_message", "messages: a non-empty array");
          }
          if (batch && body["messages"].size() > options_.batch_limit) {
            return Error(response, 413, "batch_too_large",
                         "at most " + std::to_string(options_.batch_limit) + " messages a request");
          }
          const json* messages = batch ? &body["messages"] : nullptr;
          const std::shared_ptr<const filter::SpamFilter> spam_filter = filter_.load();
          const size_t count = batch ? messages->size() : 1;
          std::string answer = batch ? "{\"results\":[" : "";
          for (size_t i = 0; i < count; ++i) {
            const json& item = batch ? (*messages)[i] : body;
            const std::string where =
                batch ? "messages[" + std::to_string(i) + "]." : std::string();
            const auto text_field = item.is_object() ? item.find("text") : item.end();
            if (text_field == item.end() || !text_field->is_string()) {
              return Error(response, 400, "invalid_message", where + "text: required, a string");
            }
            Result<Sender> sender = Sender{};
            if (const auto sender_field = item.find("sender"); sender_field != item.end()) {
              if (sender_field->is_string()) {
                sender = intake::NormalizeSender(sender_field->get_ref<const std::string&>());
              } else if (!sender_field->is_null()) {
                return Error(response, 400, "invalid_message",
                             where + "sender: a string (or null)");
              }
            }
            if (!sender.ok()) {
              return Error(response, 400, "invalid_message", where + sender.status().message());
            }
            if (i > 0) answer.push_back(',');
            AppendClassification(*spam_filter, text_field->get_ref<const std::string&>(), *sender,
                                 &answer);
          }
          if (batch) answer.append("]}");
          response.status = 200;
          response.set_content(std::move(answer), kJson);
        });
      });

  // Analytics: the same questions and answers as the CLI.
  auto scope_of = [this](const HttpRequest& request) -> Result<cluster::Scope> {
    // Days are the server's calendar days; a question in another zone would
    // need another fold.
    if (request.has_param("tz") && request.get_param_value("tz") != options_.time_zone) {
      return Status::InvalidArgument("tz: this server counts days in " + options_.time_zone +
                                     " (serve --tz); ask without tz or in that zone");
    }
    app::ScopeOptions options;
    options.from = request.get_param_value("from");
    options.to = request.get_param_value("to");
    options.region = request.get_param_value("region");
    options.channel = request.get_param_value("channel");
    return app::ParseScope(options);
  };
  auto count_param = [](const HttpRequest& request, const char* name,
                        uint64_t fallback) -> Result<uint64_t> {
    if (!request.has_param(name)) return fallback;
    return ParseCount(request.get_param_value(name), name);
  };
  auto answer = [](HttpResponse& response, const Result<ordered_json>& result) {
    if (!result.ok()) {
      return Error(response, StatusFor(result.status()), CodeFor(result.status()),
                   result.status().message());
    }
    Reply(response, 200, *result);
  };
  http.Get("/v1/campaigns", HttpServer::Work::kBlocking,
           [=, this](const HttpRequest& request, HttpResponse& response) {
             Guarded(request, response, Permission::kRead, true, [&](const Caller&) {
               Result<cluster::Scope> scope = scope_of(request);
               Result<uint64_t> limit = count_param(request, "limit", 20);
               if (!scope.ok() || !limit.ok()) {
                 return Error(response, 400, "invalid_argument",
                              (!scope.ok() ? scope.status() : limit.status()).message());
               }
               std::scoped_lock lock(state_, campaigns_);
               answer(response,
                      app::CampaignRanking(*data_, *scope, std::min<uint64_t>(*limit, 1000)));
             });
           });
  http.Get(R"(/v1/campaigns/(\d+))", HttpServer::Work::kBlocking,
           [=, this](const HttpRequest& request, HttpResponse& response) {
             Guarded(request, response, Permission::kRead, true, [&](const Caller&) {
               Result<uint64_t> id = ParseCount(request.matches[1], "id");
               if (!id.ok()) return Error(response, 400, "invalid_argument", id.status().message());
               std::scoped_lock lock(state_, campaigns_);
               Result<std::optional<cluster::Campaign>> campaign = data_->campaigns->Get(*id);
               if (!campaign.ok())
                 return Error(response, 500, "internal", campaign.status().message());
               if (!campaign->has_value()) {
                 return Error(response, 404, "not_found", "no campaign " + std::to_string(*id));
               }
               const uint64_t all = std::max<uint64_t>(1, data_->rollups->reports());
               Reply(
                   response, 200,
                   app::CampaignJson(
                       **campaign, (*campaign)->reports,
                       static_cast<double>((*campaign)->reports) / static_cast<double>(all), true));
             });
           });
  http.Get("/v1/stats", HttpServer::Work::kBlocking,
           [=, this](const HttpRequest& request, HttpResponse& response) {
             Guarded(request, response, Permission::kRead, true, [&](const Caller&) {
               Result<cluster::Scope> scope = scope_of(request);
               Result<uint64_t> limit = count_param(request, "limit", 10);
               Result<uint64_t> campaign = count_param(request, "campaign", 0);
               for (const Status& status : {scope.status(), limit.status(), campaign.status()}) {
                 if (!status.ok())
                   return Error(response, 400, "invalid_argument", status.message());
               }
               app::StatsOptions options;
               options.limit = std::min<uint64_t>(*limit, 1000);
               options.campaign = *campaign;
               std::scoped_lock lock(state_, campaigns_);
               answer(response, app::Stats(*data_, *scope, options));
             });
           });
  http.Get("/v1/search", HttpServer::Work::kBlocking,
           [=, this](const HttpRequest& request, HttpResponse& response) {
             Guarded(request, response, Permission::kRead, true, [&](const Caller&) {
               Result<uint64_t> limit = count_param(request, "limit", 20);
               if (!limit.ok())
                 return Error(response, 400, "invalid_argument", limit.status().message());
               std::scoped_lock lock(state_, campaigns_);
               answer(response, app::Search(*data_, request.get_param_value("q"),
                                            std::min<uint64_t>(*limit, 100)));
             });
           });
  http.Get("/v1/regions", HttpServer::Work::kBlocking,
           [=, this](const HttpRequest& request, HttpResponse& response) {
             Guarded(request, response, Permission::kRead, true, [&](const Caller&) {
               Result<cluster::Scope> scope = scope_of(request);
               Result<uint64_t> campaign = count_param(request, "campaign", 0);
               Result<uint64_t> min_reports = count_param(request, "min_reports", 100);
               Result<uint64_t> limit = count_param(request, "limit", 0);
               for (const Status& status :
                    {scope.status(), campaign.status(), min_reports.status(), limit.status()}) {
                 if (!status.ok())
                   return Error(response, 400, "invalid_argument", status.message());
               }
               if (*campaign == 0) {
                 return Error(response, 400, "invalid_argument",
                              "campaign: required (a campaign id)");
               }
               if (scope->metro) {
                 return Error(response, 400, "invalid_argument",
                              "region: does not apply (every metro is ranked)");
               }
               app::RegionsOptions options;
               options.campaign = *campaign;
               options.min_reports = *min_reports;
               options.limit = *limit;
               std::scoped_lock lock(state_, campaigns_);
               answer(response, app::Regions(*data_, *scope, options));
             });
           });
  http.Get("/v1/timeseries", HttpServer::Work::kBlocking,
           [=, this](const HttpRequest& request, HttpResponse& response) {
             Guarded(request, response, Permission::kRead, true, [&](const Caller&) {
               Result<cluster::Scope> scope = scope_of(request);
               Result<uint64_t> campaign = count_param(request, "campaign", 0);
               for (const Status& status : {scope.status(), campaign.status()}) {
                 if (!status.ok())
                   return Error(response, 400, "invalid_argument", status.message());
               }
               std::scoped_lock lock(state_, campaigns_);
               Reply(response, 200, app::TimeSeries(*data_, *scope, *campaign));
             });
           });

  // Keys (admin).
  http.Post("/v1/keys", HttpServer::Work::kBlocking,
            [this](const HttpRequest& request, HttpResponse& response) {
              Guarded(request, response, Permission::kManageKeys, false, [&](const Caller&) {
                const json body = json::parse(request.body, nullptr, false);
                if (body.is_discarded() || !body.is_object() || !body.contains("role") ||
                    !body["role"].is_string()) {
                  return Error(response, 400, "invalid_argument",
                               "send {\"role\": \"intake\"|\"analyst\"|\"admin\", \"label\": ...}");
                }
                const std::optional<Role> role = ParseRole(body["role"].get<std::string>());
                if (!role) {
                  return Error(response, 400, "invalid_argument",
                               "role: must be intake, analyst or admin");
                }
                const std::string label = body.contains("label") && body["label"].is_string()
                                              ? body["label"].get<std::string>()
                                              : "";
                std::lock_guard lock(state_);
                Result<NewKey> made = CreateKey(*data_->store, *role, label, clock_.Now());
                if (!made.ok()) return Error(response, 500, "internal", made.status().message());
                Reply(response, 201,
                      {{"key", made->key},
                       {"id", made->stored.id},
                       {"role", made->stored.role},
                       {"label", made->stored.label}});
              });
            });
  http.Get("/v1/keys", HttpServer::Work::kBlocking,
           [this](const HttpRequest& request, HttpResponse& response) {
             Guarded(request, response, Permission::kManageKeys, false, [&](const Caller&) {
               std::lock_guard lock(state_);
               Result<std::vector<store::StoredKey>> keys = data_->store->ListKeys();
               if (!keys.ok()) return Error(response, 500, "internal", keys.status().message());
               ordered_json rows = ordered_json::array();
               for (const store::StoredKey& key : *keys) {
                 rows.push_back({{"id", key.id},
                                 {"role", key.role},
                                 {"label", key.label},
                                 {"created_at", FormatRfc3339(key.created_at)},
                                 {"revoked", key.revoked}});
               }
               Reply(response, 200, {{"keys", std::move(rows)}});
             });
           });
  http.Delete(R"(/v1/keys/(k_[0-9a-f]+))", HttpServer::Work::kBlocking,
              [this](const HttpRequest& request, HttpResponse& response) {
                Guarded(request, response, Permission::kManageKeys, false, [&](const Caller&) {
                  std::lock_guard lock(state_);
                  Result<bool> revoked = data_->store->RevokeKey(std::string(request.matches[1]));
                  {
                    std::lock_guard keys_lock(keys_);
                    key_cache_.clear();
                  }
                  if (!revoked.ok())
                    return Error(response, 500, "internal", revoked.status().message());
                  if (!*revoked) return Error(response, 404, "not_found", "no such key");
                  response.status = 204;
                });
              });
}

}  // namespace spamradar::server
