#include "signals/phrase_matcher.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include <hs/hs.h>

#include "core/check.h"
#include "core/vectorscan_scratch.h"

namespace spamradar::signals {
namespace {

std::atomic<uint64_t> next_serial{1};

struct MatchContext {
  const std::vector<uint32_t>* lengths;
  uint32_t padding;  // bytes added before the text (and after it) for the scan
  std::vector<PhraseHit>* hits;
};

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to,
            unsigned int /*flags*/, void* context) {
  auto* ctx = static_cast<MatchContext*>(context);
  // A whole-word literal is " phrase ": its end in the padded text is the
  // phrase's end in the text plus the leading pad and the trailing space.
  const auto end = static_cast<uint32_t>(to) - 2 * ctx->padding;
  ctx->hits->push_back({id, end - (*ctx->lengths)[id], end});
  return 0;
}

}  // namespace

std::string PhraseMatcher::NormalizePhrase(std::string_view phrase) {
  std::string out;
  bool pending_space = false;
  for (char c : phrase) {
    if (c == '\'') continue;
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                       static_cast<unsigned char>(c) >= 0x80;
    if (!alnum) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

Result<std::unique_ptr<PhraseMatcher>> PhraseMatcher::Build(const std::vector<std::string>& phrases,
                                                            Boundary boundary) {
  if (phrases.empty()) return Status::InvalidArgument("no phrases to match");
  std::vector<std::string> literals;
  std::vector<uint32_t> lengths;
  for (const std::string& phrase : phrases) {
    std::string normalized = NormalizePhrase(phrase);
    if (normalized.empty()) return Status::InvalidArgument("empty phrase: '" + phrase + "'");
    lengths.push_back(static_cast<uint32_t>(normalized.size()));
    // Word boundaries are part of the literal (" gucci "): the scan then
    // reports no match inside longer words, so no callback has to reject one,
    // and a pure literal set compiles in milliseconds where \b patterns take seconds.
    if (boundary == Boundary::kWholeWords) normalized = " " + normalized + " ";
    literals.push_back(std::move(normalized));
  }
  std::vector<const char*> expressions;
  std::vector<size_t> expression_lengths;
  std::vector<unsigned int> flags(literals.size(), 0);
  std::vector<unsigned int> ids;
  for (size_t i = 0; i < literals.size(); ++i) {
    expressions.push_back(literals[i].data());
    expression_lengths.push_back(literals[i].size());
    ids.push_back(static_cast<unsigned int>(i));
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), expression_lengths.data(),
                           static_cast<unsigned int>(expressions.size()), HS_MODE_BLOCK, nullptr,
                           &database, &error) != HS_SUCCESS) {
    std::string message = "vectorscan: ";
    message += error != nullptr && error->message != nullptr ? error->message : "compile failed";
    if (error != nullptr && error->expression >= 0) {
      message += " in phrase '" + phrases[static_cast<size_t>(error->expression)] + "'";
    }
    hs_free_compile_error(error);
    return Status::InvalidArgument(message);
  }
  return std::unique_ptr<PhraseMatcher>(new PhraseMatcher(database, std::move(lengths), boundary));
}

PhraseMatcher::PhraseMatcher(hs_database* database, std::vector<uint32_t> lengths,
                             Boundary boundary)
    : database_(database),
      lengths_(std::move(lengths)),
      boundary_(boundary),
      serial_(next_serial.fetch_add(1)) {}

PhraseMatcher::~PhraseMatcher() {
  hs_free_database(database_);
}

Result<std::string> PhraseMatcher::Serialize() const {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(database_, &bytes, &length) != HS_SUCCESS) {
    return Status::Internal("vectorscan: cannot serialize the phrase database");
  }
  std::string out(bytes, length);
  std::free(bytes);
  return out;
}

Result<std::unique_ptr<PhraseMatcher>> PhraseMatcher::Deserialize(
    std::string_view bytes, const std::vector<std::string>& phrases, Boundary boundary) {
  std::vector<uint32_t> lengths;
  lengths.reserve(phrases.size());
  for (const std::string& phrase : phrases) {
    lengths.push_back(static_cast<uint32_t>(NormalizePhrase(phrase).size()));
  }
  hs_database_t* database = nullptr;
  if (hs_deserialize_database(bytes.data(), bytes.size(), &database) != HS_SUCCESS) {
    return Status::InvalidArgument(
        "vectorscan: the compiled phrase database does not fit this library or CPU");
  }
  return std::unique_ptr<PhraseMatcher>(new PhraseMatcher(database, std::move(lengths), boundary));
}

std::vector<PhraseHit> PhraseMatcher::Match(std::string_view text) const {
  std::vector<PhraseHit> hits;
  Match(text, &hits);
  return hits;
}

void PhraseMatcher::Match(std::string_view text, std::vector<PhraseHit>* hits) const {
  hits->clear();
  if (text.empty()) return;
  thread_local VectorscanScratch scratch;
  thread_local std::string padded;
  std::string_view scanned = text;
  uint32_t padding = 0;
  if (boundary_ == Boundary::kWholeWords) {
    padded.clear();
    padded.push_back(' ');
    padded += text;
    padded.push_back(' ');
    scanned = padded;
    padding = 1;
  }
  MatchContext context{&lengths_, padding, hits};
  const hs_error_t rc =
      hs_scan(database_, scanned.data(), static_cast<unsigned int>(scanned.size()), 0,
              scratch.For(database_, serial_), OnMatch, &context);
  CHECK(rc == HS_SUCCESS) << "vectorscan scan failed: " << rc;
}

}  // namespace spamradar::signals
