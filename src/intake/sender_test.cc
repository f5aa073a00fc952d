#include "intake/sender.h"

#include <gtest/gtest.h>

namespace spamradar::intake {
namespace {

Sender Normalized(std::string_view text) {
  Result<Sender> sender = NormalizeSender(text);
  EXPECT_TRUE(sender.ok()) << text << ": " << sender.status().ToString();
  return sender.ok() ? *sender : Sender{};
}

TEST(SenderTest, NormalizesEachKind) {
  EXPECT_EQ(Normalized("(212) 555-0142"), (Sender{SenderKind::kPhone, "+12125550142"}));
  EXPECT_EQ(Normalized("+1 212 555 0142"), (Sender{SenderKind::kPhone, "+12125550142"}));
  EXPECT_EQ(Normalized("+44 7911 123456"), (Sender{SenderKind::kPhone, "+447911123456"}));
  EXPECT_EQ(Normalized("87070"), (Sender{SenderKind::kShortCode, "87070"}));
  EXPECT_EQ(Normalized(" 878-72 "), (Sender{SenderKind::kShortCode, "87872"}));
  EXPECT_EQ(Normalized("LVShop.Deals@iCloud.com"),
            (Sender{SenderKind::kEmail, "lvshop.deals@icloud.com"}));
  EXPECT_EQ(Normalized("HSBC"), (Sender{SenderKind::kAlphanumeric, "HSBC"}));
  EXPECT_EQ(Normalized(""), Sender{});
  // Spoofed numbers that were never assigned are kept, not refused.
  EXPECT_EQ(Normalized("+1 751 629 8580"), (Sender{SenderKind::kPhone, "+17516298580"}));
  EXPECT_EQ(Normalized("(751) 629-8580"), (Sender{SenderKind::kPhone, "+17516298580"}));
}

TEST(SenderTest, RefusesWhatIsNoSender) {
  for (const char* text : {"a@b", "@icloud.com", "x@y@z.com", "+1", "12", "call me now please!",
                           "a very long sender id indeed", "+1 (212) 555-0142345678901"}) {
    Result<Sender> sender = NormalizeSender(text);
    EXPECT_FALSE(sender.ok()) << text;
    if (!sender.ok()) {
      EXPECT_EQ(sender.status().message().rfind("sender: ", 0), 0u);
    }
  }
}

TEST(SenderTest, InfersTheChannelOnlyWhenTheSenderTells) {
  EXPECT_EQ(InferChannel({SenderKind::kEmail, "x@icloud.com"}), Channel::kImessage);
  EXPECT_EQ(InferChannel({SenderKind::kShortCode, "87070"}), Channel::kSms);
  EXPECT_EQ(InferChannel({SenderKind::kAlphanumeric, "HSBC"}), Channel::kSms);
  EXPECT_EQ(InferChannel({SenderKind::kPhone, "+12125550142"}), Channel::kUnknown);
  EXPECT_EQ(InferChannel({}), Channel::kUnknown);
}

}  // namespace
}  // namespace spamradar::intake
