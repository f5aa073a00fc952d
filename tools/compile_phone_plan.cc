// Build-time tool: writes libphonenumber's numbering plans (the metadata
// compiled into Debian's libphonenumber) as geo::PhonePlan's table, and that
// table's vectorscan databases, so spamradar can read numbers written with a
// country code without starting libphonenumber (geo/phone_plan.h says why).
//   compile_phone_plan TABLE_OUT DATABASE_OUT
#include <fstream>
#include <iostream>
#include <list>
#include <set>
#include <sstream>
#include <string>

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include "geo/phone_plan.h"

// The metadata's serialized bytes: functions libphonenumber exports (its own
// tests read them) but whose header it does not install.
namespace i18n::phonenumbers {
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

// Tabs and line breaks would break the table; no pattern has them.
bool Plain(const std::string& text) {
  return text.find_first_of("\t\r\n") == std::string::npos;
}

void WriteDesc(const PhoneNumberDesc& desc, std::ostream& out) {
  out << '\t';
  for (int i = 0; i < desc.possible_length_size(); ++i) {
    out << (i > 0 ? "," : "") << desc.possible_length(i);
  }
  out << '\t' << desc.national_number_pattern();
}

bool WriteFile(const char* path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: compile_phone_plan TABLE_OUT DATABASE_OUT\n";
    return 2;
  }
  PhoneMetadataCollection collection;
  if (!collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                 i18n::phonenumbers::metadata_size())) {
    std::cerr << "compile_phone_plan: cannot parse libphonenumber's metadata\n";
    return 1;
  }
  std::ostringstream table;
  table << "# libphonenumber's numbering plans, written by tools/compile_phone_plan.cc from\n"
           "# Debian's libphonenumber; read by geo/phone_plan.cc. Rows: region, code, country\n"
           "# code, same mobile and fixed-line patterns, leading digits, national prefix for\n"
           "# parsing, then lengths and pattern of: general, premium rate, toll free, shared\n"
           "# cost, VoIP, personal number, pager, UAN, voicemail, fixed line, mobile. And:\n"
           "# code, country code, its regions in libphonenumber's order (001: non-geographic).\n";
  std::set<int> codes;
  for (const PhoneMetadata& metadata : collection.metadata()) {
    codes.insert(metadata.country_code());
    if (metadata.id() == "001") continue;  // non-geographic entities: left to libphonenumber
    const std::string* texts[] = {&metadata.id(), &metadata.leading_digits(),
                                  &metadata.national_prefix_for_parsing()};
    for (const std::string* text : texts) {
      if (!Plain(*text)) {
        std::cerr << "compile_phone_plan: " << metadata.id() << " has a tab or line break\n";
        return 1;
      }
    }
    if (metadata.has_leading_digits() && metadata.leading_digits().empty()) {
      std::cerr << "compile_phone_plan: " << metadata.id() << " has empty leading digits\n";
      return 1;
    }
    table << "region\t" << metadata.id() << '\t' << metadata.country_code() << '\t'
          << (metadata.same_mobile_and_fixed_line_pattern() ? 1 : 0) << '\t'
          << metadata.leading_digits() << '\t' << metadata.national_prefix_for_parsing();
    for (const PhoneNumberDesc* desc :
         {&metadata.general_desc(), &metadata.premium_rate(), &metadata.toll_free(),
          &metadata.shared_cost(), &metadata.voip(), &metadata.personal_number(), &metadata.pager(),
          &metadata.uan(), &metadata.voicemail(), &metadata.fixed_line(), &metadata.mobile()}) {
      if (!Plain(desc->national_number_pattern())) {
        std::cerr << "compile_phone_plan: " << metadata.id() << " has a pattern with a tab\n";
        return 1;
      }
      WriteDesc(*desc, table);
    }
    table << '\n';
  }
  // The order in which libphonenumber tries a code's regions is its own
  // (the main country first), so it is asked.
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  for (int code : codes) {
    std::list<std::string> regions;
    util.GetRegionCodesForCountryCallingCode(code, &regions);
    table << "code\t" << code << '\t';
    bool first = true;
    for (const std::string& region : regions) {
      table << (first ? "" : ",") << region;
      first = false;
    }
    table << '\n';
  }

  auto plan = spamradar::geo::PhonePlan::Parse(table.str());
  if (!plan.ok()) {
    std::cerr << "compile_phone_plan: " << plan.status().ToString() << "\n";
    return 1;
  }
  auto database = (*plan)->Serialize();
  if (!database.ok()) {
    std::cerr << "compile_phone_plan: " << database.status().ToString() << "\n";
    return 1;
  }
  if (!WriteFile(argv[1], table.str()) || !WriteFile(argv[2], *database)) {
    std::cerr << "compile_phone_plan: cannot write " << argv[1] << " or " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
