#include "cluster/campaign_engine.h"

#include <random>

#include <gtest/gtest.h>

#include "analysis/enrichment.h"
#include "cluster/campaign_view.h"
#include "cluster/evaluation.h"
#include "store/sqlite/sqlite_campaign_archive.h"

namespace spamradar::cluster {
namespace {

class CampaignEngineTest : public ::testing::Test {
 protected:
  // A report as the log would hand it over (enrichment lists left empty:
  // the engine reads the body itself).
  uint64_t Add(const std::string& body, const std::string& sender = "",
               SenderKind kind = SenderKind::kNone) {
    Report r;
    r.sequence = ++sequence_;
    r.id = "r" + std::to_string(sequence_);
    r.reported_at = *ParseRfc3339("2014-03-01T12:00:00Z") + std::chrono::minutes(sequence_);
    r.reporter_hash = std::string(64, 'a');
    r.body = body;
    r.sender = {kind, sender};
    engine_.Apply(r);
    return engine_.CampaignOf(r.sequence);
  }
  uint64_t sequence_ = 0;
  CampaignEngine engine_;
};

TEST_F(CampaignEngineTest, VariantsOfOneTemplateAreOneCampaign) {
  const uint64_t first =
      Add("Louis Vuitton, Gucci & Prada up to 80% off! Shop now: lvshop12.com/sale");
  const char* variants[] = {
      // rotating links, amounts, reordered brand lists
      "Gucci, Prada & Louis Vuitton up to 70% off! Shop now: lvshop13.com/outlet",
      "Prada and Louis Vuitton up to 65% off! Shop now: http://lvshop40.com",
      // look-alike letters (Cyrillic a, o), leetspeak, spacing, invisible characters
      ("Louis Vuitt\xD0\xBEn, Gucci & Pr\xD0\xB0"
       "da up to 80% off! Shop now: lvshop14.com"),
      "L0uis Vuitton, Gucc1 & Prada up to 80% off! Sh0p now: lvshop15.com",
      "Louis Vuitton, G U C C I & Prada up to 80% off! Shop now: lvshop16.com",
      "Louis Vui\xE2\x80\x8Btton, Gucci & Prada up to 80% off! Shop now: lvshop17.com",
      // filler words
      "kx9 Louis Vuitton, Gucci & Prada up to 80% off! Shop now: lvshop18.com ok",
  };
  for (const char* variant : variants) EXPECT_EQ(Add(variant), first) << variant;
  EXPECT_EQ(engine_.Campaigns().size(), 1u);
  EXPECT_EQ(engine_.Find(first)->reports, 1u + std::size(variants));
}

TEST_F(CampaignEngineTest, UnrelatedSpamStaysApart) {
  const uint64_t luxury = Add("Louis Vuitton, Gucci & Prada up to 80% off! Shop now: lvshop12.com");
  const uint64_t parcel =
      Add("USPS: your package is on hold due to an unpaid fee of $1.99. Pay now at usps-fee1.top");
  const uint64_t bank = Add(
      "Chase Alert: your account has been locked due to unusual activity. Verify at chase-1.com");
  EXPECT_NE(luxury, parcel);
  EXPECT_NE(parcel, bank);
  EXPECT_NE(luxury, bank);
  EXPECT_EQ(engine_.Campaigns().size(), 3u);
}

TEST_F(CampaignEngineTest, SharedDomainOrNumberLinksDifferentTemplates) {
  const uint64_t a = Add("Big sale on designer bags today only at lvshop12.com");
  // Other words, same shop: one campaign.
  EXPECT_EQ(Add("New arrivals: wallets and sunglasses, free shipping. lvshop12.com/new"), a);
  const uint64_t b = Add("Need cash fast? Call 1-888-555-0199 for a loan today");
  EXPECT_EQ(Add("Bad credit OK, we approve everyone: 1-888-555-0199"), b);
  // Shorteners and big platforms are shared by everyone: they link nothing.
  const uint64_t c = Add("Your prize is waiting bit.ly/abc123");
  EXPECT_NE(Add("Cheap watches for sale bit.ly/abc123"), c);
}

TEST_F(CampaignEngineTest, EvidenceOfTwoCampaignsMergesThemIntoTheOlder) {
  const uint64_t older = Add("Designer bags 80% off at lvshop12.com");
  const uint64_t newer = Add("Sunglasses clearance today only at rayban-sale7.com");
  ASSERT_NE(older, newer);
  // One message names both shops: the campaigns were one all along.
  EXPECT_EQ(Add("Bags at lvshop12.com and sunglasses at rayban-sale7.com"), older);
  EXPECT_EQ(engine_.CampaignOf(2), older);  // the newer campaign's report moved with it
  ASSERT_NE(engine_.Find(newer), nullptr);
  EXPECT_EQ(engine_.Find(newer)->id, older);  // the newer id is an alias
  EXPECT_EQ(engine_.Find(older)->aliases, std::vector<uint64_t>{newer});
  EXPECT_EQ(engine_.Find(older)->reports, 3u);
  EXPECT_EQ(engine_.Campaigns().size(), 1u);
}

TEST_F(CampaignEngineTest, ASharedSenderAssignsButNeverMerges) {
  const uint64_t a = Add("Hi Amy, is this still your number? It has been a while", "lv1@icloud.com",
                         SenderKind::kEmail);
  // A different text from the same Apple ID joins its campaign.
  EXPECT_EQ(Add("We met at the wine tasting in Austin, remember me?", "lv1@icloud.com",
                SenderKind::kEmail),
            a);
  const uint64_t b = Add("USPS: your package is on hold, pay the fee at usps-fee1.top",
                         "+12125550142", SenderKind::kPhone);
  ASSERT_NE(a, b);
  // A spoofed number reused by chance does not fuse two campaigns.
  Add("Hi Amy, is this still your number? It has been a while", "+12125550142", SenderKind::kPhone);
  EXPECT_EQ(engine_.Campaigns().size(), 2u);
}

TEST_F(CampaignEngineTest, TheSameLogFoldsToTheSameCampaigns) {
  std::mt19937 random(3);
  std::vector<std::string> bodies;
  const char* templates[] = {"Gucci bags {N}% off at lvshop{M}.com",
                             "USPS: pay the ${N}.99 fee at usps-fee{M}.top",
                             "Your code {N}{M} expires, call 1-888-555-01{M}"};
  for (int i = 0; i < 300; ++i) {
    std::string body = templates[random() % 3];
    body.replace(body.find("{N}"), 3, std::to_string(random() % 90 + 10));
    body.replace(body.find("{M}"), 3, std::to_string(random() % 50 + 10));
    bodies.push_back(body);
  }
  for (const std::string& body : bodies) Add(body);
  const std::string first = engine_.Serialize();
  engine_.Reset();
  sequence_ = 0;
  for (const std::string& body : bodies) Add(body);
  EXPECT_EQ(engine_.Serialize(), first);
  EXPECT_LE(engine_.Campaigns().size(), 3u);
}

TEST_F(CampaignEngineTest, NameTemplateAndScope) {
  const uint64_t id = Add("Louis Vuitton, Gucci & Prada up to 80% off! Shop now: lvshop12.com");
  Add("Gucci and Prada up to 70% off! Shop now: lvshop13.com/x");
  Add("Prada, Louis Vuitton and Gucci up to 60% off! Shop now: http://lvshop12.com");
  const Campaign* campaign = engine_.Find(id);
  ASSERT_NE(campaign, nullptr);
  ASSERT_EQ(campaign->reports, 3u);
  EXPECT_EQ(
      CampaignName(*campaign),
      "Counterfeit luxury goods: Gucci, Prada, Louis Vuitton; lvshop12.com and 1 more domain");
  EXPECT_EQ(CampaignTemplate(*campaign), "{BRANDS} up to {PERCENT} off shop now {URL}");
  Scope day;
  day.from_day = day.to_day = UtcDay(*ParseRfc3339("2014-03-01T00:00:00Z"));
  EXPECT_EQ(ReportsIn(*campaign, day), 3u);
  Scope next_day;
  next_day.from_day = *day.from_day + 1;
  EXPECT_EQ(ReportsIn(*campaign, next_day), 0u);
  Scope imessage;
  imessage.channel = Channel::kImessage;
  EXPECT_EQ(ReportsIn(*campaign, imessage), 0u);  // the reports said nothing of a channel
}

TEST_F(CampaignEngineTest, MatchCampaignFindsANewVariantWithoutChangingAnything) {
  const uint64_t luxury = Add("Louis Vuitton, Gucci & Prada up to 80% off! Shop now: lvshop12.com");
  const uint64_t loans = Add("Need cash fast? Call 1-888-555-0199 for a loan today");
  const CampaignMatch text =
      engine_.MatchCampaign("Gucci & Prada up to 70% off! Shop now: lv99.com");
  EXPECT_EQ(text.campaign, luxury);
  EXPECT_EQ(text.evidence, "text");
  EXPECT_GE(text.similarity, 0.5);
  const CampaignMatch number = engine_.MatchCampaign("Approved! Ring 1-888-555-0199");
  EXPECT_EQ(number.campaign, loans);
  EXPECT_EQ(number.evidence, "phone +18885550199");
  EXPECT_EQ(engine_.MatchCampaign("See you at dinner tonight").campaign, 0u);
  EXPECT_EQ(engine_.reports(), 2u);
}

// A message's sender alone: what the fold would assign a report by when its
// text names no campaign, so what a match says for such a message.
Report Probe(const std::string& body, const std::string& sender = "",
             SenderKind kind = SenderKind::kNone) {
  Report probe;
  probe.body = body;
  probe.sender = {kind, sender};
  return probe;
}

TEST_F(CampaignEngineTest, MatchCampaignFallsBackOnTheSenderWhenTheTextNamesNone) {
  const uint64_t luxury = Add("Louis Vuitton, Gucci & Prada up to 80% off! Shop now: lvshop12.com",
                              "lvshop@icloud.com", SenderKind::kEmail);
  const uint64_t loans = Add("Need cash fast? Call 1-888-555-0199 for a loan today", "+12125550100",
                             SenderKind::kPhone);
  const std::string unrelated = "New arrivals this week, reply YES for our catalogue";
  const CampaignMatch by_sender =
      engine_.MatchCampaign(Probe(unrelated, "lvshop@icloud.com", SenderKind::kEmail));
  EXPECT_EQ(by_sender.campaign, luxury);
  EXPECT_EQ(by_sender.evidence, "sender lvshop@icloud.com");
  EXPECT_EQ(by_sender.similarity, 1.0);
  EXPECT_EQ(engine_.MatchCampaign(Probe(unrelated, "+12125550100", SenderKind::kPhone)).campaign,
            loans);
  // The text comes first, as in the fold: a shop's number over the sender.
  const CampaignMatch by_number = engine_.MatchCampaign(
      Probe("Approved! Ring 1-888-555-0199", "lvshop@icloud.com", SenderKind::kEmail));
  EXPECT_EQ(by_number.campaign, loans);
  EXPECT_EQ(by_number.evidence, "phone +18885550199");
  // No sender, or one never reported: nothing.
  EXPECT_EQ(engine_.MatchCampaign(Probe(unrelated)).campaign, 0u);
  EXPECT_EQ(
      engine_.MatchCampaign(Probe(unrelated, "other@icloud.com", SenderKind::kEmail)).campaign, 0u);
  EXPECT_EQ(engine_.reports(), 2u);
}

TEST_F(CampaignEngineTest, ReportsAreFoundByTheirSequenceAcrossGapsInTheLog) {
  const uint64_t luxury = Add("Louis Vuitton & Gucci up to 80% off! Shop now: lvshop12.com");
  sequence_ += 3;  // sequences 2-4 were never applied
  EXPECT_EQ(Add("Gucci & Louis Vuitton up to 70% off! Shop now: lvshop13.com"), luxury);
  EXPECT_EQ(engine_.CampaignOf(5), luxury);
  EXPECT_EQ(engine_.CampaignOf(3), 0u);
  EXPECT_EQ(engine_.CampaignOf(6), 0u);
  EXPECT_EQ(engine_.CampaignOf(0), 0u);
  EXPECT_EQ(engine_.reports(), 2u);
}

// Campaigns that go quiet leave memory for a real (in-memory) SQLite archive.
class DormancyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto archive = store::sqlite::SqliteCampaignArchive::OpenInMemory();
    ASSERT_TRUE(archive.ok()) << archive.status().message();
    archive_ = std::move(archive).value();
    CampaignOptions options;
    options.dormant_after = std::chrono::days(14);
    engine_ = std::make_unique<CampaignEngine>(options, archive_.get());
  }
  uint64_t Add(int day, const std::string& body, Sender sender = {}) {
    Report r;
    r.sequence = ++sequence_;
    r.id = "r" + std::to_string(sequence_);
    r.reported_at = *ParseRfc3339("2014-03-01T12:00:00Z") + std::chrono::days(day) +
                    std::chrono::seconds(sequence_);
    r.reporter_hash = std::string(64, 'a' + static_cast<char>(sequence_ % 6));
    r.body = body;
    r.sender = std::move(sender);
    engine_->Apply(r);
    return engine_->CampaignOf(r.sequence);
  }
  // Filler traffic on `day` that keeps the clock moving.
  void Chatter(int day) {
    Add(day, "Your Netflix account is on hold, update payment at nflx-bill.top");
  }

  uint64_t sequence_ = 0;
  std::unique_ptr<store::sqlite::SqliteCampaignArchive> archive_;
  std::unique_ptr<CampaignEngine> engine_;
};

TEST_F(DormancyTest, AQuietCampaignLeavesMemoryAndComesBackWhenItResurfaces) {
  const uint64_t luxury = Add(0, "Louis Vuitton & Gucci up to 80% off! Shop now: lvshop12.com");
  Add(1, "Gucci & Louis Vuitton up to 70% off! Shop now: lvshop13.com");
  for (int day = 2; day <= 20; ++day) Chatter(day);
  // Quiet for 14 days: out of memory, still there.
  EXPECT_EQ(engine_->Find(luxury), nullptr);
  EXPECT_EQ(engine_->dormant_campaigns(), 1u);
  Result<std::optional<Campaign>> stored = engine_->Get(luxury);
  ASSERT_TRUE(stored.ok()) << stored.status().message();
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->reports, 2u);
  EXPECT_EQ((*stored)->domains.size(), 2u);
  size_t visited = 0;
  ASSERT_TRUE(engine_->ForEachCampaign([&](const Campaign&) { ++visited; }).ok());
  EXPECT_EQ(visited, 2u);  // the chatter and the dormant one
  // A new variant (new shop, new amounts) brings it back, under its old id.
  EXPECT_EQ(Add(21, "Louis Vuitton and Gucci up to 60% off! Shop now: lvshop99.com/x"), luxury);
  ASSERT_NE(engine_->Find(luxury), nullptr);
  EXPECT_EQ(engine_->Find(luxury)->reports, 3u);
  EXPECT_EQ(engine_->dormant_campaigns(), 0u);
  EXPECT_EQ(engine_->CampaignOf(1), luxury);
}

TEST_F(DormancyTest, DormantCampaignsAreMatchedWithoutBeingBroughtBack) {
  const uint64_t luxury = Add(0, "Louis Vuitton & Gucci up to 80% off! Shop now: lvshop12.com");
  Add(1, "Gucci & Louis Vuitton up to 70% off! Shop now: lvshop13.com");
  for (int day = 2; day <= 20; ++day) Chatter(day);
  ASSERT_EQ(engine_->Find(luxury), nullptr);
  // By a domain it owned.
  const CampaignMatch by_domain = engine_->MatchCampaign("Big sale today at lvshop13.com");
  EXPECT_EQ(by_domain.campaign, luxury);
  EXPECT_EQ(by_domain.evidence, "domain lvshop13.com (dormant)");
  // By its text, with a shop it never used.
  const CampaignMatch by_text =
      engine_->MatchCampaign("Louis Vuitton & Gucci up to 60% off! Shop now: lvshop77.com");
  EXPECT_EQ(by_text.campaign, luxury);
  EXPECT_EQ(by_text.evidence, "text (dormant)");
  EXPECT_GE(by_text.similarity, 0.5);
  // Still dormant; nothing else matches.
  EXPECT_EQ(engine_->Find(luxury), nullptr);
  EXPECT_EQ(engine_->dormant_campaigns(), 1u);
  EXPECT_EQ(engine_->MatchCampaign("Dinner at 8? Bring the wine").campaign, 0u);
}

TEST_F(DormancyTest, ADormantCampaignsSenderStillMatches) {
  const uint64_t luxury = Add(0, "Louis Vuitton & Gucci up to 80% off! Shop now: lvshop12.com",
                              {SenderKind::kEmail, "lvshop@icloud.com"});
  for (int day = 1; day <= 20; ++day) Chatter(day);
  ASSERT_EQ(engine_->Find(luxury), nullptr);
  const CampaignMatch by_sender =
      engine_->MatchCampaign(Probe("New arrivals this week, reply YES for our catalogue",
                                   "lvshop@icloud.com", SenderKind::kEmail));
  EXPECT_EQ(by_sender.campaign, luxury);
  EXPECT_EQ(by_sender.evidence, "sender lvshop@icloud.com (dormant)");
  EXPECT_EQ(engine_->Find(luxury), nullptr);  // not brought back
}

TEST_F(DormancyTest, AnOwnedIdentifierBringsBackEvenAOneReportCampaign) {
  const uint64_t loans = Add(0, "Need cash fast? Call 1-888-555-0199 for a loan today");
  for (int day = 1; day <= 20; ++day) Chatter(day);
  ASSERT_EQ(engine_->Find(loans), nullptr);
  EXPECT_EQ(Add(21, "Bad credit OK, everyone approved: 1-888-555-0199"), loans);
  EXPECT_EQ(engine_->Find(loans)->reports, 2u);
}

TEST_F(DormancyTest, AOneReportCampaignLeavesSoonerThanALargerOne) {
  const uint64_t loans = Add(0, "Need cash fast? Call 1-888-555-0199 for a loan today");
  const uint64_t luxury = Add(0, "Louis Vuitton & Gucci up to 80% off! Shop now: lvshop12.com");
  Add(0, "Gucci & Louis Vuitton up to 70% off! Shop now: lvshop13.com");
  for (int day = 1; day <= 4; ++day) Chatter(day);
  EXPECT_EQ(engine_->Find(loans), nullptr);
  EXPECT_NE(engine_->Find(luxury), nullptr);
  EXPECT_EQ(engine_->dormant_campaigns(), 1u);
  EXPECT_EQ(Add(5, "Loans for everyone, call 1-888-555-0199"), loans);
}

TEST_F(DormancyTest, DormancyDoesNotChangeTheCampaigns) {
  const char* bodies[] = {
      "Louis Vuitton & Gucci up to {N}% off! Shop now: lvshop{N}.com",
      "USPS: your parcel is on hold, pay the ${N}.99 fee at usps-fee{N}.top",
      "Chase alert: account locked. Verify at chase-secure{N}.com now",
  };
  std::mt19937 random(5);
  std::vector<std::pair<int, std::string>> stream;
  for (int day = 0; day < 60; ++day) {
    for (int t = 0; t < 3; ++t) {
      // Each template goes quiet for weeks at a time.
      if ((day / 20 + t) % 2 == 1 && t != 0) continue;
      std::string body = bodies[t];
      for (size_t at; (at = body.find("{N}")) != std::string::npos;) {
        body.replace(at, 3, std::to_string(random() % 90 + 10));
      }
      stream.push_back({day, body});
    }
  }
  std::vector<uint64_t> with_archive;
  for (const auto& [day, body] : stream) with_archive.push_back(Add(day, body));
  EXPECT_GE(engine_->dormant_campaigns(), 1u);
  CampaignEngine in_memory;  // no archive: nothing ever leaves
  sequence_ = 0;
  for (const auto& [day, body] : stream) {
    Report r;
    r.sequence = ++sequence_;
    r.reported_at = *ParseRfc3339("2014-03-01T12:00:00Z") + std::chrono::days(day);
    r.reporter_hash = std::string(64, 'a');
    r.body = body;
    in_memory.Apply(r);
  }
  for (uint64_t sequence = 1; sequence <= stream.size(); ++sequence) {
    EXPECT_EQ(engine_->CampaignOf(sequence), in_memory.CampaignOf(sequence)) << sequence;
  }
}

TEST_F(DormancyTest, FoldingAgainRewindsTheArchive) {
  for (int day = 0; day < 40; ++day) {
    Add(day, "Gucci bags " + std::to_string(day + 10) + "% off at lvshop" + std::to_string(day) +
                 ".com");
    if (day == 5) Add(day, "Win a free cruise! Reply YES to 55123");
  }
  ASSERT_TRUE(engine_->Sync().ok());
  const std::string first = engine_->Serialize();
  EXPECT_EQ(engine_->dormant_campaigns(), 1u);
  // A second fold of the same log over the same archive starts from an
  // empty one and ends in the same state.
  engine_->Reset();
  sequence_ = 0;
  for (int day = 0; day < 40; ++day) {
    Add(day, "Gucci bags " + std::to_string(day + 10) + "% off at lvshop" + std::to_string(day) +
                 ".com");
    if (day == 5) Add(day, "Win a free cruise! Reply YES to 55123");
  }
  ASSERT_TRUE(engine_->Sync().ok());
  EXPECT_EQ(engine_->Serialize(), first);
}

// The real archive, with its lookups counted.
class CountingArchive : public store::CampaignArchive {
 public:
  explicit CountingArchive(store::CampaignArchive* archive) : archive_(archive) {}
  Status Put(uint64_t id, uint64_t at, std::string_view state, std::string_view fingerprint,
             std::string_view summary, std::span<const uint64_t> keys) override {
    return archive_->Put(id, at, state, fingerprint, summary, keys);
  }
  Result<std::optional<std::string>> Take(uint64_t id, uint64_t at) override {
    return archive_->Take(id, at);
  }
  Result<std::optional<std::string>> Get(uint64_t id) override { return archive_->Get(id); }
  Result<std::optional<std::string>> GetSummary(uint64_t id) override {
    return archive_->GetSummary(id);
  }
  Result<std::vector<Candidate>> Lookup(uint64_t key, size_t limit) override {
    ++lookups;
    return archive_->Lookup(key, limit);
  }
  Status ScanCampaigns(
      const std::function<bool(uint64_t id, std::string_view state)>& visit) override {
    return archive_->ScanCampaigns(visit);
  }
  Status ScanKeys(const std::function<void(uint64_t key)>& visit) override {
    return archive_->ScanKeys(visit);
  }
  Status Rewind(uint64_t sequence) override { return archive_->Rewind(sequence); }
  Status Sync() override { return archive_->Sync(); }

  int lookups = 0;

 private:
  store::CampaignArchive* archive_;
};

TEST_F(DormancyTest, MatchingAsksTheArchiveOnceUntilItChanges) {
  CountingArchive counting(archive_.get());
  CampaignOptions options;
  options.dormant_after = std::chrono::days(14);
  engine_ = std::make_unique<CampaignEngine>(options, &counting);
  const uint64_t luxury = Add(0, "Louis Vuitton & Gucci up to 80% off! Shop now: lvshop12.com");
  Add(1, "Gucci & Louis Vuitton up to 70% off! Shop now: lvshop13.com");
  for (int day = 2; day <= 20; ++day) Chatter(day);
  ASSERT_EQ(engine_->Find(luxury), nullptr);
  const std::string probe = "Louis Vuitton & Gucci up to 60% off! Shop now: lvshop77.com";
  const int before = counting.lookups;
  EXPECT_EQ(engine_->MatchCampaign(probe).campaign, luxury);
  const int asked = counting.lookups - before;
  EXPECT_GT(asked, 0);
  // The same message again: the same answer, from the cache.
  const CampaignMatch again = engine_->MatchCampaign(probe);
  EXPECT_EQ(again.campaign, luxury);
  EXPECT_EQ(again.evidence, "text (dormant)");
  EXPECT_EQ(counting.lookups - before, asked);
  // The campaign comes back and goes quiet again: the archive changed twice,
  // and the next match reads it again.
  EXPECT_EQ(Add(21, "Louis Vuitton and Gucci up to 50% off! Shop now: lvshop98.com"), luxury);
  for (int day = 22; day <= 40; ++day) Chatter(day);
  ASSERT_EQ(engine_->Find(luxury), nullptr);
  const int revived = counting.lookups;
  const CampaignMatch after = engine_->MatchCampaign(probe);
  EXPECT_EQ(after.campaign, luxury);
  EXPECT_EQ(after.evidence, "text (dormant)");
  EXPECT_GT(counting.lookups, revived);
}

// Intake stores each report's analysis with it; the engine uses those lists
// when their stamp is its analyzer's and reads the body again otherwise.
class StoredAnalysisTest : public ::testing::Test {
 protected:
  Report Make(const std::string& body, uint64_t sequence) {
    Report r;
    r.sequence = sequence;
    r.id = "r" + std::to_string(sequence);
    r.reported_at = *ParseRfc3339("2014-03-01T12:00:00Z") + std::chrono::minutes(sequence);
    r.reporter_hash = std::string(64, 'a' + static_cast<char>(sequence % 3));
    r.body = body;
    return r;
  }
  Report Stored(const std::string& body, uint64_t sequence) {
    Report r = Make(body, sequence);
    analysis::MessageAnalysis analysis;
    analyzer_.Analyze(body, &analysis);
    analysis::StoreAnalysis(analysis, analyzer_.stamp(), &r);
    return r;
  }
  analysis::MessageAnalyzer analyzer_{[] {
    analysis::AnalyzerOptions options;  // as intake's: the shingle text, no shingles
    options.word_shingle_size = 0;
    options.char_shingle_size = 0;
    return options;
  }()};
};

TEST_F(StoredAnalysisTest, StoredListsAndARereadOfTheBodyFoldToTheSameCampaigns) {
  const std::vector<std::string> bodies = {
      "Louis Vuitton, Gucci & Prada up to 80% off! Shop now: lvshop12.com/sale",
      "Gucci, Prada & Louis Vuitton up to 70% off! Shop now: lvshop13.com/outlet",
      "USPS: your package is on hold, pay $1.99 at usps-fee1.top or call 1-888-555-0199",
      "Bad credit OK, we approve everyone: 1-888-555-0199",
      "Reply YES to 87070 to claim your prize, or write to winner@prize-desk.net",
      "Chase Alert: your account has been locked. Verify at chase-1.com",
      "L0uis Vuitton, Gucc1 & Prada up to 80% off! Sh0p now: lvshop15.com",
      "Your prize is waiting bit.ly/abc123",
  };
  CampaignEngine stamped, unstamped;
  for (size_t i = 0; i < bodies.size(); ++i) {
    const Report stored = Stored(bodies[i], i + 1);
    ASSERT_NE(stored.analysis_stamp, 0u);
    stamped.Apply(stored);
    unstamped.Apply(Make(bodies[i], i + 1));  // as in a log from before the stamp
  }
  EXPECT_EQ(stamped.Serialize(), unstamped.Serialize());
  EXPECT_EQ(stamped.Campaigns().size(), 5u);
}

TEST_F(StoredAnalysisTest, ListsStampedByTheSameAnalysisAreUsedAndOthersReadAgain) {
  CampaignEngine engine;
  // The stamp vouches for the lists: the engine does not analyze the body.
  Report trusted = Stored("Designer bags 80% off at lvshop12.com", 1);
  trusted.domains = {"vouched-for.example"};
  engine.Apply(trusted);
  const Campaign* first = engine.Find(engine.CampaignOf(1));
  ASSERT_NE(first, nullptr);
  EXPECT_TRUE(first->domains.contains("vouched-for.example"));
  EXPECT_FALSE(first->domains.contains("lvshop12.com"));
  // Lists from another analysis are not trusted.
  Report other = Stored("Sunglasses clearance today only at rayban-sale7.com", 2);
  other.analysis_stamp ^= 2;
  other.domains = {"stale.example"};
  other.shingle_text = "something else entirely";
  engine.Apply(other);
  const Campaign* second = engine.Find(engine.CampaignOf(2));
  ASSERT_NE(second, nullptr);
  EXPECT_TRUE(second->domains.contains("rayban-sale7.com"));
  EXPECT_FALSE(second->domains.contains("stale.example"));
  // And a message matched against the campaigns is read like a report.
  EXPECT_EQ(engine.MatchCampaign("Sunglasses clearance today only at rayban-sale9.com").campaign,
            engine.CampaignOf(2));
}

TEST(BCubedTest, KnownValues) {
  // Predicted {a,b,c} {d}; true {a,b} {c,d}.
  const BCubed b = EvaluateBCubed({{"1", "x"}, {"1", "x"}, {"1", "y"}, {"2", "y"}});
  EXPECT_NEAR(b.precision, (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1) / 4, 1e-12);
  EXPECT_NEAR(b.recall, (1 + 1 + 0.5 + 0.5) / 4, 1e-12);
  EXPECT_EQ(b.predicted_clusters, 2u);
  EXPECT_EQ(b.true_clusters, 2u);
  const BCubed perfect = EvaluateBCubed({{"1", "x"}, {"2", "y"}});
  EXPECT_DOUBLE_EQ(perfect.f1, 1.0);
}

}  // namespace
}  // namespace spamradar::cluster
