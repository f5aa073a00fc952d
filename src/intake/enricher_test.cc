#include "intake/enricher.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

namespace spamradar::intake {
namespace {

std::string FreshDirectory(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

ReportSubmission Submission() {
  ReportSubmission s;
  s.reported_at = *ParseRfc3339("2014-03-01T12:00:00Z");
  s.reporter = "(212) 555-0142";
  s.body =
      "Louis Vuitton, Gucci & Prada 80% off! Shop lvshop12.com or www.lvshop12.com/sale "
      "and bit.ly/lv12. Questions? Call 1-800-555-0199 or text SHOP to 87070";
  s.sender = "LVdeals@iCloud.com";
  return s;
}

TEST(ReporterHasherTest, KeyIsCreatedOncePrivateAndReused) {
  const std::string dir = FreshDirectory("hasher_key");
  Result<ReporterHasher> first = ReporterHasher::OpenOrCreate(dir);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  struct stat info {};
  ASSERT_EQ(stat((dir + "/reporter.key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(info.st_size, 32);
  Result<ReporterHasher> again = ReporterHasher::OpenOrCreate(dir);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->Hash("+12125550142"), again->Hash("+12125550142"));
  // The same subscriber written two ways; a different key gives another hash.
  EXPECT_EQ(first->Hash("(212) 555-0142"), first->Hash("+12125550142"));
  Result<ReporterHasher> other = ReporterHasher::OpenOrCreate(FreshDirectory("hasher_other"));
  ASSERT_TRUE(other.ok());
  EXPECT_NE(first->Hash("+12125550142"), other->Hash("+12125550142"));
  EXPECT_EQ(first->Hash("+12125550142").size(), 64u);
}

TEST(ReporterHasherTest, RefusesAKeyOthersCanReadOrOfTheWrongSize) {
  const std::string dir = FreshDirectory("hasher_bad");
  ASSERT_TRUE(ReporterHasher::OpenOrCreate(dir).ok());
  chmod((dir + "/reporter.key").c_str(), 0644);
  Result<ReporterHasher> readable = ReporterHasher::OpenOrCreate(dir);
  ASSERT_FALSE(readable.ok());
  EXPECT_NE(readable.status().message().find("chmod 600"), std::string::npos);
  chmod((dir + "/reporter.key").c_str(), 0600);
  std::filesystem::resize_file(dir + "/reporter.key", 31);
  Result<ReporterHasher> short_key = ReporterHasher::OpenOrCreate(dir);
  ASSERT_FALSE(short_key.ok());
  EXPECT_NE(short_key.status().message().find("32-byte key"), std::string::npos);
}

class EnricherTest : public ::testing::Test {
 protected:
  // A directory per test: ctest runs the tests of this file in parallel.
  EnricherTest()
      : enricher_(std::move(ReporterHasher::OpenOrCreate(FreshDirectory(
                                std::string("enricher_") +
                                ::testing::UnitTest::GetInstance()->current_test_info()->name())))
                      .value()) {}
  Enricher enricher_;
};

TEST_F(EnricherTest, EnrichesAndNeverKeepsTheRawReporter) {
  Result<Report> r = enricher_.Enrich(Submission(), "api");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->metro, "35620");  // New York, from area code 212
  EXPECT_EQ(r->sender, (Sender{SenderKind::kEmail, "lvdeals@icloud.com"}));
  EXPECT_EQ(r->channel, Channel::kImessage);
  EXPECT_TRUE(r->channel_inferred);
  EXPECT_EQ(r->source, "api");
  EXPECT_EQ(r->domains, (std::vector<std::string>{"lvshop12.com", "bit.ly"}));
  EXPECT_EQ(r->brands, (std::vector<std::string>{"Louis Vuitton", "Gucci", "Prada"}));
  EXPECT_EQ(r->phones, (std::vector<std::string>{"+18005550199"}));
  EXPECT_EQ(r->short_codes, (std::vector<std::string>{"87070"}));
  EXPECT_EQ(r->reporter_hash, enricher_.hasher().Hash("+12125550142"));
  for (const std::string& field : {r->reporter_hash, r->id, r->metro, r->body}) {
    EXPECT_EQ(field.find("5550142"), std::string::npos);
  }
}

TEST_F(EnricherTest, DeclaredChannelAndExplicitMetroWin) {
  ReportSubmission s = Submission();
  s.channel = Channel::kSms;
  s.metro = "Los Angeles";
  Result<Report> r = enricher_.Enrich(s, "api");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, Channel::kSms);
  EXPECT_FALSE(r->channel_inferred);
  EXPECT_EQ(r->metro, "31080");
  s.metro = "31080";
  EXPECT_EQ(enricher_.Enrich(s, "api")->metro, "31080");
  s.metro = "Gotham";
  Result<Report> unknown = enricher_.Enrich(s, "api");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("metro: 'Gotham'"), std::string::npos);
}

TEST_F(EnricherTest, DerivedIdsIdentifyRetriesNotRepeats) {
  const Report a = *enricher_.Enrich(Submission(), "api");
  const Report b = *enricher_.Enrich(Submission(), "api");
  EXPECT_EQ(a.id, b.id);  // a retry of the same report
  ReportSubmission later = Submission();
  later.reported_at += std::chrono::minutes(5);
  EXPECT_NE(enricher_.Enrich(later, "api")->id, a.id);
  ReportSubmission given = Submission();
  given.id = "carrier-42";
  EXPECT_EQ(enricher_.Enrich(given, "api")->id, "carrier-42");
}

TEST_F(EnricherTest, UnknownChannelStaysUnknown) {
  ReportSubmission s = Submission();
  s.sender = "+1 310 555 0100";
  Result<Report> r = enricher_.Enrich(s, "import");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, Channel::kUnknown);
  EXPECT_FALSE(r->channel_inferred);
  s.sender = "not a sender at all!";
  EXPECT_FALSE(enricher_.Enrich(s, "import").ok());
}

}  // namespace
}  // namespace spamradar::intake
