#include "app/report_commands.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/data_directory.h"
#include "core/clock.h"
#include "core/hash.h"
#include "intake/conversation.h"
#include "intake/conversation_config.h"
#include "intake/importer.h"

namespace spamradar::app {
namespace {

struct ImportCommandOptions {
  std::string file;
  std::string data = kDefaultDataDirectory;
  bool strict = false;
  bool json = false;
  bool progress_lines = false;
  size_t batch_size = 2000;
  size_t threads = 0;
};

// "1,234,567"
std::string Grouped(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// A one-line progress bar on a terminal: count, rate, share of the file, ETA.
class ProgressBar {
 public:
  explicit ProgressBar(uint64_t total_bytes)
      : total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()) {}

  void Draw(const intake::ImportProgress& p, bool final = false) {
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(p.lines) / seconds : 0;
    const double fraction =
        total_bytes_ > 0
            ? std::min(1.0, static_cast<double>(p.bytes) / static_cast<double>(total_bytes_))
            : 0;
    char eta[32] = "--:--";
    if (fraction > 0 && fraction < 1) {
      const auto left = static_cast<int>(seconds / fraction * (1 - fraction));
      std::snprintf(eta, sizeof(eta), "%d:%02d", left / 60, left % 60);
    } else if (fraction >= 1) {
      std::snprintf(eta, sizeof(eta), "0:00");
    }
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(fraction * kWidth);
    std::string bar(static_cast<size_t>(filled), '=');
    bar.resize(kWidth, ' ');
    std::fprintf(stderr, "\r[%s] %3.0f%%  %s lines  %s/s  ETA %s  (%s rejected)  ", bar.c_str(),
                 100 * fraction, Grouped(p.lines).c_str(),
                 Grouped(static_cast<uint64_t>(rate)).c_str(), eta, Grouped(p.rejected).c_str());
    if (final) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

int RunImport(const ImportCommandOptions& options) {
  std::FILE* input = options.file == "-" ? stdin : std::fopen(options.file.c_str(), "rb");
  if (input == nullptr) {
    std::cerr << "spamradar import: cannot open " << options.file << "\n";
    return 1;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(input == stdin ? nullptr : input,
                                                         &std::fclose);
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(options.data);
  if (!directory.ok()) {
    std::cerr << "spamradar import: " << directory.status().message() << "\n";
    return 1;
  }
  uint64_t total_bytes = 0;
  if (input != stdin && std::fseek(input, 0, SEEK_END) == 0) {
    total_bytes = static_cast<uint64_t>(std::max<long>(0, std::ftell(input)));
    std::fseek(input, 0, SEEK_SET);
  }
  SystemClock clock;
  intake::ImportOptions import_options;
  import_options.strict = options.strict;
  import_options.batch_size = options.batch_size;
  import_options.threads = options.threads;
  intake::Importer importer(*(*directory)->enricher, *(*directory)->store, clock, import_options);
  std::unique_ptr<ProgressBar> bar;
  if (isatty(STDERR_FILENO) && !options.progress_lines)
    bar = std::make_unique<ProgressBar>(total_bytes);
  const auto start = std::chrono::steady_clock::now();
  Result<intake::ImportProgress> result =
      importer.Import(input, [&](const intake::ImportProgress& p) {
        if (bar) bar->Draw(p);
        if (options.progress_lines) {
          // Everything counted here is committed: a supervisor (or the crash
          // test) may rely on it.
          std::fprintf(stderr, "committed lines=%llu accepted=%llu duplicates=%llu\n",
                       static_cast<unsigned long long>(p.lines),
                       static_cast<unsigned long long>(p.accepted),
                       static_cast<unsigned long long>(p.duplicates));
          std::fflush(stderr);
        }
      });
  if (!result.ok()) {
    if (bar) std::fputc('\n', stderr);
    std::cerr << "spamradar import: " << result.status().message()
              << " (every batch committed before this error is kept)\n";
    return 1;
  }
  if (bar) bar->Draw(*result, /*final=*/true);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (Status status = (*directory)->CatchUp(); !status.ok()) {
    std::cerr << "spamradar import: the reports are stored, but folding them failed: "
              << status.message() << " (run spamradar rebuild)\n";
    return 1;
  }
  const intake::ImportProgress& p = *result;
  const bool nothing_written = options.strict && p.rejected > 0;
  if (options.json) {
    nlohmann::ordered_json out = {
        {"file", options.file},   {"lines", p.lines},
        {"accepted", p.accepted}, {"duplicates", p.duplicates},
        {"rejected", p.rejected}, {"written", !nothing_written},
        {"seconds", seconds},     {"reports_in_log", (*directory)->summary.reports()}};
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const intake::LineError& e : p.errors)
      errors.push_back({{"line", e.line}, {"error", e.message}});
    out["errors"] = std::move(errors);
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    if (nothing_written) {
      std::printf("%s: nothing written (--strict): line %llu is bad\n", options.file.c_str(),
                  static_cast<unsigned long long>(p.errors.front().line));
    } else {
      std::printf(
          "%s: %s lines, %s accepted, %s duplicates, %s rejected in %.1f s (%s lines/s)\n",
          options.file.c_str(), Grouped(p.lines).c_str(), Grouped(p.accepted).c_str(),
          Grouped(p.duplicates).c_str(), Grouped(p.rejected).c_str(), seconds,
          Grouped(static_cast<uint64_t>(seconds > 0 ? static_cast<double>(p.lines) / seconds : 0))
              .c_str());
    }
    for (const intake::LineError& e : p.errors) {
      std::printf("  line %llu: %s\n", static_cast<unsigned long long>(e.line), e.message.c_str());
    }
    if (p.rejected > p.errors.size()) {
      std::printf("  ... and %s more rejected lines\n",
                  Grouped(p.rejected - p.errors.size()).c_str());
    }
    std::printf("%s now holds %s reports\n", options.data.c_str(),
                Grouped((*directory)->summary.reports()).c_str());
  }
  return p.rejected > 0 ? 1 : 0;
}

struct ConversationCommandOptions {
  std::string data = kDefaultDataDirectory;
  std::string operator_name;
  std::string config;
  std::optional<int> timeout_minutes;
};

// The system clock, unless the input line carries its own time.
class LineClock final : public Clock {
 public:
  Timestamp Now() const override { return at_ ? *at_ : system_.Now(); }
  void Set(std::optional<Timestamp> at) { at_ = at; }

 private:
  SystemClock system_;
  std::optional<Timestamp> at_;
};

int RunConversation(const ConversationCommandOptions& options) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(options.data);
  if (!directory.ok()) {
    std::cerr << "spamradar conversation: " << directory.status().message() << "\n";
    return 1;
  }
  LineClock clock;
  intake::ConversationConfigs configs;
  if (!options.config.empty()) {
    Result<intake::ConversationConfigs> loaded = intake::ConversationConfigs::Load(options.config);
    if (!loaded.ok()) {
      std::cerr << "spamradar conversation: " << loaded.status().message() << "\n";
      return 2;
    }
    configs = std::move(loaded).value();
  }
  intake::ConversationConfig config = configs.For(options.operator_name);
  if (options.timeout_minutes) config.timeout = std::chrono::minutes(*options.timeout_minutes);
  intake::Conversation conversation(*(*directory)->enricher, *(*directory)->store,
                                    *(*directory)->store, clock, config);
  uint64_t messages = 0, stored = 0, failed = 0, line_number = 0;
  for (std::string line; std::getline(std::cin, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cerr << "spamradar conversation: line " << line_number
                << ": expected FROM<TAB>TEXT[<TAB>TIME]\n";
      ++failed;
      continue;
    }
    const std::string from = line.substr(0, tab);
    std::string text = line.substr(tab + 1);
    clock.Set(std::nullopt);
    if (const size_t second_tab = text.rfind('\t'); second_tab != std::string::npos) {
      Result<Timestamp> at = ParseRfc3339(std::string_view(text).substr(second_tab + 1));
      if (at.ok()) {
        clock.Set(*at);
        text.resize(second_tab);
      }
    }
    ++messages;
    Result<intake::ConversationReply> reply = conversation.Handle(from, text);
    if (!reply.ok()) {
      std::cerr << "spamradar conversation: line " << line_number << ": "
                << reply.status().message() << "\n";
      ++failed;
      std::cout << from << "\t\n";
      continue;
    }
    stored += reply->reports_stored;
    std::cout << from << "\t" << reply->text << "\n";
  }
  // Whatever has timed out by now is stored; the rest stays pending for next time.
  Result<uint64_t> swept = conversation.Sweep();
  if (!swept.ok()) {
    std::cerr << "spamradar conversation: " << swept.status().message() << "\n";
    return 1;
  }
  stored += *swept;
  if (Status status = (*directory)->CatchUp(); !status.ok()) {
    std::cerr << "spamradar conversation: " << status.message() << "\n";
    return 1;
  }
  std::cerr << "spamradar conversation: " << messages << " messages, " << stored
            << " reports stored, " << failed << " lines failed\n";
  std::cout.flush();
  return failed > 0 || !std::cout ? 1 : 0;
}

int RunRebuild(const std::string& data) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(data);
  if (!directory.ok()) {
    std::cerr << "spamradar rebuild: " << directory.status().message() << "\n";
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  if (Status status = (*directory)->Rebuild(); !status.ok()) {
    std::cerr << "spamradar rebuild: " << status.message() << "\n";
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string state = (*directory)->summary.Serialize();
  std::printf("rebuilt %s from %s reports in %.1f s; state digest %016llx\n",
              std::string((*directory)->summary.name()).c_str(),
              Grouped((*directory)->summary.reports()).c_str(), seconds,
              static_cast<unsigned long long>(Hash64(state)));
  // The campaign engine keeps no snapshot yet: every process folds the log
  // again, so this is the state any command sees.
  if (Status status = (*directory)->CatchUpCampaigns(); !status.ok()) {
    std::cerr << "spamradar rebuild: " << status.message() << "\n";
    return 1;
  }
  std::printf("rebuilt %s: %s campaigns; state digest %016llx\n",
              std::string((*directory)->campaigns->name()).c_str(),
              Grouped((*directory)->campaigns->Campaigns().size() +
                      (*directory)->campaigns->dormant_campaigns())
                  .c_str(),
              static_cast<unsigned long long>(Hash64((*directory)->campaigns->Serialize())));
  return 0;
}

}  // namespace

void AddImportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ImportCommandOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Import reports from a JSON Lines file");
  cmd->footer(
      "Each line is one report (docs/report-format.md). Bad lines are rejected on their own\n"
      "and listed with their line numbers; the good ones are stored. Reports are committed\n"
      "in batches, each durable before it is counted. With --strict the file is checked\n"
      "first and nothing is written unless every line is good.\n"
      "Exit codes: 0 every line stored (or a duplicate), 1 some lines rejected or an error,\n"
      "2 usage error. Example:\n"
      "  spamradar import reports.jsonl --data ./spamradar-data");
  cmd->add_option("file", options->file, "JSON Lines file of reports ('-' for standard input)")
      ->required();
  cmd->add_option("--data", options->data, "Data directory (created when absent)")
      ->capture_default_str();
  cmd->add_flag("--strict", options->strict,
                "Stop at the first bad line and write nothing (needs a file, not a pipe)");
  cmd->add_flag("--json", options->json, "Print the summary as one JSON object");
  cmd->add_flag("--progress-lines", options->progress_lines,
                "Print a line to standard error after each committed batch (instead of the "
                "terminal progress bar)");
  cmd->add_option("--threads", options->threads,
                  "Threads checking and enriching lines (0: one per core)")
      ->capture_default_str();
  cmd->add_option("--batch", options->batch_size, "Reports per transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->callback([options, exit_code] { *exit_code = RunImport(*options); });
}

void AddConversationCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ConversationCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "conversation", "Run the 7726 short-code conversation on messages read from standard input");
  cmd->footer(
      "Each input line is FROM<TAB>TEXT, a subscriber's message to the short code, optionally\n"
      "followed by <TAB>TIME (RFC 3339) to replay a recorded exchange; without it the time\n"
      "is now. Each output line is FROM<TAB>REPLY (REPLY empty when nothing is to be sent).\n"
      "Forwards wait for the sender's number for --timeout minutes, also across runs.\n"
      "Example:\n"
      "  printf '+12125550142\\tGucci 80%% off gucci-sale.top\\n+12125550142\\t87070\\n' |\n"
      "      spamradar conversation --data ./spamradar-data");
  cmd->add_option("--data", options->data, "Data directory (created when absent)")
      ->capture_default_str();
  cmd->add_option("--operator", options->operator_name, "Operator name recorded on the reports");
  cmd->add_option("--timeout", options->timeout_minutes,
                  "Minutes to wait for the sender before storing a report without one (default "
                  "10, or the config file's)")
      ->check(CLI::Range(1, 24 * 60));
  cmd->add_option("--config", options->config,
                  "JSON file with the replies' wording per operator (docs/report-format.md)")
      ->check(CLI::ExistingFile);
  cmd->callback([options, exit_code] { *exit_code = RunConversation(*options); });
}

void AddRebuildCommand(CLI::App& app, int* exit_code) {
  auto data = std::make_shared<std::string>(kDefaultDataDirectory);
  CLI::App* cmd = app.add_subcommand(
      "rebuild", "Derive the folded state (summary, campaigns) again from the report log");
  cmd->footer(
      "The report log is the source of truth; everything else is a fold over it in log\n"
      "order. rebuild drops the folded state and folds the whole log again; the result is\n"
      "the same as the state kept while reports came in (the printed digest says so).");
  cmd->add_option("--data", *data, "Data directory")->capture_default_str();
  cmd->callback([data, exit_code] { *exit_code = RunRebuild(*data); });
}

}  // namespace spamradar::app
