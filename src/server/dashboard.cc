#include "server/dashboard.h"

namespace spamradar::embedded {
extern const std::string_view kDashboardIndexHtml;
extern const std::string_view kDashboardStyleCss;
extern const std::string_view kDashboardAppJs;
}  // namespace spamradar::embedded

namespace spamradar::server {

std::optional<DashboardFile> FindDashboardFile(std::string_view path) {
  if (path == "/" || path == "/index.html") {
    return DashboardFile{embedded::kDashboardIndexHtml, "text/html; charset=utf-8"};
  }
  if (path == "/style.css") return DashboardFile{embedded::kDashboardStyleCss, "text/css"};
  if (path == "/app.js") {
    return DashboardFile{embedded::kDashboardAppJs, "text/javascript; charset=utf-8"};
  }
  return std::nullopt;
}

}  // namespace spamradar::server
