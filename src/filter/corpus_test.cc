#include "filter/corpus.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

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
  // Straight from the zip, through minizip: 67,010 rows, 2 without a label.
  Result<std::vector<LabeledMessage>> super_sms =
      ReadCorpus(data + "/super_sms_dataset/Refined_Super_Dataset.zip", CorpusFormat::kSuperSms);
  ASSERT_TRUE(super_sms.ok()) << super_sms.status().ToString();
  EXPECT_EQ(super_sms->size(), 67008u);
  size_t spam = 0;
  for (const LabeledMessage& m : *super_sms) spam += m.spam;
  EXPECT_EQ(spam, 26178u);
  EXPECT_EQ(ReadCorpus(data + "/no/such/file", CorpusFormat::kUci).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(ReadCorpus(data + "/no/such/file.zip", CorpusFormat::kSuperSms).status().code(),
            StatusCode::kNotFound);
  // A directory is there but cannot be read as an archive: not "not found".
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() /
      ("spamradar_corpus_test_" + std::to_string(getpid()) + "_dir.zip");
  std::filesystem::create_directory(directory);
  const Status unreadable = ReadCorpus(directory.string(), CorpusFormat::kSuperSms).status();
  std::filesystem::remove(directory);
  EXPECT_EQ(unreadable.code(), StatusCode::kIoError) << unreadable.ToString();
}

// A zip archive of the given members (name, contents), deflated, written by
// minizip's writer to a scratch file and read back.
std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& members) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("spamradar_corpus_test_" + std::to_string(getpid()) + ".zip");
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  EXPECT_NE(zip, nullptr);
  for (const auto& [name, contents] : members) {
    EXPECT_EQ(zipOpenNewFileInZip64(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr,
                                    Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0),
              ZIP_OK);
    EXPECT_EQ(zipWriteInFileInZip(zip, contents.data(), static_cast<unsigned>(contents.size())),
              ZIP_OK);
    EXPECT_EQ(zipCloseFileInZip(zip), ZIP_OK);
  }
  EXPECT_EQ(zipClose(zip, nullptr), ZIP_OK);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

std::string ZipError(std::string_view archive, size_t max_size = size_t{1} << 31) {
  Result<std::string> csv = ReadCsvFromZip(archive, "test.zip", max_size);
  return csv.ok() ? "" : csv.status().message();
}

TEST(CorpusZipTest, TheFirstCsvMemberIsReadWhole) {
  std::string csv = "SMSes,Labels\n";
  for (int i = 0; i < 5000; ++i) csv += "\"message " + std::to_string(i) + ", call now\",1\n";
  const std::string archive =
      ZipOf({{"README.txt", "not this one"}, {"data/super.csv", csv}, {"other.csv", "no"}});
  Result<std::string> read = ReadCsvFromZip(archive, "test.zip");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, csv);
  // Names of any length, the longest a zip can hold included.
  for (size_t length :
       {size_t{4}, size_t{511}, size_t{512}, size_t{513}, size_t{4000}, size_t{65535}}) {
    const std::string name = std::string(length - 4, 'n') + ".csv";
    Result<std::string> long_name = ReadCsvFromZip(ZipOf({{name, "SMSes,Labels\n"}}), "t.zip");
    ASSERT_TRUE(long_name.ok()) << length << ": " << long_name.status().ToString();
    EXPECT_EQ(*long_name, "SMSes,Labels\n") << length;
  }
}

TEST(CorpusZipTest, DamagedOrForeignArchivesAreClearErrors) {
  const std::string csv(100000, 'x');
  const std::string archive = ZipOf({{"data.csv", csv}});
  ASSERT_EQ(ZipError(archive), "");
  EXPECT_EQ(ZipError(ZipOf({{"notes.txt", "hello"}})), "test.zip holds no .csv file");
  EXPECT_EQ(ZipError("SMSes,Labels\nhello,0\n"), "test.zip is not a zip archive");
  EXPECT_EQ(ZipError(""), "test.zip is not a zip archive");
  EXPECT_EQ(ZipError(archive, 1000), "data.csv in test.zip is larger than 1000 bytes");
  // Cut before its end record (the last 22 bytes), the archive loses its directory.
  for (size_t keep : {size_t{0}, size_t{30}, archive.size() / 2, archive.size() - 22}) {
    EXPECT_NE(ZipError(archive.substr(0, keep)), "") << keep;
  }
  // A byte changed in the compressed data: the inflater or the CRC says so.
  for (size_t at = 40; at < archive.size() / 2; at += 7) {
    std::string damaged = archive;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    EXPECT_NE(ZipError(damaged), "") << at;
  }
}

TEST(CorpusTest, FormatNames) {
  EXPECT_TRUE(ParseCorpusFormat("uci").ok());
  EXPECT_TRUE(ParseCorpusFormat("super-sms").ok());
  EXPECT_FALSE(ParseCorpusFormat("csv").ok());
}

}  // namespace
}  // namespace spamradar::filter
