#include "core/recent_cache.h"

#include <string>

#include <gtest/gtest.h>

namespace spamradar {
namespace {

TEST(RecentCacheTest, RemembersWhatWasPutUntilAnotherKeyTakesTheSlot) {
  RecentCache<std::string> cache(1);  // one slot: every key shares it
  EXPECT_EQ(cache.Find("lvshop12.com"), nullptr);
  cache.Put("shop.lvshop12.com", "lvshop12.com");
  ASSERT_NE(cache.Find("shop.lvshop12.com"), nullptr);
  EXPECT_EQ(*cache.Find("shop.lvshop12.com"), "lvshop12.com");
  EXPECT_EQ(cache.Find("lvshop12.com"), nullptr);  // same slot, other key
  cache.Put("a.b.co.uk", "b.co.uk");
  EXPECT_EQ(cache.Find("shop.lvshop12.com"), nullptr);
  EXPECT_EQ(*cache.Find("a.b.co.uk"), "b.co.uk");
}

TEST(RecentCacheTest, KeysAreComparedWholeNotByHash) {
  RecentCache<int> cache(4096);
  for (int i = 0; i < 10000; ++i) cache.Put(std::to_string(i), i);
  int found = 0;
  for (int i = 0; i < 10000; ++i) {
    if (const int* value = cache.Find(std::to_string(i))) {
      EXPECT_EQ(*value, i);
      ++found;
    }
  }
  EXPECT_GT(found, 0);
  EXPECT_LE(found, 4096);
  EXPECT_EQ(cache.Find(""), nullptr);
}

}  // namespace
}  // namespace spamradar
