// LogWriter: the server's JSON log lines, written to a file descriptor
// (stderr) in order.
//
// Request lines are one per request, and a write(2) for each was 5% of a
// classify request's time. They are gathered in memory and written together
// by a thread of the writer's own, at most `delay` after they were added (or
// as soon as kFlushBytes are waiting); every other line (start, stop,
// failures) is written at once, after the gathered ones, so the log keeps its
// order. Flush() on shutdown. A process killed outright loses at most
// `delay` of request lines; a line is never cut or interleaved with another.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace spamradar::server {

class LogWriter {
 public:
  LogWriter(int fd, std::chrono::milliseconds delay);
  ~LogWriter();  // flushes
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  // Gathers `line` (with its '\n') to be written within `delay`.
  void Add(std::string_view line);
  // Writes what is gathered, then `line`, before returning.
  void WriteNow(std::string_view line);
  // Writes what is gathered before returning.
  void Flush() { WriteNow({}); }

  // Waiting lines past this size wake the writer early; past four times it,
  // Add() writes them itself rather than let memory grow behind a slow disk.
  static constexpr size_t kFlushBytes = 64 << 10;

 private:
  void Run();
  void WriteAll(std::string_view bytes) const;

  const int fd_;
  const std::chrono::milliseconds delay_;
  // Held while writing, so that one batch is out before the next starts;
  // taken before mutex_, never after.
  std::mutex write_mutex_;
  std::mutex mutex_;  // guards pending_ and stop_
  std::condition_variable wake_;
  std::string pending_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace spamradar::server
