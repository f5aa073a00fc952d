// End-to-end tests of the spamradar binary: exit codes, help, and `inspect`
// as a user runs it, through a real shell.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct CommandResult {
  int exit_code;
  std::string output;  // stdout and stderr
};

CommandResult Spamradar(const std::string& arguments, const std::string& stdin_text = "") {
  // A file of its own per call: ctest runs the tests of this binary in parallel.
  std::string input = std::string(::testing::TempDir()) + "/cli_test_stdin_XXXXXX";
  const int fd = mkstemp(input.data());
  if (fd < 0) return {-1, "mkstemp failed"};
  if (!stdin_text.empty() && write(fd, stdin_text.data(), stdin_text.size()) < 0) {
    close(fd);
    return {-1, "write failed"};
  }
  close(fd);
  const std::string command =
      std::string(SPAMRADAR_BINARY) + " " + arguments + " < " + input + " 2>&1";
  CommandResult run{-1, {}};
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    unlink(input.c_str());
    return run;
  }
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) run.output.append(buffer, n);
  const int status = pclose(pipe);
  unlink(input.c_str());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

TEST(CliTest, VersionAndHelp) {
  const CommandResult version = Spamradar("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.output.find("spamradar 0."), std::string::npos);
  const CommandResult help = Spamradar("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("inspect"), std::string::npos);
  const CommandResult inspect_help = Spamradar("inspect --help");
  EXPECT_EQ(inspect_help.exit_code, 0);
  EXPECT_NE(inspect_help.output.find("--reporter"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Spamradar("").exit_code, 2);
  EXPECT_EQ(Spamradar("frobnicate").exit_code, 2);
  EXPECT_EQ(Spamradar("inspect --no-such-flag").exit_code, 2);
  const CommandResult bad_reporter = Spamradar("inspect --reporter 12 hello");
  EXPECT_EQ(bad_reporter.exit_code, 2);
  EXPECT_NE(bad_reporter.output.find("not a valid phone number"), std::string::npos);
  EXPECT_EQ(Spamradar("inspect --region XX hello").exit_code, 2);
}

TEST(CliTest, InspectArgumentsAndReporterMetro) {
  const CommandResult run = Spamradar(
      "inspect --no-tokens --reporter +12125551234 'L0uis V1tt0n 80% off lvshop12 dot com'");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto lines = JsonLines(run.output);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["normalized"], "louis vitton 80% off lvshop12.com");
  EXPECT_EQ(lines[0]["reporter"]["metro"], "New York");
  EXPECT_FALSE(lines[0].contains("tokens"));
  bool url = false;
  for (const auto& signal : lines[0]["signals"]) {
    if (signal["kind"] == "url") {
      url = true;
      EXPECT_EQ(signal["domain"], "lvshop12.com");
      EXPECT_EQ(signal["text"], "lvshop12 dot com");
    }
  }
  EXPECT_TRUE(url);
}

// A number outside the US table is described by the geocoder module, which
// links libphonenumber's shared object while the command may link its archive
// (cmake/StaticLibraries.cmake): the two meet only through the number's text.
TEST(CliTest, InspectDescribesAReporterOutsideTheUs) {
  const CommandResult run = Spamradar("inspect --reporter '+44 20 7123 4567' hello");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto lines = JsonLines(run.output);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["reporter"]["e164"], "+442071234567");
  EXPECT_EQ(lines[0]["reporter"]["region"], "GB");
  EXPECT_EQ(lines[0]["reporter"]["location"], "London");
}

TEST(CliTest, InspectReadsOneMessagePerLineFromStdin) {
  const CommandResult run = Spamradar("inspect", "WINNER! call 09061701461\r\n\nbad \xFF byte\n");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto lines = JsonLines(run.output);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["text"], "WINNER! call 09061701461");  // CR removed
  EXPECT_EQ(lines[1]["normalized"], "");
  EXPECT_EQ(lines[2]["signals"][0]["kind"], "invalid_utf8");
}

TEST(CliTest, InspectsTheBundledSample) {
  std::string sample;
  const std::string path = std::string(SPAMRADAR_TEST_SOURCE_DIR) + "/data/samples/spam_sample.txt";
  FILE* f = std::fopen(path.c_str(), "rb");
  ASSERT_NE(f, nullptr);
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) sample.append(buffer, n);
  std::fclose(f);
  const CommandResult run = Spamradar("inspect --no-tokens", sample);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(JsonLines(run.output).size(), 60u);
}

}  // namespace

namespace {

TEST(CliTest, TrainThenClassifyWithReasons) {
  const std::string dir = ::testing::TempDir();
  const std::string corpus = dir + "/cli_corpus.jsonl";
  if (FILE* f = std::fopen(corpus.c_str(), "wb")) {
    for (int i = 0; i < 30; ++i) {
      std::fprintf(
          f, "{\"text\":\"WINNER! claim your prize %d at bit.ly/x%d now\",\"label\":\"spam\"}\n", i,
          i);
      std::fprintf(
          f, "{\"text\":\"see you at dinner tonight, bring %d plates\",\"label\":\"ham\"}\n", i);
    }
    std::fclose(f);
  }
  const std::string model = dir + "/cli.model";
  const CommandResult train =
      Spamradar("train --corpus " + corpus + " --format jsonl --out " + model);
  ASSERT_EQ(train.exit_code, 0) << train.output;
  const CommandResult classify = Spamradar("classify --model " + model,
                                           "WINNER! claim your prize 99 at bit.ly/zz now\n"
                                           "see you at dinner tonight\n");
  ASSERT_EQ(classify.exit_code, 0) << classify.output;
  const auto lines = JsonLines(classify.output);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["label"], "spam");
  EXPECT_FALSE(lines[0]["reasons"].empty());
  EXPECT_EQ(lines[1]["label"], "ham");

  // Thresholds: at 0 everything is spam; a suspect threshold above the spam one is refused.
  const CommandResult strict =
      Spamradar("classify --reasons 0 --spam-threshold 0 --suspect-threshold 0 --model " + model,
                "see you at dinner tonight\n");
  ASSERT_EQ(strict.exit_code, 0) << strict.output;
  EXPECT_EQ(JsonLines(strict.output)[0]["label"], "spam");
  EXPECT_EQ(
      Spamradar("classify --spam-threshold 0.2 --suspect-threshold 0.5 --model " + model, "x\n")
          .exit_code,
      2);
}

TEST(CliTest, ClassifyWithoutModelUsesTheDefaultOne) {
  const CommandResult classify =
      Spamradar("classify --reasons 2",
                "USPS: your parcel is held, pay the $1.99 redelivery fee at usps-redeliver.top\n"
                "Your Google verification code is 482913\n");
  ASSERT_EQ(classify.exit_code, 0) << classify.output;
  const auto lines = JsonLines(classify.output);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["label"], "spam");
  EXPECT_EQ(lines[0]["reasons"].size(), 2u);
  EXPECT_EQ(lines[1]["label"], "ham");
  // More reasons than anyone reads are refused, clearly.
  const CommandResult too_many = Spamradar("classify --reasons 101", "hello\n");
  EXPECT_EQ(too_many.exit_code, 2);
  EXPECT_NE(too_many.output.find("--reasons: Value 101 not in range 0 to 100"), std::string::npos)
      << too_many.output;
}

TEST(CliTest, EvalOfATrainedModelOnAWholeCorpus) {
  const std::string corpus = ::testing::TempDir() + "/cli_eval_model.tsv";
  if (FILE* f = std::fopen(corpus.c_str(), "wb")) {
    std::fputs("spam\tWINNER! You won a $1000 gift card, claim now at bit.ly/gift1000\n", f);
    std::fputs("ham\tare we still on for lunch tomorrow?\n", f);
    std::fclose(f);
  }
  const CommandResult eval = Spamradar("eval --model default --json --corpus " + corpus);
  ASSERT_EQ(eval.exit_code, 0) << eval.output;
  const nlohmann::json result = nlohmann::json::parse(eval.output);
  EXPECT_EQ(result["all"]["messages"], 2);
  EXPECT_EQ(result["all"]["true_spam"], 1);
  EXPECT_EQ(result["all"]["true_ham"], 1);
  // An override of the model's threshold: at 0 everything is blocked.
  const CommandResult strict = Spamradar(
      "eval --model default --json --spam-threshold 0 --suspect-threshold 0 --corpus " + corpus);
  ASSERT_EQ(strict.exit_code, 0) << strict.output;
  EXPECT_EQ(nlohmann::json::parse(strict.output)["all"]["false_spam"], 1);
}

TEST(CliTest, ConversationOverStdinAcrossTwoRuns) {
  const std::string data = ::testing::TempDir() + "/cli_conversation";
  std::filesystem::remove_all(data);
  const CommandResult first =
      Spamradar("conversation --operator acme --data " + data,
                "+12125550142\tGucci 80% off gucci-sale.top\t2014-03-01T12:00:00Z\n");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("+12125550142\tThanks. Please reply with the phone number"),
            std::string::npos)
      << first.output;
  // The next run (a restart) still has the report pending and completes it.
  const CommandResult second =
      Spamradar("conversation --data " + data, "+12125550142\t87070\t2014-03-01T12:03:00Z\n");
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("Thank you for your report"), std::string::npos);
  EXPECT_NE(second.output.find("1 reports stored"), std::string::npos) << second.output;
  EXPECT_EQ(Spamradar("conversation --data " + data, "no tab here\n").exit_code, 1);
}

TEST(CliTest, ImportRejectsBadLinesAloneAndRebuildAgrees) {
  const std::string dir = ::testing::TempDir() + "/cli_import";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/reports.jsonl";
  if (FILE* f = std::fopen(file.c_str(), "wb")) {
    std::fputs(R"({"reported_at":"2014-03-01T12:00:00Z","reporter":"+12125550142","body":"a"})"
               "\n{oops\n"
               R"({"reported_at":"2014-03-01T12:00:00Z","reporter":"+12125550142","body":"b"})"
               "\n",
               f);
    std::fclose(f);
  }
  const CommandResult imported = Spamradar("import " + file + " --json --data " + dir + "/data");
  EXPECT_EQ(imported.exit_code, 1) << imported.output;  // a line was rejected
  const nlohmann::json summary = nlohmann::json::parse(imported.output);
  EXPECT_EQ(summary["accepted"], 2);
  EXPECT_EQ(summary["rejected"], 1);
  EXPECT_EQ(summary["errors"][0]["line"], 2);
  const CommandResult strict = Spamradar("import " + file + " --strict --data " + dir + "/strict");
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.output.find("nothing written"), std::string::npos) << strict.output;
  const CommandResult rebuilt = Spamradar("rebuild --data " + dir + "/data");
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.output;
  EXPECT_NE(rebuilt.output.find("from 2 reports"), std::string::npos) << rebuilt.output;
}

TEST(CliTest, SimulateImportCampaignsAndClassifyAgainstThem) {
  const std::string dir = ::testing::TempDir() + "/cli_campaigns";
  std::filesystem::remove_all(dir);
  ASSERT_EQ(Spamradar("simulate --reports 3000 --out " + dir + "/stream").exit_code, 0);
  ASSERT_EQ(Spamradar("import " + dir + "/stream/reports.jsonl --data " + dir + "/data").exit_code,
            0);
  const CommandResult campaigns =
      Spamradar("campaigns --json --limit 1 --region 'New York' --data " + dir + "/data");
  ASSERT_EQ(campaigns.exit_code, 0) << campaigns.output;
  const nlohmann::json top = nlohmann::json::parse(campaigns.output);
  EXPECT_EQ(top["id"], 1);  // the counterfeit-luxury campaign starts the stream
  EXPECT_NE(top["name"].get<std::string>().find("Counterfeit luxury goods"), std::string::npos);
  for (const char* key : {"id", "name", "reports", "share", "first_seen", "last_seen", "template",
                          "brands", "domains", "senders", "channels"}) {
    EXPECT_TRUE(top.contains(key)) << key;
  }
  EXPECT_GT(top["share"].get<double>(), 0.3);
  const CommandResult eval = Spamradar("eval-campaigns --json --truth " + dir +
                                       "/stream/truth.jsonl --data " + dir + "/data");
  ASSERT_EQ(eval.exit_code, 0) << eval.output;
  EXPECT_GT(nlohmann::json::parse(eval.output)["f1"].get<double>(), 0.9);
  const CommandResult classify =
      Spamradar("classify --reasons 0 --data " + dir + "/data",
                "Gucci and Prada bags, wallets and sunglasses 80% off today only lvshop99.com\n");
  ASSERT_EQ(classify.exit_code, 0) << classify.output;
  EXPECT_EQ(JsonLines(classify.output)[0]["campaign"]["id"], 1) << classify.output;
  EXPECT_EQ(Spamradar("campaigns --region Gotham --data " + dir + "/data").exit_code, 2);
}

// `classify --data` with senders: a campaign gone dormant (quiet for two
// weeks of report time) is still named, by its text or by a sender it was
// reported from; a sender no report could name is said on stderr and the
// message classified anyway.
TEST(CliTest, ClassifyNamesDormantCampaignsByTextOrSender) {
  const std::string dir = ::testing::TempDir() + "/cli_dormant";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream reports(dir + "/reports.jsonl");
    auto report = [&](int i, const std::string& day, const std::string& sender,
                      const std::string& body) {
      reports << nlohmann::json{{"id", "r" + std::to_string(i)},
                                {"reported_at", day + "T12:00:00Z"},
                                {"reporter", "+1212555" + std::to_string(1000 + i)},
                                {"sender", sender},
                                {"body", body}}
                     .dump()
              << "\n";
    };
    for (int i = 0; i < 3; ++i) {
      report(i, "2014-03-0" + std::to_string(i + 1), "lvshop@icloud.com",
             "Louis Vuitton & Gucci up to " + std::to_string(70 + i) + "% off! Shop now: lvshop1" +
                 std::to_string(i) + ".com");
    }
    for (int i = 0; i < 20; ++i) {  // a month later: the first campaign has gone quiet
      report(10 + i, "2014-04-" + std::to_string(10 + i), "+12025550199",
             "USPS: your parcel is held, pay the fee at usps-fee" + std::to_string(i) + ".top");
    }
  }
  ASSERT_EQ(Spamradar("import " + dir + "/reports.jsonl --data " + dir + "/data").exit_code, 0);
  const CommandResult classify =
      Spamradar("classify --reasons 0 --with-senders --data " + dir + "/data",
                "lvshop@icloud.com\tAre you free for dinner later?\n"
                "\tLouis Vuitton and Gucci up to 60% off! Shop now: lvshop77.com\n"
                "call me <maybe>\tAre you free for dinner later?\n"
                "Are you free for dinner later?\n");
  ASSERT_EQ(classify.exit_code, 0) << classify.output;
  std::vector<nlohmann::json> lines;
  std::istringstream output(classify.output);
  for (std::string line; std::getline(output, line);) {
    if (line.starts_with("{")) lines.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(lines.size(), 4u) << classify.output;
  EXPECT_EQ(lines[0]["campaign"]["id"], 1) << classify.output;
  EXPECT_EQ(lines[0]["campaign"]["evidence"], "sender lvshop@icloud.com (dormant)");
  EXPECT_NE(lines[0]["campaign"]["name"], "");
  EXPECT_EQ(lines[1]["campaign"]["id"], 1) << classify.output;
  EXPECT_EQ(lines[1]["campaign"]["evidence"], "text (dormant)");
  EXPECT_EQ(lines[1]["campaign"]["name"], lines[0]["campaign"]["name"]);
  EXPECT_TRUE(lines[2]["campaign"].is_null());
  EXPECT_TRUE(lines[3]["campaign"].is_null());
  EXPECT_NE(classify.output.find("line 3: sender: 'call me <maybe>'"), std::string::npos)
      << classify.output;
}

std::string ReadFile(const std::string& path) {
  std::string bytes;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) bytes.append(buffer, n);
    std::fclose(f);
  }
  return bytes;
}

// Spam reports of a campaign a model has never seen, taught with `learn`:
// the campaign's other messages are spam for the new model, and the model
// learned from is left as it was.
TEST(CliTest, LearnTeachesAModelANewCampaign) {
  const std::string dir = ::testing::TempDir();
  const std::string model = dir + "/cli_learn_uci.model";
  ASSERT_EQ(Spamradar("train --corpus " SPAMRADAR_SHARED_DATA_DIR
                      "/sms_spam_collection/SMSSpamCollection --format uci --out " +
                      model)
                .exit_code,
            0);
  // A "wrong number" romance opener with rotating names, cities and handles.
  const char* names[] = {"amy", "jessica", "lily", "sophia", "emma", "chloe", "mia", "grace"};
  const char* cities[] = {"boston", "denver", "austin", "miami", "seattle", "phoenix"};
  const char* apps[] = {"whatsapp", "telegram", "signal", "line"};
  std::string reports, held_out;
  for (int i = 0; i < 48; ++i) {
    const std::string message = std::string("hi its ") + names[i % 8] +
                                ", long time no see! i just moved to " + cities[(i / 3) % 6] +
                                ". text me on " + apps[(i / 2) % 4] + " at " + names[(i + 3) % 8] +
                                std::to_string(17 * i + 10) + " so we can catch up";
    (i < 36 ? reports : held_out) += (i < 36 ? "spam\t" : "") + message + "\n";
  }
  const std::string corpus = dir + "/cli_learn_reports.tsv";
  if (FILE* f = std::fopen(corpus.c_str(), "wb")) {
    std::fputs(reports.c_str(), f);
    std::fclose(f);
  }
  const auto spam_verdicts = [&](const std::string& with) {
    const CommandResult run = Spamradar("classify --reasons 0 --model " + with, held_out);
    EXPECT_EQ(run.exit_code, 0) << run.output;
    int spam = 0;
    for (const nlohmann::json& line : JsonLines(run.output)) spam += line["label"] == "spam";
    return spam;
  };
  ASSERT_EQ(spam_verdicts(model), 0);
  const std::string before = ReadFile(model);
  const std::string learned = dir + "/cli_learn_learned.model";
  const CommandResult learn =
      Spamradar("learn --json --model " + model + " --corpus " + corpus + " --out " + learned);
  ASSERT_EQ(learn.exit_code, 0) << learn.output;
  const nlohmann::json summary = nlohmann::json::parse(learn.output);
  EXPECT_EQ(summary["messages"], 36);
  EXPECT_EQ(summary["spam"], 36);
  EXPECT_EQ(summary["on_their_side_before"], 0);
  EXPECT_EQ(summary["on_their_side_after"], 36);
  EXPECT_GT(summary["taught"], 0);
  EXPECT_EQ(spam_verdicts(learned), 12);
  EXPECT_EQ(ReadFile(model), before);

  // Learning into the model's own file replaces it.
  ASSERT_EQ(
      Spamradar("learn --model " + model + " --corpus " + corpus + " --out " + model).exit_code, 0);
  EXPECT_EQ(spam_verdicts(model), 12);

  // Bad input: a bad line is named, a missing model is a clear error, and
  // nothing is written for either.
  const std::string bad = dir + "/cli_learn_bad.tsv";
  if (FILE* f = std::fopen(bad.c_str(), "wb")) {
    std::fputs("spam\tfine\nspma\toops\n", f);
    std::fclose(f);
  }
  const std::string untouched = dir + "/cli_learn_untouched.model";
  const CommandResult bad_line =
      Spamradar("learn --model " + model + " --corpus " + bad + " --out " + untouched);
  EXPECT_EQ(bad_line.exit_code, 1);
  EXPECT_NE(bad_line.output.find("line 2: unknown label"), std::string::npos) << bad_line.output;
  const CommandResult no_model =
      Spamradar("learn --model " + dir + "/no.model --corpus " + corpus + " --out " + untouched);
  EXPECT_EQ(no_model.exit_code, 1);
  EXPECT_NE(no_model.output.find("cannot open model file"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(untouched));
  EXPECT_EQ(Spamradar("learn --corpus " + corpus).exit_code, 2);  // --out missing
}

TEST(CliTest, FilterCommandsReportBadInput) {
  const std::string dir = ::testing::TempDir();
  const std::string corpus = dir + "/cli_bad_corpus.txt";
  if (FILE* f = std::fopen(corpus.c_str(), "wb")) {
    std::fputs("ham\tfine\nspma\toops\n", f);
    std::fclose(f);
  }
  const CommandResult bad_corpus = Spamradar("eval --corpus " + corpus + " --format uci");
  EXPECT_EQ(bad_corpus.exit_code, 1);
  EXPECT_NE(bad_corpus.output.find("line 2: unknown label"), std::string::npos)
      << bad_corpus.output;
  const CommandResult missing_model = Spamradar("classify --model " + dir + "/no.model", "hi\n");
  EXPECT_EQ(missing_model.exit_code, 1);
  EXPECT_NE(missing_model.output.find("cannot open model file"), std::string::npos);
  EXPECT_EQ(Spamradar("train --corpus " + corpus).exit_code, 2);  // --out missing
}

}  // namespace
