// Conversation: the 7726 ("SPAM") short-code dialogue with one subscriber at
// a time, as US carriers run it.
//
//   subscriber: <forwards the spam>        -> pending report; "Thanks. Please reply
//                                             with the phone number or email address
//                                             the spam came from."
//   subscriber: +1 212 555 0142            -> report stored with that sender; "Thank you..."
//
// A next message that is not a sender is another forwarded spam: the pending
// report is stored without a sender and the new one becomes pending. A
// pending report not completed within the timeout (10 minutes) is stored
// without a sender by Sweep(). The same subscriber forwarding the same text
// twice within 24 hours is one report. STOP, START and HELP get the standard
// short-code answers. Text that is one of our own replies (an auto-forwarder
// sending it back) is ignored: no report of our own words, no reply.
//
// Pending reports live in the ConversationStore, keyed by the reporter hash,
// so they survive a restart and the raw number is never kept. Time comes from
// the Clock. Not thread-safe: one engine per thread, or a lock around it.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "intake/enricher.h"
#include "store/conversation_store.h"
#include "store/report_log.h"

namespace spamradar::intake {

struct ConversationConfig {
  std::string operator_name;
  std::string prompt =
      "Thanks. Please reply with the phone number or email address the spam came from.";
  std::string thanks = "Thank you for your report. It helps stop spam for everyone.";
  std::string duplicate = "Thanks, we already have this report.";
  std::string help =
      "7726 spam reporting: forward a spam message to 7726, then reply with the number or "
      "email address it came from. Msg&data rates may apply. Reply STOP to opt out.";
  std::string stop =
      "You are unsubscribed from 7726 replies and will receive no further messages. Spam you "
      "forward is still reported. Reply START to resubscribe.";
  std::string start = "You are subscribed to 7726 replies again. Reply HELP for help.";
  std::string no_spam = "To report spam, forward the spam message to 7726.";
  std::chrono::minutes timeout{10};
  std::chrono::hours duplicate_window{24};
};

// What the engine did with one message, for the caller and for tests.
enum class ConversationAction {
  kPrompted,         // a forward is pending, the sender was asked for
  kCompleted,        // the pending report was stored with the sender
  kDuplicate,        // the same text within the window: nothing new stored
  kIgnoredOwnReply,  // an auto-forwarded copy of our own words
  kKeyword,          // STOP, START or HELP
  kNotSpam,          // a lone sender with nothing pending, or an empty message
};

struct ConversationReply {
  ConversationAction action;
  std::string text;  // empty: send nothing
  uint64_t reports_stored = 0;
};

class Conversation {
 public:
  Conversation(const Enricher& enricher, store::ReportLog& log, store::ConversationStore& store,
               const Clock& clock, ConversationConfig config = {});

  // One message from a subscriber to the short code.
  Result<ConversationReply> Handle(std::string_view from, std::string_view text);

  // Stores the pending reports older than the timeout without a sender and
  // forgets forwards outside the duplicate window. Returns how many reports
  // were stored. Call it periodically (Handle() also calls it).
  Result<uint64_t> Sweep();

  const ConversationConfig& config() const { return config_; }

 private:
  Result<uint64_t> Store(const store::PendingReport& pending, std::string_view sender);
  // `canonical`: the message in the form texts are compared in.
  bool IsOwnReply(std::string_view canonical) const;

  const Enricher& enricher_;
  store::ReportLog& log_;
  store::ConversationStore& store_;
  const Clock& clock_;
  ConversationConfig config_;
  std::vector<std::string> own_replies_;  // every reply we send, in the compared form
};

}  // namespace spamradar::intake
