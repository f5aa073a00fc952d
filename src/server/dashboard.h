// The dashboard's files (web/: index.html, style.css and the script esbuild
// bundles from web/src with its npm packages), compiled into the binary so
// that `spamradar serve` needs nothing beside it and the browser fetches
// nothing from elsewhere.
#pragma once

#include <optional>
#include <string_view>

namespace spamradar::server {

struct DashboardFile {
  std::string_view content;
  std::string_view content_type;
};

// The file served at `path` ("/", "/app.js", "/style.css"); nullopt for any other.
std::optional<DashboardFile> FindDashboardFile(std::string_view path);

// The Content-Security-Policy sent with the dashboard: scripts, styles and
// API calls from this server only, no inline script, no plugins, no framing.
// Even a spam body that reached the page as markup could not run.
inline constexpr std::string_view kDashboardPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

}  // namespace spamradar::server
