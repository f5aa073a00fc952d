#include "signals/lexicon.h"

#include <algorithm>

#include "core/check.h"
#include "core/tsv.h"

namespace spamradar::embedded {
extern const std::string_view kBrands;
extern const std::string_view kCues;
}  // namespace spamradar::embedded

namespace spamradar::signals {
namespace {

constexpr size_t kMinInsideLabelAlias = 6;

const Lexicon& LoadEmbedded(const std::vector<LexiconSource>& sources, const char* name) {
  Result<Lexicon> lexicon = Lexicon::Parse(sources);
  CHECK(lexicon.ok()) << "built-in " << name << " lexicon: " << lexicon.status().ToString();
  return *new Lexicon(std::move(lexicon).value());
}

}  // namespace

Result<Lexicon> Lexicon::Parse(std::string_view tsv, bool has_category) {
  return Parse({{tsv, has_category}});
}

Result<Lexicon> Lexicon::Parse(const std::vector<LexiconSource>& sources) {
  Lexicon lexicon;
  std::vector<std::string> aliases;
  std::vector<std::string> host_aliases;
  for (size_t source = 0; source < sources.size(); ++source) {
    const bool has_category = sources[source].has_category;
    Status status = ForEachTsvRow(
        sources[source].tsv, has_category ? 3 : 2,
        [&](int line, const std::vector<std::string_view>& fields) -> Status {
          if (fields[0].empty() || fields.back().empty()) {
            return Status::InvalidArgument("line " + std::to_string(line) +
                                           ": empty name or aliases");
          }
          const auto entry = static_cast<uint32_t>(lexicon.entries_.size());
          lexicon.entries_.push_back({std::string(fields[0]),
                                      has_category ? std::string(fields[1]) : "",
                                      static_cast<uint8_t>(source)});
          for (std::string_view alias : Split(fields.back(), '|')) {
            const std::string normalized = PhraseMatcher::NormalizePhrase(alias);
            if (normalized.empty()) {
              return Status::InvalidArgument("line " + std::to_string(line) + ": empty alias");
            }
            aliases.push_back(normalized);
            lexicon.alias_entry_.push_back(entry);
            std::string joined = normalized;
            std::erase(joined, ' ');
            if (joined != normalized) {  // "louis vuitton" also as "louisvuitton"
              aliases.push_back(joined);
              lexicon.alias_entry_.push_back(entry);
            }
            if (joined.size() >= kMinInsideLabelAlias) {
              host_aliases.push_back(joined);
              lexicon.host_alias_entry_.push_back(entry);
            }
          }
          return Status::Ok();
        });
    if (!status.ok()) return status;
  }
  Result<std::unique_ptr<PhraseMatcher>> words =
      PhraseMatcher::Build(aliases, PhraseMatcher::Boundary::kWholeWords);
  if (!words.ok()) return words.status();
  lexicon.words_ = std::move(words).value();
  if (!host_aliases.empty()) {
    Result<std::unique_ptr<PhraseMatcher>> inside =
        PhraseMatcher::Build(host_aliases, PhraseMatcher::Boundary::kAnywhere);
    if (!inside.ok()) return inside.status();
    lexicon.inside_labels_ = std::move(inside).value();
  }
  return lexicon;
}

const Lexicon& Lexicon::Brands() {
  static const Lexicon& brands = LoadEmbedded({{embedded::kBrands, true}}, "brand");
  return brands;
}

const Lexicon& Lexicon::Cues() {
  static const Lexicon& cues = LoadEmbedded({{embedded::kCues, false}}, "cue");
  return cues;
}

const Lexicon& Lexicon::BrandsAndCues() {
  static const Lexicon& both =
      LoadEmbedded({{embedded::kBrands, true}, {embedded::kCues, false}}, "brand and cue");
  return both;
}

std::vector<LexiconHit> Lexicon::Find(std::string_view normalized) const {
  std::vector<LexiconHit> kept;
  Find(normalized, &kept);
  return kept;
}

void Lexicon::Find(std::string_view normalized, std::vector<LexiconHit>* result) const {
  thread_local std::vector<PhraseHit> phrase_hits;
  thread_local std::vector<LexiconHit> hits;
  words_->Match(normalized, &phrase_hits);
  hits.clear();
  for (const PhraseHit& hit : phrase_hits) {
    hits.push_back({alias_entry_[hit.phrase], hit.begin, hit.end});
  }
  // Per source, longest first at each start; then drop hits inside an earlier,
  // longer one and merge overlapping hits of one entry ("reply stop" + "stop to end").
  auto source_of = [this](const LexiconHit& h) { return entries_[h.entry].source; };
  std::sort(hits.begin(), hits.end(), [&](const LexiconHit& a, const LexiconHit& b) {
    if (source_of(a) != source_of(b)) return source_of(a) < source_of(b);
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<LexiconHit>& kept = *result;
  kept.clear();
  for (const LexiconHit& hit : hits) {
    if (!kept.empty() && source_of(kept.back()) == source_of(hit)) {
      if (hit.end <= kept.back().end) continue;
      if (hit.entry == kept.back().entry && hit.begin < kept.back().end) {
        kept.back().end = hit.end;
        continue;
      }
    }
    kept.push_back(hit);
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const LexiconHit& a, const LexiconHit& b) { return a.begin < b.begin; });
}

std::vector<uint32_t> Lexicon::FindInHost(std::string_view host) const {
  std::string words(host);
  std::replace(words.begin(), words.end(), '.', ' ');
  std::replace(words.begin(), words.end(), '-', ' ');
  std::vector<uint32_t> found;
  for (const PhraseHit& hit : words_->Match(words)) found.push_back(alias_entry_[hit.phrase]);
  if (inside_labels_) {
    for (const PhraseHit& hit : inside_labels_->Match(host)) {
      found.push_back(host_alias_entry_[hit.phrase]);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace spamradar::signals
