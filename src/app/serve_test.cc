// `spamradar serve` as an operator runs it: a process that prints its demo
// key, serves, and on SIGTERM stops accepting, finishes the request in flight
// and exits 0 with its data intact.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

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

TEST(ServeTest, SigtermFinishesInFlightRequestsAndExitsZero) {
  const std::string dir = ::testing::TempDir() + "/serve_test_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string out = dir + "/stdout", err = dir + "/stderr";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen(out.c_str(), "w", stdout);
    freopen(err.c_str(), "w", stderr);
    execl(SPAMRADAR_BINARY, SPAMRADAR_BINARY, "serve", "--data", (dir + "/data").c_str(), "--port",
          "0", "--demo", static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait for the port and readiness in the JSON log.
  int port = 0;
  for (int i = 0; i < 400 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::smatch match;
    const std::string log = ReadFile(err);
    if (log.find("\"ready\"") != std::string::npos &&
        std::regex_search(log, match, std::regex("\"port\":([0-9]+)"))) {
      port = std::stoi(match[1]);
    }
  }
  ASSERT_NE(port, 0) << ReadFile(err);
  std::smatch key;
  const std::string printed = ReadFile(out);
  ASSERT_TRUE(std::regex_search(printed, key, std::regex("sr_[0-9a-f]{40}"))) << printed;
  httplib::Client client("127.0.0.1", port);
  const httplib::Headers auth = {{"Authorization", "Bearer " + key.str()}};
  auto stats = client.Get("/v1/stats", auth);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);

  // A slow client's request is in flight when SIGTERM arrives: it is answered.
  int late_status = 0;  // 0: refused before it was accepted
  std::thread slow([&] {
    httplib::Client other("127.0.0.1", port);
    auto late = other.Post("/v1/classify", auth, R"({"text": "Gucci 80% off at lvshop12.com"})",
                           "application/json");
    if (late) late_status = late->status;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  slow.join();
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << ReadFile(err);
  if (late_status != 0) {
    EXPECT_EQ(late_status, 200);  // accepted, so answered in full
  }
  const std::string log = ReadFile(err);
  EXPECT_NE(log.find("\"msg\":\"stopping\""), std::string::npos) << log;
  EXPECT_NE(log.find("\"msg\":\"stopped\""), std::string::npos) << log;
  // The logs never carry a key.
  EXPECT_EQ(log.find(key.str()), std::string::npos);
  // Nothing accepts connections any more.
  httplib::Client after("127.0.0.1", port);
  after.set_connection_timeout(1);
  EXPECT_FALSE(after.Get("/healthz"));
}

}  // namespace
