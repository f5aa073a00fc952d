#include "signals/lexicon.h"

#include <gtest/gtest.h>

namespace spamradar::signals {
namespace {

std::vector<std::string> Names(const Lexicon& lexicon, std::string_view text) {
  std::vector<std::string> out;
  for (const LexiconHit& hit : lexicon.Find(text)) out.push_back(lexicon.entries()[hit.entry].name);
  return out;
}

TEST(LexiconTest, BrandDictionaryIsLargeAndCategorized) {
  const Lexicon& brands = Lexicon::Brands();
  EXPECT_GE(brands.entries().size(), 300u);
  for (const LexiconEntry& entry : brands.entries())
    EXPECT_FALSE(entry.category.empty()) << entry.name;
}

TEST(LexiconTest, FindsBrandsAsWholeWords) {
  EXPECT_EQ(Names(Lexicon::Brands(), "louis vuitton gucci prada ray ban up to 80 off"),
            (std::vector<std::string>{"Louis Vuitton", "Gucci", "Prada", "Ray-Ban"}));
  EXPECT_EQ(Names(Lexicon::Brands(), "louisvuitton and rayban"),
            (std::vector<std::string>{"Louis Vuitton", "Ray-Ban"}));
  EXPECT_TRUE(Names(Lexicon::Brands(), "groups of pradashoes").empty());
  // The longer alias wins: "american express" is not also "express".
  EXPECT_EQ(Names(Lexicon::Brands(), "your american express card"),
            (std::vector<std::string>{"American Express"}));
  // A brand is named by its names, not by what it deals in: every tax
  // office pays refunds, and an HMRC notice must not also count as the IRS.
  EXPECT_EQ(Names(Lexicon::Brands(), "hmrc your tax refund has been paid"),
            (std::vector<std::string>{"HMRC"}));
}

TEST(LexiconTest, FindsBrandsInHosts) {
  const Lexicon& brands = Lexicon::Brands();
  auto names = [&](std::string_view host) {
    std::vector<std::string> out;
    for (uint32_t id : brands.FindInHost(host)) out.push_back(brands.entries()[id].name);
    return out;
  };
  EXPECT_EQ(names("usps-redelivery.info"), (std::vector<std::string>{"USPS"}));
  EXPECT_EQ(names("louisvuittonoutlet.shop"), (std::vector<std::string>{"Louis Vuitton"}));
  EXPECT_TRUE(names("groups.example.com").empty());
}

TEST(LexiconTest, Cues) {
  EXPECT_EQ(Names(Lexicon::Cues(), "click here to claim your prize reply stop to end"),
            (std::vector<std::string>{"click", "claim", "prize", "reply_stop"}));
}

TEST(LexiconTest, RejectsMalformedFiles) {
  EXPECT_FALSE(Lexicon::Parse("Gucci\tluxury\n", true).ok());
  EXPECT_FALSE(Lexicon::Parse("Gucci\tluxury\t|||\n", true).ok());
  EXPECT_FALSE(Lexicon::Parse("# only a comment\n", true).ok());
  EXPECT_TRUE(Lexicon::Parse("Gucci\tluxury\tgucci\n", true).ok());
  // The optional column of the brand's own domains.
  EXPECT_TRUE(Lexicon::Parse("Gucci\tluxury\tgucci\tgucci.com\n", true).ok());
  for (const char* bad :
       {"Gucci\tluxury\tgucci\tgucci.com|\n", "Gucci\tluxury\tgucci\tGucci.com\n",
        "Gucci\tluxury\tgucci\tgucci\n", "Gucci\tluxury\tgucci\tgucci.com\textra\n",
        "Gucci\tgucci\tgucci.com\n"}) {
    const Result<Lexicon> parsed =
        Lexicon::Parse(bad, std::string_view(bad).starts_with("Gucci\tl"));
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.status().message().find("line 1"), std::string::npos) << bad;
  }
}

TEST(LexiconTest, BrandsKnowTheirOwnDomains) {
  Result<Lexicon> parsed =
      Lexicon::Parse("FedEx\tparcel\tfedex\tfedex.com|fedex.co.uk\nRolex\tluxury\trolex\n", true);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const LexiconEntry& fedex = parsed->entries()[0];
  EXPECT_EQ(fedex.domains, (std::vector<std::string>{"fedex.com", "fedex.co.uk"}));
  EXPECT_TRUE(fedex.IsOwnDomain("fedex.co.uk"));
  EXPECT_FALSE(fedex.IsOwnDomain("fedex-delivery.top"));
  EXPECT_FALSE(fedex.IsOwnDomain(""));
  EXPECT_TRUE(parsed->entries()[1].domains.empty());
  // The shipped list: most brands have theirs, each a lower-case name with a dot.
  size_t with_domains = 0;
  for (const LexiconEntry& entry : Lexicon::Brands().entries()) {
    with_domains += !entry.domains.empty();
    for (const std::string& domain : entry.domains) {
      EXPECT_NE(domain.find('.'), std::string::npos) << entry.name;
      EXPECT_EQ(domain.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ /:"), std::string::npos)
          << entry.name;
    }
  }
  EXPECT_GE(with_domains, 300u);
}

}  // namespace
}  // namespace spamradar::signals

namespace spamradar::signals {
namespace {

TEST(LexiconTest, CompiledFormRoundTripsAndIsIgnoredWhenStale) {
  const std::string tsv = "Gucci\tluxury\tgucci\nLouis Vuitton\tluxury\tlouis vuitton|lv\n";
  Result<Lexicon> compiled_from = Lexicon::Parse({{tsv, true}});
  ASSERT_TRUE(compiled_from.ok());
  Result<std::string> bytes = compiled_from->Serialize();
  ASSERT_TRUE(bytes.ok());
  Result<Lexicon> loaded = Lexicon::Parse({{tsv, true}}, *bytes);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->loaded_compiled());
  EXPECT_EQ(loaded->Find("gucci and louisvuitton").size(), 2u);
  EXPECT_EQ(loaded->FindInHost("louisvuittonoutlet.shop").size(), 1u);
  // Other aliases: the stale compiled form is not used, the matchers are compiled anew.
  Result<Lexicon> other = Lexicon::Parse({{"Prada\tluxury\tprada\n", true}}, *bytes);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->loaded_compiled());
  EXPECT_EQ(other->Find("gucci prada").size(), 1u);
  // Garbage is ignored the same way.
  EXPECT_TRUE(Lexicon::Parse({{tsv, true}}, "not a database").ok());
}

TEST(LexiconTest, BuiltInCompiledFormMatchesTheDictionaries) {
  // BrandsAndCues loads the database compiled at build time; it must find
  // what the dictionaries say.
  const Lexicon& both = Lexicon::BrandsAndCues();
  EXPECT_TRUE(both.loaded_compiled());
  std::vector<std::string> names;
  for (const LexiconHit& hit : both.Find("gucci sale click here"))
    names.push_back(both.entries()[hit.entry].name);
  EXPECT_EQ(names, (std::vector<std::string>{"Gucci", "discount", "click"}));
}

}  // namespace
}  // namespace spamradar::signals
