// B-cubed precision, recall and F1 of a clustering against a truth (Bagga and
// Baldwin 1998; Amigo et al. 2009): for every item, how much of its predicted
// cluster shares its true cluster (precision) and how much of its true cluster
// was put with it (recall), averaged over the items. Unlike pair counting, it
// does not let one huge cluster dominate.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace spamradar::cluster {

struct BCubed {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  uint64_t items = 0;
  uint64_t predicted_clusters = 0;
  uint64_t true_clusters = 0;
};

// One (predicted cluster, true cluster) pair per item.
BCubed EvaluateBCubed(const std::vector<std::pair<std::string, std::string>>& items);

}  // namespace spamradar::cluster
