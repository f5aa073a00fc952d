// LineReader: the lines of a file descriptor (standard input, say), read in
// large blocks. A line is a view into the reader's buffer, valid until the
// next call; it ends at '\n', which it does not include (a '\r' before it is
// kept: callers decide), and the last line may lack one. A line longer than
// the buffer grows it.
//
// For commands that read one message a line: std::getline copied every line
// into a string through the stream's buffer, about 2% of `classify`'s time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace spamradar {

class LineReader {
 public:
  explicit LineReader(int fd, size_t block_size = size_t{1} << 16);

  // The next line into `line`; false at the end of the input or on a read
  // error (status() tells which).
  bool Next(std::string_view* line);
  const Status& status() const { return status_; }

 private:
  // Reads more after the unread bytes, moved to the front; false when there
  // is nothing more to read.
  bool Fill();

  int fd_;
  std::string buffer_;
  size_t begin_ = 0;    // first unread byte
  size_t scanned_ = 0;  // bytes from begin_ known to hold no '\n'
  size_t end_ = 0;      // end of the bytes read
  bool done_ = false;   // end of input or error reached
  Status status_;
};

}  // namespace spamradar
