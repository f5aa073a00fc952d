#include "intake/importer.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"

namespace spamradar::intake {
namespace {

std::string FreshDirectory(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string Line(int i, const std::string& extra = "") {
  return R"({"id":"r)" + std::to_string(i) +
         R"(","reported_at":"2014-03-01T12:00:00Z","reporter":"+12125550142","body":"Gucci 70% off at gucci-outlet)" +
         std::to_string(i % 7) + R"(.com")" + extra + "}\n";
}

struct Fixture {
  explicit Fixture(const std::string& name)
      : dir(FreshDirectory(name)),
        store(std::move(store::sqlite::SqliteStore::Open(dir + "/data")).value()),
        enricher(std::move(ReporterHasher::OpenOrCreate(dir)).value()),
        clock(*ParseRfc3339("2014-04-01T00:00:00Z")) {}

  ImportProgress Import(const std::string& text, ImportOptions options = {}) {
    const std::string path = dir + "/input.jsonl";
    std::FILE* file = std::fopen(path.c_str(), "w+b");
    std::fwrite(text.data(), 1, text.size(), file);
    std::rewind(file);
    Importer importer(enricher, *store, clock, options);
    Result<ImportProgress> progress = importer.Import(file);
    std::fclose(file);
    EXPECT_TRUE(progress.ok()) << progress.status().ToString();
    return progress.ok() ? *progress : ImportProgress();
  }

  uint64_t StoredReports() { return *store->LastSequence(); }

  std::string dir;
  std::unique_ptr<store::sqlite::SqliteStore> store;
  Enricher enricher;
  ManualClock clock;
};

TEST(ImporterTest, BadLinesAreRejectedAloneAndGoodOnesKept) {
  Fixture f("importer_mixed");
  std::string input = Line(1) + "{broken\n" + Line(2) + "\n" +
                      R"({"reported_at":"2014-03-01T12:00:00Z","reporter":"x","body":7})"
                      "\n" +
                      Line(3, R"(,"channel":"pigeon")") + Line(4);
  ImportOptions options;
  options.batch_size = 2;  // several transactions
  const ImportProgress p = f.Import(input, options);
  EXPECT_EQ(p.lines, 7u);
  EXPECT_EQ(p.accepted, 3u);
  EXPECT_EQ(p.rejected, 3u);
  ASSERT_EQ(p.errors.size(), 3u);
  EXPECT_EQ(p.errors[0].line, 2u);
  EXPECT_EQ(p.errors[1].line, 5u);
  EXPECT_NE(p.errors[1].message.find("body: must be a string"), std::string::npos);
  EXPECT_EQ(p.errors[2].line, 6u);
  EXPECT_NE(p.errors[2].message.find("channel:"), std::string::npos);
  EXPECT_EQ(f.StoredReports(), 3u);
}

TEST(ImporterTest, ImportingTwiceStoresEachReportOnce) {
  Fixture f("importer_twice");
  const std::string input = Line(1) + Line(2) + Line(3);
  EXPECT_EQ(f.Import(input).accepted, 3u);
  const ImportProgress again = f.Import(input);
  EXPECT_EQ(again.accepted, 0u);
  EXPECT_EQ(again.duplicates, 3u);
  EXPECT_EQ(f.StoredReports(), 3u);
}

TEST(ImporterTest, StrictWritesNothingWhenALineIsBad) {
  Fixture f("importer_strict");
  ImportOptions strict;
  strict.strict = true;
  const ImportProgress bad = f.Import(Line(1) + Line(2) + "[]\n" + Line(4), strict);
  EXPECT_EQ(bad.rejected, 1u);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].line, 3u);
  EXPECT_EQ(f.StoredReports(), 0u);
  const ImportProgress good = f.Import(Line(1) + Line(2), strict);
  EXPECT_EQ(good.accepted, 2u);
  EXPECT_EQ(f.StoredReports(), 2u);
}

TEST(ImporterTest, AHugeLineIsRejectedWithoutBeingHeld) {
  Fixture f("importer_huge");
  const std::string huge = "{\"body\":\"" + std::string(10 << 20, 'a') + "\"}\n";
  const ImportProgress p = f.Import(Line(1) + huge + Line(3));
  EXPECT_EQ(p.accepted, 2u);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line, 2u);
  EXPECT_NE(p.errors[0].message.find("longer than"), std::string::npos);
}

TEST(ImporterTest, LastLineWithoutNewlineAndCrLf) {
  Fixture f("importer_endings");
  std::string input = Line(1);
  input.insert(input.size() - 1, "\r");
  std::string last = Line(2);
  last.pop_back();
  const ImportProgress p = f.Import(input + last);
  EXPECT_EQ(p.accepted, 2u);
  EXPECT_EQ(p.rejected, 0u);
}

}  // namespace
}  // namespace spamradar::intake
