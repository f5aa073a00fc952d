#include "signals/lexicon.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <optional>

#include "core/check.h"
#include "core/hash.h"
#include "core/recent_cache.h"
#include "core/tsv.h"

namespace spamradar::signals {
namespace {

constexpr size_t kMinInsideLabelAlias = 6;

uint64_t AliasesHash(const std::vector<std::string>& aliases,
                     const std::vector<std::string>& host_aliases) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const auto* list : {&aliases, &host_aliases}) {
    for (const std::string& alias : *list)
      XXH3_64bits_update(state, alias.data(), alias.size() + 1);
    XXH3_64bits_update(state, "\x1e", 1);
  }
  const uint64_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return hash;
}

}  // namespace

bool LexiconEntry::IsOwnDomain(std::string_view registrable_domain) const {
  return std::find(domains.begin(), domains.end(), registrable_domain) != domains.end();
}

Result<Lexicon> Lexicon::Parse(std::string_view tsv, bool has_category) {
  return Parse({{tsv, has_category}}, {});
}

Result<Lexicon> Lexicon::Parse(const std::vector<LexiconSource>& sources,
                               std::string_view compiled) {
  Lexicon lexicon;
  std::vector<std::string> aliases;
  std::vector<std::string> host_aliases;
  for (size_t source = 0; source < sources.size(); ++source) {
    const bool has_category = sources[source].has_category;
    const size_t alias_column = has_category ? 2 : 1;
    Status status = ForEachTsvRow(
        sources[source].tsv, alias_column + 1, has_category ? 4 : 2,
        [&](int line, const std::vector<std::string_view>& fields) -> Status {
          if (fields[0].empty() || fields[alias_column].empty()) {
            return Status::InvalidArgument("line " + std::to_string(line) +
                                           ": empty name or aliases");
          }
          const auto entry = static_cast<uint32_t>(lexicon.entries_.size());
          lexicon.entries_.push_back({std::string(fields[0]),
                                      has_category ? std::string(fields[1]) : "",
                                      static_cast<uint8_t>(source),
                                      {}});
          if (fields.size() > alias_column + 1) {
            for (std::string_view domain : Split(fields[alias_column + 1], '|')) {
              if (domain.empty() || domain.find('.') == std::string_view::npos ||
                  std::any_of(domain.begin(), domain.end(),
                              [](char c) { return c >= 'A' && c <= 'Z'; })) {
                return Status::InvalidArgument("line " + std::to_string(line) +
                                               ": not a lower-case domain: '" +
                                               std::string(domain) + "'");
              }
              lexicon.entries_.back().domains.emplace_back(domain);
            }
          }
          for (std::string_view alias : Split(fields[alias_column], '|')) {
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
  lexicon.aliases_hash_ = AliasesHash(aliases, host_aliases);
  if (!compiled.empty()) {
    // Databases compiled at build time (tools/compile_lexicon), if they were
    // built from these very aliases and fit this vectorscan and CPU;
    // otherwise compile below.
    if (Status loaded = lexicon.LoadCompiled(compiled, aliases, host_aliases); loaded.ok()) {
      lexicon.loaded_compiled_ = true;
      return lexicon;
    }
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

// The compiled form: magic, aliases hash, then each database with its length.
constexpr char kCompiledMagic[8] = {'S', 'R', 'L', 'E', 'X', 'H', 'S', '1'};

Result<std::string> Lexicon::Serialize() const {
  Result<std::string> words = words_->Serialize();
  if (!words.ok()) return words.status();
  Result<std::string> inside = inside_labels_ ? inside_labels_->Serialize() : std::string();
  if (!inside.ok()) return inside.status();
  std::string out(kCompiledMagic, sizeof(kCompiledMagic));
  out.append(reinterpret_cast<const char*>(&aliases_hash_), sizeof(aliases_hash_));
  for (const std::string* part : {&*words, &*inside}) {
    const uint64_t length = part->size();
    out.append(reinterpret_cast<const char*>(&length), sizeof(length));
    out += *part;
  }
  return out;
}

Status Lexicon::LoadCompiled(std::string_view compiled, const std::vector<std::string>& aliases,
                             const std::vector<std::string>& host_aliases) {
  auto take = [&compiled](size_t n) -> std::optional<std::string_view> {
    if (compiled.size() < n) return std::nullopt;
    const std::string_view part = compiled.substr(0, n);
    compiled.remove_prefix(n);
    return part;
  };
  auto take_u64 = [&take]() -> std::optional<uint64_t> {
    const auto bytes = take(sizeof(uint64_t));
    if (!bytes) return std::nullopt;
    uint64_t value;
    std::memcpy(&value, bytes->data(), sizeof(value));
    return value;
  };
  const auto magic = take(sizeof(kCompiledMagic));
  if (!magic || std::memcmp(magic->data(), kCompiledMagic, sizeof(kCompiledMagic)) != 0) {
    return Status::Corruption("not a compiled lexicon");
  }
  if (take_u64() != aliases_hash_) return Status::InvalidArgument("compiled from other aliases");
  const auto words_length = take_u64();
  const auto words_bytes = words_length ? take(*words_length) : std::nullopt;
  const auto inside_length = take_u64();
  const auto inside_bytes = inside_length ? take(*inside_length) : std::nullopt;
  if (!words_bytes || !inside_bytes) return Status::Corruption("compiled lexicon is truncated");
  Result<std::unique_ptr<PhraseMatcher>> words =
      PhraseMatcher::Deserialize(*words_bytes, aliases, PhraseMatcher::Boundary::kWholeWords);
  if (!words.ok()) return words.status();
  words_ = std::move(words).value();
  if (!host_aliases.empty()) {
    Result<std::unique_ptr<PhraseMatcher>> inside =
        PhraseMatcher::Deserialize(*inside_bytes, host_aliases, PhraseMatcher::Boundary::kAnywhere);
    if (!inside.ok()) return inside.status();
    inside_labels_ = std::move(inside).value();
  }
  return Status::Ok();
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

uint64_t Lexicon::NextSerial() {
  static std::atomic<uint64_t> serial{0};
  return ++serial;
}

std::vector<uint32_t> Lexicon::FindInHost(std::string_view host) const {
  // A campaign links to the same few hosts in message after message.
  thread_local RecentCache<std::pair<uint64_t, std::vector<uint32_t>>> recent(4096);
  if (const auto* known = recent.Find(host); known != nullptr && known->first == serial_) {
    return known->second;
  }
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
  recent.Put(host, {serial_, found});
  return found;
}

}  // namespace spamradar::signals
