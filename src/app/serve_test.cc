// `spamradar serve` as an operator runs it: a process that prints its demo
// key, serves, and on SIGTERM stops accepting, finishes the request in flight
// and exits 0 with its data intact.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `spamradar serve` on port 0 with `args` after --data DIR/data, its
// output in DIR/stdout and DIR/stderr; the port once it logs readiness.
class ServeProcess {
 public:
  ServeProcess(const std::string& dir, std::vector<std::string> args)
      : out_(dir + "/stdout"), err_(dir + "/stderr") {
    args.insert(args.begin(), {SPAMRADAR_BINARY, "serve", "--data", dir + "/data", "--port", "0"});
    pid_ = fork();
    if (pid_ == 0) {
      freopen(out_.c_str(), "w", stdout);
      freopen(err_.c_str(), "w", stderr);
      std::vector<char*> argv;
      for (std::string& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(SPAMRADAR_BINARY, argv.data());
      _exit(127);
    }
    for (int i = 0; i < 400 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      std::smatch match;
      const std::string log = ReadFile(err_);
      if (log.find("\"ready\"") != std::string::npos &&
          std::regex_search(log, match, std::regex("\"port\":([0-9]+)"))) {
        port_ = std::stoi(match[1]);
      }
    }
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  int port() const { return port_; }
  std::string log() const { return ReadFile(err_); }
  std::string key() const {
    std::smatch key;
    const std::string printed = ReadFile(out_);
    return std::regex_search(printed, key, std::regex("sr_[0-9a-f]{40}")) ? key.str() : "";
  }
  void Signal(int signal) const { kill(pid_, signal); }
  // Waits until the log has `count` lines with `text`; false after 10 s.
  bool WaitForLog(const std::string& text, int count) const {
    for (int i = 0; i < 400; ++i) {
      const std::string log = ReadFile(err_);
      int seen = 0;
      for (size_t at = log.find(text); at != std::string::npos; at = log.find(text, at + 1)) ++seen;
      if (seen >= count) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
  }
  // Waits for the process to end: its exit status (-1 if it did not exit
  // normally).
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  // SIGTERM, then the exit status.
  int Stop() {
    Signal(SIGTERM);
    return Wait();
  }

 private:
  std::string out_, err_;
  pid_t pid_ = -1;
  int port_ = 0;
  bool exited_ = false;
};

TEST(ServeTest, SigtermFinishesInFlightRequestsAndExitsZero) {
  const std::string dir = ::testing::TempDir() + "/serve_test_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ServeProcess server(dir, {"--demo"});
  ASSERT_NE(server.port(), 0) << server.log();
  const std::string key = server.key();
  ASSERT_FALSE(key.empty());
  httplib::Client client("127.0.0.1", server.port());
  const httplib::Headers auth = {{"Authorization", "Bearer " + key}};
  auto stats = client.Get("/v1/stats", auth);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);

  // A slow client's request is in flight when SIGTERM arrives: it is answered.
  int late_status = 0;  // 0: refused before it was accepted
  std::thread slow([&] {
    httplib::Client other("127.0.0.1", server.port());
    auto late = other.Post("/v1/classify", auth, R"({"text": "Gucci 80% off at lvshop12.com"})",
                           "application/json");
    if (late) late_status = late->status;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server.Signal(SIGTERM);
  slow.join();
  EXPECT_EQ(server.Wait(), 0) << server.log();
  if (late_status != 0) {
    EXPECT_EQ(late_status, 200);  // accepted, so answered in full
  }
  const std::string log = server.log();
  EXPECT_NE(log.find("\"msg\":\"stopping\""), std::string::npos) << log;
  EXPECT_NE(log.find("\"msg\":\"stopped\""), std::string::npos) << log;
  // The logs never carry a key.
  EXPECT_EQ(log.find(key), std::string::npos);
  // Nothing accepts connections any more.
  httplib::Client after("127.0.0.1", server.port());
  after.set_connection_timeout(1);
  EXPECT_FALSE(after.Get("/healthz"));
}

// The "probability" member of a verdict, as written (both the API and
// `spamradar classify` write it with the same code).
std::string ProbabilityOf(const std::string& verdict) {
  std::smatch match;
  return std::regex_search(verdict, match, std::regex("\"probability\":([0-9.e+-]+)"))
             ? match[1].str()
             : std::string();
}

int RunCommand(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// An operator retrains or teaches the model (spamradar train / learn write a
// new file and rename it over the old one) and sends SIGHUP: the running
// server classifies with the new model, without a restart; a file that does
// not load leaves the model in use alone.
TEST(ServeTest, SighupReadsTheModelFileAgain) {
  const std::string dir = ::testing::TempDir() + "/serve_model_test_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // Two small models that disagree: one taught that cruise offers are spam,
  // the other that they are ham.
  const char* cruise[] = {"Claim your free cruise now at cruise-win.top",
                          "You won a free cruise, reply YES to claim",
                          "Free cruise for two, call now to claim your prize",
                          "Your cruise prize is waiting, claim it today"};
  const char* chat[] = {"Are we still on for dinner tonight?", "Call me when you get home",
                        "I will be late, start without me", "Thanks for the lovely evening"};
  for (const bool cruise_is_spam : {true, false}) {
    std::ofstream corpus(dir + (cruise_is_spam ? "/a.tsv" : "/b.tsv"));
    for (int round = 0; round < 5; ++round) {
      for (const char* text : cruise)
        corpus << (cruise_is_spam ? "spam\t" : "ham\t") << text << "\n";
      for (const char* text : chat) corpus << (cruise_is_spam ? "ham\t" : "spam\t") << text << "\n";
    }
  }
  for (const char* name : {"a", "b"}) {
    ASSERT_EQ(RunCommand(std::string(SPAMRADAR_BINARY) + " train --corpus " + dir + "/" + name +
                         ".tsv --format uci --out " + dir + "/" + name + ".model > /dev/null 2>&1"),
              0);
  }
  const std::string probe = "Claim your free cruise today";
  { std::ofstream(dir + "/probe.txt") << probe << "\n"; }
  auto cli_probability = [&](const std::string& model) {
    const std::string out = dir + "/cli_" + model + ".jsonl";
    EXPECT_EQ(RunCommand(std::string(SPAMRADAR_BINARY) + " classify --reasons 0 --model " + dir +
                         "/" + model + ".model < " + dir + "/probe.txt > " + out),
              0);
    return ProbabilityOf(ReadFile(out));
  };
  const std::string with_a = cli_probability("a"), with_b = cli_probability("b");
  ASSERT_FALSE(with_a.empty());
  ASSERT_NE(with_a, with_b);

  const std::string live = dir + "/live.model";
  std::filesystem::copy_file(dir + "/a.model", live);
  ServeProcess server(dir, {"--demo", "--model", live});
  ASSERT_NE(server.port(), 0) << server.log();
  httplib::Client client("127.0.0.1", server.port());
  const httplib::Headers auth = {{"Authorization", "Bearer " + server.key()}};
  auto served_probability = [&] {
    auto verdict =
        client.Post("/v1/classify", auth, "{\"text\": \"" + probe + "\"}", "application/json");
    return verdict && verdict->status == 200 ? ProbabilityOf(verdict->body) : "no answer";
  };
  EXPECT_EQ(served_probability(), with_a);
  EXPECT_NE(server.log().find("\"msg\":\"model\",\"model\":\"" + live + "\""), std::string::npos)
      << server.log();

  // Replaced as `learn` and `train` replace a file: written aside, renamed over.
  std::filesystem::copy_file(dir + "/b.model", live + ".new");
  std::filesystem::rename(live + ".new", live);
  server.Signal(SIGHUP);
  ASSERT_TRUE(server.WaitForLog("\"msg\":\"model reloaded\"", 1)) << server.log();
  EXPECT_EQ(served_probability(), with_b);
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("spamradar_model_last_reload_ok 1"), std::string::npos);

  // A damaged file is refused; the model in use stays and says so.
  std::string damaged = ReadFile(dir + "/a.model");
  damaged[damaged.size() / 2] ^= 0x5a;
  { std::ofstream(live + ".new", std::ios::binary) << damaged; }
  std::filesystem::rename(live + ".new", live);
  server.Signal(SIGHUP);
  ASSERT_TRUE(server.WaitForLog("model reload failed", 1)) << server.log();
  EXPECT_EQ(served_probability(), with_b);
  metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("spamradar_model_last_reload_ok 0"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0) << server.log();
}

TEST(ServeTest, AModelThatDoesNotLoadStopsTheServerBeforeItStarts) {
  const std::string dir = ::testing::TempDir() + "/serve_bad_model_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string serve = std::string(SPAMRADAR_BINARY) + " serve --data " + dir + "/data";
  EXPECT_EQ(RunCommand(serve + " --model " + dir + "/missing.model 2> " + dir + "/err"), 1);
  EXPECT_NE(ReadFile(dir + "/err").find("missing.model"), std::string::npos)
      << ReadFile(dir + "/err");
  EXPECT_EQ(RunCommand(serve + " --spam-threshold 0.2 --suspect-threshold 0.5 2> " + dir + "/err"),
            1);
  EXPECT_NE(ReadFile(dir + "/err").find("suspect threshold"), std::string::npos)
      << ReadFile(dir + "/err");
  EXPECT_FALSE(std::filesystem::exists(dir + "/data"));  // refused before anything was made
}

}  // namespace
