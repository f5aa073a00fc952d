#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <unistd.h>

#include "server/api_keys.h"
#include "server/api_server.h"
#include "server/classify_body.h"
#include "server/http_server.h"
#include "server/log_writer.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "store/sqlite/sqlite_store.h"

namespace spamradar::server {
namespace {

// The one message a JSON document of `body` holds, as the document path of
// the classify route reads it: an object without "messages", whose "text" is
// a string and whose "sender" is a string, null or absent.
std::optional<OneMessage> DocumentMessage(const std::string& body) {
  const nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded() || !document.is_object() || document.contains("messages") ||
      !document.contains("text") || !document["text"].is_string()) {
    return std::nullopt;
  }
  OneMessage message{document["text"], ""};
  if (document.contains("sender")) {
    const nlohmann::json& sender = document["sender"];
    if (sender.is_string()) {
      message.sender = sender;
    } else if (!sender.is_null()) {
      return std::nullopt;
    }
  }
  return message;
}

// A one-message classify body is read by hand when plain and by the JSON
// parser otherwise; either way a body is taken exactly when the JSON
// document of it holds one message, and the text and sender are the
// document's.
TEST(ClassifyBodyTest, ABodyIsTakenExactlyWhenItsDocumentHoldsOneMessage) {
  using namespace std::string_literals;
  struct Taken {
    std::string body, text, sender;
  };
  const std::vector<Taken> taken = {
      {R"({"text": "Win a prize"})", "Win a prize", ""},
      {" \n\t{ \"text\" :\r\"x\" } \n", "x", ""},
      {R"({"sender": "+12125550100", "text": "hi", "channel": null})", "hi", "+12125550100"},
      {R"({"text": "first", "text": "last"})", "last", ""},
      {R"({"text": ""})", "", ""},
      {R"({"text": "say \"hi\"\\ a\/b\nline\ttab\r\b\f"})", "say \"hi\"\\ a/b\nline\ttab\r\b\f",
       ""},
      {"{\"text\": \"caf\xC3\xA9 \xF0\x9F\x8E\x81 \xE2\x82\xAC"
       "5\x7F\"}",
       "caf\xC3\xA9 \xF0\x9F\x8E\x81 \xE2\x82\xAC"
       "5\x7F",
       ""},
      {R"({"text": "a", "sender": null})", "a", ""},
      {R"({"text": "a", "sender": "x", "sender": null})", "a", ""},
      {R"({"sender": null, "text": "a", "sender": "HSBC"})", "a", "HSBC"},
      // Not plain, read by the parser.
      {R"({"text": "\u00e9t\u00E9 \ud83c\udf81"})", "\xC3\xA9t\xC3\xA9 \xF0\x9F\x8E\x81", ""},
      {R"({"priority": 1, "tags": ["a", {"b": null}], "text": "nested"})", "nested", ""},
      {"\xEF\xBB\xBF{\"text\": \"after a byte-order mark\"}", "after a byte-order mark", ""},
      {R"({"text": "kept", "flag": true})", "kept", ""},
      {R"({"text": "a", "sender": "\u0041pple@icloud.com"})", "a", "Apple@icloud.com"},
      {R"({"sender": 5, "text": "a", "sender": "last"})", "a", "last"},
      {R"({"sender": "first", "text": "a", "n": 1, "sender": null})", "a", ""},
  };
  for (const Taken& expected : taken) {
    OneMessage message{"left over", "left over"};
    EXPECT_TRUE(ReadOneMessage(expected.body, &message)) << expected.body;
    EXPECT_EQ(message.text, expected.text) << expected.body;
    EXPECT_EQ(message.sender, expected.sender) << expected.body;
    const std::optional<OneMessage> document = DocumentMessage(expected.body);
    ASSERT_TRUE(document.has_value()) << expected.body;
    EXPECT_EQ(document->text, expected.text) << expected.body;
    EXPECT_EQ(document->sender, expected.sender) << expected.body;
  }
  const std::vector<std::string> refused = {
      "",
      "{}",
      R"({"messages": [{"text": "a"}]})",
      R"({"text": "a", "messages": []})",
      R"({"text": null})",
      R"({"text": 42})",
      R"({"text": "a", "text": null})",
      R"({"text": ["a"]})",
      R"(["text", "a"])",
      R"("text")",
      R"({"text": "a"} x)",
      R"({"text": "a",})",
      R"({"text": "a")",
      R"({"text": "unterminated)",
      R"({"text" "a"})",
      R"({"text": "bad escape \q"})",
      R"({"text": "lone surrogate \ud83c"})",
      "{\"text\": \"a raw\nnewline\"}",
      "{\"text\": \"NUL \0 inside\"}"s,
      "{\"text\": \"cut \xE2\x82\"}",
      "{\"text\": \"overlong \xC0\xAF\"}",
      "{\"text\": \"surrogate \xED\xA0\x80\"}",
      "{\"text\": \"a\"}\xEF\xBB\xBF",
      R"({"text": "a", "sender": 12125550100})",
      R"({"text": "a", "sender": ["+12125550100"]})",
      R"({"text": "a", "sender": {"phone": "+12125550100"}})",
      R"({"text": "a", "sender": "x", "sender": true})",
      "{\"text\": \"a\", \"sender\": \"cut \xE2\x82\"}",
  };
  for (const std::string& body : refused) {
    OneMessage message;
    EXPECT_FALSE(ReadOneMessage(body, &message)) << body;
    EXPECT_FALSE(DocumentMessage(body).has_value()) << body;
  }
}

// A route quick for one item runs on the event loop for a small body and on a
// worker for a large one: with one loop, a small request is answered while a
// large one's handler is still running (held until then). Were the large one
// on the loop, the small one would wait for it: the client's read timeout
// fails the test instead of hanging it.
TEST(HttpServerTest, ALargeBodyOfAQuickRouteDoesNotHoldUpTheEventLoop) {
  HttpServerOptions options;
  options.loop_threads = 1;
  options.workers = 2;
  options.inline_body_limit = 64;
  HttpServer server(options);
  std::mutex mutex;
  std::condition_variable changed;
  bool large_running = false, release = false;
  server.Post("/items", HttpServer::Work::kInlineWhenSmall,
              [&](const HttpRequest& request, HttpResponse& response) {
                if (request.body.size() > 64) {
                  std::unique_lock lock(mutex);
                  large_running = true;
                  changed.notify_all();
                  changed.wait(lock, [&] { return release; });
                }
                // And the thread's nice value: workers run below the loops.
                errno = 0;
                const int nice = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
                response.set_content(
                    std::to_string(request.body.size()) + " bytes, nice " + std::to_string(nice),
                    "text/plain");
              });
  ASSERT_TRUE(server.Start().ok());
  std::string large_answer;
  std::thread large([&] {
    httplib::Client client("127.0.0.1", server.port());
    if (auto result = client.Post("/items", std::string(1000, 'x'), "text/plain")) {
      large_answer = result->body;
    }
  });
  bool started;
  {
    std::unique_lock lock(mutex);
    started = changed.wait_for(lock, std::chrono::seconds(10), [&] { return large_running; });
  }
  std::string small_answer;
  if (started) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    if (auto result = client.Post("/items", "tiny", "text/plain")) small_answer = result->body;
  }
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  changed.notify_all();
  large.join();
  server.Stop();
  EXPECT_TRUE(started);
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, 0);  // what the loops inherited
  EXPECT_EQ(small_answer, "4 bytes, nice " + std::to_string(nice));
  EXPECT_EQ(large_answer, "1000 bytes, nice " + std::to_string(std::min(nice + 5, 19)));
}

// A log file of the test's own, read back whole.
class LogWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("spamradar_log_writer_" + std::to_string(::getpid()) + ".log");
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(fd_, 0);
  }
  void TearDown() override {
    ::close(fd_);
    std::filesystem::remove(path_);
  }
  std::string Written() const {
    std::ifstream in(path_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::filesystem::path path_;
  int fd_ = -1;
};

TEST_F(LogWriterTest, LinesFromManyThreadsArriveWholeAndEachThreadsInOrder) {
  constexpr int kThreads = 4, kLines = 5000;
  {
    LogWriter log(fd_, std::chrono::milliseconds(5));
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&log, t] {
        for (int i = 0; i < kLines; ++i) {
          log.Add("{\"thread\":" + std::to_string(t) + ",\"line\":" + std::to_string(i) +
                  ",\"pad\":\"" + std::string(static_cast<size_t>(i % 97), 'x') + "\"}\n");
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
  }  // the destructor flushes
  std::istringstream lines(Written());
  std::vector<int> next(kThreads, 0);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    int thread = -1, index = -1;
    ASSERT_EQ(std::sscanf(line.c_str(), "{\"thread\":%d,\"line\":%d,", &thread, &index), 2) << line;
    ASSERT_TRUE(thread >= 0 && thread < kThreads) << line;
    EXPECT_EQ(index, next[static_cast<size_t>(thread)]++) << line;
    EXPECT_EQ(line.size(), line.find("\"pad\":\"") + 7 + static_cast<size_t>(index % 97) + 2)
        << line;
  }
  EXPECT_EQ(count, kThreads * kLines);
}

TEST_F(LogWriterTest, GatheredLinesAreWrittenWithoutBeingAskedAndBeforeALineWrittenAtOnce) {
  LogWriter log(fd_, std::chrono::milliseconds(20));
  log.Add("request 1\n");
  log.Add("request 2\n");
  // Written by the writer's thread within its delay; waited for, not timed.
  for (int i = 0; i < 500 && Written().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(Written(), "request 1\nrequest 2\n");
  log.Add("request 3\n");
  log.WriteNow("stopping\n");
  EXPECT_EQ(Written(), "request 1\nrequest 2\nrequest 3\nstopping\n");
}

TEST(RateLimiterTest, ABurstThenTheRateAndHowLongToWait) {
  RateLimiter limiter(2, 3);  // 2 a second after a burst of 3
  const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Take("k", t0), 0);
  EXPECT_EQ(limiter.Take("k", t0), 1);
  EXPECT_EQ(limiter.Take("other", t0), 0);  // each key its own bucket
  EXPECT_EQ(limiter.Take("k", t0 + std::chrono::milliseconds(500)), 0);
  EXPECT_GT(limiter.Take("k", t0 + std::chrono::milliseconds(500)), 0);
  RateLimiter unlimited(0, 1);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(unlimited.Take("k", t0), 0);
}

TEST(MetricsTest, CountersAndCumulativeHistogramsInPrometheusText) {
  Metrics metrics;
  metrics.ObserveRequest("/v1/stats", 200, 0.003);
  metrics.ObserveRequest("/v1/stats", 200, 0.2);
  metrics.ObserveRequest("/v1/stats", 401, 0.0001);
  metrics.AddReportsIngested(5);
  metrics.SetGauge("spamradar_campaigns_active", 12);
  const std::string text = metrics.Render();
  EXPECT_NE(text.find("spamradar_http_requests_total{route=\"/v1/stats\",status=\"200\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("spamradar_http_request_duration_seconds_bucket{route=\"/v1/stats\","
                      "le=\"0.005\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("le=\"+Inf\"} 3"), std::string::npos);
  EXPECT_NE(text.find("spamradar_reports_ingested_total 5"), std::string::npos);
  EXPECT_NE(text.find("spamradar_campaigns_active 12"), std::string::npos);
}

TEST(ApiKeysTest, KeysAreStoredOnlyAsHashesWithTheirRole) {
  auto store = store::sqlite::SqliteStore::OpenInMemory();
  ASSERT_TRUE(store.ok());
  Result<NewKey> made = CreateKey(**store, Role::kIntake, "carrier A", Timestamp{});
  ASSERT_TRUE(made.ok()) << made.status().message();
  EXPECT_EQ(made->key.rfind("sr_", 0), 0u);
  EXPECT_EQ(made->key.size(), 43u);
  auto found = (*store)->FindKey(HashKey(made->key));
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->role, "intake");
  EXPECT_EQ((*found)->label, "carrier A");
  EXPECT_EQ((*found)->hash.find(made->key), std::string::npos);
  EXPECT_FALSE((*store)->FindKey(HashKey(made->key + "x"))->has_value());
  EXPECT_TRUE(*(*store)->RevokeKey(made->stored.id));
  EXPECT_TRUE((*(*store)->FindKey(HashKey(made->key)))->revoked);
  EXPECT_FALSE(*(*store)->RevokeKey("k_nothere"));
  EXPECT_TRUE(Allows(Role::kIntake, Permission::kSubmit));
  EXPECT_FALSE(Allows(Role::kIntake, Permission::kRead));
  EXPECT_FALSE(Allows(Role::kAnalyst, Permission::kSubmit));
  EXPECT_TRUE(Allows(Role::kAnalyst, Permission::kClassify));
  EXPECT_TRUE(Allows(Role::kAdmin, Permission::kManageKeys));
  EXPECT_FALSE(ParseRole("root").has_value());
}

TEST(ServerConfigTest, SettingsAreReadAndBadOnesNamed) {
  const std::string path = ::testing::TempDir() + "/server_config.json";
  auto write = [&](const std::string& text) { std::ofstream(path) << text; };
  ServerOptions options;
  write(R"({"port": 8080, "bind": "0.0.0.0", "body_limit": 65536, "rate_per_second": 5,
           "loop_threads": 3})");
  ASSERT_TRUE(LoadServerConfig(path, &options).ok());
  EXPECT_EQ(options.loop_threads, 3);
  EXPECT_EQ(options.port, 8080);
  EXPECT_EQ(options.bind, "0.0.0.0");
  EXPECT_EQ(options.body_limit, 65536u);
  EXPECT_EQ(options.rate_per_second, 5);
  write(R"({"threads": 2, "port": 70000})");
  Status bad = LoadServerConfig(path, &options);
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("port"), std::string::npos);
  EXPECT_EQ(options.threads, ServerOptions().threads);  // a refused file changes nothing
  EXPECT_EQ(options.port, 8080);
  write(R"({"prot": 1})");
  EXPECT_NE(LoadServerConfig(path, &options).message().find("unknown setting 'prot'"),
            std::string::npos);
  write("{not json");
  EXPECT_FALSE(LoadServerConfig(path, &options).ok());
  EXPECT_FALSE(LoadServerConfig(path + ".missing", &options).ok());
  // The model and its thresholds.
  write(R"({"model": "carrier.model", "spam_threshold": 0.6, "suspect_threshold": 0.2})");
  ASSERT_TRUE(LoadServerConfig(path, &options).ok());
  EXPECT_EQ(options.model, "carrier.model");
  EXPECT_EQ(options.spam_threshold, 0.6f);
  EXPECT_EQ(options.suspect_threshold, 0.2f);
  write(R"({"spam_threshold": 1.5})");
  EXPECT_NE(LoadServerConfig(path, &options).message().find("spam_threshold"), std::string::npos);
  write(R"({"model": 7})");
  EXPECT_NE(LoadServerConfig(path, &options).message().find("model must be a string"),
            std::string::npos);
}

// The server's model: the built-in one unless a file is named, with the
// thresholds overridden; what does not load is an error, never a crash.
TEST(ServerConfigTest, TheModelIsTheBuiltInOneUnlessAFileIsNamed) {
  ServerOptions options;
  Result<filter::SpamFilter> built_in = LoadServerModel(options);
  ASSERT_TRUE(built_in.ok()) << built_in.status().message();
  options.spam_threshold = 0.75f;
  Result<filter::SpamFilter> stricter = LoadServerModel(options);
  ASSERT_TRUE(stricter.ok());
  EXPECT_EQ(stricter->model().thresholds().spam, 0.75f);
  EXPECT_EQ(stricter->model().thresholds().suspect, built_in->model().thresholds().suspect);
  options.suspect_threshold = 0.8f;  // above the spam threshold
  Result<filter::SpamFilter> misordered = LoadServerModel(options);
  ASSERT_FALSE(misordered.ok());
  EXPECT_NE(misordered.status().message().find("suspect threshold"), std::string::npos);
  options = ServerOptions();
  options.model = ::testing::TempDir() + "/no_such.model";
  Result<filter::SpamFilter> missing = LoadServerModel(options);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no_such.model"), std::string::npos)
      << missing.status().message();
}

}  // namespace
}  // namespace spamradar::server
