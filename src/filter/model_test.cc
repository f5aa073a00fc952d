#include "filter/model.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace spamradar::filter {
namespace {

constexpr uint64_t kFingerprint = 0x5eed;

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/" + name;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

LinearModel TrainedModel() {
  LinearModel model(1024, kFingerprint);
  const std::vector<Feature> spam = {{1, 0.7f}, {2, 0.7f}};
  const std::vector<Feature> ham = {{3, 0.7f}, {4, 0.7f}};
  for (int i = 0; i < 50; ++i) {
    model.Learn(spam, true, {});
    model.Learn(ham, false, {});
  }
  model.set_thresholds({0.6f, 0.3f});
  return model;
}

TEST(LinearModelTest, LearnsAndRoundTripsThroughAFile) {
  const LinearModel model = TrainedModel();
  const std::vector<Feature> spam = {{1, 0.7f}, {2, 0.7f}};
  EXPECT_GT(model.Probability(spam), 0.9f);
  EXPECT_LT(model.Probability(std::vector<Feature>{{3, 0.7f}, {4, 0.7f}}), 0.1f);
  const std::string path = TempPath("roundtrip.model");
  ASSERT_TRUE(model.Save(path).ok());
  Result<LinearModel> loaded = LinearModel::Load(path, kFingerprint);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->Probability(spam), model.Probability(spam));
  EXPECT_EQ(loaded->thresholds().spam, 0.6f);
  EXPECT_EQ(loaded->examples_seen(), 100u);
}

// Learning from a model loaded from a file: the file stays as it was, the
// learned model is the same as one learned from the same bytes parsed in
// memory, a copy made before the steps keeps the old weights, and the
// learned weights are what is saved.
TEST(LinearModelTest, LearningFromALoadedFileLeavesTheFileAlone) {
  const std::string path = TempPath("learn_from.model");
  ASSERT_TRUE(TrainedModel().Save(path).ok());
  const std::string bytes = ReadAll(path);
  Result<LinearModel> loaded = LinearModel::Load(path, kFingerprint);
  Result<LinearModel> parsed = LinearModel::Parse(bytes, kFingerprint);
  ASSERT_TRUE(loaded.ok() && parsed.ok());
  const LinearModel before = *loaded;
  const std::vector<Feature> appealed = {{1, 0.7f}, {3, 0.7f}};
  for (int i = 0; i < 3; ++i) {
    loaded->Learn(appealed, false, {});
    parsed->Learn(appealed, false, {});
  }
  EXPECT_EQ(ReadAll(path), bytes);
  // The copy taken before learning keeps the weights and accumulators it
  // was loaded with: saved, it is the file.
  const std::string unchanged = TempPath("unchanged.model");
  ASSERT_TRUE(before.Save(unchanged).ok());
  EXPECT_EQ(ReadAll(unchanged), bytes);
  EXPECT_NE(loaded->weights_version(), before.weights_version());
  for (uint32_t i : {1u, 2u, 3u, 4u}) {
    EXPECT_EQ(loaded->Weight(i), parsed->Weight(i)) << i;
    EXPECT_EQ(before.Weight(i), TrainedModel().Weight(i)) << i;
  }
  EXPECT_LT(loaded->Weight(1), before.Weight(1));  // the step moved it
  const std::string relearned = TempPath("learned.model");
  ASSERT_TRUE(loaded->Save(relearned).ok());
  Result<LinearModel> reloaded = LinearModel::Load(relearned, kFingerprint);
  ASSERT_TRUE(reloaded.ok());
  EXPECT_EQ(reloaded->Weight(1), loaded->Weight(1));
  EXPECT_EQ(reloaded->examples_seen(), 103u);
}

// Loaded for scoring, a model scores as loaded for learning, still checks
// the whole file (its accumulators read in pieces, 512 KiB of them here), and
// refuses to be saved, which would write a model without them.
TEST(LinearModelTest, LoadedForScoringItScoresTheSameAndIsNotSaved) {
  LinearModel model(1u << 17, kFingerprint);
  const std::vector<Feature> spam = {{1, 0.7f}, {100000, 0.7f}};
  const std::vector<Feature> ham = {{3, 0.7f}, {131071, 0.7f}};
  for (int i = 0; i < 20; ++i) {
    model.Learn(spam, true, {});
    model.Learn(ham, false, {});
  }
  const std::string path = TempPath("scoring.model");
  ASSERT_TRUE(model.Save(path).ok());
  const std::string good = ReadAll(path);
  Result<LinearModel> scoring = LinearModel::Load(path, kFingerprint, LinearModel::Use::kScoring);
  ASSERT_TRUE(scoring.ok()) << scoring.status().ToString();
  EXPECT_FALSE(scoring->can_learn());
  EXPECT_EQ(scoring->Probability(spam), model.Probability(spam));
  EXPECT_EQ(scoring->Probability(ham), model.Probability(ham));
  EXPECT_EQ(scoring->examples_seen(), 40u);
  const std::string copy = TempPath("scoring_copy.model");
  const Status saved = scoring->Save(copy);
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.message().find("loaded for scoring"), std::string::npos) << saved.message();
  EXPECT_FALSE(std::ifstream(copy).good()) << "nothing written";
  // A bit flipped in the last accumulator, which scoring never uses, is
  // still found.
  std::string flipped = good;
  flipped[good.size() - 9] ^= 0x40;
  WriteAll(path, flipped);
  EXPECT_FALSE(LinearModel::Load(path, kFingerprint, LinearModel::Use::kScoring).ok());
}

TEST(LinearModelTest, RefusesBrokenFilesWithAClearError) {
  const std::string path = TempPath("broken.model");
  ASSERT_TRUE(TrainedModel().Save(path).ok());
  const std::string good = ReadAll(path);

  EXPECT_EQ(LinearModel::Load(TempPath("missing.model"), kFingerprint).status().code(),
            StatusCode::kNotFound);
  // A directory given as the model (it once ended in std::bad_alloc).
  const Result<LinearModel> directory = LinearModel::Load(::testing::TempDir(), kFingerprint);
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(directory.status().message().find("not a regular file"), std::string::npos);

  WriteAll(path, good.substr(0, good.size() / 2));
  Result<LinearModel> truncated = LinearModel::Load(path, kFingerprint);
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("truncated"), std::string::npos);

  // A bit flipped in the first weight, mid-file, in the last accumulator and
  // in the checksum itself.
  for (const size_t at : {size_t{60}, good.size() / 2, good.size() - 9, good.size() - 1}) {
    std::string flipped = good;
    flipped[at] ^= 0x40;
    WriteAll(path, flipped);
    for (const LinearModel::Use use : {LinearModel::Use::kLearning, LinearModel::Use::kScoring}) {
      Result<LinearModel> corrupted = LinearModel::Load(path, kFingerprint, use);
      ASSERT_FALSE(corrupted.ok()) << at;
      EXPECT_NE(corrupted.status().message().find("checksum"), std::string::npos) << at;
      EXPECT_NE(corrupted.status().message().find(path), std::string::npos) << at;
    }
    Result<LinearModel> parsed = LinearModel::Parse(flipped, kFingerprint);
    ASSERT_FALSE(parsed.ok()) << at;
    EXPECT_EQ(parsed.status().message(), "model checksum mismatch (the file is corrupted)") << at;
  }
  // Only the fixed-size part, or less than that.
  for (const size_t size : {size_t{8}, size_t{48}, size_t{56}}) {
    WriteAll(path, good.substr(0, size));
    EXPECT_NE(LinearModel::Load(path, kFingerprint).status().message().find("truncated"),
              std::string::npos)
        << size;
  }

  WriteAll(path, "not a model at all");
  EXPECT_NE(LinearModel::Load(path, kFingerprint).status().message().find("magic"),
            std::string::npos);

  WriteAll(path, good);
  Result<LinearModel> other_features = LinearModel::Load(path, kFingerprint + 1);
  ASSERT_FALSE(other_features.ok());
  EXPECT_NE(other_features.status().message().find("feature configuration"), std::string::npos);
}

// Learning from one report moves that message's own features only: the bias
// and the fixed tail (the shape features) stay where training left them.
TEST(LinearModelTest, AScopedStepLeavesTheBiasAndTheFixedTail) {
  LinearModel model = TrainedModel();
  const float bias = model.bias();
  const std::vector<Feature> report = {{7, 0.5f}, {8, 0.5f}, {9, 0.5f}, {10, 0.5f}};
  model.Learn(report, true, {}, {.bias = false, .fixed_tail = 2});
  EXPECT_GT(model.Weight(7), 0);
  EXPECT_GT(model.Weight(8), 0);
  EXPECT_EQ(model.Weight(9), 0);
  EXPECT_EQ(model.Weight(10), 0);
  EXPECT_EQ(model.bias(), bias);
  // A tail longer than the message fixes everything; the default moves all.
  model.Learn(report, true, {}, {.bias = false, .fixed_tail = 10});
  EXPECT_EQ(model.Weight(9), 0);
  model.Learn(report, true, {});
  EXPECT_GT(model.Weight(9), 0);
  EXPECT_NE(model.bias(), bias);
}

}  // namespace
}  // namespace spamradar::filter
