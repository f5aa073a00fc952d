// Corpus parsing (uci, super-sms CSV, jsonl) on arbitrary bytes: an error or a
// corpus, never a crash. The first byte picks the format.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/check.h"
#include "filter/corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using spamradar::filter::CorpusFormat;
  const CorpusFormat formats[] = {CorpusFormat::kUci, CorpusFormat::kSuperSms,
                                  CorpusFormat::kJsonl};
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto corpus = spamradar::filter::ParseCorpus(bytes, formats[data[0] % 3]);
  if (!corpus.ok()) CHECK(!corpus.status().message().empty()) << "error without a message";
  return 0;
}
