#include "analysis/analysis_json.h"

#include <algorithm>
#include <cstdio>

namespace spamradar::analysis {
namespace {

using json = nlohmann::ordered_json;

json SpanJson(Span span) {
  return json::array({span.begin, span.end});
}

json Signal(std::string_view kind, Span span, std::string_view message) {
  json signal = json::object();
  signal["kind"] = kind;
  signal["span"] = SpanJson(span);
  signal["text"] = span.end <= message.size() ? span.Of(message) : std::string_view();
  return signal;
}

std::string_view NumberKindName(NumberKind kind) {
  switch (kind) {
    case NumberKind::kShortCode: return "short_code";
    case NumberKind::kMoney: return "money";
    case NumberKind::kPercent: return "percent";
  }
  return "number";
}

std::string Hex(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof(buffer), "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace

json ToJson(const MessageAnalysis& analysis, std::string_view message, const JsonOptions& options) {
  json out = json::object();
  out["text"] = message;
  out["normalized"] = analysis.normalized;
  if (analysis.truncated) {
    out["truncated"] = true;
    out["analyzed_bytes"] = analysis.analyzed_bytes;
  }
  if (options.tokens) {
    json tokens = json::array();
    for (const text::Token& token : analysis.tokens) {
      tokens.push_back({{"type", text::TokenTypeName(token.type)},
                        {"text", analysis.TextOf(token)},
                        {"span", SpanJson(token.original)}});
    }
    out["tokens"] = std::move(tokens);
  }

  std::vector<std::pair<uint32_t, json>> signals;
  auto add = [&signals](Span span, json signal) {
    signals.emplace_back(span.begin, std::move(signal));
  };
  for (const text::Finding& finding : analysis.text_findings) {
    json s = Signal(text::FindingKindName(finding.kind), finding.span, message);
    if (!finding.detail.empty()) s["detail"] = finding.detail;
    add(finding.span, std::move(s));
  }
  for (const UrlInfo& url : analysis.urls) {
    json s = Signal("url", url.span, message);
    s["url"] = url.url;
    s["host"] = url.host;
    if (url.unicode_host != url.host) s["unicode_host"] = url.unicode_host;
    s["domain"] = url.registrable_domain;
    s["scheme"] = url.has_scheme;
    add(url.span, std::move(s));
    auto flag = [&](bool on, std::string_view kind) {
      if (!on) return;
      json f = Signal(kind, url.span, message);
      f["domain"] = url.registrable_domain;
      add(url.span, std::move(f));
    };
    flag(url.shortener, "link_shortener");
    flag(url.obfuscated, "obfuscated_url");
    flag(url.ip_host, "ip_host");
    flag(url.idn, "idn_host");
    flag(url.homograph, "idn_homograph");
  }
  for (const EmailInfo& email : analysis.emails) {
    json s = Signal("email", email.span, message);
    s["address"] = email.address;
    s["domain"] = email.domain;
    if (email.obfuscated) s["obfuscated"] = true;
    add(email.span, std::move(s));
  }
  for (const PhoneInfo& phone : analysis.phones) {
    json s = Signal("phone", phone.span, message);
    s["e164"] = phone.e164;
    s["region"] = phone.region;
    if (phone.toll_free) s["toll_free"] = true;
    if (!phone.state.empty()) s["state"] = phone.state;
    if (!phone.metro.empty()) s["metro"] = phone.metro;
    add(phone.span, std::move(s));
  }
  for (const NumberInfo& number : analysis.numbers) {
    json s = Signal(NumberKindName(number.kind), number.span, message);
    s["value"] = number.text;
    add(number.span, std::move(s));
  }
  for (const LexiconMatch& brand : analysis.brands) {
    json s = Signal(brand.in_url ? "brand_in_url" : "brand", brand.span, message);
    s["brand"] = brand.name;
    s["category"] = brand.category;
    if (brand.own_site) s["own_site"] = true;
    add(brand.span, std::move(s));
  }
  for (const LexiconMatch& cue : analysis.cues) {
    json s = Signal("call_to_action", cue.span, message);
    s["cue"] = cue.name;
    add(cue.span, std::move(s));
  }
  std::stable_sort(signals.begin(), signals.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  json list = json::array();
  for (auto& [begin, signal] : signals) list.push_back(std::move(signal));
  out["signals"] = std::move(list);

  json shingles = json::object();
  if (options.shingle_hashes) {
    json words = json::array();
    for (uint64_t h : analysis.word_shingles) words.push_back(Hex(h));
    json chars = json::array();
    for (uint64_t h : analysis.char_shingles) chars.push_back(Hex(h));
    shingles["word3"] = std::move(words);
    shingles["char5"] = std::move(chars);
  } else {
    shingles["word3"] = analysis.word_shingles.size();
    shingles["char5"] = analysis.char_shingles.size();
  }
  out["shingles"] = std::move(shingles);
  return out;
}

std::string DumpJson(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace spamradar::analysis
