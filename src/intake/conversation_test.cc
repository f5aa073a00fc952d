#include "intake/conversation.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"

namespace spamradar::intake {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr const char* kAlice = "+12125550142";  // New York
constexpr const char* kBob = "+13105550100";    // Los Angeles
constexpr const char* kSpam = "Louis Vuitton bags 80% off! Shop lvshop12.com";

class ConversationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/conversation_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    Open();
  }

  // (Re)opens everything on the directory: a restart.
  void Open() {
    conversation_.reset();
    store_ = std::move(store::sqlite::SqliteStore::Open(dir_)).value();
    enricher_ = std::make_unique<Enricher>(std::move(ReporterHasher::OpenOrCreate(dir_)).value());
    ConversationConfig config;
    config.operator_name = "acme";
    conversation_ = std::make_unique<Conversation>(*enricher_, *store_, *store_, clock_, config);
  }

  ConversationReply Send(const char* from, std::string_view text) {
    Result<ConversationReply> reply = conversation_->Handle(from, text);
    EXPECT_TRUE(reply.ok()) << reply.status().ToString();
    return reply.ok() ? *reply : ConversationReply{};
  }

  std::vector<Report> Stored() {
    std::vector<Report> out;
    EXPECT_TRUE(store_
                    ->Scan(0,
                           [&](const Report& r) {
                             out.push_back(r);
                             return true;
                           })
                    .ok());
    return out;
  }

  std::string dir_;
  ManualClock clock_{*ParseRfc3339("2014-03-01T12:00:00Z")};
  std::unique_ptr<store::sqlite::SqliteStore> store_;
  std::unique_ptr<Enricher> enricher_;
  std::unique_ptr<Conversation> conversation_;
};

TEST_F(ConversationTest, ForwardThenSenderMakesOneCompleteReport) {
  const ConversationReply asked = Send(kAlice, kSpam);
  EXPECT_EQ(asked.action, ConversationAction::kPrompted);
  EXPECT_EQ(asked.text,
            "Thanks. Please reply with the phone number or email address the spam came from.");
  EXPECT_TRUE(Stored().empty());  // pending until the sender or the timeout
  clock_.Advance(minutes(2));
  const ConversationReply thanked = Send(kAlice, "LVdeals@iCloud.com");
  EXPECT_EQ(thanked.action, ConversationAction::kCompleted);
  EXPECT_EQ(thanked.text, conversation_->config().thanks);
  const std::vector<Report> stored = Stored();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].body, kSpam);
  EXPECT_EQ(stored[0].sender, (Sender{SenderKind::kEmail, "lvdeals@icloud.com"}));
  EXPECT_EQ(stored[0].channel, Channel::kImessage);
  EXPECT_TRUE(stored[0].channel_inferred);
  EXPECT_EQ(stored[0].metro, "35620");
  EXPECT_EQ(stored[0].source, "7726");
  EXPECT_EQ(stored[0].operator_name, "acme");
  EXPECT_EQ(FormatRfc3339(stored[0].reported_at), "2014-03-01T12:00:00Z");
  EXPECT_EQ(stored[0].reporter_hash, enricher_->hasher().Hash(kAlice));
}

TEST_F(ConversationTest, SenderRepliesInTheirUsualForms) {
  for (const char* reply : {"(310) 555-0199", "From: 87070", " 87070 ", "AMAZON"}) {
    Send(kAlice, std::string(kSpam) + reply);  // a different text each time
    EXPECT_EQ(Send(kAlice, reply).action, ConversationAction::kCompleted) << reply;
  }
  const std::vector<Report> stored = Stored();
  ASSERT_EQ(stored.size(), 4u);
  EXPECT_EQ(stored[0].sender.value, "+13105550199");
  EXPECT_EQ(stored[1].sender.value, "87070");
  EXPECT_EQ(stored[3].sender, (Sender{SenderKind::kAlphanumeric, "AMAZON"}));
}

TEST_F(ConversationTest, ANewSpamInsteadOfASenderKeepsTheFirstWithoutOne) {
  Send(kAlice, kSpam);
  const ConversationReply second = Send(kAlice, "USPS: your parcel is held, pay at usps-fee.top");
  EXPECT_EQ(second.action, ConversationAction::kPrompted);
  EXPECT_EQ(second.reports_stored, 1u);
  std::vector<Report> stored = Stored();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].body, kSpam);
  EXPECT_EQ(stored[0].sender.kind, SenderKind::kNone);
  Send(kAlice, "+1 646 555 0123");
  stored = Stored();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[1].sender.value, "+16465550123");
}

TEST_F(ConversationTest, TimeoutStoresWithoutSenderAndSurvivesARestart) {
  Send(kAlice, kSpam);
  clock_.Advance(minutes(9));
  Open();  // the process restarts with a report pending
  EXPECT_EQ(*conversation_->Sweep(), 0u);
  EXPECT_TRUE(Stored().empty());
  clock_.Advance(minutes(2));
  Open();
  EXPECT_EQ(*conversation_->Sweep(), 1u);
  const std::vector<Report> stored = Stored();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].sender.kind, SenderKind::kNone);
  // A sender arriving after the timeout has nothing to complete.
  const ConversationReply late = Send(kAlice, "+1 646 555 0123");
  EXPECT_EQ(late.action, ConversationAction::kNotSpam);
  EXPECT_EQ(Stored().size(), 1u);
}

TEST_F(ConversationTest, TheSameTextTwiceInADayIsOneReport) {
  Send(kAlice, kSpam);
  Send(kAlice, "87070");
  clock_.Advance(hours(5));
  const ConversationReply again = Send(kAlice, std::string("  ") + kSpam + "\n");
  EXPECT_EQ(again.action, ConversationAction::kDuplicate);
  EXPECT_EQ(again.text, conversation_->config().duplicate);
  EXPECT_EQ(Send(kBob, kSpam).action, ConversationAction::kPrompted);  // another subscriber
  clock_.Advance(hours(20));
  EXPECT_EQ(Send(kAlice, kSpam).action, ConversationAction::kPrompted);  // a day later
}

TEST_F(ConversationTest, OurOwnRepliesSentBackNeverBecomeReports) {
  const std::string prompt = Send(kAlice, kSpam).text;
  // An auto-forwarder bounces the prompt, plain and wrapped.
  EXPECT_EQ(Send(kAlice, prompt).action, ConversationAction::kIgnoredOwnReply);
  EXPECT_EQ(Send(kAlice, "Fwd: " + prompt).action, ConversationAction::kIgnoredOwnReply);
  EXPECT_EQ(Send(kBob, conversation_->config().thanks).action,
            ConversationAction::kIgnoredOwnReply);
  clock_.Advance(minutes(30));
  ASSERT_TRUE(conversation_->Sweep().ok());
  const std::vector<Report> stored = Stored();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].body, kSpam);
}

TEST_F(ConversationTest, StopStartAndHelp) {
  EXPECT_EQ(Send(kAlice, "HELP").text, conversation_->config().help);
  Send(kAlice, kSpam);
  const ConversationReply stop = Send(kAlice, "Stop");
  EXPECT_EQ(stop.action, ConversationAction::kKeyword);
  EXPECT_EQ(stop.text, conversation_->config().stop);
  EXPECT_EQ(stop.reports_stored, 1u);  // what was pending is kept
  // Opted out: forwards are still reported, but nothing is sent back.
  const ConversationReply silent = Send(kAlice, "Cheap Ray Ban 90% off raybans-sale.shop");
  EXPECT_EQ(silent.action, ConversationAction::kPrompted);
  EXPECT_EQ(silent.text, "");
  EXPECT_EQ(Send(kAlice, "START").text, conversation_->config().start);
  EXPECT_EQ(Send(kAlice, "87070").text, conversation_->config().thanks);
  EXPECT_EQ(Stored().size(), 2u);
}

TEST_F(ConversationTest, BadBytesAreKeptAsReplacementCharacters) {
  Send(kAlice, "Caf\xe9 deals at cafe-deals.top");
  Send(kAlice, "87070");
  const std::vector<Report> stored = Stored();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].body, "Caf\xEF\xBF\xBD deals at cafe-deals.top");
  EXPECT_FALSE(conversation_->Handle(kAlice, std::string(70000, 'a')).ok());
  EXPECT_FALSE(conversation_->Handle("", kSpam).ok());
}

}  // namespace
}  // namespace spamradar::intake
