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

enum Field {
  kId,
  kReportedAt,
  kReporter,
  kBody,
  kSender,
  kChannel,
  kReceivedAt,
  kOperator,
  kMetro,
  kFieldCount
};
constexpr const char* kFieldNames[kFieldCount] = {"id",          "reported_at", "reporter",
                                                  "body",        "sender",      "channel",
                                                  "received_at", "operator",    "metro"};

// A report object reduced to what the format allows: for each field, absent,
// null, a string, or the name of the wrong type it had. Both the streaming
// parser (one line of an import) and a parsed value (one element of an API
// batch) are read into this, and checked by the same code.
struct FlatReport {
  enum class State { kAbsent, kNull, kString, kWrongType };
  struct Value {
    State state = State::kAbsent;
    std::string text;  // the string, or the wrong type's name
  };
  Value fields[kFieldCount];
  std::string unknown_field;  // the first key that is no report field
};

int FieldIndex(std::string_view key) {
  for (int i = 0; i < kFieldCount; ++i) {
    if (key == kFieldNames[i]) return i;
  }
  return -1;
}

// nlohmann's SAX interface, building a FlatReport without a document tree:
// an import spends most of its parsing time allocating trees otherwise.
class FlatReportSax {
 public:
  explicit FlatReportSax(FlatReport* out) : out_(out) {}

  bool null() { return Scalar(FlatReport::State::kNull, "null"); }
  bool boolean(bool) { return Scalar(FlatReport::State::kWrongType, "boolean"); }
  bool number_integer(json::number_integer_t) { return Number(); }
  bool number_unsigned(json::number_unsigned_t) { return Number(); }
  bool number_float(json::number_float_t, const std::string&) { return Number(); }
  bool binary(json::binary_t&) { return Scalar(FlatReport::State::kWrongType, "binary"); }
  bool string(std::string& value) {
    if (depth_ != 1) return true;
    if (current_ >= 0) {
      out_->fields[current_] = {FlatReport::State::kString, std::move(value)};
    }
    return true;
  }
  bool start_object(std::size_t) { return Open("object"); }
  bool end_object() { return Close(); }
  bool start_array(std::size_t) { return Open("array"); }
  bool end_array() { return Close(); }
  bool key(std::string& key) {
    if (depth_ != 1) return true;
    current_ = FieldIndex(key);
    if (current_ < 0 && out_->unknown_field.empty()) out_->unknown_field = key.substr(0, 64);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    error_position_ = position;
    return false;
  }

  const char* top_level_type() const { return top_level_type_; }
  std::size_t error_position() const { return error_position_; }

 private:
  bool Number() { return Scalar(FlatReport::State::kWrongType, "number"); }
  bool Scalar(FlatReport::State state, const char* type) {
    if (depth_ == 0) top_level_type_ = type;
    if (depth_ == 1 && current_ >= 0) out_->fields[current_] = {state, type};
    return true;
  }
  bool Open(const char* type) {
    if (depth_ == 0) {
      top_level_type_ = type;
    } else if (depth_ == 1 && current_ >= 0) {
      out_->fields[current_] = {FlatReport::State::kWrongType, type};
    }
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }

  FlatReport* out_;
  int depth_ = 0;
  int current_ = -1;
  const char* top_level_type_ = "nothing";
  std::size_t error_position_ = 0;
};

Result<std::string> StringField(FlatReport& report, Field field, size_t max_bytes, bool required) {
  FlatReport::Value& value = report.fields[field];
  const char* name = kFieldNames[field];
  switch (value.state) {
    case FlatReport::State::kAbsent:
    case FlatReport::State::kNull:
      if (required) return FieldError(name, "is required");
      return std::string();
    case FlatReport::State::kWrongType:
      return FieldError(name, "must be a string, not " + value.text);
    case FlatReport::State::kString: break;
  }
  if (value.text.size() > max_bytes) {
    return FieldError(name, "is longer than " + std::to_string(max_bytes) + " bytes");
  }
  if (required && value.text.empty()) return FieldError(name, "must not be empty");
  return std::move(value.text);
}

Result<Timestamp> TimeField(FlatReport& report, Field field, Timestamp now) {
  Result<std::string> text = StringField(report, field, 64, true);
  if (!text.ok()) return text.status();
  const char* name = kFieldNames[field];
  Result<Timestamp> t = ParseRfc3339(*text);
  if (!t.ok()) return FieldError(name, t.status().message());
  static const Timestamp kEarliest = *ParseRfc3339("2000-01-01T00:00:00Z");
  if (*t < kEarliest) return FieldError(name, "is before 2000; check the sender's clock");
  if (*t > now + std::chrono::hours(24)) {
    return FieldError(name, "is more than a day in the future; check the sender's clock");
  }
  return t;
}

Result<ReportSubmission> FromFlat(FlatReport& flat, Timestamp now) {
  if (!flat.unknown_field.empty()) {
    // Refused rather than ignored: a misspelt "sendr" would silently lose data.
    return FieldError(flat.unknown_field, "is not a report field (see docs/report-format.md)");
  }
  ReportSubmission report;
  const bool id_given = flat.fields[kId].state == FlatReport::State::kString;
  Result<std::string> id = StringField(flat, kId, kMaxIdBytes, false);
  if (!id.ok()) return id.status();
  if (id_given && id->empty()) {
    return FieldError("id", "must not be empty (leave it out to have one derived)");
  }
  report.id = std::move(id).value();
  Result<Timestamp> reported_at = TimeField(flat, kReportedAt, now);
  if (!reported_at.ok()) return reported_at.status();
  report.reported_at = *reported_at;
  Result<std::string> reporter = StringField(flat, kReporter, kMaxReporterBytes, true);
  if (!reporter.ok()) return reporter.status();
  report.reporter = std::move(reporter).value();
  // The limit in the format's own words, rather than StringField's generic ones.
  if (flat.fields[kBody].state == FlatReport::State::kString &&
      flat.fields[kBody].text.size() > kMaxBodyBytes) {
    return FieldError("body", "must be 1 byte to 64 KiB of UTF-8");
  }
  Result<std::string> body = StringField(flat, kBody, kMaxBodyBytes, true);
  if (!body.ok()) return body.status();
  report.body = std::move(body).value();
  Result<std::string> sender = StringField(flat, kSender, kMaxFieldBytes, false);
  if (!sender.ok()) return sender.status();
  report.sender = std::move(sender).value();
  Result<std::string> channel = StringField(flat, kChannel, kMaxFieldBytes, false);
  if (!channel.ok()) return channel.status();
  if (!channel->empty()) {
    report.channel = ParseChannel(*channel);
    if (!report.channel) {
      return FieldError("channel", "must be one of sms, mms, imessage, rcs (or left out)");
    }
  }
  const FlatReport::State received_at_state = flat.fields[kReceivedAt].state;
  if (received_at_state != FlatReport::State::kAbsent &&
      received_at_state != FlatReport::State::kNull) {
    Result<Timestamp> received_at = TimeField(flat, kReceivedAt, now);
    if (!received_at.ok()) return received_at.status();
    report.received_at = *received_at;
  }
  Result<std::string> operator_name = StringField(flat, kOperator, kMaxFieldBytes, false);
  if (!operator_name.ok()) return operator_name.status();
  report.operator_name = std::move(operator_name).value();
  Result<std::string> metro = StringField(flat, kMetro, kMaxFieldBytes, false);
  if (!metro.ok()) return metro.status();
  report.metro = std::move(metro).value();
  return report;
}

}  // namespace

Result<ReportSubmission> ReportSubmissionFromJson(const json& value, Timestamp now) {
  if (!value.is_object()) {
    return Status::InvalidArgument(std::string("a report must be a JSON object, not ") +
                                   value.type_name());
  }
  FlatReport flat;
  for (const auto& [key, field_value] : value.items()) {
    const int field = FieldIndex(key);
    if (field < 0) {
      if (flat.unknown_field.empty()) flat.unknown_field = key.substr(0, 64);
      continue;
    }
    if (field_value.is_string()) {
      flat.fields[field] = {FlatReport::State::kString, field_value.get<std::string>()};
    } else if (field_value.is_null()) {
      flat.fields[field] = {FlatReport::State::kNull, "null"};
    } else {
      flat.fields[field] = {FlatReport::State::kWrongType, field_value.type_name()};
    }
  }
  return FromFlat(flat, now);
}

Result<ReportSubmission> ParseReportSubmission(std::string_view text, Timestamp now) {
  FlatReport flat;
  FlatReportSax sax(&flat);
  if (!json::sax_parse(text, &sax)) {
    // Only the position: the library's message quotes the input, which may
    // hold the reporter's number, and errors end up in logs.
    return Status::InvalidArgument("not valid JSON (or not UTF-8) at byte " +
                                   std::to_string(sax.error_position()) +
                                   ": a report is one JSON object");
  }
  if (std::string_view(sax.top_level_type()) != "object") {
    return Status::InvalidArgument(std::string("a report must be a JSON object, not ") +
                                   sax.top_level_type());
  }
  return FromFlat(flat, now);
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
