#include "intake/sender.h"

#include <string>

#include "geo/phone_number.h"

namespace spamradar::intake {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// local@domain.tld, no spaces, one '@'.
bool LooksLikeEmail(std::string_view text) {
  const size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = text.substr(at + 1);
  const size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

Status Unrecognized(std::string_view text) {
  std::string message = "sender: '";
  message.append(text.substr(0, 64));
  message.append(
      "' is not a phone number, short code, e-mail address / Apple ID or alphanumeric "
      "sender id");
  return Status::InvalidArgument(std::move(message));
}

}  // namespace

Result<Sender> NormalizeSender(std::string_view raw) {
  const std::string_view text = Trim(raw);
  if (text.empty()) return Sender{};
  if (text.find('@') != std::string_view::npos) {
    if (!LooksLikeEmail(text)) return Unrecognized(text);
    std::string lower(text);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return Sender{SenderKind::kEmail, std::move(lower)};
  }
  size_t digits = 0;
  bool only_number_characters = true;
  for (char c : text) {
    if (IsDigit(c)) {
      ++digits;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
      only_number_characters = false;
    }
  }
  if (only_number_characters && digits > 0) {
    // Seven digits or more: short codes are never phone numbers (and asking
    // libphonenumber costs far more than the answer is worth).
    if (digits >= 7) {
      if (std::optional<geo::PhoneNumber> phone = geo::ParsePhoneNumber(text)) {
        return Sender{SenderKind::kPhone, phone->e164};
      }
    }
    std::string only_digits;
    for (char c : text) {
      if (IsDigit(c)) only_digits.push_back(c);
    }
    // Short codes: 3 to 8 digits depending on the country (US 5-6, UK 5).
    if (text.front() != '+' && digits >= 3 && digits <= 8) {
      return Sender{SenderKind::kShortCode, std::move(only_digits)};
    }
    // Spammers spoof numbers that were never assigned; the report is still
    // worth keeping, with the number in E.164 form as far as it can be read.
    if (digits >= 10 && digits <= 15) {
      if (text.front() != '+' && digits == 10) only_digits.insert(0, "1");
      return Sender{SenderKind::kPhone, "+" + only_digits};
    }
    return Unrecognized(text);
  }
  // Alphanumeric sender ids: GSM allows 11 characters; some networks pass more.
  bool letter = false;
  for (char c : text) {
    letter = letter || IsLetter(c);
    if (!IsLetter(c) && !IsDigit(c) && c != ' ' && c != '-' && c != '.' && c != '_' && c != '&') {
      return Unrecognized(text);
    }
  }
  if (!letter || text.size() > 16) return Unrecognized(text);
  return Sender{SenderKind::kAlphanumeric, std::string(text)};
}

Channel InferChannel(const Sender& sender) {
  switch (sender.kind) {
    case SenderKind::kEmail: return Channel::kImessage;
    case SenderKind::kShortCode:
    case SenderKind::kAlphanumeric: return Channel::kSms;
    case SenderKind::kPhone:
    case SenderKind::kNone: return Channel::kUnknown;
  }
  return Channel::kUnknown;
}

}  // namespace spamradar::intake
