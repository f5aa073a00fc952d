#include "cluster/evaluation.h"

#include <map>
#include <unordered_map>

namespace spamradar::cluster {

BCubed EvaluateBCubed(const std::vector<std::pair<std::string, std::string>>& items) {
  BCubed result;
  result.items = items.size();
  if (items.empty()) return result;
  // With n(p, t) items in predicted p and true t: precision is the mean over
  // items of n(p, t) / |p|, so sum n(p, t)^2 / |p| over the pairs, over N.
  std::unordered_map<std::string, uint64_t> predicted, truth;
  std::map<std::pair<std::string, std::string>, uint64_t> both;
  for (const auto& [p, t] : items) {
    ++predicted[p];
    ++truth[t];
    ++both[{p, t}];
  }
  double precision = 0, recall = 0;
  for (const auto& [pair, n] : both) {
    const double squared = static_cast<double>(n) * static_cast<double>(n);
    precision += squared / static_cast<double>(predicted[pair.first]);
    recall += squared / static_cast<double>(truth[pair.second]);
  }
  const auto total = static_cast<double>(items.size());
  result.precision = precision / total;
  result.recall = recall / total;
  result.f1 = 2 * result.precision * result.recall / (result.precision + result.recall);
  result.predicted_clusters = predicted.size();
  result.true_clusters = truth.size();
  return result;
}

}  // namespace spamradar::cluster
