// Code-point level Unicode facts used by normalization and tokenization:
// UTF-8 decoding that never fails, character classes, scripts, invisible
// characters, and the look-alike fold to ASCII.
//
// All functions are pure and thread-safe. The look-alike table is built once,
// on first use, from ICU's confusable skeletons (UTS #39) plus diacritic
// stripping, so it covers every confusable of a-z and 0-9 that ICU knows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace spamradar::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct DecodedChar {
  char32_t code_point;
  uint8_t length;  // bytes consumed, at least 1
  bool valid;      // false: the bytes were not UTF-8 and code_point is U+FFFD
};

// Decodes the code point at `pos` (< text.size()). Invalid or truncated
// sequences consume one byte and yield U+FFFD.
DecodedChar DecodeUtf8(std::string_view text, size_t pos);
void AppendUtf8(char32_t code_point, std::string* out);

enum class CharClass : uint8_t {
  kLetter,
  kMark,
  kDigit,
  kSpace,
  kPunctuation,
  kSymbol,
  kControl,
  kOther
};
CharClass Classify(char32_t code_point);

// Format characters that render as nothing and exist in spam only to split
// words for filters: zero-width space/joiners, soft hyphen, word joiner, BOM,
// tag characters, variation selectors, Hangul fillers, braille blank.
bool IsInvisible(char32_t code_point);
// Bidirectional overrides, embeddings, isolates and marks (Trojan-Source style
// reordering of what the reader sees).
bool IsBidiControl(char32_t code_point);

// Writing systems, grouped so that legitimate mixes (Japanese kana with kanji)
// count as one.
enum class Script : uint8_t {
  kNone,
  kLatin,
  kCyrillic,
  kGreek,
  kArmenian,
  kCherokee,
  kCjk,
  kOther
};
Script ScriptOf(char32_t code_point);
std::string_view ScriptName(Script script);

// The lower-case ASCII letter or digit that `code_point` imitates ('а' Cyrillic
// -> 'a', 'ο' Greek -> 'o', 'é' -> 'e', 'ı' -> 'i'), or 0 when there is none.
// ASCII code points fold to their lower-case self.
char FoldToAscii(char32_t code_point);

}  // namespace spamradar::text
