#include "text/unicode.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <utility>

#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <utf8proc.h>

#include "core/check.h"

namespace spamradar::text {

DecodedChar DecodeUtf8(std::string_view text, size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1, true};
  utf8proc_int32_t code_point = 0;
  const size_t remaining = std::min<size_t>(text.size() - pos, 4);
  const utf8proc_ssize_t length =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                       static_cast<utf8proc_ssize_t>(remaining), &code_point);
  if (length <= 0) return {kReplacementChar, 1, false};
  return {static_cast<char32_t>(code_point), static_cast<uint8_t>(length), true};
}

void AppendUtf8(char32_t code_point, std::string* out) {
  utf8proc_uint8_t bytes[4];
  const utf8proc_ssize_t length =
      utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), bytes);
  out->append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
}

CharClass Classify(char32_t code_point) {
  if (code_point < 0x80) {
    const char c = static_cast<char>(code_point);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      return CharClass::kSpace;
    }
    if (code_point < 0x20 || code_point == 0x7F) return CharClass::kControl;
    if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
        c == '|' || c == '~') {
      return CharClass::kSymbol;
    }
    return CharClass::kPunctuation;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(code_point))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return CharClass::kMark;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return CharClass::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return CharClass::kSpace;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: return CharClass::kPunctuation;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: return CharClass::kSymbol;
    case UTF8PROC_CATEGORY_CC: return CharClass::kControl;
    default: return CharClass::kOther;
  }
}

bool IsBidiControl(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

bool IsInvisible(char32_t c) {
  if (c < 0x80) return false;
  if (IsBidiControl(c)) return true;
  // Variation selectors, combining grapheme joiner, Hangul fillers, braille blank.
  if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F ||
      c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x180E) {
    return true;
  }
  // Every other format character (Cf): soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner,
  // invisible operators, BOM, interlinear annotations, tag characters.
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_CF;
}

Script ScriptOf(char32_t code_point) {
  if (code_point < 0x80) {
    return Classify(code_point) == CharClass::kLetter ? Script::kLatin : Script::kNone;
  }
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(code_point), &error);
  if (U_FAILURE(error)) return Script::kNone;
  switch (script) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN: return Script::kNone;
    case USCRIPT_LATIN: return Script::kLatin;
    case USCRIPT_CYRILLIC: return Script::kCyrillic;
    case USCRIPT_GREEK: return Script::kGreek;
    case USCRIPT_ARMENIAN: return Script::kArmenian;
    case USCRIPT_CHEROKEE: return Script::kCherokee;
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO: return Script::kCjk;
    default: return Script::kOther;
  }
}

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kNone: return "none";
    case Script::kLatin: return "Latin";
    case Script::kCyrillic: return "Cyrillic";
    case Script::kGreek: return "Greek";
    case Script::kArmenian: return "Armenian";
    case Script::kCherokee: return "Cherokee";
    case Script::kCjk: return "CJK";
    case Script::kOther: return "other";
  }
  return "other";
}

namespace {

// Blocks that hold look-alikes of ASCII letters and digits. Fullwidth forms and
// mathematical alphanumerics are also folded earlier by NFKC; they are listed
// so the table stands on its own.
constexpr std::array<std::pair<char32_t, char32_t>, 9> kLookalikeBlocks = {{
    {0x0080, 0x2BFF},    // Latin-1 .. Latin Extended Additional, Greek, Cyrillic,
                         // Armenian, Cherokee, letterlike and enclosed alphanumerics
    {0xA4D0, 0xA4FF},    // Lisu
    {0xA640, 0xA7FF},    // Cyrillic Extended-B, Latin Extended-D
    {0xAB30, 0xABBF},    // Latin Extended-E, Cherokee Supplement
    {0xFF00, 0xFFEF},    // fullwidth forms
    {0x10400, 0x104FF},  // Deseret, Osage
    {0x10570, 0x105BF},  // Vithkuqi
    {0x1D400, 0x1D7FF},  // mathematical alphanumerics
    {0x1F100, 0x1F1FF},  // enclosed alphanumeric supplement
}};

char AsciiAlnumLower(std::string_view s) {
  if (s.size() != 1) return 0;
  char c = s[0];
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c : 0;
}

// The ASCII letter or digit `c` folds to, or 0: its decomposition without
// marks ('é' -> 'e'), else its ICU confusable skeleton ('а' Cyrillic -> 'a').
char ComputeFold(char32_t c) {
  const CharClass cls = Classify(c);
  if (cls != CharClass::kLetter && cls != CharClass::kDigit && cls != CharClass::kSymbol) {
    return 0;
  }
  utf8proc_int32_t decomposed[32];
  utf8proc_int32_t bound = 0;
  const utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(c), decomposed, 32,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE |
                                     UTF8PROC_STRIPMARK),
      &bound);
  if (n == 1 && decomposed[0] < 0x80) {
    if (const char folded = AsciiAlnumLower(std::string(1, static_cast<char>(decomposed[0])));
        folded != 0) {
      return folded;
    }
  }
  // A spoof checker's skeletons may be asked for from any thread at once.
  static USpoofChecker* const checker = [] {
    UErrorCode error = U_ZERO_ERROR;
    USpoofChecker* opened = uspoof_open(&error);
    CHECK(U_SUCCESS(error)) << "ICU uspoof_open: " << u_errorName(error);
    return opened;
  }();
  std::string utf8;
  AppendUtf8(c, &utf8);
  char skeleton[64];
  UErrorCode error = U_ZERO_ERROR;
  const int32_t length =
      uspoof_getSkeletonUTF8(checker, 0, utf8.data(), static_cast<int32_t>(utf8.size()), skeleton,
                             sizeof(skeleton), &error);
  if (U_SUCCESS(error) && length > 0 && length < static_cast<int32_t>(sizeof(skeleton))) {
    return AsciiAlnumLower(std::string_view(skeleton, static_cast<size_t>(length)));
  }
  return 0;
}

// Folds are computed for a code point the first time it is met and kept, one
// byte each for the ~13,600 code points of the blocks above: 0 not yet
// computed, else 0x80 | the fold (0x80 alone: none). Computing all of them up
// front took 6 ms, at the start of every command that met one non-ASCII letter.
constexpr size_t kFoldSlots = [] {
  size_t slots = 0;
  for (const auto& [first, last] : kLookalikeBlocks) slots += last - first + 1;
  return slots;
}();
std::array<std::atomic<uint8_t>, kFoldSlots> fold_cache{};

// The slot of `c`, or kFoldSlots outside the blocks.
size_t FoldSlot(char32_t c) {
  size_t offset = 0;
  for (const auto& [first, last] : kLookalikeBlocks) {
    if (c < first) break;
    if (c <= last) return offset + (c - first);
    offset += last - first + 1;
  }
  return kFoldSlots;
}

}  // namespace

char FoldToAscii(char32_t code_point) {
  if (code_point < 0x80) {
    const char c = static_cast<char>(code_point);
    return AsciiAlnumLower(std::string_view(&c, 1));
  }
  const size_t slot = FoldSlot(code_point);
  if (slot == kFoldSlots) return 0;
  uint8_t known = fold_cache[slot].load(std::memory_order_relaxed);
  if (known == 0) {
    // Two threads meeting it at once both compute the same answer.
    known = static_cast<uint8_t>(0x80 | static_cast<uint8_t>(ComputeFold(code_point)));
    fold_cache[slot].store(known, std::memory_order_relaxed);
  }
  return static_cast<char>(known & 0x7f);
}

}  // namespace spamradar::text
