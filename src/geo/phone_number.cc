#include "geo/phone_number.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <dlfcn.h>
#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include "core/recent_cache.h"
#include "geo/geocoder_module.h"
#include "geo/metro_directory.h"
#include "geo/phone_plan.h"

namespace spamradar::geo {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;

// A longer text is no phone number (nor worth libphonenumber's time).
constexpr size_t kMaxParsedSize = 32;

const PhoneNumberUtil& Util() {
  static const PhoneNumberUtil* const util = [] {
    PhoneNumberUtil* instance = PhoneNumberUtil::GetInstance();
    // Parse failures are ordinary here (most digit runs are not phone numbers).
    instance->SetLogger(new i18n::phonenumbers::NullLogger());
    return instance;
  }();
  return *util;
}

bool Parse(std::string_view text, std::string_view region,
           i18n::phonenumbers::PhoneNumber* number) {
  return Util().Parse(std::string(text), std::string(region), number) ==
         PhoneNumberUtil::NO_PARSING_ERROR;
}

bool IsTollFree(int npa) {
  return npa == 800 || npa == 833 || npa == 844 || npa == 855 || npa == 866 || npa == 877 ||
         npa == 888;
}

// kOtherNanp: a well-formed North American number outside the US table
// (Canada, the Caribbean, codes not in service); `national` holds its ten digits.
enum class NanpVerdict { kValidUs, kInvalid, kOtherNanp, kAskLibphonenumber };

// The North American fast path described in the header. A number written in
// the North American form whose area code or exchange no NANP country can
// have (a leading 0 or 1, an N11 code such as 811) is invalid everywhere, so
// it is refused here too: spam is full of them, and libphonenumber would take
// tens of microseconds to say the same.
NanpVerdict ParseUsNumber(std::string_view text, std::string_view default_region, PhoneNumber* out,
                          std::string* national) {
  char digits[16];
  size_t count = 0;
  bool plus = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (count == sizeof(digits)) return NanpVerdict::kAskLibphonenumber;
      digits[count++] = c;
    } else if (c == '+' && count == 0 && !plus) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return NanpVerdict::kAskLibphonenumber;
    }
  }
  std::string_view number(digits, count);
  if (count == 11 && digits[0] == '1') {
    number.remove_prefix(1);
  } else if (count != 10 || plus || default_region != "US") {
    return NanpVerdict::kAskLibphonenumber;
  }
  const int npa = (number[0] - '0') * 100 + (number[1] - '0') * 10 + (number[2] - '0');
  const bool n11 = number[1] == '1' && number[2] == '1';
  if (number[0] < '2' || n11 || number[3] < '2') return NanpVerdict::kInvalid;
  const bool toll_free = IsTollFree(npa);
  if (!toll_free && !MetroDirectory::Default().IsUsAreaCode(npa)) {
    national->assign(number);
    return NanpVerdict::kOtherNanp;
  }
  *out = PhoneNumber{"+1" + std::string(number), "US", toll_free};
  return NanpVerdict::kValidUs;
}

std::optional<PhoneNumber> ParseWithLibphonenumber(std::string_view text,
                                                   std::string_view default_region) {
  i18n::phonenumbers::PhoneNumber number;
  if (text.size() > kMaxParsedSize || !Parse(text, default_region, &number)) return std::nullopt;
  PhoneNumber out;
  // Checking the default region alone is much cheaper than finding the region
  // among all that share the country code (+1 has 25), and it is the usual case.
  if (Util().IsValidNumberForRegion(number, std::string(default_region))) {
    out.region = default_region;
  } else {
    Util().GetRegionCodeForNumber(number, &out.region);
    if (out.region == "ZZ" || !Util().IsValidNumberForRegion(number, out.region))
      return std::nullopt;
  }
  Util().Format(number, PhoneNumberUtil::E164, &out.e164);
  out.toll_free = Util().GetNumberType(number) == PhoneNumberUtil::TOLL_FREE;
  return out;
}

// North American numbering is assigned by area code, exchange and at most
// the thousands block (NPA-NXX-X): libphonenumber's verdict and region for
// one number hold for every number sharing its first seven digits. Asking it
// takes ~100 us outside the US (25 regions share +1), and a campaign's
// callback numbers or a Canadian subscriber's share their prefixes.
std::optional<PhoneNumber> ParseOtherNanp(std::string_view text, std::string_view default_region,
                                          const std::string& national) {
  struct Verdict {
    bool valid = false;
    std::string region;
    bool toll_free = false;
  };
  thread_local RecentCache<Verdict> blocks(1024);
  const std::string_view block = std::string_view(national).substr(0, 7);
  const Verdict* verdict = blocks.Find(block);
  if (verdict == nullptr) {
    const std::optional<PhoneNumber> asked = ParseWithLibphonenumber(text, default_region);
    verdict =
        &blocks.Put(block, asked ? Verdict{true, asked->region, asked->toll_free} : Verdict{});
  }
  if (!verdict->valid) return std::nullopt;
  return PhoneNumber{"+1" + national, verdict->region, verdict->toll_free};
}

}  // namespace

std::optional<PhoneNumber> ParsePhoneNumber(std::string_view text,
                                            std::string_view default_region) {
  PhoneNumber us;
  std::string national;
  switch (ParseUsNumber(text, default_region, &us, &national)) {
    case NanpVerdict::kValidUs: return us;
    case NanpVerdict::kInvalid: return std::nullopt;
    case NanpVerdict::kOtherNanp: return ParseOtherNanp(text, default_region, national);
    case NanpVerdict::kAskLibphonenumber: break;
  }
  // A number with its country code is read in libphonenumber's own plans,
  // without libphonenumber, when the plan can decide (phone_plan.h).
  if (text.size() <= kMaxParsedSize) {
    PhoneNumber planned;
    switch (PhonePlan::Default().Check(text, default_region, &planned)) {
      case PhonePlan::Answer::kValid: return planned;
      case PhonePlan::Answer::kInvalid: return std::nullopt;
      case PhonePlan::Answer::kAskLibphonenumber: break;
    }
  }
  // A number outside the fast path takes libphonenumber ~30 us (its regular
  // expressions, for the region and the number's type), and the callback
  // numbers of a campaign come back message after message: its answer is
  // remembered, by region and the number as written.
  thread_local RecentCache<std::optional<PhoneNumber>> answers(1024);
  std::string key;
  key.reserve(default_region.size() + 1 + text.size());
  key.append(default_region).push_back('\0');
  key.append(text);
  if (const std::optional<PhoneNumber>* answer = answers.Find(key)) return *answer;
  return answers.Put(key, ParseWithLibphonenumber(text, default_region));
}

std::optional<PhoneNumber> ParseWithLibphonenumberOnly(std::string_view text,
                                                       std::string_view default_region) {
  return ParseWithLibphonenumber(text, default_region);
}

bool IsSupportedRegion(std::string_view region) {
  return Util().GetCountryCodeForRegion(std::string(region)) != 0;
}

namespace {

// The geocoder module (see geocoder_module.cc for why it is loaded rather than
// linked): next to the running binary, else where the build put it (tests run
// from their own folders of the build tree). Without it, numbers outside the
// US table get no description, and the reason is said once on stderr.
DescribeLocationFunction LoadGeocoder() {
  std::vector<std::string> candidates;
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) candidates.push_back((self.parent_path() / kGeocoderModuleName).string());
#ifdef SPAMRADAR_GEOCODER_MODULE
  candidates.emplace_back(SPAMRADAR_GEOCODER_MODULE);
#endif
  std::string failures;
  for (const std::string& path : candidates) {
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module != nullptr) {
      if (void* entry = dlsym(module, kDescribeLocationSymbol)) {
        return reinterpret_cast<DescribeLocationFunction>(entry);
      }
    }
    const char* reason = dlerror();
    failures += failures.empty() ? "" : "; ";
    failures += reason != nullptr ? reason : path;
  }
  std::fprintf(stderr,
               "spamradar: cannot load the geocoder module (%s); numbers outside the US table "
               "get no place description\n",
               failures.c_str());
  return nullptr;
}

}  // namespace

std::string DescribeLocation(std::string_view e164) {
  // The module parses the number itself (geocoder_module.h says why).
  static const DescribeLocationFunction describe = LoadGeocoder();
  if (describe == nullptr) return {};
  // Most descriptions (a city, a state) fit; a longer one is asked for again.
  std::string description(16, '\0');
  size_t length = describe(e164.data(), e164.size(), description.data(), description.size());
  if (length > description.size()) {
    description.resize(length);
    length = describe(e164.data(), e164.size(), description.data(), description.size());
  }
  description.resize(std::min(length, description.size()));
  return description;
}

}  // namespace spamradar::geo
