#include "intake/report_json.h"

#include <chrono>
#include <string>
#include <utility>

namespace spamradar::intake {
namespace {

using nlohmann::json;

Status FieldError(std::string_view field, std::string_view why) {
  std::string message(field);
  message.append(": ");
  message.append(why);
  return Status::InvalidArgument(std::move(message));
}

// An optional string field: absent or null is empty; any other type is an error.
Result<std::string> StringField(const json& object, const char* field, size_t max_bytes,
                                bool required) {
  const auto it = object.find(field);
  if (it == object.end() || it->is_null()) {
    if (required) return FieldError(field, "is required");
    return std::string();
  }
  if (!it->is_string()) {
    return FieldError(field, std::string("must be a string, not ") + it->type_name());
  }
  std::string value = it->get<std::string>();
  if (value.size() > max_bytes) {
    return FieldError(field, "is longer than " + std::to_string(max_bytes) + " bytes");
  }
  if (required && value.empty()) return FieldError(field, "must not be empty");
  return value;
}

Result<Timestamp> TimeField(const json& object, const char* field, Timestamp now) {
  Result<std::string> text = StringField(object, field, 64, true);
  if (!text.ok()) return text.status();
  Result<Timestamp> t = ParseRfc3339(*text);
  if (!t.ok()) return FieldError(field, t.status().message());
  static const Timestamp kEarliest = *ParseRfc3339("2000-01-01T00:00:00Z");
  if (*t < kEarliest) return FieldError(field, "is before 2000; check the sender's clock");
  if (*t > now + std::chrono::hours(24)) {
    return FieldError(field, "is more than a day in the future; check the sender's clock");
  }
  return t;
}

constexpr const char* kFields[] = {"id",      "reported_at", "reporter", "body", "sender",
                                   "channel", "received_at", "operator", "metro"};

}  // namespace

Result<ReportSubmission> ReportSubmissionFromJson(const json& value, Timestamp now) {
  if (!value.is_object()) {
    return Status::InvalidArgument(std::string("a report must be a JSON object, not ") +
                                   value.type_name());
  }
  for (const auto& [key, unused] : value.items()) {
    bool known = false;
    for (const char* field : kFields) known = known || key == field;
    if (!known) {
      // Refused rather than ignored: a misspelt "sendr" would silently lose data.
      std::string shown = key.substr(0, 64);
      return FieldError(shown, "is not a report field (see docs/report-format.md)");
    }
  }
  ReportSubmission report;
  Result<std::string> id = StringField(value, "id", kMaxIdBytes, false);
  if (!id.ok()) return id.status();
  if (value.contains("id") && !value["id"].is_null() && id->empty()) {
    return FieldError("id", "must not be empty (leave it out to have one derived)");
  }
  report.id = std::move(id).value();
  Result<Timestamp> reported_at = TimeField(value, "reported_at", now);
  if (!reported_at.ok()) return reported_at.status();
  report.reported_at = *reported_at;
  Result<std::string> reporter = StringField(value, "reporter", kMaxReporterBytes, true);
  if (!reporter.ok()) return reporter.status();
  report.reporter = std::move(reporter).value();
  Result<std::string> body = StringField(value, "body", kMaxBodyBytes, true);
  if (!body.ok()) {
    return body.status().message().find("longer") != std::string::npos
               ? FieldError("body", "must be 1 byte to 64 KiB of UTF-8")
               : body.status();
  }
  report.body = std::move(body).value();
  Result<std::string> sender = StringField(value, "sender", kMaxFieldBytes, false);
  if (!sender.ok()) return sender.status();
  report.sender = std::move(sender).value();
  Result<std::string> channel = StringField(value, "channel", kMaxFieldBytes, false);
  if (!channel.ok()) return channel.status();
  if (!channel->empty()) {
    report.channel = ParseChannel(*channel);
    if (!report.channel) {
      return FieldError("channel", "must be one of sms, mms, imessage, rcs (or left out)");
    }
  }
  if (value.contains("received_at") && !value["received_at"].is_null()) {
    Result<Timestamp> received_at = TimeField(value, "received_at", now);
    if (!received_at.ok()) return received_at.status();
    report.received_at = *received_at;
  }
  Result<std::string> operator_name = StringField(value, "operator", kMaxFieldBytes, false);
  if (!operator_name.ok()) return operator_name.status();
  report.operator_name = std::move(operator_name).value();
  Result<std::string> metro = StringField(value, "metro", kMaxFieldBytes, false);
  if (!metro.ok()) return metro.status();
  report.metro = std::move(metro).value();
  return report;
}

Result<ReportSubmission> ParseReportSubmission(std::string_view text, Timestamp now) {
  json value;
  try {
    value = json::parse(text);
  } catch (const json::parse_error& error) {
    // Only the position: the library's message quotes the input, which may
    // hold the reporter's number, and errors end up in logs.
    return Status::InvalidArgument("not valid JSON (or not UTF-8) at byte " +
                                   std::to_string(error.byte) + ": a report is one JSON object");
  }
  return ReportSubmissionFromJson(value, now);
}

nlohmann::ordered_json ReportToJson(const Report& report, bool with_body) {
  nlohmann::ordered_json out = {
      {"sequence", report.sequence},
      {"id", report.id},
      {"reported_at", FormatRfc3339(report.reported_at)},
  };
  if (report.received_at) out["received_at"] = FormatRfc3339(*report.received_at);
  out["reporter_hash"] = report.reporter_hash;
  out["metro"] = report.metro;
  out["sender"] = report.sender.value;
  out["sender_kind"] = SenderKindName(report.sender.kind);
  out["channel"] = ChannelName(report.channel);
  out["channel_inferred"] = report.channel_inferred;
  out["operator"] = report.operator_name;
  out["source"] = report.source;
  out["domains"] = report.domains;
  out["brands"] = report.brands;
  out["phones"] = report.phones;
  out["short_codes"] = report.short_codes;
  out["emails"] = report.emails;
  if (with_body) out["body"] = report.body;
  return out;
}

}  // namespace spamradar::intake
