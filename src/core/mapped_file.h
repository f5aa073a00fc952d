// A file mapped read-only into memory, for reading a large file once: the
// kernel maps the pages it already holds in its page cache instead of copying
// them into a buffer that must first be zeroed. An 8 MiB model read into a
// fresh buffer cost a third of `classify`'s start-up that way.
//
// A file rewritten in place while mapped changes under the map, and reading
// past a shrunk end faults; spamradar writes its files by renaming a new one
// over the old, which leaves a map alone. So a short-lived reader may keep
// the map (a command scoring with a model file's weights where they lie),
// and a long-lived one (the server) copies what it keeps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace spamradar {

class MappedFile {
 public:
  // Fails with kNotFound for a missing file, kIoError for one that cannot be
  // read (a directory, no permission, no memory for the map).
  static Result<MappedFile> Open(const std::string& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}

  void* data_ = nullptr;  // nullptr for an empty file
  size_t size_ = 0;
};

}  // namespace spamradar
