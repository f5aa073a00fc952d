#include "server/log_writer.h"

#include <cerrno>

#include <unistd.h>

namespace spamradar::server {

LogWriter::LogWriter(int fd, std::chrono::milliseconds delay)
    : fd_(fd), delay_(delay), thread_([this] { Run(); }) {}

LogWriter::~LogWriter() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
  Flush();
}

void LogWriter::Add(std::string_view line) {
  size_t waiting;
  {
    std::lock_guard lock(mutex_);
    pending_.append(line);
    waiting = pending_.size();
  }
  if (waiting >= 4 * kFlushBytes) {
    Flush();  // the writer thread is behind: write on this one
  } else if (waiting == line.size() ||
             (waiting >= kFlushBytes && waiting - line.size() < kFlushBytes)) {
    wake_.notify_one();  // the first line of a batch, or a full batch
  }
}

void LogWriter::WriteNow(std::string_view line) {
  std::lock_guard write_lock(write_mutex_);
  std::string batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(pending_);
  }
  batch.append(line);
  WriteAll(batch);
  // The gathering buffer back, emptied, unless lines came meanwhile: the
  // swap left pending_ without capacity, and the next lines would grow it
  // again from nothing.
  batch.clear();
  std::lock_guard lock(mutex_);
  if (pending_.empty()) pending_.swap(batch);
}

void LogWriter::Run() {
  std::string batch;
  std::unique_lock lock(mutex_);
  while (true) {
    // Asleep while nothing waits; then gathering for `delay`.
    wake_.wait(lock, [this] { return stop_ || !pending_.empty(); });
    if (stop_) return;  // the destructor flushes
    wake_.wait_for(lock, delay_, [this] { return stop_ || pending_.size() >= kFlushBytes; });
    lock.unlock();
    {
      std::lock_guard write_lock(write_mutex_);
      {
        std::lock_guard swap_lock(mutex_);
        batch.swap(pending_);
      }
      WriteAll(batch);
    }
    batch.clear();  // keeps its buffer for the next batch
    lock.lock();
  }
}

void LogWriter::WriteAll(std::string_view bytes) const {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;  // nowhere to log to: the server goes on
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

}  // namespace spamradar::server
