#include "intake/conversation.h"

#include <utility>

#include "core/ascii.h"
#include "core/hash.h"
#include "intake/report_json.h"
#include "intake/sender.h"
#include "text/unicode.h"

namespace spamradar::intake {
namespace {

// How texts are compared (repeats, our own replies coming back).
std::string Canonical(std::string_view text) {
  return LowerCollapsed(text);
}

enum class Keyword { kNone, kStop, kStart, kHelp };

Keyword KeywordOf(std::string_view canonical) {
  for (std::string_view stop : {"stop", "stopall", "unsubscribe", "cancel", "end", "quit"}) {
    if (canonical == stop) return Keyword::kStop;
  }
  for (std::string_view start : {"start", "unstop", "yes"}) {
    if (canonical == start) return Keyword::kStart;
  }
  for (std::string_view help : {"help", "info"}) {
    if (canonical == help) return Keyword::kHelp;
  }
  return Keyword::kNone;
}

// A reply that names the sender and nothing else ("+1 212 555 0142",
// "87070", "deals@icloud.com", "AMAZON"); an optional "from:" is allowed.
std::optional<Sender> SenderReply(std::string_view text) {
  std::string_view rest = text;
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (rest.size() >= 5 && Canonical(rest.substr(0, 5)) == "from:") rest.remove_prefix(5);
  Result<Sender> sender = NormalizeSender(rest);
  if (!sender.ok() || sender->kind == SenderKind::kNone) return std::nullopt;
  // A short spam text ("WIN NOW") is not a sender id: ids are one word.
  if (sender->kind == SenderKind::kAlphanumeric &&
      (sender->value.find(' ') != std::string::npos || sender->value.size() > 11)) {
    return std::nullopt;
  }
  return std::move(sender).value();
}

// Gateways sometimes hand over bytes that are not UTF-8 (Latin-1, cut
// multi-byte characters); the report is kept with U+FFFD in their place.
std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    const text::DecodedChar c = text::DecodeUtf8(text, at);
    if (c.valid) {
      out.append(text.substr(at, c.length));
    } else {
      text::AppendUtf8(text::kReplacementChar, &out);
    }
    at += c.length;
  }
  return out;
}

}  // namespace

Conversation::Conversation(const Enricher& enricher, store::ReportLog& log,
                           store::ConversationStore& store, const Clock& clock,
                           ConversationConfig config)
    : enricher_(enricher), log_(log), store_(store), clock_(clock), config_(std::move(config)) {
  for (const std::string* own : {&config_.prompt, &config_.thanks, &config_.duplicate,
                                 &config_.help, &config_.stop, &config_.start, &config_.no_spam}) {
    own_replies_.push_back(Canonical(*own));
  }
}

bool Conversation::IsOwnReply(std::string_view canonical) const {
  if (canonical.empty()) return false;
  // Also when wrapped by a forwarder ("Fwd: ...", "Message from 7726: ...").
  for (const std::string& ours : own_replies_) {
    if (!ours.empty() && canonical.find(ours) != std::string_view::npos) return true;
  }
  return false;
}

Result<uint64_t> Conversation::Store(const store::PendingReport& pending, std::string_view sender) {
  ReportSubmission submission;
  submission.reported_at = pending.received_at;
  submission.body = pending.body;
  submission.sender = std::string(sender);
  submission.operator_name = pending.operator_name;
  Result<Report> report =
      enricher_.EnrichFrom({pending.reporter_hash, pending.metro}, submission, "7726");
  if (!report.ok()) return report.status();
  std::vector<Report> batch = {std::move(report).value()};
  Result<std::vector<store::AppendOutcome>> outcome = log_.Append(batch);
  if (!outcome.ok()) return outcome.status();
  // Appended (or already there after a crash) before the pending state goes:
  // a crash in between stores it again under the same derived id, once.
  if (Status status = store_.DeletePending(pending.reporter_hash); !status.ok()) return status;
  return (*outcome)[0].duplicate ? 0 : 1;
}

Result<uint64_t> Conversation::Sweep() {
  const Timestamp now = clock_.Now();
  Result<std::vector<store::PendingReport>> expired = store_.PendingBefore(now - config_.timeout);
  if (!expired.ok()) return expired.status();
  uint64_t stored = 0;
  for (const store::PendingReport& pending : *expired) {
    Result<uint64_t> n = Store(pending, "");
    if (!n.ok()) return n.status();
    stored += *n;
  }
  if (Status status = store_.PruneForwards(now - config_.duplicate_window); !status.ok()) {
    return status;
  }
  return stored;
}

Result<ConversationReply> Conversation::Handle(std::string_view from, std::string_view raw_text) {
  if (raw_text.size() > kMaxBodyBytes) {
    return Status::InvalidArgument("text: a message to the short code is at most 64 KiB");
  }
  const std::string valid_text = ValidUtf8(raw_text);
  const std::string_view text = valid_text;
  Result<uint64_t> swept = Sweep();
  if (!swept.ok()) return swept.status();
  ConversationReply reply{ConversationAction::kNotSpam, "", *swept};
  Result<ReporterIdentity> reporter = enricher_.Identify(from);
  if (!reporter.ok()) return reporter.status();
  Result<bool> opted_out = store_.OptedOut(reporter->hash);
  if (!opted_out.ok()) return opted_out.status();
  // After STOP nothing is sent except the answers to keywords.
  auto answer = [&](ConversationAction action, const std::string& words) {
    reply.action = action;
    reply.text = *opted_out && action != ConversationAction::kKeyword ? "" : words;
    return reply;
  };

  const std::string canonical = Canonical(text);
  if (canonical.empty()) return answer(ConversationAction::kNotSpam, "");
  if (IsOwnReply(canonical)) return answer(ConversationAction::kIgnoredOwnReply, "");
  Result<std::optional<store::PendingReport>> pending = store_.LoadPending(reporter->hash);
  if (!pending.ok()) return pending.status();

  switch (KeywordOf(canonical)) {
    case Keyword::kStop: {
      if (Status status = store_.SetOptedOut(reporter->hash, true); !status.ok()) return status;
      if (pending->has_value()) {
        // They will not be asked again: what they forwarded is kept as it is.
        Result<uint64_t> n = Store(**pending, "");
        if (!n.ok()) return n.status();
        reply.reports_stored += *n;
      }
      reply.action = ConversationAction::kKeyword;
      reply.text = config_.stop;
      return reply;
    }
    case Keyword::kStart:
      if (Status status = store_.SetOptedOut(reporter->hash, false); !status.ok()) return status;
      reply.action = ConversationAction::kKeyword;
      reply.text = config_.start;
      return reply;
    case Keyword::kHelp:
      reply.action = ConversationAction::kKeyword;
      reply.text = config_.help;
      return reply;
    case Keyword::kNone: break;
  }

  const std::optional<Sender> sender = SenderReply(text);
  if (pending->has_value() && sender.has_value()) {
    Result<uint64_t> n = Store(**pending, sender->value);
    if (!n.ok()) return n.status();
    reply.reports_stored += *n;
    return answer(ConversationAction::kCompleted, config_.thanks);
  }
  if (!pending->has_value() && sender.has_value()) {
    return answer(ConversationAction::kNotSpam, config_.no_spam);
  }
  // A forwarded spam. The one pending before it is kept without a sender.
  if (pending->has_value()) {
    Result<uint64_t> n = Store(**pending, "");
    if (!n.ok()) return n.status();
    reply.reports_stored += *n;
  }
  const Timestamp now = clock_.Now();
  const uint64_t fingerprint = Hash64(canonical);
  Result<bool> repeat =
      store_.ForwardedSince(reporter->hash, fingerprint, now - config_.duplicate_window);
  if (!repeat.ok()) return repeat.status();
  if (*repeat) return answer(ConversationAction::kDuplicate, config_.duplicate);
  if (Status status = store_.RecordForward(reporter->hash, fingerprint, now); !status.ok()) {
    return status;
  }
  store::PendingReport next{reporter->hash, reporter->metro, std::string(text),
                            config_.operator_name, now};
  if (Status status = store_.SavePending(next); !status.ok()) return status;
  return answer(ConversationAction::kPrompted, config_.prompt);
}

}  // namespace spamradar::intake
