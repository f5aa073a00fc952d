// The API against its description, api/openapi.json: every operation there is
// called on a real server, and each answer must have a status the description
// lists and a body that fits the schema it gives (a small validator for the
// parts of JSON Schema the file uses: $ref, type, required, properties, items,
// enum, nullable, oneOf).
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "filter/default_model.h"
#include "server/api_keys.h"
#include "server/api_server.h"

namespace spamradar::server {
namespace {

using nlohmann::json;

json LoadSpec() {
  std::ifstream in(std::string(SPAMRADAR_TEST_SOURCE_DIR) + "/api/openapi.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

const json& Resolve(const json& spec, const json& schema) {
  if (!schema.contains("$ref")) return schema;
  std::string ref = schema["$ref"];  // "#/components/schemas/X"
  const json* node = &spec;
  std::stringstream parts(ref.substr(2));
  for (std::string part; std::getline(parts, part, '/');) node = &(*node)[part];
  return Resolve(spec, *node);
}

// Why `value` does not fit `schema`, or empty.
std::string Mismatch(const json& spec, const json& raw, const json& value,
                     const std::string& where) {
  const json& schema = Resolve(spec, raw);
  if (value.is_null() && schema.value("nullable", false)) return "";
  if (schema.contains("oneOf")) {
    for (const json& option : schema["oneOf"]) {
      if (Mismatch(spec, option, value, where).empty()) return "";
    }
    return where + ": fits none of oneOf";
  }
  if (schema.contains("type")) {
    const std::string type = schema["type"];
    const bool fits =
        (type == "object" && value.is_object()) || (type == "array" && value.is_array()) ||
        (type == "string" && value.is_string()) ||
        (type == "integer" && value.is_number_integer()) ||
        (type == "number" && value.is_number()) || (type == "boolean" && value.is_boolean());
    if (!fits) return where + ": not " + type + ": " + value.dump().substr(0, 80);
  }
  if (schema.contains("enum")) {
    bool listed = false;
    for (const json& option : schema["enum"]) listed |= option == value;
    if (!listed) return where + ": " + value.dump() + " not in enum";
  }
  if (value.is_object()) {
    for (const json& name : schema.value("required", json::array())) {
      if (!value.contains(name.get<std::string>()))
        return where + ": no " + name.get<std::string>();
    }
    const json properties = schema.value("properties", json::object());
    for (const auto& [name, property] : properties.items()) {
      if (!value.contains(name)) continue;
      if (std::string why = Mismatch(spec, property, value[name], where + "." + name);
          !why.empty()) {
        return why;
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (size_t i = 0; i < value.size(); ++i) {
      if (std::string why =
              Mismatch(spec, schema["items"], value[i], where + "[" + std::to_string(i) + "]");
          !why.empty()) {
        return why;
      }
    }
  }
  return "";
}

TEST(OpenApiTest, EveryOperationAnswersAsDescribed) {
  const json spec = LoadSpec();
  SystemClock clock;
  const std::string dir = ::testing::TempDir() + "/openapi_server_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  auto data = app::DataDirectory::Open(dir);
  ASSERT_TRUE(data.ok());
  const std::string admin = CreateKey(*(*data)->store, Role::kAdmin, "", clock.Now())->key;
  ServerOptions options;
  options.port = 0;
  ApiServer server(options, std::move(*data), *filter::LoadDefaultModel(), clock);
  ASSERT_TRUE(server.Start().ok());
  for (int i = 0; i < 200 && !server.ready(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  httplib::Client client("127.0.0.1", server.port());
  const httplib::Headers auth = {{"Authorization", "Bearer " + admin}};

  struct Call {
    std::string method, path, spec_path, body;
    bool with_key = true;
  };
  const std::string report =
      R"({"id": "o-1", "reported_at": "2014-03-02T10:00:00Z", "reporter": "+12125550100",)"
      R"( "body": "Gucci bags 80% off at lvshop12.com", "channel": "imessage"})";
  std::vector<Call> calls = {
      {"GET", "/healthz", "/healthz", "", false},
      {"GET", "/readyz", "/readyz", "", false},
      {"GET", "/metrics", "/metrics", "", false},
      {"POST", "/v1/reports", "/v1/reports", report},
      {"POST", "/v1/reports", "/v1/reports", "[" + report + R"(, {"body": 1}])"},
      {"POST", "/v1/reports", "/v1/reports", R"({"reporter": 5})"},
      {"POST", "/v1/reports", "/v1/reports", report, false},
      {"POST", "/v1/7726/inbound", "/v1/7726/inbound",
       R"({"from": "+12125550111", "to": "7726", "text": "Win a free cruise, reply YES"})"},
      {"POST", "/v1/7726/inbound", "/v1/7726/inbound", R"({"text": "no sender"})"},
      {"POST", "/v1/classify", "/v1/classify", R"({"text": "Gucci bags 80% off at lvshop12.com"})"},
      {"POST", "/v1/classify", "/v1/classify",
       R"({"messages": [{"text": "hi mum"}, {"text": "URGENT you won, call 09061701461"}]})"},
      {"POST", "/v1/classify", "/v1/classify", R"({"messages": 3})"},
      {"GET", "/v1/campaigns?limit=5", "/v1/campaigns", ""},
      {"GET", "/v1/campaigns?from=2014-99-01", "/v1/campaigns", ""},
      {"GET", "/v1/campaigns/1", "/v1/campaigns/{id}", ""},
      {"GET", "/v1/campaigns/424242", "/v1/campaigns/{id}", ""},
      {"GET", "/v1/stats?channel=imessage&campaign=1", "/v1/stats", ""},
      {"GET", "/v1/regions?campaign=1&min_reports=1", "/v1/regions", ""},
      {"GET", "/v1/regions?campaign=424242", "/v1/regions", ""},
      {"GET", "/v1/timeseries?from=2014-03-01&to=2014-03-07&campaign=1", "/v1/timeseries", ""},
      {"GET", "/v1/search?q=LVSHOP12.com", "/v1/search", ""},
      {"GET", "/v1/search?q=", "/v1/search", ""},
      {"GET", "/v1/keys", "/v1/keys", ""},
      {"POST", "/v1/keys", "/v1/keys", R"({"role": "intake", "label": "openapi"})"},
      {"POST", "/v1/keys", "/v1/keys", R"({"role": "god"})"},
      {"DELETE", "/v1/keys/k_00000000", "/v1/keys/{id}", ""},
  };
  std::set<std::string> exercised;
  for (const Call& call : calls) {
    const httplib::Headers headers = call.with_key ? auth : httplib::Headers{};
    httplib::Result result = call.method == "GET" ? client.Get(call.path, headers)
                             : call.method == "DELETE"
                                 ? client.Delete(call.path, headers)
                                 : client.Post(call.path, headers, call.body, "application/json");
    ASSERT_TRUE(result) << call.method << " " << call.path;
    std::string method = call.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(spec["paths"].contains(call.spec_path)) << call.spec_path;
    ASSERT_TRUE(spec["paths"][call.spec_path].contains(method)) << call.spec_path << " " << method;
    const json& operation = spec["paths"][call.spec_path][method];
    exercised.insert(method + " " + call.spec_path);
    const std::string status = std::to_string(result->status);
    ASSERT_TRUE(operation["responses"].contains(status))
        << call.method << " " << call.path << " answered " << status
        << ", not in the spec: " << result->body;
    const json& response = Resolve(spec, operation["responses"][status]);
    if (!response.contains("content")) continue;
    if (response["content"].contains("application/json")) {
      EXPECT_NE(result->get_header_value("Content-Type").find("application/json"),
                std::string::npos);
      const json body = json::parse(result->body, nullptr, false);
      ASSERT_FALSE(body.is_discarded()) << call.path << ": " << result->body;
      EXPECT_EQ(Mismatch(spec, response["content"]["application/json"]["schema"], body, "body"), "")
          << call.method << " " << call.path << " " << status;
    } else {
      EXPECT_NE(result->get_header_value("Content-Type").find("text/plain"), std::string::npos);
    }
  }
  // Every operation described was called.
  for (const auto& [path, operations] : spec["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_TRUE(exercised.contains(method + " " + path)) << method << " " << path;
    }
  }
  server.Stop();
  EXPECT_TRUE(server.Wait().ok());
}

}  // namespace
}  // namespace spamradar::server
