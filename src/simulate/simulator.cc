#include "simulate/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string_view>
#include <vector>

#include "core/hash.h"
#include "geo/metro_directory.h"
#include "simulate/campaigns.h"

namespace spamradar::simulate {
namespace {

using Rng = std::mt19937_64;

double Uniform(Rng& rng) {
  return std::uniform_real_distribution<double>(0, 1)(rng);
}
size_t Below(Rng& rng, size_t n) {
  return static_cast<size_t>(rng() % n);
}
template <typename T>
const T& Pick(Rng& rng, const std::vector<T>& values) {
  return values[Below(rng, values.size())];
}

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (char c : text) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof(escaped), "\\u%04x", static_cast<unsigned>(c));
          out->append(escaped);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

void AppendField(std::string_view name, std::string_view value, std::string* out) {
  if (out->size() > 1) out->push_back(',');
  AppendJsonString(name, out);
  out->push_back(':');
  AppendJsonString(value, out);
}

const std::vector<std::string> kNames = {"Amy",   "Jessica", "Linda", "Kevin", "Sophia", "Daniel",
                                         "Grace", "Mia",     "Emma",  "Lucas", "Olivia", "Ryan",
                                         "Chloe", "Nina",    "Tom",   "Sarah", "Mark",   "Julia"};
const std::vector<std::string> kCities = {"Boston",  "Denver",   "Austin",    "Seattle", "Tampa",
                                          "Phoenix", "Portland", "Nashville", "Atlanta"};
const std::vector<std::string> kFiller = {"ok",  "pls", "tx",  "now", "kx9", "ref", "zq", "hi",
                                          "yes", "new", "vip", "go",  "1x",  "t4",  "wk"};
const std::vector<std::string> kTlds = {"com", "net", "top", "xyz", "info", "club", "shop", "co"};
const std::vector<std::string> kShorteners = {"bit.ly", "tinyurl.com", "goo.gl", "ow.ly"};
const std::vector<std::string> kOperators = {"att", "verizon", "tmobile", "sprint"};

// Latin letters and the Cyrillic letters that look the same.
constexpr std::pair<char, std::string_view> kLookalikes[] = {
    {'a', "\xD0\xB0"}, {'e', "\xD0\xB5"}, {'o', "\xD0\xBE"}, {'p', "\xD1\x80"},
    {'c', "\xD1\x81"}, {'x', "\xD1\x85"}, {'i', "\xD1\x96"}};

std::string Slug(std::string_view brand) {
  std::string out;
  for (char c : brand) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

std::string UsNumber(Rng& rng, int npa) {
  char buffer[16];
  const int exchange = 200 + static_cast<int>(Below(rng, 800));
  const int line = static_cast<int>(Below(rng, 10000));
  std::snprintf(buffer, sizeof(buffer), "+1%03d%03d%04d", npa,
                exchange % 100 == 11 ? exchange + 1 : exchange, line);
  return buffer;
}

std::string Replace(std::string text, std::string_view slot, std::string_view value) {
  for (size_t at = text.find(slot); at != std::string::npos;
       at = text.find(slot, at + value.size())) {
    text.replace(at, slot.size(), value);
  }
  return text;
}

// Where in the window a campaign is, 0 (inactive) to 1 (peak).
double Life(const CampaignSpec& spec, double x) {
  if (x < spec.start || x > spec.end) return 0;
  if (x <= spec.peak) {
    const double span = std::max(1e-9, spec.peak - spec.start);
    return 0.25 + 0.75 * (x - spec.start) / span;
  }
  const double span = std::max(1e-9, spec.end - spec.peak);
  return 1 - 0.65 * (x - spec.peak) / span;
}

struct AreaCode {
  int npa;
  const geo::Metro* metro;  // null outside metro areas
  double weight;
};

class Scenario {
 public:
  Scenario(const SimulationOptions& options) : options_(options), rng_(options.seed) {
    const geo::MetroDirectory& directory = geo::MetroDirectory::Default();
    std::map<const geo::Metro*, int> codes_per_metro;
    for (int npa = 200; npa < 1000; ++npa) {
      if (!directory.IsUsAreaCode(npa)) continue;
      const geo::Location location = directory.Locate("+1" + std::to_string(npa) + "2000000");
      area_codes_.push_back({npa, location.metro, 0});
      ++codes_per_metro[location.metro];
    }
    // Reporters in proportion to population; outside metro areas, about 10%.
    double metro_total = 0;
    size_t rural_codes = 0;
    for (AreaCode& code : area_codes_) {
      if (code.metro == nullptr) {
        ++rural_codes;
        continue;
      }
      code.weight = static_cast<double>(code.metro->population) / codes_per_metro[code.metro];
      metro_total += code.weight;
    }
    for (AreaCode& code : area_codes_) {
      if (code.metro == nullptr)
        code.weight = 0.1 * metro_total / 0.9 / std::max<size_t>(1, rural_codes);
    }
    std::vector<double> weights;
    for (const AreaCode& code : area_codes_) weights.push_back(code.weight);
    pick_area_code_ = std::discrete_distribution<size_t>(weights.begin(), weights.end());
    PlanHeadlineShares(directory);
    double sum = 0;
    for (int d = 0; d < options_.days; ++d) {
      sum += 0.55 + 0.6 * Life(DefaultCampaigns()[0], (d + 0.5) / options_.days);
    }
    mean_headline_life_ = sum / options_.days;
  }

  Status Run(const std::function<Status(const SimulatedReport&)>& emit) {
    const auto& campaigns = DefaultCampaigns();
    // Reports per day: a slow rise, quieter weekends.
    std::vector<double> day_weight(static_cast<size_t>(options_.days));
    for (int d = 0; d < options_.days; ++d) {
      const int weekday = static_cast<int>((UtcDay(options_.start) + d + 4) % 7);  // 0 = Sunday
      day_weight[static_cast<size_t>(d)] = (0.85 + 0.3 * d / std::max(1, options_.days - 1)) *
                                           (weekday == 0 || weekday == 6 ? 0.8 : 1);
    }
    std::discrete_distribution<int> pick_day(day_weight.begin(), day_weight.end());
    std::vector<uint64_t> per_day(static_cast<size_t>(options_.days), 0);
    for (uint64_t i = 0; i < options_.reports; ++i) ++per_day[static_cast<size_t>(pick_day(rng_))];
    // Reports in the day: few at night.
    const double hour_weight[24] = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 1.0, 1.2, 1.3, 1.3,
                                    1.4, 1.3, 1.3, 1.2, 1.2, 1.3, 1.4, 1.4, 1.3, 1.0, 0.7, 0.4};
    std::discrete_distribution<int> pick_hour(std::begin(hour_weight), std::end(hour_weight));

    uint64_t serial = 0;
    for (int d = 0; d < options_.days; ++d) {
      const double x = (d + 0.5) / options_.days;
      std::vector<double> life(campaigns.size());
      for (size_t c = 0; c < campaigns.size(); ++c) life[c] = Life(campaigns[c], x);
      std::vector<int64_t> offsets;
      offsets.reserve(per_day[static_cast<size_t>(d)]);
      for (uint64_t i = 0; i < per_day[static_cast<size_t>(d)]; ++i) {
        offsets.push_back(int64_t{pick_hour(rng_)} * 3600000 +
                          static_cast<int64_t>(Below(rng_, 3600000)));
      }
      std::sort(offsets.begin(), offsets.end());
      const Timestamp day_start = options_.start + std::chrono::days(d);
      for (int64_t offset : offsets) {
        const AreaCode& code = area_codes_[pick_area_code_(rng_)];
        const size_t campaign = PickCampaign(code, life, x);
        if (Status status = emit(
                Make(serial++, day_start + std::chrono::milliseconds(offset), code, campaign, d));
            !status.ok()) {
          return status;
        }
      }
    }
    return Status::Ok();
  }

 private:
  static constexpr size_t kOneOff = static_cast<size_t>(-1);

  // The headline campaign's share of each metro's reports: the 2014 shape,
  // with the other metros set so the national share comes out near 34%.
  void PlanHeadlineShares(const geo::MetroDirectory& directory) {
    const std::pair<const char*, double> fixed[] = {
        {"Los Angeles", 0.60}, {"San Diego", 0.56}, {"Miami", 0.52}, {"New York", 0.47}};
    double total = 0, fixed_mass = 0, other_mass = 0;
    for (const AreaCode& code : area_codes_) total += code.weight;
    for (const AreaCode& code : area_codes_) {
      double share = -1;
      for (const auto& [name, value] : fixed) {
        if (code.metro != nullptr && code.metro == directory.FindMetro(name)) share = value;
      }
      if (share >= 0) {
        headline_share_[code.npa] = share;
        fixed_mass += share * code.weight;
      } else {
        // Some variety between the other metros, never near the top four.
        const double jitter = 0.75 + 0.4 * Uniform(rng_);
        headline_share_[code.npa] = jitter;
        other_mass += jitter * code.weight;
      }
    }
    const double scale = (0.34 * total - fixed_mass) / std::max(1e-9, other_mass);
    for (const AreaCode& code : area_codes_) {
      bool is_fixed = false;
      for (const auto& [name, value] : fixed) {
        is_fixed = is_fixed || (code.metro != nullptr && code.metro == directory.FindMetro(name));
      }
      if (!is_fixed) headline_share_[code.npa] = std::min(0.42, headline_share_[code.npa] * scale);
    }
  }

  size_t PickCampaign(const AreaCode& code, const std::vector<double>& life, double x) {
    const auto& campaigns = DefaultCampaigns();
    // The headline campaign's life moves its share around the metro's average.
    const double headline =
        headline_share_[code.npa] * (0.55 + 0.6 * Life(campaigns[0], x)) / mean_headline_life_;
    if (Uniform(rng_) < headline) return 0;
    if (Uniform(rng_) < 0.2) return kOneOff;
    double total = 0;
    std::vector<double> weights(campaigns.size(), 0);
    for (size_t c = 1; c < campaigns.size(); ++c) {
      double skew = 1;
      for (const auto& [metro, multiplier] : campaigns[c].regional_skew) {
        if (code.metro != nullptr && code.metro->name == metro) skew = multiplier;
      }
      weights[c] = campaigns[c].weight * life[c] * skew;
      total += weights[c];
    }
    if (total <= 0) return kOneOff;
    double r = Uniform(rng_) * total;
    for (size_t c = 1; c < campaigns.size(); ++c) {
      if (r < weights[c]) return c;
      r -= weights[c];
    }
    return campaigns.size() - 1;
  }

  std::string Url(const CampaignSpec& spec, int day) {
    std::string url;
    if (Uniform(rng_) < spec.shortener_rate || spec.domain_patterns.empty()) {
      url = Pick(rng_, kShorteners) + "/";
      for (int i = 0; i < 7; ++i)
        url.push_back("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[Below(rng_, 56)]);
      return url;
    }
    // Domains rotate: each is used for a stretch of days, a few overlap.
    const double position = (day + Uniform(rng_) * 3 - 1) / options_.days * spec.domain_count;
    const int n = std::clamp(static_cast<int>(position), 0, spec.domain_count - 1);
    const std::string& pattern =
        spec.domain_patterns[static_cast<size_t>(n) % spec.domain_patterns.size()];
    const std::string brand = spec.brands.empty()
                                  ? "deal"
                                  : Slug(spec.brands[static_cast<size_t>(n) % spec.brands.size()]);
    std::string domain = Replace(Replace(pattern, "{N}", std::to_string(10 + n * 7)), "{B}", brand);
    const double form = Uniform(rng_);
    if (form < 0.3)
      url = "http://" + domain;
    else if (form < 0.4)
      url = "https://" + domain;
    else
      url = domain;
    if (Uniform(rng_) < 0.4) url += "/" + std::to_string(Below(rng_, 9000) + 100);
    return url;
  }

  std::string Amount(const CampaignSpec& spec) {
    char buffer[24];
    if (spec.id == "parcel-fee" || spec.id == "free-iphone" || spec.id == "pharmacy") {
      std::snprintf(buffer, sizeof(buffer), "$%d.%02d", 1 + static_cast<int>(Below(rng_, 4)),
                    static_cast<int>(Below(rng_, 100)));
      return buffer;
    }
    static const std::vector<std::string> kAmounts = {"$100",  "$250",   "$500",   "$750",
                                                      "$1000", "$1,500", "$2,500", "$5,000"};
    return Pick(rng_, kAmounts);
  }

  std::string Text(const CampaignSpec& spec, int day) {
    std::string text = Pick(rng_, spec.templates);
    if (text.find("{BRANDS}") != std::string::npos) {
      std::vector<std::string> brands = spec.brands;
      std::shuffle(brands.begin(), brands.end(), rng_);
      brands.resize(2 + Below(rng_, std::min<size_t>(3, brands.size() - 1)));
      std::string list;
      for (size_t i = 0; i < brands.size(); ++i) {
        if (i > 0) list += i + 1 == brands.size() ? (Uniform(rng_) < 0.5 ? " & " : " and ") : ", ";
        list += brands[i];
      }
      text = Replace(text, "{BRANDS}", list);
    }
    if (!spec.brands.empty()) {
      text = Replace(text, "{BRAND}", Pick(rng_, spec.brands));
      text = Replace(text, "{CARRIER}", Pick(rng_, spec.brands));
    }
    text = Replace(text, "{PERCENT}", std::to_string(50 + 5 * Below(rng_, 9)) + "%");
    text = Replace(text, "{URL}", Url(spec, day));
    text = Replace(text, "{AMOUNT}", Amount(spec));
    text = Replace(text, "{NAME}", Pick(rng_, kNames));
    text = Replace(text, "{CITY}", Pick(rng_, kCities));
    text = Replace(text, "{DAYS}", std::to_string(3 + Below(rng_, 8)));
    if (text.find("{PHONE}") != std::string::npos) {
      char phone[24];
      std::snprintf(
          phone, sizeof(phone), "(%d) %03d-%04d", 800 + 11 * static_cast<int>(Below(rng_, 9)),
          200 + static_cast<int>(Hash64(spec.id) % 700), static_cast<int>(Below(rng_, 10000)));
      text = Replace(text, "{PHONE}", phone);
    }
    if (text.find("{CODE}") != std::string::npos) {
      text =
          Replace(text, "{CODE}", std::to_string(20000 + Hash64(spec.id) % 70000 + Below(rng_, 3)));
    }
    return Trick(spec, std::move(text));
  }

  // The tricks spammers use so that no two messages are alike.
  std::string Trick(const CampaignSpec& spec, std::string text) {
    if (Uniform(rng_) < spec.lookalike) {
      for (int swaps = 1 + static_cast<int>(Below(rng_, 3)); swaps > 0; --swaps) {
        const auto& [latin, cyrillic] = kLookalikes[Below(rng_, std::size(kLookalikes))];
        const size_t at = text.find(latin, Below(rng_, text.size()));
        if (at != std::string::npos && text.find('.', at) > text.find(' ', at))
          text.replace(at, 1, cyrillic);
      }
    }
    if (Uniform(rng_) < spec.leet) {
      const std::pair<char, char> leet[] = {{'o', '0'}, {'i', '1'}, {'e', '3'}, {'a', '@'}};
      const auto& [from, to] = leet[Below(rng_, 4)];
      const size_t at = text.find(from, Below(rng_, text.size() / 2 + 1));
      if (at != std::string::npos && text.find('.', at) > text.find(' ', at)) text[at] = to;
    }
    if (Uniform(rng_) < spec.spacing && !spec.brands.empty()) {
      for (const std::string& brand : spec.brands) {
        const size_t at = text.find(brand);
        if (at == std::string::npos || brand.find(' ') != std::string::npos) continue;
        std::string spaced;
        for (char c : brand) {
          if (!spaced.empty()) spaced.push_back(' ');
          spaced.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
        }
        text.replace(at, brand.size(), spaced);
        break;
      }
    }
    if (Uniform(rng_) < spec.invisible) {
      size_t at = text.find(' ', Below(rng_, text.size()));
      if (at != std::string::npos && at > 2) {
        at -= 2;  // inside the word before, on a character boundary
        while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        text.insert(at, "\xE2\x80\x8B");
      }
    }
    if (Uniform(rng_) < spec.filler) {
      const std::string word =
          Pick(rng_, kFiller) + (Uniform(rng_) < 0.5 ? std::to_string(Below(rng_, 100)) : "");
      if (Uniform(rng_) < 0.5) {
        text = word + " " + text;
      } else {
        text += " " + word;
      }
    }
    return text;
  }

  // One-off spam: each message its own, as unrelated to the next as real
  // one-off spam is: a dozen words drawn from a wide list, its own link or
  // number. (Pieces of sentences recombined would form a template, which a
  // campaign engine rightly gathers.)
  std::string OneOffText(uint64_t serial) {
    static const std::vector<std::string> kOpeners = {
        "URGENT:",    "Hello,",     "Dear customer,", "Notice:",         "Hi,",
        "Attention:", "Important:", "Good news!",     "Final reminder:", "Hey there,",
        "Alert:",     "Congrats!",  "Dear member,",   "Quick question:", "Last chance:",
        "Reminder:",  "FYI:",       "Dear user,",     "Welcome!",        ""};
    static const std::vector<std::string> kWords = {
        "account",  "offer",    "reward",   "bonus",     "points",     "renewal",   "verification",
        "parcel",   "depot",    "warranty", "refund",    "singles",    "mortgage",  "rates",
        "crypto",   "returns",  "storage",  "voicemail", "invoice",    "overdue",   "solar",
        "panels",   "weight",   "casino",   "spins",     "tax",        "documents", "insurance",
        "quotes",   "hearing",  "aids",     "cruise",    "timeshare",  "tickets",   "membership",
        "grant",    "business", "flights",  "weekend",   "upgrade",    "survey",    "lottery",
        "results",  "today",    "now",      "fast",      "easy",       "secure",    "official",
        "limited",  "special",  "premium",  "instant",   "guaranteed", "exclusive", "final",
        "personal", "verified", "new",      "best",      "top",        "great",     "huge",
        "local",    "online",   "mobile",   "direct",    "private",    "early",     "weekly",
        "daily",    "free",     "real",     "safe",      "quick",      "lucky",     "gold",
        "silver",   "your",     "our",      "this",      "that",       "with",      "for",
        "from",     "about",    "after",    "before",    "between",    "without",   "waiting",
        "pending",  "expires",  "ready",    "approved",  "selected",   "eligible",  "claim",
        "collect",  "activate", "confirm",  "update",    "review",     "discover",  "enjoy",
        "save",     "earn",     "win",      "join",      "order",      "book",      "meet",
        "chat",     "watch",    "download", "install",   "register",   "apply",     "cash",
        "loan",     "credit",   "debt",     "card",      "phone",      "laptop",    "watch",
        "shoes",    "bags",     "vitamins", "tea",       "coffee",     "pizza",     "hotel",
        "vacation", "resort",   "concert",  "gym",       "diet",       "clinic",    "dental",
        "pharmacy", "pets",     "garden",   "roof",      "windows",    "kitchen",   "furniture",
        "jewelry",  "gold",     "bitcoin",  "stocks",    "forex",      "trading"};
    static const std::vector<std::string> kCalls = {
        "Click", "Visit", "Call",  "Reply YES at", "Go to",      "Open",
        "Tap",   "See",   "Check", "Respond at",   "Text us at", "Details:"};
    std::string text = Pick(rng_, kOpeners);
    for (size_t w = 8 + Below(rng_, 10); w > 0; --w) {
      if (!text.empty()) text.push_back(' ');
      text += Pick(rng_, kWords);
    }
    text += ". " + Pick(rng_, kCalls) + " ";
    if (Uniform(rng_) < 0.75) {
      text += Pick(rng_, kWords) + Pick(rng_, kFiller) + std::to_string(serial) + "." +
              Pick(rng_, kTlds);
    } else {
      const std::string number = UsNumber(rng_, Pick(rng_, area_codes_).npa);
      text += "(" + number.substr(2, 3) + ") " + number.substr(5, 3) + "-" + number.substr(8);
    }
    return text;
  }

  std::string Sender(const CampaignSpec& spec, int day) {
    const uint64_t base = Hash64(spec.id);
    switch (spec.sender_style) {
      case SenderStyle::kAppleId: {
        // A new Apple ID every few reports: spammers burn them fast.
        const uint64_t n = static_cast<uint64_t>(day) * 40 + Below(rng_, 40);
        static const std::vector<std::string> kHosts = {"icloud.com", "me.com", "mac.com",
                                                        "gmail.com"};
        // Accounts are the spammer's own: two campaigns never share one.
        const char suffix[3] = {static_cast<char>('a' + base % 26),
                                static_cast<char>('a' + base / 26 % 26), 0};
        return kNames[(base + n) % kNames.size()] + std::to_string(1000 + (base ^ n) % 9000) +
               suffix + "@" + kHosts[(n + base) % (n % 5 == 0 ? 4 : 3)];
      }
      case SenderStyle::kPhone: {
        Rng sender_rng(base + static_cast<uint64_t>(day) * 131 + Below(rng_, 25));
        return UsNumber(sender_rng, 201 + static_cast<int>(Below(sender_rng, 700)) / 100 * 100 + 1);
      }
      case SenderStyle::kShortCode: return std::to_string(20000 + base % 70000 + Below(rng_, 3));
      case SenderStyle::kAlphanumeric: return spec.id == "debt-relief" ? "DEBTHELP" : "NOTICE";
    }
    return "";
  }

  std::string Reporter(const AreaCode& code) {
    // About a third of reports come from subscribers who report often.
    if (Uniform(rng_) < 0.3) {
      Rng frequent(static_cast<uint64_t>(code.npa) * 7919 + Below(rng_, 20));
      return UsNumber(frequent, code.npa);
    }
    const std::string e164 = UsNumber(rng_, code.npa);
    if (Uniform(rng_) < 0.3) {  // written the way people write it
      return "(" + e164.substr(2, 3) + ") " + e164.substr(5, 3) + "-" + e164.substr(8);
    }
    return e164;
  }

  SimulatedReport Make(uint64_t serial, Timestamp at, const AreaCode& code, size_t campaign,
                       int day) {
    const auto& campaigns = DefaultCampaigns();
    const bool one_off = campaign == kOneOff;
    const CampaignSpec* spec = one_off ? nullptr : &campaigns[campaign];
    const std::string id = "sim-" + std::to_string(options_.seed) + "-" + std::to_string(serial);
    const std::string channel =
        one_off ? (Uniform(rng_) < 0.8 ? "sms" : "imessage") : spec->channel;
    SimulatedReport out;
    std::string& r = out.report_json;
    r.reserve(320);
    r.push_back('{');
    AppendField("id", id, &r);
    AppendField("reported_at", FormatRfc3339(at), &r);
    AppendField("reporter", Reporter(code), &r);
    AppendField("body", one_off ? OneOffText(serial) : Text(*spec, day), &r);
    if (Uniform(rng_) < 0.65) {
      std::string sender;
      if (one_off) {
        sender = channel == "imessage" ? "promo" + std::to_string(serial) + "@icloud.com"
                                       : UsNumber(rng_, Pick(rng_, area_codes_).npa);
      } else {
        sender = Sender(*spec, day);
      }
      AppendField("sender", sender, &r);
    }
    if (Uniform(rng_) < 0.4) AppendField("channel", channel, &r);
    if (Uniform(rng_) < 0.5) AppendField("operator", Pick(rng_, kOperators), &r);
    r.push_back('}');

    std::string& t = out.truth_json;
    t.push_back('{');
    AppendField("id", id, &t);
    AppendField("campaign", one_off ? "one-off-" + std::to_string(serial) : spec->id, &t);
    AppendField("metro", code.metro != nullptr ? code.metro->cbsa : "", &t);
    AppendField("channel", channel, &t);
    t.push_back('}');
    return out;
  }

  const SimulationOptions& options_;
  Rng rng_;
  std::vector<AreaCode> area_codes_;
  std::discrete_distribution<size_t> pick_area_code_;
  std::map<int, double> headline_share_;
  double mean_headline_life_ = 1;
};

}  // namespace

Status Simulate(const SimulationOptions& options,
                const std::function<Status(const SimulatedReport&)>& emit) {
  if (options.days < 1 || options.days > 3660) {
    return Status::InvalidArgument("days must be between 1 and 3660");
  }
  Scenario scenario(options);
  return scenario.Run(emit);
}

Status SimulateToDirectory(const SimulationOptions& options, const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Status::IoError("cannot create " + dir + ": " + error.message());
  const std::string reports_path = dir + "/reports.jsonl";
  const std::string truth_path = dir + "/truth.jsonl";
  std::FILE* reports = std::fopen(reports_path.c_str(), "wb");
  std::FILE* truth = std::fopen(truth_path.c_str(), "wb");
  if (reports == nullptr || truth == nullptr) {
    if (reports != nullptr) std::fclose(reports);
    if (truth != nullptr) std::fclose(truth);
    return Status::IoError("cannot write into " + dir);
  }
  Status status = Simulate(options, [&](const SimulatedReport& report) {
    if (std::fputs(report.report_json.c_str(), reports) < 0 || std::fputc('\n', reports) < 0 ||
        std::fputs(report.truth_json.c_str(), truth) < 0 || std::fputc('\n', truth) < 0) {
      return Status::IoError("write error in " + dir);
    }
    return Status::Ok();
  });
  const bool closed = std::fclose(reports) == 0 && std::fclose(truth) == 0;
  if (status.ok() && !closed) return Status::IoError("write error in " + dir);
  return status;
}

}  // namespace spamradar::simulate
