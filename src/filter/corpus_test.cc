#include "filter/corpus.h"

#include <gtest/gtest.h>

namespace spamradar::filter {
namespace {

std::string ErrorOf(std::string_view bytes, CorpusFormat format) {
  Result<std::vector<LabeledMessage>> corpus = ParseCorpus(bytes, format);
  return corpus.ok() ? "" : corpus.status().message();
}

TEST(CorpusTest, Uci) {
  Result<std::vector<LabeledMessage>> corpus =
      ParseCorpus("ham\thello\nspam\tWIN now\r\n", CorpusFormat::kUci);
  ASSERT_TRUE(corpus.ok());
  ASSERT_EQ(corpus->size(), 2u);
  EXPECT_FALSE((*corpus)[0].spam);
  EXPECT_EQ((*corpus)[1].text, "WIN now");
  EXPECT_EQ(ErrorOf("ham\tok\nspma\tx\n", CorpusFormat::kUci),
            "line 2: unknown label 'spma' (expected spam or ham)");
  EXPECT_EQ(ErrorOf("ham\tok\nno tab here\n", CorpusFormat::kUci), "line 2: missing tab");
  EXPECT_EQ(ErrorOf("ham\tbad \xFF byte\n", CorpusFormat::kUci), "line 1: invalid UTF-8");
}

TEST(CorpusTest, SuperSmsCsvWithQuotingAndExtraColumns) {
  const std::string csv =
      "SMSes,Labels,Extracted URL\n"
      "\"Win, now \"\"free\"\"\nsecond line\",spam,http://x.co\n"
      "plain text,ham,\n"
      "unlabelled row,,\n";
  Result<std::vector<LabeledMessage>> corpus = ParseCorpus(csv, CorpusFormat::kSuperSms);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  ASSERT_EQ(corpus->size(), 2u);  // the row without a label carries no truth
  EXPECT_EQ((*corpus)[0].text, "Win, now \"free\"\nsecond line");
  EXPECT_TRUE((*corpus)[0].spam);
  EXPECT_EQ(ErrorOf("SMSes,Labels\n\"open quote,spam\n", CorpusFormat::kSuperSms),
            "line 2: unterminated quoted field");
  EXPECT_EQ(ErrorOf("Text,Label\nx,spam\n", CorpusFormat::kSuperSms),
            "line 1: header must name the columns SMSes and Labels");
  EXPECT_EQ(ErrorOf("SMSes,Labels\nx,maybe\n", CorpusFormat::kSuperSms),
            "line 2: unknown label 'maybe' (expected spam or ham)");
}

TEST(CorpusTest, Jsonl) {
  Result<std::vector<LabeledMessage>> corpus =
      ParseCorpus("{\"text\":\"hi\",\"label\":\"ham\"}\n{\"label\":\"spam\",\"text\":\"win\"}\n",
                  CorpusFormat::kJsonl);
  ASSERT_TRUE(corpus.ok());
  EXPECT_EQ(corpus->size(), 2u);
  EXPECT_EQ(ErrorOf("{\"text\":\"hi\"}\n", CorpusFormat::kJsonl),
            "line 1: missing \"label\" string");
  EXPECT_EQ(ErrorOf("{broken\n", CorpusFormat::kJsonl), "line 1: not a JSON object");
}

TEST(CorpusTest, ReadsTheRealCollectionsFromDisk) {
  const std::string data = SPAMRADAR_SHARED_DATA_DIR;
  Result<std::vector<LabeledMessage>> uci =
      ReadCorpus(data + "/sms_spam_collection/SMSSpamCollection", CorpusFormat::kUci);
  ASSERT_TRUE(uci.ok()) << uci.status().ToString();
  EXPECT_EQ(uci->size(), 5574u);
  // Straight from the zip, through libzip: 67,010 rows, 2 without a label.
  Result<std::vector<LabeledMessage>> super_sms =
      ReadCorpus(data + "/super_sms_dataset/Refined_Super_Dataset.zip", CorpusFormat::kSuperSms);
  ASSERT_TRUE(super_sms.ok()) << super_sms.status().ToString();
  EXPECT_EQ(super_sms->size(), 67008u);
  size_t spam = 0;
  for (const LabeledMessage& m : *super_sms) spam += m.spam;
  EXPECT_EQ(spam, 26178u);
  EXPECT_EQ(ReadCorpus(data + "/no/such/file", CorpusFormat::kUci).status().code(),
            StatusCode::kNotFound);
}

TEST(CorpusTest, FormatNames) {
  EXPECT_TRUE(ParseCorpusFormat("uci").ok());
  EXPECT_TRUE(ParseCorpusFormat("super-sms").ok());
  EXPECT_FALSE(ParseCorpusFormat("csv").ok());
}

}  // namespace
}  // namespace spamradar::filter
