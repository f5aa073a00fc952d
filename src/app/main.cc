// spamradar: one binary, one subcommand per job. Exit codes: 0 success,
// 1 failure, 2 usage error (bad flags or arguments).
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/analytics_commands.h"
#include "app/campaign_commands.h"
#include "app/filter_commands.h"
#include "app/inspect_command.h"
#include "app/report_commands.h"
#include "app/server_commands.h"
#include "app/simulate_command.h"
#include "core/huge_page_heap.h"

#ifndef SPAMRADAR_VERSION
#define SPAMRADAR_VERSION "unknown"
#endif

// Before the static initializers of the libraries linked in, not first in
// main(): GnuTLS's, which libmicrohttpd's constructor sets off, allocates
// most of what the process touches before main(). Constructors with a
// priority run before those without.
__attribute__((constructor(101))) static void OfferHeapFirst() {
  spamradar::OfferHeapToHugePages();
}

int main(int argc, char** argv) {
  CLI::App app(
      "spamradar: mobile-messaging spam reports, campaigns, analytics and filtering.\n"
      "Run 'spamradar COMMAND --help' for the options of a command.",
      "spamradar");
  app.set_version_flag("--version", "spamradar " SPAMRADAR_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  spamradar::app::AddInspectCommand(app, &exit_code);
  spamradar::app::AddTrainCommand(app, &exit_code);
  spamradar::app::AddEvalCommand(app, &exit_code);
  spamradar::app::AddLearnCommand(app, &exit_code);
  spamradar::app::AddClassifyCommand(app, &exit_code);
  spamradar::app::AddImportCommand(app, &exit_code);
  spamradar::app::AddConversationCommand(app, &exit_code);
  spamradar::app::AddRebuildCommand(app, &exit_code);
  spamradar::app::AddSimulateCommand(app, &exit_code);
  spamradar::app::AddCampaignsCommand(app, &exit_code);
  spamradar::app::AddAnalyticsCommands(app, &exit_code);
  spamradar::app::AddServerCommands(app, &exit_code);
  spamradar::app::AddEvalCampaignsCommand(app, &exit_code);
  spamradar::app::AddExportCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  return exit_code;
}
