// A file mapped read-only into memory, for reading a large file once: the
// kernel maps the pages it already holds in its page cache instead of copying
// them into a buffer that must first be zeroed. An 8 MiB model read into a
// fresh buffer cost a third of `classify`'s start-up that way.
//
// Readers should copy what they keep: a file rewritten in place (not renamed
// over, as spamradar writes its files) would change or vanish under the map.
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
