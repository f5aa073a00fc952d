#include "core/line_reader.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace spamradar {

LineReader::LineReader(int fd, size_t block_size) : fd_(fd), buffer_(block_size, '\0') {}

bool LineReader::Next(std::string_view* line) {
  for (;;) {
    const char* const data = buffer_.data();
    const void* newline = std::memchr(data + begin_ + scanned_, '\n', end_ - begin_ - scanned_);
    if (newline != nullptr) {
      const auto at = static_cast<size_t>(static_cast<const char*>(newline) - data);
      *line = std::string_view(data + begin_, at - begin_);
      begin_ = at + 1;
      scanned_ = 0;
      return true;
    }
    scanned_ = end_ - begin_;
    if (!Fill()) {
      if (begin_ == end_ || !status_.ok()) return false;
      *line = std::string_view(buffer_.data() + begin_, end_ - begin_);  // no '\n' at the end
      begin_ = end_;
      scanned_ = 0;
      return true;
    }
  }
}

bool LineReader::Fill() {
  if (done_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(2 * buffer_.size());
  for (;;) {
    const ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      status_ = Status::IoError(std::string("cannot read the input: ") + std::strerror(errno));
    done_ = true;
    return false;
  }
}

}  // namespace spamradar
