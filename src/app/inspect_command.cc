#include "app/inspect_command.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "analysis/analysis_json.h"
#include "analysis/message_analyzer.h"
#include "core/line_reader.h"
#include "geo/metro_directory.h"
#include "geo/phone_number.h"

namespace spamradar::app {
namespace {

struct InspectOptions {
  std::vector<std::string> texts;
  std::string reporter;
  std::string region = "US";
  bool shingle_hashes = false;
  bool no_tokens = false;
  bool pretty = false;
};

int RunInspect(const InspectOptions& options) {
  nlohmann::ordered_json reporter;
  if (!geo::IsSupportedRegion(options.region)) {
    std::cerr << "spamradar inspect: --region: '" << options.region
              << "' is not a region libphonenumber knows (use ISO 3166 codes such as US, GB)\n";
    return 2;
  }
  if (!options.reporter.empty()) {
    const auto number = geo::ParsePhoneNumber(options.reporter, options.region);
    if (!number) {
      std::cerr << "spamradar inspect: --reporter: '" << options.reporter
                << "' is not a valid phone number (region " << options.region << ")\n";
      return 2;
    }
    const geo::Location location =
        geo::MetroDirectory::Default().Locate(number->e164, /*describe=*/true);
    reporter = {{"e164", number->e164}, {"region", number->region}};
    if (!location.area_code.empty()) reporter["area_code"] = location.area_code;
    if (!location.state.empty()) reporter["state"] = location.state;
    if (location.metro != nullptr) {
      reporter["metro"] = location.metro->name;
      reporter["cbsa"] = location.metro->cbsa;
    } else if (!location.description.empty()) {
      reporter["location"] = location.description;
    }
  }

  analysis::AnalyzerOptions analyzer_options;
  analyzer_options.default_region = options.region;
  const analysis::MessageAnalyzer analyzer(analyzer_options);
  analysis::JsonOptions json_options;
  json_options.tokens = !options.no_tokens;
  json_options.shingle_hashes = options.shingle_hashes;

  auto print = [&](std::string_view message) {
    nlohmann::ordered_json out = analysis::ToJson(analyzer.Analyze(message), message, json_options);
    if (!reporter.is_null()) out["reporter"] = reporter;
    if (options.pretty) {
      std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                << '\n';
    } else {
      std::cout << analysis::DumpJson(out) << '\n';
    }
  };
  if (!options.texts.empty()) {
    for (const std::string& text : options.texts) print(text);
  } else {
    LineReader lines(STDIN_FILENO);
    for (std::string_view line; lines.Next(&line);) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      print(line);
    }
    if (!lines.status().ok()) {
      std::cerr << "spamradar inspect: " << lines.status().message() << "\n";
      return 1;
    }
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "spamradar inspect: cannot write the output\n";
    return 1;
  }
  return 0;
}

}  // namespace

void AddInspectCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", "Analyze messages: normalized text, tokens and every signal, as JSON Lines");
  cmd->footer(
      "Prints one JSON object per message: the normalized text, the tokens, and every signal\n"
      "found (look-alike letters, leetspeak, letter spacing, filler punctuation, invisible and\n"
      "bidi characters, URLs with their registrable domain, link shorteners, IDN homographs,\n"
      "phone numbers with their metro, short codes, e-mail addresses, money, brands, calls to\n"
      "action), each with its [begin, end) byte span in the original message.\n\n"
      "Examples:\n"
      "  spamradar inspect 'L0uis V1tt0n 80% off! lvshop12 dot com'\n"
      "  spamradar inspect --reporter +12125551234 < messages.txt");
  cmd->add_option("text", options->texts,
                  "Messages to analyze. Without any, messages are read from standard input, "
                  "one per line.");
  cmd->add_option("--reporter", options->reporter,
                  "Phone number of the subscriber who reported the messages; the output then "
                  "shows the reporter's metro area (e.g. +12125551234 -> New York).");
  cmd->add_option("--region", options->region,
                  "Region for phone numbers written without a country code (ISO 3166)")
      ->capture_default_str();
  cmd->add_flag("--shingle-hashes", options->shingle_hashes,
                "Print the word 3-gram and character 5-gram shingle hashes, not just their counts");
  cmd->add_flag("--no-tokens", options->no_tokens, "Leave the token list out of the output");
  cmd->add_flag("--pretty", options->pretty,
                "Indent the JSON (one message then spans several lines)");
  cmd->callback([options, exit_code] { *exit_code = RunInspect(*options); });
}

}  // namespace spamradar::app
