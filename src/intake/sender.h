// What a report's `sender` field can be, normalized so that the same sender
// written two ways counts once: a phone number (E.164), a short code, an
// e-mail address or Apple ID (lower case), or an alphanumeric sender id
// ("HSBC", "AMAZON"). Thread-safe.
#pragma once

#include <string_view>

#include "core/status.h"
#include "domain/report.h"

namespace spamradar::intake {

// Empty text is SenderKind::kNone. Anything that is none of the four kinds is
// an error naming the field.
Result<Sender> NormalizeSender(std::string_view text);

// The channel a report most likely came over when the client did not say:
// an e-mail address or Apple ID sends iMessage; short codes and alphanumeric
// ids exist only in SMS. A phone number can be either, so it says nothing.
Channel InferChannel(const Sender& sender);

}  // namespace spamradar::intake
