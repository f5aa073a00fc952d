#include "filter/default_model.h"

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/hash.h"
#include "filter/evaluation.h"

namespace spamradar::filter {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(DefaultModelTest, CompiledInBytesAreTheCommittedModel) {
  const std::string on_disk = ReadFile(SPAMRADAR_TEST_SOURCE_DIR "/models/default.model");
  ASSERT_FALSE(on_disk.empty());
  EXPECT_EQ(DefaultModelBytes().size(), on_disk.size());
  EXPECT_EQ(Hash64(DefaultModelBytes()), Hash64(on_disk));
  // The start-up does not sum the built-in bytes' checksum (ParseBuiltIn):
  // it is checked here, where the binary is built.
  const Result<LinearModel> checked =
      LinearModel::Parse(DefaultModelBytes(), FeatureConfig().Fingerprint());
  EXPECT_TRUE(checked.ok()) << checked.status().message();
}

// The loaded model reads its AdaGrad state from the compiled-in bytes, which
// were released after parsing, only when it saves or learns: saved at once,
// it is the committed file; after learning, it still loads.
TEST(DefaultModelTest, SavesAndLearnsAfterItsBytesWereReleased) {
  Result<SpamFilter> spam_filter = LoadDefaultModel();
  ASSERT_TRUE(spam_filter.ok());
  const std::string saved = ::testing::TempDir() + "/default_saved.model";
  ASSERT_TRUE(spam_filter->model().Save(saved).ok());
  EXPECT_EQ(Hash64(ReadFile(saved)), Hash64(DefaultModelBytes()));
  spam_filter->Learn("Your parcel is held: pay the 1.99 fee at parcel-fee-help.top now", true);
  const std::string learned = ::testing::TempDir() + "/default_learned.model";
  ASSERT_TRUE(spam_filter->model().Save(learned).ok());
  Result<SpamFilter> reloaded = SpamFilter::Load(learned);
  ASSERT_TRUE(reloaded.ok()) << reloaded.status().ToString();
  EXPECT_EQ(reloaded->model().examples_seen(), spam_filter->model().examples_seen());
}

// Fails when the features changed meaning without the model being retrained
// (models/README.md has the command).
TEST(DefaultModelTest, LoadsWithThisBuildsFeatures) {
  Result<SpamFilter> spam_filter = LoadDefaultModel();
  ASSERT_TRUE(spam_filter.ok()) << spam_filter.status().ToString();
}

TEST(DefaultModelTest, TellsSmishingFromTheTransactionalMessagesItImitates) {
  Result<SpamFilter> spam_filter = LoadDefaultModel();
  ASSERT_TRUE(spam_filter.ok());
  const char* const spam[] = {
      ("USPS: Your package could not be delivered due to an incomplete address. Update here: "
       "https://usps-redelivery-help.com/us"),
      ("Dear SBI customer, your YONO account will be blocked today. Update your PAN card now: "
       "http://bit.ly/3xKyc9"),
      ("Congratulations! You have been selected to receive a $1000 Walmart gift card. Claim now: "
       "walmart-rewards.club/claim"),
  };
  const char* const ham[] = {
      "Your Google verification code is 482913",
      "Rs.15,000.00 credited to your A/c XX9087 on 14-Nov-24 by NEFT. Avl Bal: Rs.48,230.10 -SBI",
      "FedEx: Your package is scheduled for delivery tomorrow after 10am. Manage at fedex.com",
      "Can you grab milk on the way home? We're out.",
  };
  for (const char* text : spam) EXPECT_EQ(spam_filter->Classify(text).label, Label::kSpam) << text;
  for (const char* text : ham) EXPECT_EQ(spam_filter->Classify(text).label, Label::kHam) << text;
}

// The default model's verdicts on check sets of data/eval/ (README.md there),
// never trained on, counted together.
Confusion OnCheckSets(std::initializer_list<const char*> names) {
  Result<SpamFilter> spam_filter = LoadDefaultModel();
  EXPECT_TRUE(spam_filter.ok());
  Confusion confusion;
  if (!spam_filter.ok()) return confusion;
  for (const char* name : names) {
    Result<std::vector<LabeledMessage>> check =
        ReadCorpus(std::string(SPAMRADAR_TEST_SOURCE_DIR "/data/eval/") + name, CorpusFormat::kUci);
    EXPECT_TRUE(check.ok()) << name << ": " << check.status().ToString();
    if (!check.ok()) continue;
    for (const LabeledMessage& m : *check) {
      confusion.Add(m.spam, spam_filter->Classify(m.text, 0).label == Label::kSpam);
    }
  }
  return confusion;
}

// The team's hand-written check set: a floor, so a retrained model that blocks
// transactional ham cannot ship.
TEST(DefaultModelTest, FloorOnTheRecentCheckSet) {
  const Confusion confusion = OnCheckSets({"recent_check.tsv"});
  EXPECT_EQ(confusion.total(), 119);
  EXPECT_LE(confusion.BlockedHam(), 0.03);
  EXPECT_GE(confusion.SpamCaught(), 0.95);
}

// The same for the sets in German, Spanish, French, Portuguese, Italian, Dutch
// and a few messages in Polish, Turkish, Indonesian and Swedish: before the
// supplement had these languages, the model blocked a fifth of their ham.
TEST(DefaultModelTest, FloorOnTheMultilingualCheckSets) {
  const Confusion confusion = OnCheckSets(
      {"recent_multilingual.tsv", "recent_multilingual_2.tsv", "recent_multilingual_3.tsv"});
  EXPECT_EQ(confusion.total(), 154);
  EXPECT_LE(confusion.BlockedHam(), 0.05);
  EXPECT_GE(confusion.SpamCaught(), 0.95);
}

// Notices that link to their sender's own site, next to phishing that names
// the same brands and links to look-alikes: before the filter told the two
// apart, it blocked a quarter of the notices.
TEST(DefaultModelTest, FloorOnTheLinkCheckSets) {
  const Confusion confusion = OnCheckSets({"recent_links.tsv", "recent_links_2.tsv"});
  EXPECT_EQ(confusion.total(), 90);
  EXPECT_LE(confusion.BlockedHam(), 0.05);
  EXPECT_GE(confusion.SpamCaught(), 0.95);
}

// Every check set together, against the filter issue's goal for recent
// traffic: at least 95% of the spam caught and at most 2% of the ham blocked.
// recent_unseen_5.tsv was written before the changes that brought the others
// to it, and held back to judge them.
TEST(DefaultModelTest, AllCheckSetsTogetherMeetTheRecentTrafficGoal) {
  const Confusion confusion = OnCheckSets(
      {"recent_check.tsv", "recent_unseen.tsv", "recent_unseen_2.tsv", "recent_unseen_3.tsv",
       "recent_unseen_4.tsv", "recent_unseen_5.tsv", "recent_multilingual.tsv",
       "recent_multilingual_2.tsv", "recent_multilingual_3.tsv", "recent_links.tsv",
       "recent_links_2.tsv", "recent_gov.tsv"});
  EXPECT_EQ(confusion.total(), 796);
  EXPECT_LE(confusion.BlockedHam(), 0.02);
  EXPECT_GE(confusion.SpamCaught(), 0.95);
}

}  // namespace
}  // namespace spamradar::filter
