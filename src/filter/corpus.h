// Labelled message corpora for training and evaluation, in three formats:
//   uci        label<TAB>text per line, label "ham" or "spam" (UCI SMS Spam Collection)
//   super-sms  CSV with a header naming the columns "SMSes" and "Labels" (Super SMS
//              Dataset); read from the .csv or straight from its .zip
//   jsonl      one {"text": "...", "label": "spam"|"ham"} object per line
// Every bad row (unknown label, missing field, invalid UTF-8, broken quoting)
// is an error that names its line; nothing is skipped silently, because the
// benchmark protocols select rows by their position.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace spamradar::filter {

struct LabeledMessage {
  std::string text;
  bool spam;
};

enum class CorpusFormat { kUci, kSuperSms, kJsonl };

Result<CorpusFormat> ParseCorpusFormat(std::string_view name);

// Parses corpus bytes already in memory.
Result<std::vector<LabeledMessage>> ParseCorpus(std::string_view bytes, CorpusFormat format);
// Reads a corpus file (a .zip holding one .csv for super-sms).
Result<std::vector<LabeledMessage>> ReadCorpus(const std::string& path, CorpusFormat format);

// The first member of a zip archive (its bytes) whose name ends in ".csv",
// decompressed and checked against its size and CRC, through minizip; at
// most `max_size` bytes. `name` names the archive in errors.
Result<std::string> ReadCsvFromZip(std::string_view archive, const std::string& name,
                                   size_t max_size = size_t{1} << 31);

}  // namespace spamradar::filter
