// PhonePlan::Default(): the plan compile_phone_plan made at build time, kept
// apart from phone_plan.cc, which that tool links without any built-in data.
#include <string_view>

#include "core/check.h"
#include "geo/phone_plan.h"

namespace spamradar::embedded {
extern const std::string_view kPhonePlanTable;
extern const std::string_view kPhonePlanDatabases;
}  // namespace spamradar::embedded

namespace spamradar::geo {

const PhonePlan& PhonePlan::Default() {
  static const PhonePlan* const plan = [] {
    // A database that does not fit this CPU is compiled when first needed.
    Result<std::unique_ptr<PhonePlan>> loaded =
        Load(embedded::kPhonePlanTable, embedded::kPhonePlanDatabases);
    CHECK(loaded.ok()) << "built-in phone plan: " << loaded.status().ToString();
    return std::move(loaded).value().release();
  }();
  return *plan;
}

}  // namespace spamradar::geo
