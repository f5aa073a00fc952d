// CHECK(condition) << "context": an always-on invariant check. On failure it
// prints the file, line, condition and context to stderr and aborts. Use it for
// programming errors only; failures a caller must handle return a Status.
#pragma once

#include <sstream>
#include <string_view>

namespace spamradar::internal {

class CheckFailure {
 public:
  CheckFailure(const char* file, int line, const char* condition);
  [[noreturn]] ~CheckFailure();
  CheckFailure(const CheckFailure&) = delete;
  CheckFailure& operator=(const CheckFailure&) = delete;

  template <typename T>
  CheckFailure& operator<<(const T& value) {
    stream_ << value;
    return *this;
  }

 private:
  std::ostringstream stream_;
};

// Lets `CHECK(x) << ...` be a void expression in both branches of the ?: below.
struct Voidify {
  void operator&(const CheckFailure&) {}
};

}  // namespace spamradar::internal

#define CHECK(condition)                           \
  (condition) ? (void)0                            \
              : ::spamradar::internal::Voidify() & \
                    ::spamradar::internal::CheckFailure(__FILE__, __LINE__, #condition)
