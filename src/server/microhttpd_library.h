// libmicrohttpd, loaded when a server starts rather than linked.
//
// Linked, libmicrohttpd's constructor initializes GnuTLS at the start of
// every process, and GnuTLS brings p11-kit and libffi to map and relocate:
// 2.3-2.8 ms of every command's start-up on the machine spamradar is
// measured on, `classify` and `--version` alike (bench/README.md, twentieth
// session), for a transport only `serve` uses. Loaded, it costs `serve`
// those milliseconds once. The functions are Debian's shared libmicrohttpd's
// (package libmicrohttpd12, a dependency of libmicrohttpd-dev), called
// through pointers of the types its header declares.
#pragma once

#include <microhttpd.h>

#include "core/status.h"

namespace spamradar::server {

// The libmicrohttpd functions HttpServer calls.
struct MicrohttpdLibrary {
  decltype(&::MHD_start_daemon) start_daemon;
  decltype(&::MHD_stop_daemon) stop_daemon;
  decltype(&::MHD_quiesce_daemon) quiesce_daemon;
  decltype(&::MHD_get_daemon_info) get_daemon_info;
  decltype(&::MHD_get_connection_values) get_connection_values;
  decltype(&::MHD_suspend_connection) suspend_connection;
  decltype(&::MHD_resume_connection) resume_connection;
  decltype(&::MHD_create_response_from_buffer) create_response_from_buffer;
  decltype(&::MHD_add_response_header) add_response_header;
  decltype(&::MHD_queue_response) queue_response;
  decltype(&::MHD_destroy_response) destroy_response;
};

// Loads the library at the first call (thread-safe) and returns its
// functions, the same at every call; or, when it cannot be loaded or lacks
// one of them, an error saying which and what to install.
Result<const MicrohttpdLibrary*> LoadMicrohttpd();

}  // namespace spamradar::server
