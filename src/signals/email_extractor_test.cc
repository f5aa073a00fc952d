#include "signals/email_extractor.h"

#include <gtest/gtest.h>

namespace spamradar::signals {
namespace {

TEST(EmailExtractorTest, AppleIdsAndDefangedAddresses) {
  const auto emails = ExtractEmails("from lv.deals2014@icloud.com or sales[at]lvshop[.]com!");
  ASSERT_EQ(emails.size(), 2u);
  EXPECT_EQ(emails[0].address, "lv.deals2014@icloud.com");
  EXPECT_EQ(emails[0].domain, "icloud.com");
  EXPECT_FALSE(emails[0].obfuscated);
  EXPECT_EQ(emails[1].address, "sales@lvshop.com");
  EXPECT_TRUE(emails[1].obfuscated);
}

TEST(EmailExtractorTest, NotAddresses) {
  EXPECT_TRUE(ExtractEmails("meet @ 5, @handle, a@b, x@192.168.1.1").empty());
  EXPECT_TRUE(ExtractEmails("").empty());
}

}  // namespace
}  // namespace spamradar::signals
