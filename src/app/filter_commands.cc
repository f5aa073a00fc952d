#include "app/filter_commands.h"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "analysis/enrichment.h"
#include "app/data_directory.h"
#include "cluster/campaign_view.h"
#include "core/ascii.h"
#include "core/line_reader.h"
#include "filter/corpus.h"
#include "filter/default_model.h"
#include "filter/evaluation.h"
#include "filter/spam_filter.h"
#include "filter/verdict_json.h"
#include "intake/sender.h"

namespace spamradar::app {
namespace {

using filter::Confusion;
using filter::LabeledMessage;
using filter::LinearModel;
using filter::SpamFilter;

struct CorpusOptions {
  std::string path;
  std::string format = "uci";
};

void AddCorpusOptions(CLI::App* cmd, CorpusOptions* options) {
  cmd->add_option("--corpus", options->path, "Labelled messages to read")->required();
  cmd->add_option("--format", options->format,
                  "Corpus format: uci, super-sms (.csv or .zip) or jsonl")
      ->capture_default_str();
}

Result<std::vector<LabeledMessage>> LoadCorpus(const CorpusOptions& options) {
  Result<filter::CorpusFormat> format = filter::ParseCorpusFormat(options.format);
  if (!format.ok()) return format.status();
  return filter::ReadCorpus(options.path, *format);
}

void AddThresholdOptions(CLI::App* cmd, filter::Thresholds* thresholds) {
  cmd->add_option("--spam-threshold", thresholds->spam,
                  "Probability of spam at or above which a message is spam")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--suspect-threshold", thresholds->suspect,
                  "Probability at or above which a message is suspect (at most the spam threshold)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
}

// The size of one learning step: training's and incremental learning's.
void AddStepOptions(CLI::App* cmd, filter::TrainingOptions* options) {
  cmd->add_option("--learning-rate", options->learning_rate, "AdaGrad learning rate")
      ->capture_default_str();
  cmd->add_option("--l2", options->l2, "L2 regularization strength")->capture_default_str();
}

void AddTrainingOptions(CLI::App* cmd, filter::TrainingOptions* options) {
  cmd->add_option("--epochs", options->epochs, "Passes over the training data")
      ->capture_default_str();
  AddStepOptions(cmd, options);
  cmd->add_option("--seed", options->seed, "Seed of the shuffling order")->capture_default_str();
  AddThresholdOptions(cmd, &options->thresholds);
}

// Trains on `train_rows` and counts the verdicts on `test_rows`; with
// `show_errors`, prints each wrong verdict to stderr.
Confusion TrainAndTest(const std::vector<LabeledMessage>& corpus,
                       const std::vector<size_t>& train_rows, const std::vector<size_t>& test_rows,
                       const filter::TrainingOptions& options, bool show_errors = false) {
  SpamFilter spam_filter = SpamFilter::Untrained();
  spam_filter.Train(corpus, train_rows, options);
  Confusion confusion;
  for (size_t row : test_rows) {
    const float p = spam_filter.Probability(corpus[row].text);
    const bool predicted = spam_filter.LabelFor(p) == filter::Label::kSpam;
    confusion.Add(corpus[row].spam, predicted);
    if (show_errors && predicted != corpus[row].spam) {
      std::fprintf(stderr, "row %zu %s p=%.3f: %s\n", row,
                   corpus[row].spam ? "missed spam" : "blocked ham", p, corpus[row].text.c_str());
    }
  }
  return confusion;
}

nlohmann::ordered_json ConfusionJson(const Confusion& c) {
  return {{"messages", c.total()},
          {"accuracy", c.Accuracy()},
          {"spam_caught", c.SpamCaught()},
          {"blocked_ham", c.BlockedHam()},
          {"precision", c.Precision()},
          {"f1", c.F1()},
          {"mcc", c.Mcc()},
          {"true_spam", c.true_spam},
          {"false_spam", c.false_spam},
          {"true_ham", c.true_ham},
          {"false_ham", c.false_ham}};
}

void PrintConfusion(const char* name, const Confusion& c) {
  std::printf("%-22s %6lld  %8.2f%%  %7.2f%%  %7.2f%%  %8.2f%%  %6.4f  %6.4f\n", name,
              static_cast<long long>(c.total()), 100 * c.Accuracy(), 100 * c.SpamCaught(),
              100 * c.BlockedHam(), 100 * c.Precision(), c.F1(), c.Mcc());
}

// Counts a trained model's verdicts on every message of `corpus`.
Confusion TestModel(const SpamFilter& spam_filter, const std::vector<LabeledMessage>& corpus,
                    bool show_errors) {
  Confusion confusion;
  for (size_t row = 0; row < corpus.size(); ++row) {
    const float p = spam_filter.Probability(corpus[row].text);
    const bool predicted = spam_filter.LabelFor(p) == filter::Label::kSpam;
    confusion.Add(corpus[row].spam, predicted);
    if (show_errors && predicted != corpus[row].spam) {
      std::fprintf(stderr, "row %zu %s p=%.3f: %s\n", row,
                   corpus[row].spam ? "missed spam" : "blocked ham", p, corpus[row].text.c_str());
    }
  }
  return confusion;
}

void PrintHeader() {
  std::printf("%-22s %6s  %9s  %8s  %8s  %9s  %6s  %6s\n", "split", "n", "accuracy", "caught",
              "blocked", "precision", "F1", "MCC");
}

struct EvalOptions {
  CorpusOptions corpus;
  filter::TrainingOptions training;
  std::string model;  // when set: test this model on the whole corpus
  std::optional<float> spam_threshold;
  std::optional<float> suspect_threshold;
  bool json = false;
  bool show_errors = false;
};

// Loads the model a command names (the built-in one for an empty name or
// "default") with the thresholds overridden as asked, for scoring unless
// `use` says learning. On failure, prints why for `command` and sets
// `*exit_code` (1: the model, 2: the thresholds).
std::optional<SpamFilter> LoadFilter(const char* command, const std::string& model,
                                     std::optional<float> spam_threshold,
                                     std::optional<float> suspect_threshold, int* exit_code,
                                     LinearModel::Use use = LinearModel::Use::kScoring) {
  Result<SpamFilter> spam_filter = model.empty() || model == "default"
                                       ? filter::LoadDefaultModel()
                                       : SpamFilter::Load(model, {}, use);
  if (!spam_filter.ok()) {
    std::cerr << "spamradar " << command << ": " << spam_filter.status().message() << "\n";
    *exit_code = 1;
    return std::nullopt;
  }
  if (Status status =
          spam_filter->mutable_model().OverrideThresholds(spam_threshold, suspect_threshold);
      !status.ok()) {
    std::cerr << "spamradar " << command << ": " << status.message() << "\n";
    *exit_code = 2;
    return std::nullopt;
  }
  return std::move(spam_filter).value();
}

int RunEvalModel(const EvalOptions& options, const std::vector<LabeledMessage>& corpus) {
  int exit_code = 0;
  std::optional<SpamFilter> spam_filter = LoadFilter("eval", options.model, options.spam_threshold,
                                                     options.suspect_threshold, &exit_code);
  if (!spam_filter) return exit_code;
  const filter::Thresholds thresholds = spam_filter->model().thresholds();
  const Confusion confusion = TestModel(*spam_filter, corpus, options.show_errors);
  if (options.json) {
    nlohmann::ordered_json out = {{"corpus", options.corpus.path},
                                  {"model", options.model},
                                  {"spam_threshold", thresholds.spam},
                                  {"all", ConfusionJson(confusion)}};
    std::cout << out.dump() << "\n";
  } else {
    PrintHeader();
    PrintConfusion("all messages", confusion);
  }
  return 0;
}

int RunEval(const EvalOptions& eval_options) {
  const filter::TrainingOptions& options = eval_options.training;
  if (!options.thresholds.valid()) {
    std::cerr << "spamradar eval: the suspect threshold must not exceed the spam threshold\n";
    return 2;
  }
  Result<std::vector<LabeledMessage>> corpus = LoadCorpus(eval_options.corpus);
  if (!corpus.ok()) {
    std::cerr << "spamradar eval: " << corpus.status().message() << "\n";
    return 1;
  }
  if (!eval_options.model.empty()) return RunEvalModel(eval_options, *corpus);
  const CorpusOptions& corpus_options = eval_options.corpus;
  const bool json = eval_options.json;
  const bool show_errors = eval_options.show_errors;
  // The benchmark protocol of ../shared/data/README.md: row i is TEST when
  // i % 3 == 2; and 5-fold cross-validation with fold i % 5, counts pooled.
  std::vector<size_t> train, test;
  for (size_t i = 0; i < corpus->size(); ++i) (i % 3 == 2 ? test : train).push_back(i);
  const Confusion test_split = TrainAndTest(*corpus, train, test, options, show_errors);
  Confusion cross_validation;
  for (size_t fold = 0; fold < 5; ++fold) {
    std::vector<size_t> fold_train, fold_test;
    for (size_t i = 0; i < corpus->size(); ++i)
      (i % 5 == fold ? fold_test : fold_train).push_back(i);
    cross_validation += TrainAndTest(*corpus, fold_train, fold_test, options);
  }
  if (json) {
    nlohmann::ordered_json out = {{"corpus", corpus_options.path},
                                  {"test_split", ConfusionJson(test_split)},
                                  {"cross_validation_5fold", ConfusionJson(cross_validation)}};
    std::cout << out.dump() << "\n";
  } else {
    PrintHeader();
    PrintConfusion("TEST (i % 3 == 2)", test_split);
    PrintConfusion("5-fold CV (pooled)", cross_validation);
  }
  return 0;
}

struct TrainOptions {
  std::vector<std::string> corpora;
  std::vector<std::string> formats = {"uci"};
  filter::TrainingOptions training;
  std::string out;
  bool holdout_third = false;
};

// A message's text for recognising the same message in two corpora (the
// Super SMS set repeats UCI messages lower-cased and re-spaced).
std::string DuplicateKey(std::string_view text) {
  return LowerCollapsed(text);
}

int RunTrain(const TrainOptions& options) {
  if (!options.training.thresholds.valid()) {
    std::cerr << "spamradar train: the suspect threshold must not exceed the spam threshold\n";
    return 2;
  }
  if (options.formats.size() != 1 && options.formats.size() != options.corpora.size()) {
    std::cerr << "spamradar train: give one --format for all corpora, or one per --corpus\n";
    return 2;
  }
  // All corpora in order; with --holdout-third, rows i % 3 == 2 of the first
  // are held out, and copies of held-out messages in the other corpora are
  // dropped from training so the figures are not inflated by leakage.
  std::vector<LabeledMessage> messages;
  std::vector<size_t> train_rows, held_out_rows;
  std::unordered_set<std::string> held_out_keys;
  for (size_t c = 0; c < options.corpora.size(); ++c) {
    const CorpusOptions corpus_options{options.corpora[c],
                                       options.formats[options.formats.size() == 1 ? 0 : c]};
    Result<std::vector<LabeledMessage>> corpus = LoadCorpus(corpus_options);
    if (!corpus.ok()) {
      std::cerr << "spamradar train: " << corpus.status().message() << "\n";
      return 1;
    }
    for (size_t i = 0; i < corpus->size(); ++i) {
      LabeledMessage& m = (*corpus)[i];
      const size_t row = messages.size();
      if (options.holdout_third && c == 0 && i % 3 == 2) {
        held_out_rows.push_back(row);
        held_out_keys.insert(DuplicateKey(m.text));
      } else if (!(options.holdout_third && c > 0 &&
                   held_out_keys.contains(DuplicateKey(m.text)))) {
        train_rows.push_back(row);
      }
      messages.push_back(std::move(m));
    }
  }
  if (train_rows.empty()) {
    std::cerr << "spamradar train: no messages to train on\n";
    return 1;
  }
  SpamFilter spam_filter = SpamFilter::Untrained();
  spam_filter.Train(messages, train_rows, options.training);
  if (Status status = spam_filter.Save(options.out); !status.ok()) {
    std::cerr << "spamradar train: " << status.message() << "\n";
    return 1;
  }
  size_t spam = 0;
  for (size_t row : train_rows) spam += messages[row].spam;
  std::cerr << "spamradar train: " << train_rows.size() << " messages (" << spam << " spam), "
            << options.training.epochs << " epochs -> " << options.out << "\n";
  if (options.holdout_third) {
    Confusion confusion;
    for (size_t row : held_out_rows) {
      const float p = spam_filter.Probability(messages[row].text);
      confusion.Add(messages[row].spam, spam_filter.LabelFor(p) == filter::Label::kSpam);
    }
    PrintHeader();
    PrintConfusion("held-out third", confusion);
  }
  return 0;
}

struct LearnOptions {
  CorpusOptions corpus;
  std::string model;  // empty or "default": the built-in one
  std::string out;
  filter::TrainingOptions training;  // the learning rate and L2 only
  bool json = false;
};

// Incremental learning: the messages of a corpus taught to a trained model in
// file order (SpamFilter::Learn), and the model written to --out.
int RunLearn(const LearnOptions& options) {
  Result<std::vector<LabeledMessage>> corpus = LoadCorpus(options.corpus);
  if (!corpus.ok()) {
    std::cerr << "spamradar learn: " << corpus.status().message() << "\n";
    return 1;
  }
  if (corpus->empty()) {
    std::cerr << "spamradar learn: " << options.corpus.path << " holds no messages\n";
    return 1;
  }
  int exit_code = 0;
  std::optional<SpamFilter> spam_filter = LoadFilter(
      "learn", options.model, std::nullopt, std::nullopt, &exit_code, LinearModel::Use::kLearning);
  if (!spam_filter) return exit_code;
  // How many messages the model puts on their label's side (spam blocked, ham
  // let through), before and after: what the lesson changed.
  const auto on_their_side = [&] {
    size_t count = 0;
    for (const LabeledMessage& m : *corpus) {
      const bool blocked =
          spam_filter->LabelFor(spam_filter->Probability(m.text)) == filter::Label::kSpam;
      count += blocked == m.spam;
    }
    return count;
  };
  const size_t before = on_their_side();
  const uint64_t seen = spam_filter->model().examples_seen();
  for (const LabeledMessage& m : *corpus) spam_filter->Learn(m.text, m.spam, options.training);
  const uint64_t taught = spam_filter->model().examples_seen() - seen;
  const size_t after = on_their_side();
  if (Status status = spam_filter->Save(options.out); !status.ok()) {
    std::cerr << "spamradar learn: " << status.message() << "\n";
    return 1;
  }
  size_t spam = 0;
  for (const LabeledMessage& m : *corpus) spam += m.spam;
  if (options.json) {
    const nlohmann::ordered_json out = {{"messages", corpus->size()},
                                        {"spam", spam},
                                        {"ham", corpus->size() - spam},
                                        {"on_their_side_before", before},
                                        {"on_their_side_after", after},
                                        {"taught", taught},
                                        {"out", options.out}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << corpus->size() << " messages (" << spam << " spam, " << corpus->size() - spam
              << " ham): " << before << " on their label's side before, " << after << " after; "
              << taught << " taught, " << corpus->size() - taught
              << " scored firmly already when their turn came -> " << options.out << "\n";
  }
  return 0;
}

struct ClassifyOptions {
  std::string model;
  std::string data;  // when set: match campaigns of this data directory
  int reasons = 5;
  std::optional<float> spam_threshold;  // override the model's
  std::optional<float> suspect_threshold;
  bool with_senders = false;  // lines are SENDER<TAB>TEXT
};

int RunClassify(const ClassifyOptions& options) {
  int exit_code = 0;
  std::optional<SpamFilter> spam_filter = LoadFilter(
      "classify", options.model, options.spam_threshold, options.suspect_threshold, &exit_code);
  if (!spam_filter) return exit_code;
  std::unique_ptr<DataDirectory> directory;
  if (!options.data.empty()) {
    Result<std::unique_ptr<DataDirectory>> opened = DataDirectory::Open(options.data);
    Status folded = opened.ok() ? (*opened)->CatchUpCampaigns() : opened.status();
    if (!folded.ok()) {
      std::cerr << "spamradar classify: " << folded.message() << "\n";
      return 1;
    }
    directory = std::move(opened).value();
  }
  std::ios::sync_with_stdio(false);
  std::string output;
  // With campaigns to match, each message is analyzed once for both, the way
  // the campaign engine reads a report.
  std::optional<analysis::MessageAnalyzer> analyzer;
  if (directory) analyzer.emplace(cluster::CampaignEngine::AnalysisOptions());
  analysis::MessageAnalysis analysis;
  Report probe;
  size_t line_number = 0;
  LineReader lines(STDIN_FILENO);
  for (std::string_view line; lines.Next(&line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view text = line;
    Sender sender;
    if (const size_t tab = line.find('\t'); options.with_senders && tab != std::string::npos) {
      text.remove_prefix(tab + 1);
      // A sender no report could name is said, and the message classified
      // without it: its line of output is not lost.
      Result<Sender> normalized = intake::NormalizeSender(line.substr(0, tab));
      if (normalized.ok()) {
        sender = std::move(normalized).value();
      } else {
        std::cerr << "spamradar classify: line " << line_number << ": "
                  << normalized.status().message() << "; classified without it\n";
      }
    }
    if (directory) {
      analyzer->Analyze(text, &analysis);
      probe.body = text;
      probe.sender = std::move(sender);
      analysis::StoreAnalysis(analysis, analyzer->stamp(), &probe);
    }
    const filter::Verdict verdict = directory ? spam_filter->Classify(analysis, options.reasons)
                                              : spam_filter->Classify(text, options.reasons);
    // The same JSON as the API's classify answer, written directly.
    output.push_back('{');
    filter::AppendVerdictMembers(verdict, &output);
    if (directory) {
      const cluster::CampaignMatch match = directory->campaigns->MatchCampaign(probe);
      output.append(",\"campaign\":");
      if (match.campaign != 0) {
        // A dormant campaign too: named from its archived summary.
        cluster::AppendCampaignMatchJson(
            match, cluster::CampaignNameOf(*directory->campaigns, match.campaign), &output);
      } else {
        output.append("null");
      }
    }
    output.push_back('}');
    output.push_back('\n');
    if (output.size() > (1 << 16)) {
      std::cout << output;
      output.clear();
    }
  }
  std::cout << output;
  std::cout.flush();
  if (!lines.status().ok()) {
    std::cerr << "spamradar classify: " << lines.status().message() << "\n";
    return 1;
  }
  return std::cout ? 0 : 1;
}

}  // namespace

void AddTrainCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<TrainOptions>();
  CLI::App* cmd = app.add_subcommand("train", "Train a spam model on labelled corpora");
  cmd->footer(
      "Several --corpus options train on all of them together. With --holdout-third, rows\n"
      "i % 3 == 2 of the first corpus are held out (and their copies in the other corpora\n"
      "dropped), and the figures on them are printed. Example (the default model):\n"
      "  spamradar train --corpus ../shared/data/super_sms_dataset/Refined_Super_Dataset.zip \\\n"
      "      --format super-sms --corpus ../shared/data/sms_spam_collection/SMSSpamCollection \\\n"
      "      --format uci --out models/default.model");
  cmd->add_option("--corpus", options->corpora, "Labelled messages to train on (repeatable)")
      ->required();
  cmd->add_option(
         "--format", options->formats,
         "Corpus format, once for all or once per --corpus: uci, super-sms (.csv or .zip), jsonl")
      ->capture_default_str();
  AddTrainingOptions(cmd, &options->training);
  cmd->add_option("--out", options->out, "Model file to write")->required();
  cmd->add_flag("--holdout-third", options->holdout_third,
                "Hold out rows i % 3 == 2 of the first corpus and print the figures on them");
  cmd->callback([options, exit_code] { *exit_code = RunTrain(*options); });
}

void AddLearnCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<LearnOptions>();
  CLI::App* cmd = app.add_subcommand(
      "learn", "Teach a trained model newly labelled messages without retraining it");
  cmd->footer(
      "For spam reports of a campaign the model has not seen, or appeals of blocked messages:\n"
      "each message, in file order, is one learning step unless the model already scores it\n"
      "firmly on its label's side (probability 0.9). The model's priors (its bias and the\n"
      "message-shape features) stay as they are, so a burst of one campaign does not make\n"
      "every message of its length look like spam. Prints how many messages the model put on\n"
      "their label's side before and after. --out may be the --model file itself; it is\n"
      "replaced whole or not at all. Example:\n"
      "  spamradar learn --corpus reports.tsv --format uci --out models/local.model\n"
      "  spamradar classify --model models/local.model < messages.txt");
  AddCorpusOptions(cmd, &options->corpus);
  cmd->add_option("--model", options->model,
                  "Model file to start from; without it, the built-in default model");
  cmd->add_option("--out", options->out, "Model file to write")->required();
  AddStepOptions(cmd, &options->training);
  cmd->add_flag("--json", options->json, "Print one JSON object instead of a sentence");
  cmd->callback([options, exit_code] { *exit_code = RunLearn(*options); });
}

void AddClassifyCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ClassifyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "classify", "Classify messages read from standard input, one per line, as JSON Lines");
  cmd->footer(
      "Each output line has the label (spam, suspect or ham), the probability of spam and the\n"
      "reasons: the features that pushed the verdict hardest, in words. Without --model the\n"
      "built-in default model is used (trained on the Super SMS Dataset, the UCI collection and\n"
      "data/training/supplement.jsonl; see models/README.md).");
  cmd->add_option("--model", options->model,
                  "Model file (from spamradar train); without it, the built-in default model");
  cmd->add_option("--data", options->data,
                  "Data directory whose campaigns to match each message against (adds "
                  "\"campaign\" to each line)");
  cmd->add_flag("--with-senders", options->with_senders,
                "Each line is SENDER<TAB>TEXT (a phone number, short code, Apple ID or sender "
                "id); with --data a sender reported in a campaign names it when the text does "
                "not");
  cmd->add_option("--reasons", options->reasons, "How many reasons to give per message (0-100)")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  AddThresholdOverrides(cmd, &options->spam_threshold, &options->suspect_threshold);
  cmd->callback([options, exit_code] { *exit_code = RunClassify(*options); });
}

void AddThresholdOverrides(CLI::App* cmd, std::optional<float>* spam,
                           std::optional<float>* suspect) {
  cmd->add_option("--spam-threshold", *spam,
                  "Override the model's spam threshold (probability, 0-1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--suspect-threshold", *suspect,
                  "Override the model's suspect threshold (probability, 0-1)")
      ->check(CLI::Range(0.0, 1.0));
}

void AddEvalCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Measure the filter on a labelled corpus: TEST split and 5-fold cross-validation");
  cmd->footer(
      "Runs the benchmark protocol of the UCI SMS Spam Collection: rows with index i % 3 == 2\n"
      "are the TEST split (trained on the others), then 5-fold cross-validation with fold\n"
      "i % 5, confusion counts pooled. Prints accuracy, spam caught, blocked ham, precision,\n"
      "F1 and MCC. With --model, nothing is trained: that model is tested on every message of\n"
      "the corpus (threshold overrides apply). Examples:\n"
      "  spamradar eval --corpus ../shared/data/sms_spam_collection/SMSSpamCollection --format "
      "uci\n"
      "  spamradar eval --model default --corpus data/eval/recent_check.tsv");
  AddCorpusOptions(cmd, &options->corpus);
  AddTrainingOptions(cmd, &options->training);
  cmd->add_option("--model", options->model,
                  "Test this trained model (a file, or \"default\" for the built-in one) on the "
                  "whole corpus instead of training");
  cmd->add_flag("--json", options->json, "Print one JSON object instead of a table");
  cmd->add_flag("--errors", options->show_errors,
                "List the wrong verdicts (of the TEST split, or of the whole corpus with --model) "
                "on standard error");
  cmd->callback([=] {
    // Threshold options mean "override the model's" when a model is given.
    if (!options->model.empty()) {
      if (cmd->count("--spam-threshold") > 0)
        options->spam_threshold = options->training.thresholds.spam;
      if (cmd->count("--suspect-threshold") > 0)
        options->suspect_threshold = options->training.thresholds.suspect;
    }
    *exit_code = RunEval(*options);
  });
}

}  // namespace spamradar::app
