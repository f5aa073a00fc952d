#include "intake/report_json.h"

#include <gtest/gtest.h>

namespace spamradar::intake {
namespace {

const Timestamp kNow = *ParseRfc3339("2014-04-30T00:00:00Z");

TEST(ReportJsonTest, ReadsEveryField) {
  Result<ReportSubmission> r = ParseReportSubmission(
      R"({"id":"op-1","reported_at":"2014-03-01T12:00:00-05:00","reporter":"+12125550142",
          "body":"Louis Vuitton 80% off lvshop12.com","sender":"LVdeals@iCloud.com",
          "channel":"iMessage","received_at":"2014-03-01T16:59:00Z","operator":"acme",
          "metro":"New York"})",
      kNow);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->id, "op-1");
  EXPECT_EQ(FormatRfc3339(r->reported_at), "2014-03-01T17:00:00Z");
  EXPECT_EQ(r->reporter, "+12125550142");
  EXPECT_EQ(r->sender, "LVdeals@iCloud.com");
  EXPECT_EQ(r->channel, Channel::kImessage);
  ASSERT_TRUE(r->received_at.has_value());
  EXPECT_EQ(r->operator_name, "acme");
  EXPECT_EQ(r->metro, "New York");
}

TEST(ReportJsonTest, OptionalFieldsMayBeAbsentOrNull) {
  Result<ReportSubmission> r = ParseReportSubmission(
      R"({"reported_at":"2014-03-01T12:00:00Z","reporter":"app-user-7","body":"x",
          "sender":null,"channel":null})",
      kNow);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->id.empty());
  EXPECT_TRUE(r->sender.empty());
  EXPECT_FALSE(r->channel.has_value());
}

// Every bad report gets an error that names the field at fault.
TEST(ReportJsonTest, ErrorsNameTheField) {
  const std::string ok_rest = R"("reporter":"+12125550142","body":"spam")";
  const struct {
    std::string json;
    std::string expected;
  } cases[] = {
      {"{" + ok_rest + "}", "reported_at: is required"},
      {R"({"reported_at":"yesterday",)" + ok_rest + "}", "reported_at: 'yesterday' is not"},
      {R"({"reported_at":1393675200,)" + ok_rest + "}",
       "reported_at: must be a string, not number"},
      {R"({"reported_at":"2099-01-01T00:00:00Z",)" + ok_rest + "}",
       "reported_at: is more than a day"},
      {R"({"reported_at":"1970-01-01T00:00:00Z",)" + ok_rest + "}", "reported_at: is before 2000"},
      {R"({"reported_at":"2014-03-01T12:00:00Z","body":"spam"})", "reporter: is required"},
      {R"({"reported_at":"2014-03-01T12:00:00Z","reporter":"+12125550142","body":""})",
       "body: must not be empty"},
      {R"({"reported_at":"2014-03-01T12:00:00Z","reporter":"+12125550142","body":["a"]})",
       "body: must be a string, not array"},
      {R"({"reported_at":"2014-03-01T12:00:00Z",)" + ok_rest + R"(,"channel":"fax"})",
       "channel: must be one of"},
      {R"({"reported_at":"2014-03-01T12:00:00Z",)" + ok_rest + R"(,"sendr":"x"})",
       "sendr: is not a report field"},
      {R"({"reported_at":"2014-03-01T12:00:00Z",)" + ok_rest + R"(,"id":""})",
       "id: must not be empty"},
      {R"([1,2])", "a report must be a JSON object, not array"},
      {R"({"reported_at": )", "not valid JSON"},
      {"{\"reported_at\":\"2014-03-01T12:00:00Z\",\"reporter\":\"x\",\"body\":\"\xff\"}",
       "not valid JSON (or not UTF-8)"},
  };
  for (const auto& c : cases) {
    Result<ReportSubmission> r = ParseReportSubmission(c.json, kNow);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_NE(r.status().message().find(c.expected), std::string::npos)
        << c.json << " -> " << r.status().message();
  }
}

TEST(ReportJsonTest, BodyLimitIs64KiB) {
  const auto with_body = [](size_t bytes) {
    return R"({"reported_at":"2014-03-01T12:00:00Z","reporter":"r","body":")" +
           std::string(bytes, 'a') + "\"}";
  };
  EXPECT_TRUE(ParseReportSubmission(with_body(kMaxBodyBytes), kNow).ok());
  Result<ReportSubmission> too_long = ParseReportSubmission(with_body(kMaxBodyBytes + 1), kNow);
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.status().message(), "body: must be 1 byte to 64 KiB of UTF-8");
}

TEST(ReportJsonTest, ParseErrorsDoNotEchoTheInput) {
  // The input may carry a subscriber's number; errors go to logs.
  Result<ReportSubmission> r = ParseReportSubmission(R"({"reporter":"+12125550142",)", kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find("5550142"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace spamradar::intake
