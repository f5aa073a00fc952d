#include "server/microhttpd_library.h"

#include <string>
#include <type_traits>

#include <dlfcn.h>

namespace spamradar::server {
namespace {

// The shared object's name (its soname since libmicrohttpd 0.9.x, 2013),
// then the development link for a library built elsewhere.
constexpr const char* kLibraryNames[] = {"libmicrohttpd.so.12", "libmicrohttpd.so"};

Result<const MicrohttpdLibrary*> Load() {
  void* handle = nullptr;
  std::string failures;
  for (const char* name : kLibraryNames) {
    // RTLD_LOCAL: its symbols, and GnuTLS's, stay out of the process's
    // namespace. Never closed: its threads may outlive any one server.
    handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) break;
    const char* reason = dlerror();
    failures += failures.empty() ? "" : "; ";
    failures += reason != nullptr ? reason : name;
  }
  if (handle == nullptr) {
    return Status::NotFound("cannot load libmicrohttpd, which serves HTTP (" + failures +
                            "); install Debian's libmicrohttpd12 (scripts/install-deps.sh does)");
  }
  auto* library = new MicrohttpdLibrary();
  std::string missing;
  auto resolve = [&](auto& function, const char* symbol) {
    function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, symbol));
    if (function == nullptr) missing += missing.empty() ? symbol : std::string(", ") + symbol;
  };
  resolve(library->start_daemon, "MHD_start_daemon");
  resolve(library->stop_daemon, "MHD_stop_daemon");
  resolve(library->quiesce_daemon, "MHD_quiesce_daemon");
  resolve(library->get_daemon_info, "MHD_get_daemon_info");
  resolve(library->get_connection_values, "MHD_get_connection_values");
  resolve(library->suspend_connection, "MHD_suspend_connection");
  resolve(library->resume_connection, "MHD_resume_connection");
  resolve(library->create_response_from_buffer, "MHD_create_response_from_buffer");
  resolve(library->add_response_header, "MHD_add_response_header");
  resolve(library->queue_response, "MHD_queue_response");
  resolve(library->destroy_response, "MHD_destroy_response");
  if (!missing.empty()) {
    delete library;
    return Status::NotFound("the libmicrohttpd found lacks " + missing +
                            " (spamradar needs 0.9.71 or newer)");
  }
  return library;
}

}  // namespace

Result<const MicrohttpdLibrary*> LoadMicrohttpd() {
  static const Result<const MicrohttpdLibrary*> loaded = Load();
  return loaded;
}

}  // namespace spamradar::server
