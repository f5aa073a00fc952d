// Crash safety of the report log, end to end: `spamradar import` is killed
// with SIGKILL at random moments; after each kill the database must pass
// PRAGMA integrity_check and hold every report the import had acknowledged
// (reported as committed) exactly once; importing the rest completes the log
// with no report twice.
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/sqlite/sqlite_store.h"

namespace {

constexpr int kReports = 100000;

std::string WriteReports(const std::string& dir) {
  const std::string path = dir + "/reports.jsonl";
  std::ofstream out(path);
  for (int i = 0; i < kReports; ++i) {
    out << R"({"id":"crash-)" << i << R"(","reported_at":"2014-03-01T12:00:00Z",)"
        << R"("reporter":"+1212555)" << (1000 + i % 9000)
        << R"(","body":"Prada bags 80% off, shop )"
        << "prada-outlet" << i % 97 << R"(.com now","sender":"deals)" << i % 13
        << "@icloud.com\"}\n";
  }
  return path;
}

// Runs `spamradar import`, kills it after `kill_after` (never, if zero), and
// returns the number of lines it reported as committed.
uint64_t ImportUntilKilled(const std::string& file, const std::string& data,
                           std::chrono::milliseconds kill_after, int* exit_status) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return 0;
  const pid_t child = fork();
  if (child == 0) {
    dup2(pipe_fds[1], STDERR_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    close(pipe_fds[0]);
    execl(SPAMRADAR_BINARY, SPAMRADAR_BINARY, "import", file.c_str(), "--data", data.c_str(),
          "--progress-lines", "--batch", "300", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  std::thread killer;
  if (kill_after.count() > 0) {
    killer = std::thread([child, kill_after] {
      std::this_thread::sleep_for(kill_after);
      kill(child, SIGKILL);
    });
  }
  // Committed counts as reported: "committed lines=N accepted=... duplicates=...".
  uint64_t committed = 0;
  std::string text;
  char buffer[4096];
  ssize_t n;
  while ((n = read(pipe_fds[0], buffer, sizeof(buffer))) > 0)
    text.append(buffer, static_cast<size_t>(n));
  close(pipe_fds[0]);
  waitpid(child, exit_status, 0);
  if (killer.joinable()) killer.join();
  size_t at = 0;
  while ((at = text.find("committed lines=", at)) != std::string::npos) {
    at += 16;
    committed = std::stoull(text.substr(at));
  }
  return committed;
}

// Every id in the log, checking none is there twice.
std::set<std::string> StoredIds(const std::string& data, bool* duplicates) {
  auto store = std::move(spamradar::store::sqlite::SqliteStore::Open(data)).value();
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
  std::set<std::string> ids;
  *duplicates = false;
  EXPECT_TRUE(store
                  ->Scan(0,
                         [&](const spamradar::Report& r) {
                           *duplicates = !ids.insert(r.id).second || *duplicates;
                           return true;
                         })
                  .ok());
  return ids;
}

TEST(CrashTest, KilledImportsLoseNoAcknowledgedReportAndDuplicateNone) {
  const std::string dir = ::testing::TempDir() + "/crash_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string file = WriteReports(dir);
  const std::string data = dir + "/data";
  std::mt19937 random(7726);
  int kills = 0;
  int kills_while_appending = 0;
  size_t stored_before = 0;
  for (int round = 0; round < 6; ++round) {
    int status = 0;
    // Later rounds re-read what is stored (duplicates) before appending
    // more, so they are given longer to get past it.
    const auto delay = std::chrono::milliseconds(40 + random() % 300 + 200 * round);
    const uint64_t acknowledged = ImportUntilKilled(file, data, delay, &status);
    if (WIFSIGNALED(status)) ++kills;
    bool duplicates = false;
    const std::set<std::string> ids = StoredIds(data, &duplicates);
    std::printf("round %d: %s after %lld ms, %llu lines acknowledged, %zu reports stored\n", round,
                WIFSIGNALED(status) ? "killed" : "finished", static_cast<long long>(delay.count()),
                static_cast<unsigned long long>(acknowledged), ids.size());
    EXPECT_FALSE(duplicates) << "round " << round;
    if (WIFSIGNALED(status) && ids.size() > stored_before) ++kills_while_appending;
    stored_before = ids.size();
    // Lines are read in order: the first `acknowledged` lines are all stored.
    for (uint64_t line = 0; line < acknowledged; ++line) {
      ASSERT_TRUE(ids.contains("crash-" + std::to_string(line)))
          << "round " << round << ": acknowledged line " << line + 1 << " is missing";
    }
  }
  EXPECT_GE(kills_while_appending, 1) << "no import was killed while appending: the test proved "
                                         "nothing ("
                                      << kills << " kills)";
  int status = 0;
  ImportUntilKilled(file, data, std::chrono::milliseconds(0), &status);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  bool duplicates = false;
  EXPECT_EQ(StoredIds(data, &duplicates).size(), static_cast<size_t>(kReports));
  EXPECT_FALSE(duplicates);
}

}  // namespace
