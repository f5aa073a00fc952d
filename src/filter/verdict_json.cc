#include "filter/verdict_json.h"

#include "text/json_text.h"

namespace spamradar::filter {

void AppendVerdictMembers(const Verdict& verdict, std::string* out) {
  out->append("\"label\":\"").append(LabelName(verdict.label));
  out->append("\",\"probability\":");
  text::AppendJsonNumber(verdict.probability, out);
  out->append(",\"reasons\":[");
  for (size_t r = 0; r < verdict.reasons.size(); ++r) {
    out->append(r > 0 ? ",{\"reason\":" : "{\"reason\":");
    text::AppendJsonString(verdict.reasons[r].description, out);
    out->append(",\"weight\":");
    text::AppendJsonNumber(verdict.reasons[r].weight, out);
    out->push_back('}');
  }
  out->push_back(']');
}

}  // namespace spamradar::filter
