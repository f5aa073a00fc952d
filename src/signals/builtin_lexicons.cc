// The lexicons compiled into the binary: data/brands.tsv, data/cues.tsv, and
// their vectorscan databases compiled at build time by tools/compile_lexicon.
#include "core/check.h"
#include "signals/lexicon.h"

namespace spamradar::embedded {
extern const std::string_view kBrands;
extern const std::string_view kCues;
extern const std::string_view kCompiledBrandsAndCues;
}  // namespace spamradar::embedded

namespace spamradar::signals {
namespace {

const Lexicon& LoadEmbedded(const std::vector<LexiconSource>& sources, std::string_view compiled,
                            const char* name) {
  Result<Lexicon> lexicon = Lexicon::Parse(sources, compiled);
  CHECK(lexicon.ok()) << "built-in " << name << " lexicon: " << lexicon.status().ToString();
  return *new Lexicon(std::move(lexicon).value());
}

}  // namespace

const Lexicon& Lexicon::Brands() {
  static const Lexicon& brands = LoadEmbedded({{embedded::kBrands, true}}, {}, "brand");
  return brands;
}

const Lexicon& Lexicon::Cues() {
  static const Lexicon& cues = LoadEmbedded({{embedded::kCues, false}}, {}, "cue");
  return cues;
}

const Lexicon& Lexicon::BrandsAndCues() {
  static const Lexicon& both = LoadEmbedded({{embedded::kBrands, true}, {embedded::kCues, false}},
                                            embedded::kCompiledBrandsAndCues, "brand and cue");
  return both;
}

}  // namespace spamradar::signals
