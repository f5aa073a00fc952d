// ConversationStore: what the 7726 conversation engine must remember between
// messages and across restarts: each subscriber's pending report, the texts
// they forwarded in the last day (to count a repeat once), and who replied
// STOP. Subscribers are known only by their reporter hash.
// Safe to use from one thread at a time per instance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace spamradar::store {

struct PendingReport {
  std::string reporter_hash;
  std::string metro;  // the subscriber's, found when the forward arrived
  std::string body;
  std::string operator_name;
  Timestamp received_at;
};

class ConversationStore {
 public:
  virtual ~ConversationStore() = default;

  virtual Result<std::optional<PendingReport>> LoadPending(std::string_view reporter_hash) = 0;
  virtual Status SavePending(const PendingReport& pending) = 0;
  virtual Status DeletePending(std::string_view reporter_hash) = 0;
  // Pending reports received before `cutoff`, oldest first.
  virtual Result<std::vector<PendingReport>> PendingBefore(Timestamp cutoff) = 0;

  // Whether this subscriber forwarded a text with this fingerprint at or after `since`.
  virtual Result<bool> ForwardedSince(std::string_view reporter_hash, uint64_t text_fingerprint,
                                      Timestamp since) = 0;
  virtual Status RecordForward(std::string_view reporter_hash, uint64_t text_fingerprint,
                               Timestamp at) = 0;
  // Forgets forwards older than `cutoff` (they can no longer be repeats).
  virtual Status PruneForwards(Timestamp cutoff) = 0;

  virtual Result<bool> OptedOut(std::string_view reporter_hash) = 0;
  virtual Status SetOptedOut(std::string_view reporter_hash, bool opted_out) = 0;
};

}  // namespace spamradar::store
