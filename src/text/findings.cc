#include "text/findings.h"

namespace spamradar::text {

std::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kInvalidUtf8: return "invalid_utf8";
    case FindingKind::kControlChar: return "control_char";
    case FindingKind::kInvisibleChar: return "invisible_char";
    case FindingKind::kBidiControl: return "bidi_control";
    case FindingKind::kCompatibilityForm: return "compatibility_form";
    case FindingKind::kLookalike: return "lookalike";
    case FindingKind::kMixedScript: return "mixed_script";
    case FindingKind::kLeetspeak: return "leetspeak";
    case FindingKind::kLetterSpacing: return "letter_spacing";
    case FindingKind::kFillerPunctuation: return "filler_punctuation";
  }
  return "unknown";
}

}  // namespace spamradar::text
