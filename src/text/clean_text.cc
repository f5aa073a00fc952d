#include "text/clean_text.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include <utf8proc.h>

#include "core/byte_scan.h"
#include "core/check.h"
#include "text/unicode.h"

namespace spamradar::text {
namespace {

// A base character and its combining marks are normalized together (NFKC
// composes within such a cluster). Longer runs of marks ("Zalgo" text) are cut
// into several clusters, which keeps the work per character bounded.
constexpr int kMaxClusterChars = 8;
// NFKC + case folding expands one code point to at most 18 (U+FDFA).
constexpr int kMaxExpansion = 18;

char AsciiLower(unsigned char c) {
  return static_cast<char>((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
}

bool IsAsciiControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

std::string CodePointLabel(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// True when NFKC changes the character beyond its canonical decomposition:
// fullwidth, mathematical, circled, ligature forms. 'ß' or 'é' are not.
bool IsCompatibilityForm(char32_t c) {
  utf8proc_int32_t canonical[kMaxExpansion];
  utf8proc_int32_t compat[kMaxExpansion];
  utf8proc_int32_t bound = 0;
  const auto cp = static_cast<utf8proc_int32_t>(c);
  const utf8proc_ssize_t a =
      utf8proc_decompose_char(cp, canonical, kMaxExpansion, UTF8PROC_DECOMPOSE, &bound);
  bound = 0;
  const utf8proc_ssize_t b = utf8proc_decompose_char(
      cp, compat, kMaxExpansion,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &bound);
  return a != b || !std::equal(canonical, canonical + std::max<utf8proc_ssize_t>(a, 0), compat);
}

// Adjacent findings of one kind become one ("ＦＲＥＥ" is one disguised word,
// not four findings).
void AddFinding(std::vector<Finding>* findings, FindingKind kind, Span span, std::string detail) {
  if (!findings->empty()) {
    Finding& last = findings->back();
    if (last.kind == kind && last.span.end == span.begin) {
      last.span.end = span.end;
      return;
    }
  }
  findings->push_back({kind, span, std::move(detail)});
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

CleanText Clean(std::string_view raw) {
  CleanText out;
  Clean(raw, &out);
  return out;
}

void Clean(std::string_view raw, CleanText* result) {
  CHECK(raw.size() < std::numeric_limits<uint32_t>::max()) << "message too large";
  CleanText& out = *result;
  out.text_.clear();
  out.origin_begin_.clear();
  out.origin_end_.clear();
  out.findings_.clear();
  out.is_ascii_ = true;
  out.original_size_ = static_cast<uint32_t>(raw.size());
  out.text_.reserve(raw.size());

  // ASCII fast path in one branch-free pass: lower-case while noting whether
  // any byte is non-ASCII or a control character. GCC leaves the loop below
  // scalar, so 16 bytes at a time with SSE2 first.
  out.text_.resize(raw.size());
  unsigned char high_bits = 0;
  unsigned char controls = 0;
  const auto* src = reinterpret_cast<const unsigned char*>(raw.data());
  auto* dst = reinterpret_cast<unsigned char*>(out.text_.data());
  size_t at = 0;
#if defined(__SSE2__)
  uint32_t block_high = 0, block_controls = 0;
  auto block = [&](size_t from) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + from));
    block_high |= static_cast<uint32_t>(_mm_movemask_epi8(bytes));
    block_controls |= static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(
        InRange16<'\x00', '\x1F'>(bytes), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\x7F')))));
    const __m128i lowered =
        _mm_or_si128(bytes, _mm_and_si128(InRange16<'A', 'Z'>(bytes), _mm_set1_epi8(0x20)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + from), lowered);
  };
  for (; at + 16 <= raw.size(); at += 16) block(at);
  // The last bytes as the input's last 16: bytes done twice are lowered to
  // the same and noted again, which changes nothing.
  if (at < raw.size() && raw.size() >= 16) {
    block(raw.size() - 16);
    at = raw.size();
  }
  high_bits = block_high != 0 ? 0x80 : 0;
  controls = block_controls != 0 ? 1 : 0;
#endif
  for (; at < raw.size(); ++at) {
    const unsigned char b = src[at];
    high_bits |= b;
    controls |= static_cast<unsigned char>((b < 0x20) | (b == 0x7F));
    dst[at] = static_cast<unsigned char>(b | ((static_cast<unsigned char>(b - 'A') < 26) << 5));
  }
  const bool ascii = high_bits < 0x80;
  if (ascii) {
    if (controls == 0) return;
    out.text_.clear();
    for (size_t i = 0; i < raw.size(); ++i) {
      const auto c = static_cast<unsigned char>(raw[i]);
      if (IsAsciiControl(c)) {
        AddFinding(&out.findings_, FindingKind::kControlChar,
                   {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)}, CodePointLabel(c));
        out.text_.push_back(' ');
      } else {
        out.text_.push_back(AsciiLower(c));
      }
    }
    return;
  }

  out.is_ascii_ = false;
  out.text_.clear();
  out.origin_begin_.reserve(raw.size());
  out.origin_end_.reserve(raw.size());
  auto emit_byte = [&out](char c, uint32_t begin, uint32_t end) {
    out.text_.push_back(c);
    out.origin_begin_.push_back(begin);
    out.origin_end_.push_back(end);
  };

  utf8proc_int32_t buffer[kMaxClusterChars * kMaxExpansion];
  char32_t previous = 0;  // last code point kept, for deciding whether a ZWJ is an emoji joiner
  size_t i = 0;
  while (i < raw.size()) {
    const auto begin = static_cast<uint32_t>(i);
    const auto byte = static_cast<unsigned char>(raw[i]);
    // An ASCII letter followed by a combining mark ("e\u0301") is a cluster too.
    const bool mark_follows = i + 1 < raw.size() &&
                              static_cast<unsigned char>(raw[i + 1]) >= 0x80 &&
                              Classify(DecodeUtf8(raw, i + 1).code_point) == CharClass::kMark;
    if (byte < 0x80 && (IsAsciiControl(byte) || !mark_follows)) {
      if (IsAsciiControl(byte)) {
        AddFinding(&out.findings_, FindingKind::kControlChar, {begin, begin + 1},
                   CodePointLabel(byte));
        emit_byte(' ', begin, begin + 1);
      } else {
        emit_byte(AsciiLower(byte), begin, begin + 1);
      }
      previous = byte;
      ++i;
      continue;
    }

    const DecodedChar first = DecodeUtf8(raw, i);
    if (!first.valid) {
      AddFinding(&out.findings_, FindingKind::kInvalidUtf8, {begin, begin + 1},
                 CodePointLabel(byte));
      std::string replacement;
      AppendUtf8(kReplacementChar, &replacement);
      for (char c : replacement) emit_byte(c, begin, begin + 1);
      previous = kReplacementChar;
      ++i;
      continue;
    }
    const char32_t c = first.code_point;
    if (IsBidiControl(c) || IsInvisible(c)) {
      const Span span{begin, static_cast<uint32_t>(i + first.length)};
      // ZWJ and variation selectors inside emoji sequences are how emoji are
      // written, not obfuscation.
      const bool emoji_glue = (c == 0x200D || c == 0xFE0F || c == 0xFE0E) && previous >= 0x80 &&
                              Classify(previous) == CharClass::kSymbol;
      if (IsBidiControl(c)) {
        out.findings_.push_back({FindingKind::kBidiControl, span, CodePointLabel(c)});
      } else if (!emoji_glue) {
        out.findings_.push_back({FindingKind::kInvisibleChar, span, CodePointLabel(c)});
      }
      i += first.length;
      continue;
    }
    if (c >= 0x80 && Classify(c) == CharClass::kControl) {
      AddFinding(&out.findings_, FindingKind::kControlChar,
                 {begin, static_cast<uint32_t>(i + first.length)}, CodePointLabel(c));
      emit_byte(' ', begin, static_cast<uint32_t>(i + first.length));
      previous = ' ';
      i += first.length;
      continue;
    }

    // Gather the cluster: this character and the combining marks after it.
    utf8proc_ssize_t length = 0;
    int chars = 0;
    size_t end = i;
    utf8proc_int32_t boundclass = UTF8PROC_BOUNDCLASS_START;
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE);
    while (end < raw.size() && chars < kMaxClusterChars) {
      const DecodedChar next = (end == i) ? first : DecodeUtf8(raw, end);
      if (end != i && (!next.valid || Classify(next.code_point) != CharClass::kMark ||
                       IsInvisible(next.code_point))) {
        break;
      }
      const utf8proc_ssize_t n = utf8proc_decompose_char(
          static_cast<utf8proc_int32_t>(next.code_point), buffer + length,
          static_cast<utf8proc_ssize_t>(std::size(buffer)) - length, options, &boundclass);
      if (n < 0 || length + n > static_cast<utf8proc_ssize_t>(std::size(buffer))) break;
      length += n;
      ++chars;
      end += next.length;
    }
    CHECK(end > i) << "cluster made no progress";
    length =
        utf8proc_normalize_utf32(buffer, length, static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE));
    const Span span{begin, static_cast<uint32_t>(end)};
    bool all_ascii_alnum = length > 0;
    for (utf8proc_ssize_t k = 0; k < length; ++k) {
      const auto cp = static_cast<char32_t>(buffer[k]);
      all_ascii_alnum = all_ascii_alnum && IsAsciiAlnum(cp);
      std::string bytes;
      AppendUtf8(cp, &bytes);
      for (char b : bytes) emit_byte(b, span.begin, span.end);
      previous = cp;
    }
    if (all_ascii_alnum && IsCompatibilityForm(c)) {
      // A non-ASCII character that NFKC turned into plain letters or digits:
      // fullwidth 'ｇ', mathematical '𝐆', circled '①', ligature 'ﬁ'.
      AddFinding(&out.findings_, FindingKind::kCompatibilityForm, span, CodePointLabel(c));
    }
    i = end;
  }
}

}  // namespace spamradar::text
