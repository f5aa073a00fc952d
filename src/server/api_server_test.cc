// The API as a client sees it: a real server on loopback over a real data
// directory (SQLite files in a temporary directory), the default model, and
// cpp-httplib's client.
#include "server/api_server.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include "filter/default_model.h"
#include "server/api_keys.h"

namespace spamradar::server {
namespace {

using nlohmann::json;

class ApiServerTest : public ::testing::Test {
 protected:
  void SetUp() override { StartServer(ServerOptions{}); }

  void StartServer(ServerOptions options) {
    dir_ = ::testing::TempDir() + "/api_server_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
           std::to_string(getpid());
    std::filesystem::remove_all(dir_);
    auto data = app::DataDirectory::Open(dir_);
    ASSERT_TRUE(data.ok()) << data.status().message();
    for (const Role role : {Role::kIntake, Role::kAnalyst, Role::kAdmin}) {
      Result<NewKey> made = CreateKey(*(*data)->store, role, "test", clock_.Now());
      ASSERT_TRUE(made.ok());
      keys_[static_cast<int>(role)] = made->key;
    }
    auto model = filter::LoadDefaultModel();
    ASSERT_TRUE(model.ok());
    options.port = 0;
    server_ = std::make_unique<ApiServer>(options, std::move(*data), std::move(*model), clock_);
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    for (int i = 0; i < 200 && !server_->ready(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ASSERT_TRUE(server_->ready());
  }
  void TearDown() override {
    if (server_ != nullptr) {
      server_->Stop();
      EXPECT_TRUE(server_->Wait().ok());
      server_.reset();  // closes the data directory
    }
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  httplib::Headers As(Role role) {
    return {{"Authorization", "Bearer " + keys_[static_cast<int>(role)]}};
  }
  // The body as JSON (null when it is not JSON).
  static json Body(const httplib::Result& result) {
    return result ? json::parse(result->body, nullptr, false) : json();
  }
  static void ExpectError(const httplib::Result& result, int status, const std::string& code) {
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, status) << result->body;
    const json body = Body(result);
    ASSERT_TRUE(body.contains("error")) << result->body;
    EXPECT_EQ(body["error"]["code"], code) << result->body;
    EXPECT_TRUE(body["error"]["message"].is_string());
  }
  static std::string Report(int i, const std::string& body) {
    return json{{"id", "t-" + std::to_string(i)},
                {"reported_at", "2014-03-0" + std::to_string(1 + i % 5) + "T12:00:00Z"},
                {"reporter", "+1212555" + std::to_string(1000 + i)},
                {"body", body},
                {"channel", "imessage"}}
        .dump();
  }

  SystemClock clock_;
  std::string dir_;
  std::string keys_[3];
  std::unique_ptr<ApiServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ApiServerTest, HealthReadinessAndMetricsAnswerWithoutAKey) {
  auto health = client_->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(Body(health)["status"], "ok");
  EXPECT_EQ(client_->Get("/readyz")->status, 200);
  client_->Get("/v1/stats", As(Role::kAnalyst));
  // A request is counted once its answer has gone out: a moment after the client has it.
  httplib::Result metrics = client_->Get("/metrics");
  for (int i = 0; i < 100 && metrics && metrics->body.find("/v1/stats") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    metrics = client_->Get("/metrics");
  }
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find("spamradar_http_requests_total{route=\"/v1/stats\",status=\"200\"}"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("spamradar_http_request_duration_seconds_bucket"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("spamradar_fold_lag_reports 0"), std::string::npos);
}

TEST_F(ApiServerTest, KeysAndRolesGuardEveryRoute) {
  ExpectError(client_->Get("/v1/campaigns"), 401, "unauthorized");
  ExpectError(client_->Get("/v1/campaigns", {{"Authorization", "Bearer sr_nope"}}), 401,
              "unauthorized");
  ExpectError(client_->Get("/v1/campaigns", {{"Authorization", "Basic abc"}}), 401, "unauthorized");
  ExpectError(client_->Get("/v1/campaigns", As(Role::kIntake)), 403, "forbidden");
  ExpectError(client_->Post("/v1/reports", As(Role::kAnalyst), Report(1, "x"), "application/json"),
              403, "forbidden");
  ExpectError(client_->Get("/v1/keys", As(Role::kAnalyst)), 403, "forbidden");
  EXPECT_EQ(client_->Get("/v1/campaigns", As(Role::kAnalyst))->status, 200);
  EXPECT_EQ(client_->Get("/v1/campaigns", As(Role::kAdmin))->status, 200);

  // An admin makes a key, it works, it is revoked, it no longer works.
  auto made = client_->Post("/v1/keys", As(Role::kAdmin), R"({"role": "analyst", "label": "dash"})",
                            "application/json");
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string key = Body(made)["key"];
  const std::string id = Body(made)["id"];
  const httplib::Headers with_key = {{"Authorization", "Bearer " + key}};
  EXPECT_EQ(client_->Get("/v1/stats", with_key)->status, 200);
  auto listed = client_->Get("/v1/keys", As(Role::kAdmin));
  EXPECT_EQ(listed->body.find(key), std::string::npos);  // never shown again
  EXPECT_NE(listed->body.find(id), std::string::npos);
  EXPECT_EQ(client_->Delete("/v1/keys/" + id, As(Role::kAdmin))->status, 204);
  ExpectError(client_->Get("/v1/stats", with_key), 401, "unauthorized");
  ExpectError(client_->Delete("/v1/keys/k_0000000000", As(Role::kAdmin)), 404, "not_found");
  ExpectError(
      client_->Post("/v1/keys", As(Role::kAdmin), R"({"role": "root"})", "application/json"), 400,
      "invalid_argument");
}

TEST_F(ApiServerTest, ReportsAreStoredThenCountedInCampaignsAndStats) {
  std::string batch = "[";
  for (int i = 0; i < 12; ++i) {
    if (i > 0) batch += ",";
    batch += Report(i, "Louis Vuitton & Gucci up to " + std::to_string(60 + i) +
                           "% off! Shop now: lvshop" + std::to_string(i) + ".com");
  }
  batch += R"(,{"id": "bad"}])";
  auto stored = client_->Post("/v1/reports", As(Role::kIntake), batch, "application/json");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->status, 200) << stored->body;
  json body = Body(stored);
  EXPECT_EQ(body["stored"], 12);
  EXPECT_EQ(body["rejected"], 1);
  EXPECT_EQ(body["results"][0]["status"], "stored");
  EXPECT_EQ(body["results"][0]["id"], "t-0");
  EXPECT_EQ(body["results"][12]["status"], "rejected");
  EXPECT_EQ(body["results"][12]["error"]["code"], "invalid_report");
  // The same report again is a duplicate, not a second report.
  auto again = client_->Post(
      "/v1/reports", As(Role::kIntake),
      Report(0, "Louis Vuitton & Gucci up to 60% off! Shop now: lvshop0.com"), "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 201);
  EXPECT_EQ(Body(again)["duplicates"], 1);
  ExpectError(client_->Post("/v1/reports", As(Role::kIntake), R"({"body": 5})", "application/json"),
              400, "invalid_report");
  ExpectError(client_->Post("/v1/reports", As(Role::kIntake), "{nope", "application/json"), 400,
              "invalid_json");

  // Seen at once by the analytics.
  auto campaigns = client_->Get("/v1/campaigns?from=2014-03-01&to=2014-03-31", As(Role::kAnalyst));
  ASSERT_EQ(campaigns->status, 200) << campaigns->body;
  body = Body(campaigns);
  EXPECT_EQ(body["reports"], 12);
  ASSERT_EQ(body["campaigns"].size(), 1u);
  const uint64_t id = body["campaigns"][0]["id"];
  EXPECT_EQ(body["campaigns"][0]["share"], 1.0);
  EXPECT_EQ(body["campaigns"][0]["channel"], "imessage");
  auto one = client_->Get("/v1/campaigns/" + std::to_string(id), As(Role::kAnalyst));
  ASSERT_EQ(one->status, 200);
  for (const char* key : {"id", "name", "reports", "share", "template", "brands", "domains",
                          "senders", "channels", "samples"}) {
    EXPECT_TRUE(Body(one).contains(key)) << key;
  }
  ExpectError(client_->Get("/v1/campaigns/999999", As(Role::kAnalyst)), 404, "not_found");
  auto stats = client_->Get("/v1/stats?region=New%20York", As(Role::kAnalyst));
  ASSERT_EQ(stats->status, 200) << stats->body;
  EXPECT_EQ(Body(stats)["reports"], 12);
  auto series = client_->Get("/v1/timeseries?campaign=" + std::to_string(id), As(Role::kAnalyst));
  ASSERT_EQ(series->status, 200);
  EXPECT_EQ(Body(series)["daily"].size(), 5u);
  auto regions =
      client_->Get("/v1/regions?min_reports=1&campaign=" + std::to_string(id), As(Role::kAnalyst));
  ASSERT_EQ(regions->status, 200) << regions->body;
  EXPECT_EQ(Body(regions)["regions"][0]["region"], "New York");
  ExpectError(client_->Get("/v1/regions", As(Role::kAnalyst)), 400, "invalid_argument");
  ExpectError(client_->Get("/v1/stats?from=2014-02-30", As(Role::kAnalyst)), 400,
              "invalid_argument");
  ExpectError(client_->Get("/v1/stats?channel=fax", As(Role::kAnalyst)), 400, "invalid_argument");
  ExpectError(client_->Get("/v1/stats?tz=America/New_York", As(Role::kAnalyst)), 400,
              "invalid_argument");
  EXPECT_EQ(client_->Get("/v1/stats?tz=UTC", As(Role::kAnalyst))->status, 200);
  ExpectError(client_->Get("/v1/campaigns?limit=ten", As(Role::kAnalyst)), 400, "invalid_argument");

  // Found by a domain, a brand, or words of a sample message.
  EXPECT_EQ(Body(campaigns)["campaigns"][0]["reporters"], 12);
  for (const char* query : {"LVSHOP7.COM", "louis%20VUITTON", "up%20to%2060%25%20off"}) {
    auto found = client_->Get(std::string("/v1/search?q=") + query, As(Role::kAnalyst));
    ASSERT_EQ(found->status, 200) << found->body;
    ASSERT_FALSE(Body(found)["matches"].empty()) << query;
    EXPECT_EQ(Body(found)["matches"][0]["id"], id) << query;
  }
  auto nothing = client_->Get("/v1/search?q=no-such-thing.example", As(Role::kAnalyst));
  ASSERT_EQ(nothing->status, 200);
  EXPECT_TRUE(Body(nothing)["matches"].empty());
  ExpectError(client_->Get("/v1/search?q=%20", As(Role::kAnalyst)), 400, "invalid_argument");
  ExpectError(client_->Get("/v1/search?q=gucci", As(Role::kIntake)), 403, "forbidden");

  // And the filter matches new messages of it.
  auto verdict =
      client_->Post("/v1/classify", As(Role::kIntake),
                    R"({"text": "Gucci & Louis Vuitton up to 75% off! Shop now: lvshop3.com"})",
                    "application/json");
  ASSERT_EQ(verdict->status, 200) << verdict->body;
  EXPECT_EQ(Body(verdict)["label"], "spam");
  EXPECT_EQ(Body(verdict)["campaign"]["id"], id);
  EXPECT_FALSE(Body(verdict)["reasons"].empty());

  // A sender is found by its digits, however the number is written.
  json from_sender = json::parse(Report(40, "Your parcel is held, pay the fee at parcel-fee.top"));
  from_sender["sender"] = "+12125550188";
  ASSERT_EQ(client_->Post("/v1/reports", As(Role::kIntake), from_sender.dump(), "application/json")
                ->status,
            201);
  auto by_sender = client_->Get("/v1/search?q=(212)%20555-0188", As(Role::kAnalyst));
  ASSERT_EQ(by_sender->status, 200) << by_sender->body;
  ASSERT_EQ(Body(by_sender)["matches"].size(), 1u) << by_sender->body;
  EXPECT_NE(Body(by_sender)["matches"][0]["id"], id);
  EXPECT_EQ(Body(by_sender)["matches"][0]["why"], "sender +12125550188");
  // And a message from that sender names its campaign even when the text
  // names none; the text, when it does, comes first.
  const uint64_t parcel = Body(by_sender)["matches"][0]["id"];
  auto from_reported = client_->Post(
      "/v1/classify", As(Role::kIntake),
      R"({"text": "Hi, are you free for a quick call later?", "sender": "(212) 555-0188"})",
      "application/json");
  ASSERT_EQ(from_reported->status, 200) << from_reported->body;
  EXPECT_EQ(Body(from_reported)["campaign"]["id"], parcel) << from_reported->body;
  EXPECT_EQ(Body(from_reported)["campaign"]["evidence"], "sender +12125550188");
  auto batch_from_reported =
      client_->Post("/v1/classify", As(Role::kIntake),
                    R"({"messages": [{"text": "Are you free later?", "sender": "+1 212 555 0188"},
                       {"text": "Gucci & Louis Vuitton 70% off at lvshop5.com", "sender": "+12125550188"},
                       {"text": "Are you free later?", "sender": null},
                       {"text": "Are you free later?", "sender": "+12125550100"}]})",
                    "application/json");
  ASSERT_EQ(batch_from_reported->status, 200) << batch_from_reported->body;
  const json results = Body(batch_from_reported)["results"];
  EXPECT_EQ(results[0]["campaign"]["id"], parcel);
  EXPECT_EQ(results[1]["campaign"]["id"], id);
  EXPECT_EQ(results[1]["campaign"]["evidence"], "domain lvshop5.com");
  EXPECT_TRUE(results[2]["campaign"].is_null());
  EXPECT_TRUE(results[3]["campaign"].is_null());
}

TEST_F(ApiServerTest, ClassifyOneOrABatchAndRefuseBadMessages) {
  auto batch = client_->Post(
      "/v1/classify", As(Role::kAnalyst),
      R"({"messages": [{"text": "WINNER!! Claim your $1000 prize now at bit.ly/x"}, {"text": "See you at 7 for dinner?", "sender": "+12125550142"}]})",
      "application/json");
  ASSERT_EQ(batch->status, 200) << batch->body;
  const json results = Body(batch)["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["label"], "spam");
  EXPECT_EQ(results[1]["label"], "ham");
  EXPECT_TRUE(results[1]["campaign"].is_null());
  ExpectError(
      client_->Post("/v1/classify", As(Role::kAnalyst), R"({"txt": "hi"})", "application/json"),
      400, "invalid_message");
  ExpectError(
      client_->Post("/v1/classify", As(Role::kAnalyst), R"({"messages": []})", "application/json"),
      400, "invalid_message");
  ExpectError(client_->Post("/v1/classify", As(Role::kAnalyst), "[1,2]", "application/json"), 400,
              "invalid_json");
  // One message is read without a JSON document, and as one would read it:
  // the last of duplicate keys, "text" only at the top, nothing after the object.
  auto classify = [&](const std::string& body) {
    return client_->Post("/v1/classify", As(Role::kAnalyst), body, "application/json");
  };
  auto last_text =
      classify(R"({"text": 5, "text": "WINNER!! Claim your $1000 prize at bit.ly/x"})");
  ASSERT_EQ(last_text->status, 200) << last_text->body;
  EXPECT_EQ(Body(last_text)["label"], "spam");
  ExpectError(classify(R"({"text": "hi", "text": 5})"), 400, "invalid_message");
  ExpectError(classify(R"({"meta": {"text": "hi"}})"), 400, "invalid_message");
  ExpectError(classify(R"({"text": ["hi"]})"), 400, "invalid_message");
  ExpectError(classify(R"({"text": "hi"} {"text": "again"})"), 400, "invalid_json");
  ExpectError(classify(R"("hi")"), 400, "invalid_json");
  ExpectError(classify("{\"text\": \"\xff\"}"), 400, "invalid_json");
  // A sender must be one a report could name.
  auto bad_sender = classify(R"({"text": "hi", "sender": "call me <maybe>"})");
  ExpectError(bad_sender, 400, "invalid_message");
  EXPECT_NE(
      Body(bad_sender)["error"]["message"].get<std::string>().find("sender: 'call me <maybe>'"),
      std::string::npos)
      << bad_sender->body;
  ExpectError(classify(R"({"text": "hi", "sender": 12125550100})"), 400, "invalid_message");
  auto bad_in_batch = classify(R"({"messages": [{"text": "hi"}, {"text": "hi", "sender": "@@"}]})");
  ExpectError(bad_in_batch, 400, "invalid_message");
  EXPECT_EQ(
      Body(bad_in_batch)["error"]["message"].get<std::string>().rfind("messages[1].sender:", 0), 0u)
      << bad_in_batch->body;
  auto nested = classify(R"({"meta": {"text": 5, "messages": []}, "text": "See you at 7?"})");
  ASSERT_EQ(nested->status, 200) << nested->body;
  EXPECT_EQ(Body(nested)["label"], "ham");
}

// A campaign quiet for two weeks of report time goes to the archive; a
// message like its reports still names it, from its archived summary, and
// the name stays the same from one request to the next (it is cached).
TEST_F(ApiServerTest, ClassifyNamesADormantCampaign) {
  auto report = [](int i, const std::string& day, const std::string& body) {
    return json{{"id", "d-" + std::to_string(i)},
                {"reported_at", day + "T12:00:00Z"},
                {"reporter", "+1212555" + std::to_string(2000 + i)},
                {"body", body},
                {"channel", "imessage"}};
  };
  json batch = json::array();
  for (int i = 0; i < 6; ++i) {
    batch.push_back(report(i, "2014-03-0" + std::to_string(1 + i % 5),
                           "Louis Vuitton and Gucci bags 80% off today only, shop now at lvbags" +
                               std::to_string(i) + ".com"));
  }
  for (int i = 6; i < 12; ++i) {
    batch.push_back(report(i, "2014-04-2" + std::to_string(i % 5),
                           "Your account is locked, verify your identity now at secure-bank" +
                               std::to_string(i) + ".top/login"));
  }
  auto stored = client_->Post("/v1/reports", As(Role::kIntake), batch.dump(), "application/json");
  ASSERT_EQ(stored->status, 200) << stored->body;
  const std::string message =
      R"({"text": "Louis Vuitton and Gucci bags 80% off today only, shop now at lvbags77.com"})";
  auto first = client_->Post("/v1/classify", As(Role::kAnalyst), message, "application/json");
  ASSERT_EQ(first->status, 200) << first->body;
  const json campaign = Body(first)["campaign"];
  ASSERT_TRUE(campaign.is_object()) << first->body;
  EXPECT_NE(campaign["evidence"].get<std::string>().find("dormant"), std::string::npos)
      << first->body;
  EXPECT_FALSE(campaign["name"].get<std::string>().empty()) << first->body;
  auto again = client_->Post("/v1/classify", As(Role::kAnalyst), message, "application/json");
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(Body(again)["campaign"], campaign);
}

TEST_F(ApiServerTest, TheConversationWebhookAsksThanksAndStores) {
  auto forwarded = client_->Post(
      "/v1/7726/inbound", As(Role::kIntake),
      R"({"from": "+12125550142", "to": "7726", "text": "Gucci bags 80% off at lvshop12.com"})",
      "application/json");
  ASSERT_EQ(forwarded->status, 200) << forwarded->body;
  EXPECT_EQ(Body(forwarded)["action"], "prompted");
  EXPECT_TRUE(Body(forwarded)["reply"].is_string());
  auto sender = client_->Post("/v1/7726/inbound", As(Role::kIntake),
                              R"({"from": "+12125550142", "to": "7726", "text": "+13105550199"})",
                              "application/json");
  ASSERT_EQ(sender->status, 200) << sender->body;
  EXPECT_EQ(Body(sender)["action"], "completed");
  EXPECT_EQ(Body(sender)["reports_stored"], 1);
  auto stats = client_->Get("/v1/stats", As(Role::kAnalyst));
  EXPECT_EQ(Body(stats)["reports"], 1);
  ExpectError(client_->Post("/v1/7726/inbound", As(Role::kIntake), R"({"from": 5, "text": "x"})",
                            "application/json"),
              400, "invalid_message");
}

TEST_F(ApiServerTest, BodiesAndBatchesOverTheLimitAreRefused) {
  const std::string big(2 << 20, 'x');
  ExpectError(client_->Post("/v1/reports", As(Role::kIntake), big, "application/json"), 413,
              "payload_too_large");
  std::string batch = "[";
  for (int i = 0; i < 1001; ++i) batch += std::string(i ? "," : "") + "{}";
  batch += "]";
  ExpectError(client_->Post("/v1/reports", As(Role::kIntake), batch, "application/json"), 413,
              "batch_too_large");
  ExpectError(client_->Get("/v1/nothing", As(Role::kAdmin)), 404, "not_found");
}

// A chunked body has no length to refuse it by: the server reads and drops
// it up to a bound (16 times the cap), then refuses it and stops reading.
TEST_F(ApiServerTest, AnEndlessChunkedBodyIsCutOff) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server_->port()));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  const std::string head = "POST /v1/reports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           keys_[static_cast<int>(Role::kIntake)] +
                           "\r\nContent-Type: application/json\r\n"
                           "Transfer-Encoding: chunked\r\n\r\n";
  ASSERT_EQ(send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  char size_line[32];
  const int n = std::snprintf(size_line, sizeof(size_line), "%x\r\n", 256 << 10);
  std::string chunk(size_line, static_cast<size_t>(n));
  chunk.append(256 << 10, 'x').append("\r\n");
  timeval wait{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, sizeof(wait));
  size_t sent = 0;
  constexpr size_t kEnough = size_t{96} << 20;  // far past the bound of 16 MiB
  while (sent < kEnough) {
    const ssize_t wrote = send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
    if (wrote <= 0) break;  // refused and closed (or no longer read)
    sent += static_cast<size_t>(wrote);
  }
  close(fd);
  EXPECT_LT(sent, kEnough) << "the server read the whole endless body";
  EXPECT_GT(sent, size_t{1} << 20);  // it was read past the cap before the cut
  auto health = client_->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// Removes a test's data directory when the test ends.
struct RemovedAtEnd {
  std::string path;
  ~RemovedAtEnd() { std::filesystem::remove_all(path); }
};

TEST(ApiServerLimitsTest, ASlowClientIsCutOffAfterTheReadTimeout) {
  SystemClock clock;
  const std::string dir = ::testing::TempDir() + "/api_server_slow_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  const RemovedAtEnd cleanup{dir};  // declared first: goes after the server
  auto data = app::DataDirectory::Open(dir);
  ASSERT_TRUE(data.ok());
  ServerOptions options;
  options.port = 0;
  options.read_timeout = std::chrono::seconds(1);
  ApiServer server(options, std::move(*data), *filter::LoadDefaultModel(), clock);
  ASSERT_TRUE(server.Start().ok());
  // Half a request line, then nothing: the server must not wait for ever.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server.port()));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  const char partial[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  ASSERT_GT(send(fd, partial, sizeof(partial) - 1, 0), 0);
  timeval wait{5, 0};  // longer than the server's timeout, so a cut shows as a close
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
  const auto start = std::chrono::steady_clock::now();
  char buffer[512];
  const ssize_t got = recv(fd, buffer, sizeof(buffer), 0);
  const double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  close(fd);
  // Closed, or refused with an error status: either way not left hanging.
  if (got > 0) {
    const std::string answer(buffer, static_cast<size_t>(got));
    EXPECT_TRUE(answer.rfind("HTTP/1.1 4", 0) == 0) << answer;
    EXPECT_EQ(answer.find("200 OK"), std::string::npos) << answer;
  }
  EXPECT_LT(waited, 4.5) << "the connection was held until the client gave up";
  // Meanwhile, and after, other clients are served.
  httplib::Client client("127.0.0.1", server.port());
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  server.Stop();
  EXPECT_TRUE(server.Wait().ok());
}

TEST(ApiServerLimitsTest, AKeyOverItsRateIsToldToWait) {
  SystemClock clock;
  const std::string dir = ::testing::TempDir() + "/api_server_rate_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  const RemovedAtEnd cleanup{dir};  // declared first: goes after the server
  auto data = app::DataDirectory::Open(dir);
  ASSERT_TRUE(data.ok());
  Result<NewKey> key = CreateKey(*(*data)->store, Role::kAnalyst, "", clock.Now());
  ASSERT_TRUE(key.ok());
  ServerOptions options;
  options.port = 0;
  options.rate_per_second = 1;
  options.rate_burst = 3;
  ApiServer server(options, std::move(*data), *filter::LoadDefaultModel(), clock);
  ASSERT_TRUE(server.Start().ok());
  httplib::Client client("127.0.0.1", server.port());
  const httplib::Headers auth = {{"Authorization", "Bearer " + key->key}};
  int limited = 0;
  std::string retry_after;
  for (int i = 0; i < 6; ++i) {
    auto result = client.Post("/v1/classify", auth, R"({"text": "hello"})", "application/json");
    ASSERT_TRUE(result);
    if (result->status == 429) {
      ++limited;
      retry_after = result->get_header_value("Retry-After");
      EXPECT_NE(result->body.find("rate_limited"), std::string::npos);
    }
  }
  EXPECT_GE(limited, 2);
  EXPECT_FALSE(retry_after.empty());
  server.Stop();
  EXPECT_TRUE(server.Wait().ok());
}

}  // namespace
}  // namespace spamradar::server
