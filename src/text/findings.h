// What normalization and tokenization notice about how a message was written:
// the tricks spammers use to slip past filters. Each finding points at the
// original bytes it came from.
#pragma once

#include <string>
#include <string_view>

#include "core/span.h"

namespace spamradar::text {

enum class FindingKind : uint8_t {
  kInvalidUtf8,        // bytes that are not UTF-8, replaced by U+FFFD
  kControlChar,        // NUL and other C0/C1 controls
  kInvisibleChar,      // zero-width and other format characters, removed
  kBidiControl,        // bidirectional overrides and isolates, removed
  kCompatibilityForm,  // fullwidth, mathematical, circled... letters (NFKC folds them)
  kLookalike,          // letters of another script that imitate Latin ones
  kMixedScript,        // one word written in two or more scripts
  kLeetspeak,          // digits and symbols standing in for letters: L0uis, $ale
  kLetterSpacing,      // F R E E, G.U.C.C.I
  kFillerPunctuation,  // punctuation inside a word: fr*ee, Gu.cci, Pra_da
};

std::string_view FindingKindName(FindingKind kind);

struct Finding {
  FindingKind kind;
  Span span;           // in the original text
  std::string detail;  // e.g. "U+200B", "Cyrillic+Latin", the folded word
};

}  // namespace spamradar::text
