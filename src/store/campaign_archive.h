// CampaignArchive: where the campaign engine keeps campaigns that went quiet,
// so that its memory holds only the active ones.
//
// A dormant campaign is stored whole (its state, opaque here) together with
// its fingerprint (the engine's compact form for a quick similarity check,
// opaque too) and its fingerprint keys (64-bit hashes of the LSH bands of its
// variants and of the identifiers it owns); a report that shares a key and is
// similar enough brings it back.
//
// The archive is part of the engine's folded state, and the fold may be
// restored from an older snapshot or folded again from nothing, so every
// change is stamped with the log sequence of the report that caused it:
// Rewind(S) undoes the changes made after S (archived entries after S
// disappear, entries revived after S are dormant again). Changes become
// durable at Sync(), which the fold calls before its snapshot is saved.
// One instance belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace spamradar::store {

class CampaignArchive {
 public:
  virtual ~CampaignArchive() = default;

  // Archives campaign `id` at log sequence `at`; `summary` (opaque) is what a
  // listing shows of it (its name), readable without the whole state.
  virtual Status Put(uint64_t id, uint64_t at, std::string_view state, std::string_view fingerprint,
                     std::string_view summary, std::span<const uint64_t> keys) = 0;
  // Brings campaign `id` back at sequence `at`: its state, or nothing when it
  // is not dormant.
  virtual Result<std::optional<std::string>> Take(uint64_t id, uint64_t at) = 0;
  // The state of a dormant campaign, without reviving it.
  virtual Result<std::optional<std::string>> Get(uint64_t id) = 0;
  // Its summary.
  virtual Result<std::optional<std::string>> GetSummary(uint64_t id) = 0;
  struct Candidate {
    uint64_t id;
    std::string fingerprint;
  };
  // The first `limit` dormant campaigns (in id order) with fingerprint key `key`.
  virtual Result<std::vector<Candidate>> Lookup(uint64_t key, size_t limit) = 0;
  // Every dormant campaign, in id order; `visit` returns false to stop.
  virtual Status ScanCampaigns(
      const std::function<bool(uint64_t id, std::string_view state)>& visit) = 0;
  // Every fingerprint key of the dormant campaigns (for rebuilding filters).
  virtual Status ScanKeys(const std::function<void(uint64_t key)>& visit) = 0;

  // Undoes every change stamped after sequence `sequence` (0: empties it).
  virtual Status Rewind(uint64_t sequence) = 0;
  // Makes the changes so far durable.
  virtual Status Sync() = 0;
};

}  // namespace spamradar::store
