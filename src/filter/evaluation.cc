#include "filter/evaluation.h"

#include <cmath>

namespace spamradar::filter {
namespace {

double Ratio(double a, double b) {
  return b == 0 ? 0.0 : a / b;
}

}  // namespace

void Confusion::Add(bool actual_spam, bool predicted_spam) {
  if (actual_spam) {
    ++(predicted_spam ? true_spam : false_ham);
  } else {
    ++(predicted_spam ? false_spam : true_ham);
  }
}

Confusion& Confusion::operator+=(const Confusion& other) {
  true_spam += other.true_spam;
  false_spam += other.false_spam;
  true_ham += other.true_ham;
  false_ham += other.false_ham;
  return *this;
}

double Confusion::Accuracy() const {
  return Ratio(static_cast<double>(true_spam + true_ham), static_cast<double>(total()));
}
double Confusion::SpamCaught() const {
  return Ratio(static_cast<double>(true_spam), static_cast<double>(true_spam + false_ham));
}
double Confusion::BlockedHam() const {
  return Ratio(static_cast<double>(false_spam), static_cast<double>(false_spam + true_ham));
}
double Confusion::Precision() const {
  return Ratio(static_cast<double>(true_spam), static_cast<double>(true_spam + false_spam));
}
double Confusion::F1() const {
  const double p = Precision();
  const double r = SpamCaught();
  return Ratio(2 * p * r, p + r);
}
double Confusion::Mcc() const {
  const double tp = static_cast<double>(true_spam), fp = static_cast<double>(false_spam);
  const double tn = static_cast<double>(true_ham), fn = static_cast<double>(false_ham);
  const double denominator = std::sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  return denominator == 0 ? 0.0 : (tp * tn - fp * fn) / denominator;
}

}  // namespace spamradar::filter
