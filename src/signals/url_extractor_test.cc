#include "signals/url_extractor.h"

#include <gtest/gtest.h>

#include "signals/public_suffix_list.h"

namespace spamradar::signals {
namespace {

std::vector<UrlMatch> Urls(const std::string& raw) {
  return ExtractUrls(raw, text::Clean(raw), {});
}

TEST(UrlExtractorTest, WithAndWithoutScheme) {
  const auto urls = Urls("Go to https://Shop.Example.com/a?b=1, or lvbags12.co.uk/x now.");
  ASSERT_EQ(urls.size(), 2u);
  EXPECT_EQ(urls[0].url, "https://shop.example.com/a?b=1");
  EXPECT_EQ(urls[0].host, "shop.example.com");
  EXPECT_EQ(urls[0].registrable_domain, "example.com");
  EXPECT_TRUE(urls[0].has_scheme);
  EXPECT_EQ(urls[1].url, "lvbags12.co.uk/x");
  EXPECT_EQ(urls[1].registrable_domain, "lvbags12.co.uk");
  EXPECT_FALSE(urls[1].obfuscated);
}

// Government sites are told by the public suffix (from the distribution's
// list) they lie under, never by "gov" written anywhere in a look-alike.
TEST(UrlExtractorTest, GovernmentSitesAreToldByTheirPublicSuffix) {
  for (const char* site : {"dmv.ca.gov", "https://www.gov.uk/tax-refund", "service.nsw.gov.au",
                           "impots.gouv.fr", "www.sat.gob.mx", "ird.govt.nz", "kra.go.ke",
                           "cbsa-asfc.gc.ca", "www.nhs.uk/book", "army.mil"}) {
    const auto urls = Urls(std::string("Details at ") + site);
    ASSERT_EQ(urls.size(), 1u) << site;
    EXPECT_TRUE(IsGovernmentDomain(urls[0].registrable_domain))
        << site << " -> " << urls[0].registrable_domain;
  }
  for (const char* look_alike :
       {"irs-gov-refund.com", "hmrc-rebate-gov.uk.com", "dmv.ca.gov.pay-tickets.top", "gov-uk.info",
        "govt-grants.org", "go.com", "canada.ca", "fedex.com", "shop.go.it"}) {
    const auto urls = Urls(std::string("Pay at ") + look_alike);
    ASSERT_EQ(urls.size(), 1u) << look_alike;
    EXPECT_FALSE(IsGovernmentDomain(urls[0].registrable_domain))
        << look_alike << " -> " << urls[0].registrable_domain;
  }
  EXPECT_FALSE(IsGovernmentDomain(""));
  EXPECT_FALSE(IsGovernmentDomain("gov"));
}

TEST(UrlExtractorTest, DefangedAndSpokenForms) {
  for (const char* written :
       {"hxxp://evil.example.com/pay", "evil.example[.]com/pay", "evil . example . com/pay",
        "evil.example dot com/pay", "evil(.)example(.)com/pay", "hxxps[:]//evil.example.com/pay"}) {
    const auto urls = Urls(std::string("visit ") + written + " today");
    ASSERT_EQ(urls.size(), 1u) << written;
    EXPECT_EQ(urls[0].host, "evil.example.com") << written;
    EXPECT_EQ(urls[0].registrable_domain, "example.com") << written;
    EXPECT_TRUE(urls[0].obfuscated) << written;
  }
  const auto www = Urls("www . lvshop . com");
  ASSERT_EQ(www.size(), 1u);
  EXPECT_EQ(www[0].host, "www.lvshop.com");
}

// Separators are looked for 16 bytes at a time, then in the last 17 bytes
// read as one block: every form must be found wherever it falls against them.
TEST(UrlExtractorTest, SeparatorsAreFoundAtEveryOffset) {
  for (const char* written : {"evil dot example dot com/pay", "evil . example . com/pay",
                              "evil.example[.]com/pay", "evil(.)example(.)com/pay"}) {
    for (size_t pad = 0; pad < 40; ++pad) {
      // Followed by words or ending the message: its separators fall in
      // full blocks, in the last 17 bytes, or on the very last.
      for (const char* after : {" ok", ""}) {
        const std::string message = std::string(pad, 'x') + " " + written + after;
        const auto urls = Urls(message);
        ASSERT_EQ(urls.size(), 1u) << message;
        EXPECT_EQ(urls[0].host, "evil.example.com") << message;
        EXPECT_EQ(message.substr(urls[0].begin, urls[0].end - urls[0].begin), std::string(written))
            << message;
      }
    }
  }
}

// A link near a message's end has its only separator in the last bytes,
// which are read as one block shifted to the scan's position.
TEST(UrlExtractorTest, ALinkAtTheEndIsFoundAfterEveryLengthOfText) {
  for (size_t pad = 0; pad < 40; ++pad) {
    for (const char* link : {"evil.co", "go.evil.com/x", "evil[.]com", "evil dot com"}) {
      const std::string message = "see " + std::string(pad, 'x') + " " + link;
      const auto urls = Urls(message);
      ASSERT_EQ(urls.size(), 1u) << message;
      EXPECT_EQ(message.substr(urls[0].begin, urls[0].end - urls[0].begin), std::string(link))
          << message;
    }
  }
}

TEST(UrlExtractorTest, IpLiteralHosts) {
  const auto urls = Urls("login at http://192.168.10.5:8080/bank now");
  ASSERT_EQ(urls.size(), 1u);
  EXPECT_TRUE(urls[0].ip_host);
  EXPECT_EQ(urls[0].registrable_domain, "192.168.10.5");
  EXPECT_EQ(urls[0].url, "http://192.168.10.5:8080/bank");
  EXPECT_TRUE(Urls("version 1.2.3.4 is out").empty());
}

TEST(UrlExtractorTest, IdnHomographs) {
  const auto cyrillic = Urls("https://\xD0\xB0pple.com/id");  // Cyrillic а + "pple"
  ASSERT_EQ(cyrillic.size(), 1u);
  EXPECT_TRUE(cyrillic[0].idn);
  EXPECT_TRUE(cyrillic[0].homograph);
  EXPECT_EQ(cyrillic[0].host, "xn--pple-43d.com");
  const auto punycode = Urls("see xn--pple-43d.com/id");
  ASSERT_EQ(punycode.size(), 1u);
  EXPECT_EQ(punycode[0].unicode_host, "\xD0\xB0pple.com");
  EXPECT_TRUE(punycode[0].homograph);
  const auto german = Urls("http://bücher.de/");
  ASSERT_EQ(german.size(), 1u);
  EXPECT_TRUE(german[0].idn);
  EXPECT_FALSE(german[0].homograph);
}

TEST(UrlExtractorTest, ShortenersFlagged) {
  const auto urls = Urls("claim: bit.ly/3xYz and https://example.com");
  ASSERT_EQ(urls.size(), 2u);
  EXPECT_TRUE(urls[0].shortener);
  EXPECT_FALSE(urls[1].shortener);
  EXPECT_TRUE(IsShortenerDomain("tinyurl.com"));
}

TEST(UrlExtractorTest, SentencesAndAbbreviationsAreNotLinks) {
  EXPECT_TRUE(Urls("I am at home.Call me later").empty());
  EXPECT_TRUE(Urls("G.U.C.C.I bags, e.g. this one, i.e. that").empty());
  EXPECT_TRUE(Urls("").empty());
  EXPECT_TRUE(Urls("price was 1.50 today").empty());
}

}  // namespace
}  // namespace spamradar::signals

namespace spamradar::signals {
namespace {

TEST(UrlExtractorTest, LinksStopAtClaimedEmailAddresses) {
  // Found by the analyze fuzzer: a link's path ran on into an e-mail address
  // already claimed, and the two overlapped.
  const std::string raw = "paypale.net/logitu@re.example.net/x";
  const text::CleanText clean = text::Clean(raw);
  const uint32_t at = static_cast<uint32_t>(raw.find("logitu@"));
  const auto urls = ExtractUrls(raw, clean, {{at, static_cast<uint32_t>(raw.find("/x"))}});
  ASSERT_FALSE(urls.empty());
  for (const UrlMatch& url : urls) {
    EXPECT_TRUE(url.end <= at || url.begin >= raw.find("/x")) << url.url;
  }
  EXPECT_EQ(urls[0].url, "paypale.net/");
}

}  // namespace
}  // namespace spamradar::signals
