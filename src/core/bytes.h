// ByteWriter / ByteReader: a compact binary encoding for state spamradar
// writes itself and reads back (fold snapshots, archived campaigns):
// LEB128 varints, zigzag for signed values, length-prefixed strings.
//
// The reader never trusts its input: every read is bounds-checked, the first
// failure sticks (later reads return zeros), and ok() tells at the end
// whether everything read was really there. Plain values; not thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace spamradar {

class ByteWriter {
 public:
  void PutVarint(uint64_t value) {
    while (value >= 0x80) {
      out_.push_back(static_cast<char>(value | 0x80));
      value >>= 7;
    }
    out_.push_back(static_cast<char>(value));
  }
  void PutSigned(int64_t value) {
    PutVarint((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
  }
  void PutFixed32(uint32_t value) {
    char bytes[4];
    std::memcpy(bytes, &value, 4);  // little-endian hosts only (x86-64, arm64)
    out_.append(bytes, 4);
  }
  void PutString(std::string_view text) {
    PutVarint(text.size());
    out_.append(text);
  }

  const std::string& bytes() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}

  uint64_t GetVarint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) return Fail();
      const auto byte = static_cast<uint8_t>(in_[at_++]);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return Fail();
  }
  int64_t GetSigned() {
    const uint64_t raw = GetVarint();
    return static_cast<int64_t>((raw >> 1) ^ (~(raw & 1) + 1));
  }
  uint32_t GetFixed32() {
    if (in_.size() - at_ < 4) return static_cast<uint32_t>(Fail());
    uint32_t value;
    std::memcpy(&value, in_.data() + at_, 4);
    at_ += 4;
    return value;
  }
  std::string_view GetString() {
    const uint64_t size = GetVarint();
    if (size > in_.size() - at_) {
      Fail();
      return {};
    }
    const std::string_view text = in_.substr(at_, size);
    at_ += size;
    return text;
  }
  // A count of items each at least `min_bytes` long: refuses counts the rest
  // of the input cannot hold, so a corrupt count cannot make a caller
  // reserve gigabytes.
  uint64_t GetCount(size_t min_bytes = 1) {
    const uint64_t count = GetVarint();
    if (count > (in_.size() - at_) / (min_bytes == 0 ? 1 : min_bytes)) return Fail();
    return count;
  }

  bool ok() const { return ok_; }
  bool done() const { return at_ == in_.size(); }

 private:
  uint64_t Fail() {
    ok_ = false;
    at_ = in_.size();
    return 0;
  }

  std::string_view in_;
  size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace spamradar
