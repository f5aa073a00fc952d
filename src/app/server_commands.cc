#include "app/server_commands.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include <signal.h>

#include "app/data_directory.h"
#include "app/filter_commands.h"
#include "server/api_keys.h"
#include "server/api_server.h"

namespace spamradar::app {
namespace {

struct ServeOptions {
  std::string data = kDefaultDataDirectory;
  std::string config;
  std::string bind;
  std::string tz;
  int port = -1;  // -1: from the config, else 7726
  bool demo = false;
  std::string model;  // empty: from the config, else the built-in default model
  std::optional<float> spam_threshold;
  std::optional<float> suspect_threshold;
};

int RunServe(const ServeOptions& options) {
  server::ServerOptions settings;
  if (!options.config.empty()) {
    if (Status status = server::LoadServerConfig(options.config, &settings); !status.ok()) {
      std::cerr << "spamradar serve: " << status.message() << "\n";
      return 2;
    }
  }
  if (options.port >= 0) settings.port = options.port;
  if (!options.bind.empty()) settings.bind = options.bind;
  if (!options.tz.empty()) settings.time_zone = options.tz;
  if (!options.model.empty()) settings.model = options.model == "default" ? "" : options.model;
  if (options.spam_threshold) settings.spam_threshold = options.spam_threshold;
  if (options.suspect_threshold) settings.suspect_threshold = options.suspect_threshold;
  // The model first: a file that does not load is found before the data
  // directory's log is folded.
  Result<filter::SpamFilter> model = server::LoadServerModel(settings);
  if (!model.ok()) {
    std::cerr << "spamradar serve: " << model.status().message() << "\n";
    return 1;
  }

  // SIGTERM, SIGINT and SIGHUP are taken by this thread alone (sigwait
  // below); the server's threads, started after this, inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(options.data);
  if (!directory.ok()) {
    std::cerr << "spamradar serve: " << directory.status().message() << "\n";
    return 1;
  }
  static const SystemClock clock;
  if (options.demo) {
    Result<server::NewKey> key = server::CreateKey(*(*directory)->store, server::Role::kAnalyst,
                                                   "demo (serve --demo)", clock.Now());
    if (!key.ok()) {
      std::cerr << "spamradar serve: " << key.status().message() << "\n";
      return 1;
    }
    std::printf("demo key (read-only, analyst): %s\n", key->key.c_str());
    std::fflush(stdout);
  }
  server::ApiServer server(settings, std::move(*directory), std::move(*model), clock);
  if (Status status = server.Start(); !status.ok()) {
    std::cerr << "spamradar serve: " << status.message() << "\n";
    return 1;
  }
  // Where to point a browser (the dashboard asks for the key printed above).
  const std::string host = settings.bind == "0.0.0.0" || settings.bind == "127.0.0.1" ||
                                   settings.bind == "::" || settings.bind == "::1"
                               ? "localhost"
                               : settings.bind;
  std::printf("dashboard and API: http://%s:%d/\n", host.c_str(), server.port());
  std::fflush(stdout);
  // SIGHUP reads the model file again (after `spamradar learn` or `train`
  // replaced it); the server logs how that went and goes on either way.
  int received = 0;
  while (sigwait(&signals, &received) == 0 && received == SIGHUP) (void)server.ReloadModel();
  // Stop accepting, finish what is in flight, sync the folds.
  server.Stop();
  if (Status status = server.Wait(); !status.ok()) {
    std::cerr << "spamradar serve: " << status.message() << "\n";
    return 1;
  }
  std::fprintf(stderr, "{\"level\":\"info\",\"msg\":\"stopped\",\"signal\":\"%s\"}\n",
               received == SIGTERM ? "SIGTERM" : "SIGINT");
  return 0;
}

int RunKeysCreate(const std::string& data, const std::string& role_name, const std::string& label) {
  const std::optional<server::Role> role = server::ParseRole(role_name);
  if (!role) {
    std::cerr << "spamradar keys create: --role must be intake, analyst or admin\n";
    return 2;
  }
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(data);
  if (!directory.ok()) {
    std::cerr << "spamradar keys create: " << directory.status().message() << "\n";
    return 1;
  }
  const SystemClock clock;
  Result<server::NewKey> key = server::CreateKey(*(*directory)->store, *role, label, clock.Now());
  if (!key.ok()) {
    std::cerr << "spamradar keys create: " << key.status().message() << "\n";
    return 1;
  }
  std::printf("%s\n", key->key.c_str());
  std::fprintf(stderr, "key %s (role %s) made; it is shown only now, keep it safe\n",
               key->stored.id.c_str(), key->stored.role.c_str());
  return 0;
}

int RunKeysList(const std::string& data) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(data);
  if (!directory.ok()) {
    std::cerr << "spamradar keys list: " << directory.status().message() << "\n";
    return 1;
  }
  Result<std::vector<store::StoredKey>> keys = (*directory)->store->ListKeys();
  if (!keys.ok()) {
    std::cerr << "spamradar keys list: " << keys.status().message() << "\n";
    return 1;
  }
  for (const store::StoredKey& key : *keys) {
    std::printf("%s  %-8s %s  %s%s\n", key.id.c_str(), key.role.c_str(),
                FormatRfc3339(key.created_at).c_str(), key.label.c_str(),
                key.revoked ? "  (revoked)" : "");
  }
  return 0;
}

int RunKeysRevoke(const std::string& data, const std::string& id) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(data);
  if (!directory.ok()) {
    std::cerr << "spamradar keys revoke: " << directory.status().message() << "\n";
    return 1;
  }
  Result<bool> revoked = (*directory)->store->RevokeKey(id);
  if (!revoked.ok()) {
    std::cerr << "spamradar keys revoke: " << revoked.status().message() << "\n";
    return 1;
  }
  if (!*revoked) {
    std::cerr << "spamradar keys revoke: no key " << id << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

void AddServerCommands(CLI::App& app, int* exit_code) {
  auto serve = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Run the dashboard, the HTTP API (reports, 7726 webhook, classify, analytics) and metrics");
  cmd->footer(
      "Serves the dashboard at / (open the printed URL in a browser; it asks for a key),\n"
      "API v1 (api/openapi.json) on --bind:--port, /healthz, /readyz and Prometheus\n"
      "/metrics. Requests need an API key (Authorization: Bearer KEY) made with\n"
      "`spamradar keys create`; --demo prints a read-only key. SIGTERM or Ctrl-C stops\n"
      "accepting, finishes requests in flight, syncs and exits 0. Logs are JSON lines on\n"
      "stderr (a request's line up to 100 ms after its answer, written with others) and\n"
      "never hold a reporter's number. --config FILE is JSON: port, bind,\n"
      "body_limit (bytes, default 1 MiB), batch_limit (1000), rate_per_second (50 a key),\n"
      "rate_burst (100), loop_threads (2: event loops serving the connections, about one\n"
      "a core), threads (16: workers for reports, analytics and keys), read_timeout_seconds,\n"
      "write_timeout_seconds, idle_timeout_seconds (10, 10, 5: a connection silent for the\n"
      "shortest is closed), time_zone, model, spam_threshold, suspect_threshold.\n"
      "Without --model the filter uses the built-in default model. SIGHUP reads the\n"
      "--model file again: after `spamradar learn --model F --out F` (a spam report, an\n"
      "appeal) the server classifies with the new model without a restart; a file that\n"
      "does not load is logged and the model in use stays. Examples:\n"
      "  spamradar serve --data ./spamradar-data --port 7726 --demo\n"
      "  spamradar serve --data ./spamradar-data --model carrier.model   # then kill -HUP PID");
  cmd->add_option("--data", serve->data, "Data directory")->capture_default_str();
  cmd->add_option("--port", serve->port, "TCP port (default 7726; 0: any free port)");
  cmd->add_option("--bind", serve->bind, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--config", serve->config, "JSON settings file");
  cmd->add_option("--tz", serve->tz,
                  "Time zone the analytics count days in: UTC (default) or an IANA name");
  cmd->add_flag("--demo", serve->demo, "Make and print a read-only (analyst) key");
  cmd->add_option("--model", serve->model,
                  "Model file (from spamradar train or learn; SIGHUP reads it again); without "
                  "it, the built-in default model");
  AddThresholdOverrides(cmd, &serve->spam_threshold, &serve->suspect_threshold);
  cmd->callback([serve, exit_code] { *exit_code = RunServe(*serve); });

  auto data = std::make_shared<std::string>(kDefaultDataDirectory);
  auto role = std::make_shared<std::string>();
  auto label = std::make_shared<std::string>();
  auto id = std::make_shared<std::string>();
  CLI::App* keys = app.add_subcommand("keys", "API keys of a data directory");
  keys->require_subcommand(1);
  CLI::App* create = keys->add_subcommand("create", "Make a key; it is printed once");
  create->footer(
      "Roles: intake (submit reports, the 7726 webhook, classify), analyst (read campaigns\n"
      "and analytics, classify), admin (everything, and keys). Only the key's SHA-256 is\n"
      "stored. Example:\n  spamradar keys create --role analyst --label dashboard --data DIR");
  create->add_option("--role", *role, "intake, analyst or admin")->required();
  create->add_option("--label", *label, "Who or what the key is for");
  create->add_option("--data", *data, "Data directory")->capture_default_str();
  create->callback([=] { *exit_code = RunKeysCreate(*data, *role, *label); });
  CLI::App* list = keys->add_subcommand("list", "List keys (ids and roles, never the keys)");
  list->add_option("--data", *data, "Data directory")->capture_default_str();
  list->callback([=] { *exit_code = RunKeysList(*data); });
  CLI::App* revoke = keys->add_subcommand("revoke", "Revoke a key by its id (k_...)");
  revoke->add_option("id", *id, "Key id, from keys list")->required();
  revoke->add_option("--data", *data, "Data directory")->capture_default_str();
  revoke->callback([=] { *exit_code = RunKeysRevoke(*data, *id); });
}

}  // namespace spamradar::app
