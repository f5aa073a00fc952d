// PhraseMatcher: finds many phrases at once in normalized text, whole words
// only or anywhere, with one vectorscan (Hyperscan) literal database. Used for the brand
// dictionary and the call-to-action cues.
//
// Phrases are normalized like message text (lower case, punctuation to
// spaces), so "Macy's" in the dictionary matches "macys" in a message.
// Matching is const and thread-safe: each thread gets its own scratch space.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct hs_database;

namespace spamradar::signals {

struct PhraseHit {
  uint32_t phrase;  // index into the phrases given to Build()
  uint32_t begin;   // byte range in the scanned text
  uint32_t end;
};

class PhraseMatcher {
 public:
  // kWholeWords: the phrase must have a space or the text's edge on each side,
  // which in normalized text (words joined by single spaces) means whole words.
  // kAnywhere: inside words too.
  enum class Boundary { kWholeWords, kAnywhere };

  // `phrases` must be non-empty; each must have a letter or digit after normalization.
  static Result<std::unique_ptr<PhraseMatcher>> Build(const std::vector<std::string>& phrases,
                                                      Boundary boundary);
  // The compiled database as bytes, and back: compiling hundreds of phrases
  // takes tens of milliseconds, loading them a fraction of one. `phrases` and
  // `boundary` must be those the bytes were built from (the caller checks, see
  // Lexicon); bytes from another vectorscan version or CPU are refused.
  Result<std::string> Serialize() const;
  static Result<std::unique_ptr<PhraseMatcher>> Deserialize(std::string_view bytes,
                                                            const std::vector<std::string>& phrases,
                                                            Boundary boundary);
  ~PhraseMatcher();
  PhraseMatcher(const PhraseMatcher&) = delete;
  PhraseMatcher& operator=(const PhraseMatcher&) = delete;

  // All occurrences, in order of end offset.
  std::vector<PhraseHit> Match(std::string_view text) const;
  void Match(std::string_view text, std::vector<PhraseHit>* out) const;  // replaces out's contents

  // The normalized form of a dictionary phrase: lower case, apostrophes
  // dropped, other punctuation and spaces collapsed to one space.
  static std::string NormalizePhrase(std::string_view phrase);

 private:
  PhraseMatcher(hs_database* database, std::vector<uint32_t> lengths, Boundary boundary);

  hs_database* database_;
  std::vector<uint32_t> lengths_;  // per phrase, to recover the start of a match
  Boundary boundary_;
  uint64_t serial_;  // identifies this matcher to the per-thread scratch cache
};

}  // namespace spamradar::signals
