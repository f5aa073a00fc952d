// Lexicon: a curated list of named entries, each with aliases, found in
// normalized message text. Two lexicons ship with spamradar, compiled into the
// binary from data/: the brands spammers impersonate (data/brands.tsv) and the
// call-to-action cues (data/cues.tsv).
//
// File format, one entry per line, '#' starts a comment:
//   name<TAB>category<TAB>alias|alias|...[<TAB>domain|domain|...]   (with categories)
//   name<TAB>alias|alias|...                                        (without)
// The optional domains are the entry's own registrable domains ("fedex.com"):
// a link there is the brand's, not an impersonation.
// Immutable after construction; Find* are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "signals/phrase_matcher.h"

namespace spamradar::signals {

struct LexiconEntry {
  std::string name;
  std::string category;              // empty for lexicons without categories
  uint8_t source = 0;                // which of the parsed files it came from
  std::vector<std::string> domains;  // its own registrable domains, lower case; may be empty

  bool IsOwnDomain(std::string_view registrable_domain) const;
};

// One file of a lexicon; several can be compiled into one matcher so that a
// message is scanned once for all of them.
struct LexiconSource {
  std::string_view tsv;
  bool has_category;
};

struct LexiconHit {
  uint32_t entry;  // index into entries()
  uint32_t begin;  // byte range in the scanned text
  uint32_t end;
};

class Lexicon {
 public:
  static Result<Lexicon> Parse(std::string_view tsv, bool has_category);
  // `compiled`: optionally, the Serialize() output of a lexicon built from the
  // same sources; it is used when it matches, else the matchers are compiled.
  static Result<Lexicon> Parse(const std::vector<LexiconSource>& sources,
                               std::string_view compiled = {});
  // The compiled matchers as bytes, for Parse(sources, compiled).
  Result<std::string> Serialize() const;
  static const Lexicon& Brands();  // data/brands.tsv
  static const Lexicon& Cues();    // data/cues.tsv
  // Brands (source kBrandSource) and cues (kCueSource) in one matcher, loaded
  // from the databases compiled at build time when they fit.
  static const Lexicon& BrandsAndCues();
  static constexpr uint8_t kBrandSource = 0;
  static constexpr uint8_t kCueSource = 1;

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  // Whether the matchers came from a compiled form rather than being compiled.
  bool loaded_compiled() const { return loaded_compiled_; }
  // Identifies the alias lists: equal for lexicons that find the same entries.
  uint64_t aliases_hash() const { return aliases_hash_; }

  // Whole-word occurrences in normalized text, in order. When one hit lies
  // inside another of the same source ("express" inside "american express"),
  // only the longer is kept.
  std::vector<LexiconHit> Find(std::string_view normalized) const;
  void Find(std::string_view normalized,
            std::vector<LexiconHit>* out) const;  // replaces out's contents
  // Entries named inside a host name: "gucci-outlet.shop", "uspsdelivery.info".
  // Aliases of six or more letters also match inside longer labels; shorter
  // ones only as whole labels or hyphen-separated parts. Each entry once.
  std::vector<uint32_t> FindInHost(std::string_view host) const;

 private:
  Status LoadCompiled(std::string_view compiled, const std::vector<std::string>& aliases,
                      const std::vector<std::string>& host_aliases);

  std::vector<LexiconEntry> entries_;
  std::vector<uint32_t> alias_entry_;       // alias index -> entry, for words_
  std::vector<uint32_t> host_alias_entry_;  // alias index -> entry, for inside_labels_
  std::shared_ptr<const PhraseMatcher> words_;
  std::shared_ptr<const PhraseMatcher> inside_labels_;
  uint64_t aliases_hash_ = 0;  // identifies the alias lists the matchers were built from
  // Tells lexicons apart in the per-thread cache of FindInHost answers.
  uint64_t serial_ = NextSerial();
  static uint64_t NextSerial();
  bool loaded_compiled_ = false;
};

}  // namespace spamradar::signals
