// Quality figures for a spam filter, as the benchmark protocol of
// ../shared/data/README.md reports them: accuracy, spam caught (spam recall),
// blocked ham (ham false-positive rate), precision, F1 for spam and the
// Matthews correlation coefficient.
#pragma once

#include <cstdint>

namespace spamradar::filter {

struct Confusion {
  int64_t true_spam = 0;   // spam labelled spam
  int64_t false_spam = 0;  // ham labelled spam: blocked ham
  int64_t true_ham = 0;
  int64_t false_ham = 0;  // spam let through

  void Add(bool actual_spam, bool predicted_spam);
  Confusion& operator+=(const Confusion& other);

  int64_t total() const { return true_spam + false_spam + true_ham + false_ham; }
  double Accuracy() const;
  double SpamCaught() const;  // recall on spam
  double BlockedHam() const;  // false-positive rate on ham
  double Precision() const;
  double F1() const;
  double Mcc() const;
};

}  // namespace spamradar::filter
