#include "geo/phone_plan.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <cstring>

#include <hs/hs.h>

#include "core/check.h"
#include "core/tsv.h"
#include "core/vectorscan_scratch.h"

namespace spamradar::geo {
namespace {

// The most digits in a national number, and in a country code
// (libphonenumber's kMaxLengthForNsn and kMaxLengthCountryCode).
constexpr size_t kMaxNationalDigits = 17;
constexpr size_t kMaxCountryCodeDigits = 3;

// The table's rows: "region", its code, country code, whether its fixed-line
// and mobile patterns are the same (0/1), its leading digits, its national
// prefix for parsing, then each Desc's lengths ("7,9,10") and pattern; and
// "code", a country code, its regions ("GB,GG,IM,JE"; "001" for a
// non-geographic code).
constexpr size_t kRegionFields = 6 + 2 * 11;
constexpr size_t kCodeFields = 3;

std::atomic<uint64_t> next_serial{1};

bool ParseInt(std::string_view text, int* out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size();
}

// A match sets the slot's bit in its region's word (`matched`, indexed by the
// region's position in its country code's list).
struct MatchContext {
  const std::vector<uint16_t>* regions;
  uint32_t* matched;
};

int OnMatch(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  auto* ctx = static_cast<MatchContext*>(context);
  const uint32_t region = id / 16, slot = id % 16;  // PhonePlan::kSlots a region
  for (size_t i = 0; i < ctx->regions->size(); ++i) {
    if ((*ctx->regions)[i] == region) ctx->matched[i] |= 1u << slot;
  }
  return 0;
}

int OnMatchNothing(unsigned int, unsigned long long, unsigned long long, unsigned int, void*) {
  return 0;
}

}  // namespace

PhonePlan::~PhonePlan() {
  for (size_t i = 0; i < codes_.size(); ++i) hs_free_database(databases_[i].database);
}

Result<std::unique_ptr<PhonePlan>> PhonePlan::Parse(std::string_view table) {
  std::unique_ptr<PhonePlan> plan(new PhonePlan());
  plan->table_.assign(table);  // the regions' texts are views into this copy
  std::vector<std::pair<int, std::vector<std::string_view>>> code_rows;
  Status status = ForEachTsvRow(
      plan->table_, kCodeFields, kRegionFields,
      [&](int line, const std::vector<std::string_view>& fields) -> Status {
        const auto bad = [line](const std::string& what) {
          return Status::InvalidArgument("phone plan line " + std::to_string(line) + ": " + what);
        };
        if (fields[0] == "code" && fields.size() == kCodeFields) {
          int code = 0;
          if (!ParseInt(fields[1], &code) || code <= 0) return bad("not a country code");
          code_rows.emplace_back(code, Split(fields[2], ','));
          return Status::Ok();
        }
        if (fields[0] != "region" || fields.size() != kRegionFields) {
          return bad("expected a region row of " + std::to_string(kRegionFields) +
                     " fields or a code row of " + std::to_string(kCodeFields));
        }
        Region region;
        region.code = fields[1];
        if (!ParseInt(fields[2], &region.country_code) || region.country_code <= 0) {
          return bad("not a country code");
        }
        region.same_mobile_and_fixed_line = fields[3] == "1";
        region.leading_digits = fields[4];
        region.has_leading_digits = !region.leading_digits.empty();
        region.national_prefix = fields[5];
        region.has_national_prefix = !region.national_prefix.empty();
        for (int desc = 0; desc < kDescCount; ++desc) {
          const std::string_view lengths = fields[6 + 2 * desc];
          if (!lengths.empty()) {
            for (std::string_view length : Split(lengths, ',')) {
              int n = 0;
              if (!ParseInt(length, &n))
                return bad("not a list of lengths: " + std::string(lengths));
              // libphonenumber's -1, "no number of this type", matches no length.
              if (n >= 0 && n <= static_cast<int>(kMaxNationalDigits))
                region.lengths[desc] |= 1u << n;
              if (n < 0) region.lengths[desc] |= 1u << 31;
            }
          }
          region.patterns[desc] = fields[7 + 2 * desc];
        }
        plan->regions_.push_back(std::move(region));
        return Status::Ok();
      });
  if (!status.ok()) return status;
  if (plan->regions_.size() >= 65536 / kSlots) return Status::InvalidArgument("too many regions");
  for (const auto& [code, names] : code_rows) {
    CountryCode entry;
    entry.code = code;
    for (std::string_view name : names) {
      if (name == "001") {
        entry.non_geographic = true;
        continue;
      }
      const Region* region = plan->FindRegion(name);
      if (region == nullptr || region->country_code != code) {
        return Status::InvalidArgument("phone plan: code " + std::to_string(code) +
                                       " lists region '" + std::string(name) +
                                       "', which has no row of that code");
      }
      entry.regions.push_back(static_cast<uint16_t>(region - plan->regions_.data()));
    }
    plan->codes_.push_back(std::move(entry));
  }
  std::sort(plan->codes_.begin(), plan->codes_.end(),
            [](const CountryCode& a, const CountryCode& b) { return a.code < b.code; });
  plan->databases_ = std::make_unique<LazyDatabase[]>(plan->codes_.size());
  return plan;
}

Result<hs_database*> PhonePlan::CompileCode(const CountryCode& code) const {
  // "44:7797706009" against "^44:(?:pattern)$": the country code before the
  // national number, as every code's numbers are scanned the same way.
  std::vector<std::string> expressions;
  std::vector<unsigned> ids, flags;
  const std::string prefix = "^" + std::to_string(code.code) + ":(?:";
  for (uint16_t r : code.regions) {
    const Region& region = regions_[r];
    auto add = [&](std::string_view pattern, uint32_t slot, bool whole) {
      if (pattern.empty()) return;
      expressions.push_back(prefix + std::string(pattern) + (whole ? ")$" : ")"));
      ids.push_back(static_cast<unsigned>(r * kSlots + slot));
      flags.push_back(HS_FLAG_SINGLEMATCH);
    };
    for (int desc = 0; desc < kDescCount; ++desc) add(region.patterns[desc], desc, true);
    add(region.leading_digits, kLeadingDigits, false);
    add(region.national_prefix, kNationalPrefix, false);
  }
  std::vector<const char*> pointers;
  pointers.reserve(expressions.size());
  for (const std::string& e : expressions) pointers.push_back(e.c_str());
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, nullptr, &database,
                       &error) != HS_SUCCESS) {
    const std::string message =
        error != nullptr && error->message != nullptr ? error->message : "unknown error";
    const int which = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    return Status::InvalidArgument(
        "vectorscan cannot compile the phone plan (" + message +
        (which >= 0 ? ", in " + expressions[static_cast<size_t>(which)] : std::string()) + ")");
  }
  return database;
}

namespace {

// A serialized database that this library and CPU can scan; else nullptr (a
// database built for another CPU is refused at its first scan, not when read).
hs_database_t* Deserialize(std::string_view bytes) {
  hs_database_t* database = nullptr;
  if (bytes.empty() ||
      hs_deserialize_database(bytes.data(), bytes.size(), &database) != HS_SUCCESS) {
    return nullptr;
  }
  hs_scratch_t* scratch = nullptr;
  const bool fits = hs_alloc_scratch(database, &scratch) == HS_SUCCESS &&
                    hs_scan(database, "0", 1, 0, scratch, OnMatchNothing, nullptr) == HS_SUCCESS;
  hs_free_scratch(scratch);
  if (!fits) {
    hs_free_database(database);
    return nullptr;
  }
  return database;
}

// The databases' file: kDatabasesMagic; an index, for each country code in
// the table's order, of its code and its database's offset and size (uint32
// each; offsets from the end of the index); then the serialized databases.
// Loading reads the index only, so that only the pages of the databases used
// are ever touched.
constexpr char kDatabasesMagic[8] = {'S', 'R', 'P', 'H', 'P', 'L', 'N', '2'};

}  // namespace

const PhonePlan::LazyDatabase& PhonePlan::DatabaseFor(const CountryCode& code) const {
  LazyDatabase& lazy = databases_[static_cast<size_t>(&code - codes_.data())];
  std::call_once(lazy.once, [&] {
    lazy.database = Deserialize(code.serialized);
    if (lazy.database == nullptr) {
      Result<hs_database*> compiled = CompileCode(code);
      CHECK(compiled.ok()) << compiled.status().ToString();
      lazy.database = *compiled;
    }
    lazy.serial = next_serial++;
  });
  return lazy;
}

Result<std::unique_ptr<PhonePlan>> PhonePlan::Load(std::string_view table,
                                                   std::string_view databases) {
  Result<std::unique_ptr<PhonePlan>> plan = Parse(table);
  if (!plan.ok()) return plan.status();
  const auto corrupt = [] { return Status::Corruption("the compiled phone plan is damaged"); };
  if (databases.size() < sizeof(kDatabasesMagic) ||
      std::memcmp(databases.data(), kDatabasesMagic, sizeof(kDatabasesMagic)) != 0) {
    return corrupt();
  }
  databases.remove_prefix(sizeof(kDatabasesMagic));
  const size_t index_size = (*plan)->codes_.size() * 3 * sizeof(uint32_t);
  if (databases.size() < index_size) return corrupt();
  const std::string_view index = databases.substr(0, index_size);
  databases.remove_prefix(index_size);
  size_t expected_offset = 0;
  for (size_t i = 0; i < (*plan)->codes_.size(); ++i) {
    CountryCode& code = (*plan)->codes_[i];
    uint32_t entry[3];  // code, offset, size
    std::memcpy(entry, index.data() + i * sizeof(entry), sizeof(entry));
    if (entry[0] != static_cast<uint32_t>(code.code) || entry[1] != expected_offset ||
        databases.size() - entry[1] < entry[2]) {
      return corrupt();
    }
    code.serialized = databases.substr(entry[1], entry[2]);
    expected_offset += entry[2];
  }
  if (expected_offset != databases.size()) return corrupt();
  return plan;
}

Result<std::string> PhonePlan::Serialize() const {
  std::string index, bytes;
  for (const CountryCode& code : codes_) {
    std::string serialized;
    if (!code.regions.empty()) {  // a non-geographic code is left to libphonenumber
      Result<hs_database*> database = CompileCode(code);
      if (!database.ok()) return database.status();
      char* data = nullptr;
      size_t length = 0;
      const hs_error_t rc = hs_serialize_database(*database, &data, &length);
      hs_free_database(*database);
      if (rc != HS_SUCCESS) return Status::Internal("vectorscan: cannot serialize the phone plan");
      serialized.assign(data, length);
      std::free(data);
    }
    const uint32_t entry[3] = {static_cast<uint32_t>(code.code),
                               static_cast<uint32_t>(bytes.size()),
                               static_cast<uint32_t>(serialized.size())};
    index.append(reinterpret_cast<const char*>(entry), sizeof(entry));
    bytes += serialized;
  }
  return std::string(kDatabasesMagic, sizeof(kDatabasesMagic)) + index + bytes;
}

const PhonePlan::CountryCode* PhonePlan::FindCode(int code) const {
  const auto it = std::lower_bound(codes_.begin(), codes_.end(), code,
                                   [](const CountryCode& c, int value) { return c.code < value; });
  return it != codes_.end() && it->code == code ? &*it : nullptr;
}

const PhonePlan::Region* PhonePlan::FindRegion(std::string_view code) const {
  for (const Region& region : regions_) {
    if (region.code == code) return &region;
  }
  return nullptr;
}

PhonePlan::Desc PhonePlan::TypeOf(const Region& region, size_t nsn_length, uint32_t matched) const {
  // libphonenumber's IsNumberMatchingDesc: the length listed (when any is),
  // and the whole number matched by the pattern.
  const auto matches = [&](Desc desc) {
    const uint32_t lengths = region.lengths[desc];
    if (lengths != 0 && (lengths & (1u << nsn_length)) == 0) return false;
    return (matched & (1u << desc)) != 0;
  };
  if (!matches(kGeneral)) return kDescCount;
  for (Desc desc :
       {kPremiumRate, kTollFree, kSharedCost, kVoip, kPersonalNumber, kPager, kUan, kVoicemail}) {
    if (matches(desc)) return desc;
  }
  if (matches(kFixedLine)) return kFixedLine;  // fixed line, or fixed line or mobile
  if (!region.same_mobile_and_fixed_line && matches(kMobile)) return kMobile;
  return kDescCount;
}

PhonePlan::Answer PhonePlan::Check(std::string_view text, std::string_view default_region,
                                   PhoneNumber* out) const {
  // The digits after the '+', as libphonenumber normalizes them.
  char digits[kMaxCountryCodeDigits + kMaxNationalDigits + 2];
  size_t count = 0;
  bool plus = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (!plus || count == kMaxCountryCodeDigits + kMaxNationalDigits) {
        return Answer::kAskLibphonenumber;
      }
      digits[count++] = c;
    } else if (c == '+' && !plus) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return Answer::kAskLibphonenumber;
    }
  }
  if (!plus || count < 4 || digits[0] == '0') return Answer::kAskLibphonenumber;
  // The country code: the shortest prefix that is one (libphonenumber's
  // ExtractCountryCode; the codes are a prefix code, so at most one fits).
  const CountryCode* code = nullptr;
  size_t code_digits = 0;
  int value = 0;
  for (size_t n = 1; n <= kMaxCountryCodeDigits && code == nullptr; ++n) {
    value = value * 10 + (digits[n - 1] - '0');
    code = FindCode(value);
    code_digits = n;
  }
  if (code == nullptr || code->non_geographic || code->code == 1 || code->regions.empty()) {
    return Answer::kAskLibphonenumber;
  }
  // A number of the default region's own code may be read differently there.
  const Region* home = FindRegion(default_region);
  if (home == nullptr || home->country_code == code->code) return Answer::kAskLibphonenumber;
  const std::string_view nsn(digits + code_digits, count - code_digits);
  if (nsn.size() < 2 || nsn.size() > kMaxNationalDigits) return Answer::kAskLibphonenumber;

  // One scan for every pattern of the code's regions.
  char scanned[8 + sizeof(digits)];
  const std::string_view code_text(digits, code_digits);
  std::memcpy(scanned, code_text.data(), code_text.size());
  scanned[code_text.size()] = ':';
  std::memcpy(scanned + code_text.size() + 1, nsn.data(), nsn.size());
  const size_t scanned_size = code_text.size() + 1 + nsn.size();
  uint32_t matched[32] = {};
  if (code->regions.size() > std::size(matched)) return Answer::kAskLibphonenumber;
  const LazyDatabase& database = DatabaseFor(*code);
  thread_local VectorscanScratch scratch;
  MatchContext context{&code->regions, matched};
  const hs_error_t rc = hs_scan(database.database, scanned, static_cast<unsigned>(scanned_size), 0,
                                scratch.For(database.database, database.serial), OnMatch, &context);
  CHECK(rc == HS_SUCCESS) << "vectorscan scan failed: " << rc;

  // libphonenumber strips a national prefix written after the country code
  // when what is left still looks like a number: not decided here.
  const Region& main_region = regions_[code->regions.front()];
  if (main_region.has_national_prefix && (matched[0] & (1u << kNationalPrefix)) != 0) {
    return Answer::kAskLibphonenumber;
  }
  // The region (GetRegionCodeForNumber), then whether the number is valid
  // there (IsValidNumberForRegion) and its type (GetNumberType).
  size_t chosen = code->regions.size();
  Desc type = kDescCount;
  if (code->regions.size() == 1) {
    chosen = 0;
    type = TypeOf(main_region, nsn.size(), matched[0]);
  } else {
    for (size_t i = 0; i < code->regions.size(); ++i) {
      const Region& region = regions_[code->regions[i]];
      if (region.has_leading_digits) {
        if ((matched[i] & (1u << kLeadingDigits)) != 0) {
          chosen = i;
          type = TypeOf(region, nsn.size(), matched[i]);
          break;
        }
      } else if ((type = TypeOf(region, nsn.size(), matched[i])) != kDescCount) {
        chosen = i;
        break;
      }
    }
  }
  if (chosen == code->regions.size() || type == kDescCount) return Answer::kInvalid;
  out->e164.assign("+");
  out->e164.append(digits, count);
  out->region.assign(regions_[code->regions[chosen]].code);
  out->toll_free = type == kTollFree;
  return Answer::kValid;
}

}  // namespace spamradar::geo
