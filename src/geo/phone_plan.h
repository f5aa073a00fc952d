// PhonePlan: libphonenumber's numbering plans, read without libphonenumber,
// for numbers written with a country code ("+44 7797 706009").
//
// libphonenumber decides whether such a number is valid, in which region and
// of which type by matching its regular expressions (ICU's) against the
// national number. Its first use costs ~5 ms (PhoneNumberUtil compiles its
// expressions and parses its metadata), and each number after ~30 us: the
// first foreign number in a batch of a few thousand messages was 6% of
// `classify`'s time, and a message full of numbers buys milliseconds.
//
// The same metadata, taken from Debian's libphonenumber when spamradar is
// built (tools/compile_phone_plan.cc), is kept here as a table and, for each
// country code, a vectorscan database of its regions' patterns, read when a
// number of that code first comes. A number is matched once against all the
// patterns of its code, and the rest follows libphonenumber's own steps (its
// GetRegionCodeForNumber and GetNumberTypeHelper), so the answers are
// libphonenumber's: phone_plan_test.cc checks them against it number by
// number. (One database for every code was 1.5 MB, and reading it took longer
// than the number.)
//
// Only the plain case is decided here: '+', a country code other than +1,
// digits and separators (spaces, '-', '.', parentheses). Anything the table
// cannot answer for certain says kAskLibphonenumber: a national prefix
// written after the country code ("+44 (0)20..."), a number of the default
// region's own code, a non-geographic code (+800), a country code the table
// does not know.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "geo/phone_number.h"

struct hs_database;

namespace spamradar::geo {

class PhonePlan {
 public:
  enum class Answer { kValid, kInvalid, kAskLibphonenumber };

  // The plan built into spamradar: the table and databases made at build time
  // (a database is compiled here instead when it does not fit this CPU, as
  // under valgrind). Loaded at the first call; thread-safe.
  static const PhonePlan& Default();

  // A plan from its table (the text compile_phone_plan writes), its databases
  // compiled when first needed; or the table's error with its line number.
  static Result<std::unique_ptr<PhonePlan>> Parse(std::string_view table);
  // The same with the databases as Serialize() wrote them.
  static Result<std::unique_ptr<PhonePlan>> Load(std::string_view table,
                                                 std::string_view databases);
  // Every country code's database compiled, and written one after another;
  // or the first pattern vectorscan refuses.
  Result<std::string> Serialize() const;

  ~PhonePlan();
  PhonePlan(const PhonePlan&) = delete;
  PhonePlan& operator=(const PhonePlan&) = delete;

  // `text` as written; `default_region` the region a number without a
  // country code would be read in (see ParsePhoneNumber). A valid number's
  // E.164 form, region and toll-free flag go to `out`.
  Answer Check(std::string_view text, std::string_view default_region, PhoneNumber* out) const;

 private:
  // The number descriptions of libphonenumber's metadata, in the order its
  // GetNumberTypeHelper tries them (general first, fixed line and mobile last).
  enum Desc : uint8_t {
    kGeneral,
    kPremiumRate,
    kTollFree,
    kSharedCost,
    kVoip,
    kPersonalNumber,
    kPager,
    kUan,
    kVoicemail,
    kFixedLine,
    kMobile,
    kDescCount
  };
  // Two more patterns of a region, matched as prefixes: the leading digits that
  // tell it apart from the other regions of its code, and the national prefix
  // libphonenumber strips when parsing.
  static constexpr uint32_t kLeadingDigits = kDescCount;
  static constexpr uint32_t kNationalPrefix = kDescCount + 1;
  static constexpr uint32_t kSlots = 16;  // expression id = region * kSlots + slot

  struct Region {
    // Views into table_.
    std::string_view code;  // "GB"
    int country_code = 0;
    bool same_mobile_and_fixed_line = false;
    bool has_leading_digits = false;
    bool has_national_prefix = false;
    // Per Desc: the national number lengths it allows (bit n for n digits;
    // 0 when it lists none, and then any length may match) and its pattern.
    uint32_t lengths[kDescCount] = {};
    std::string_view patterns[kDescCount];
    std::string_view leading_digits, national_prefix;
  };
  struct CountryCode {
    int code = 0;
    std::vector<uint16_t> regions;  // libphonenumber's order, the main country first
    bool non_geographic = false;    // +800, +808, +870...
    std::string_view serialized;    // its database as Serialize() wrote it, if any
  };
  // A country code's database, made at its first number.
  struct LazyDatabase {
    std::once_flag once;
    hs_database* database = nullptr;
    uint64_t serial = 0;  // for the per-thread scratch
  };

  PhonePlan() = default;
  // The patterns of `code`'s regions compiled; or vectorscan's complaint.
  Result<hs_database*> CompileCode(const CountryCode& code) const;
  const LazyDatabase& DatabaseFor(const CountryCode& code) const;
  const CountryCode* FindCode(int code) const;
  const Region* FindRegion(std::string_view code) const;
  // libphonenumber's GetNumberTypeHelper, from the region's matched slots.
  Desc TypeOf(const Region& region, size_t nsn_length, uint32_t matched) const;

  std::string table_;  // the text the regions are read from
  std::vector<Region> regions_;
  std::vector<CountryCode> codes_;             // by code
  std::unique_ptr<LazyDatabase[]> databases_;  // as codes_
};

}  // namespace spamradar::geo
