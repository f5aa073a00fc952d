// Finding the next byte of a small set in a message: the extractors (links,
// e-mail addresses, numbers) look only at a few kinds of byte and skip the
// rest. A byte-at-a-time loop pays a branch per byte, and the CPU cannot
// predict where the wanted bytes are; with SSE2, which every x86-64 has, 16
// bytes are tested at once and only the bytes found cost a branch.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace spamradar {

#if defined(__SSE2__)
// Each byte of `bytes` that lies in [kLow, kHigh], as 0xFF (else 0): c - kLow
// (mod 256) is at most kHigh - kLow exactly for those bytes.
template <char kLow, char kHigh>
inline __m128i InRange16(__m128i bytes) {
  static_assert(static_cast<unsigned char>(kLow) <= static_cast<unsigned char>(kHigh));
  const __m128i offset = _mm_sub_epi8(bytes, _mm_set1_epi8(kLow));
  return _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(static_cast<char>(kHigh - kLow))),
                        offset);
}
#endif

// A set of bytes: kBytes, and with kDigits also '0'..'9'.
template <bool kDigits, char... kBytes>
struct ByteSet {
  static constexpr bool Contains(char c) {
    return (kDigits && c >= '0' && c <= '9') || ((c == kBytes) || ...);
  }

#if defined(__SSE2__)
  // Bit i set when block[i] is in the set.
  static uint32_t Mask16(const char* block) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    __m128i found = _mm_setzero_si128();
    ((found = _mm_or_si128(found, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(kBytes)))), ...);
    if constexpr (kDigits) found = _mm_or_si128(found, InRange16<'0', '9'>(bytes));
    return static_cast<uint32_t>(_mm_movemask_epi8(found));
  }
#endif
};

template <char... kBytes>
using AnyOf = ByteSet<false, kBytes...>;
template <char... kBytes>
using DigitOrAnyOf = ByteSet<true, kBytes...>;

// The position of the first byte of Set at or after `from`, or text.size().
template <typename Set>
size_t FindNext(std::string_view text, size_t from) {
  size_t p = from;
#if defined(__SSE2__)
  for (; p + 16 <= text.size(); p += 16) {
    if (const uint32_t found = Set::Mask16(text.data() + p); found != 0) {
      return p + static_cast<size_t>(std::countr_zero(found));
    }
  }
  // The last bytes, as the text's last 16 with those before `p` shifted out:
  // a byte at a time, each test was a branch the CPU could not predict.
  if (p < text.size() && text.size() >= 16) {
    const size_t last = text.size() - 16;
    const uint32_t found = Set::Mask16(text.data() + last) >> (p - last);
    return found != 0 ? p + static_cast<size_t>(std::countr_zero(found)) : text.size();
  }
#endif
  while (p < text.size() && !Set::Contains(text[p])) ++p;
  return p;
}

}  // namespace spamradar
