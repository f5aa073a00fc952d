#include "simulate/campaigns.h"

namespace spamradar::simulate {

const std::vector<CampaignSpec>& DefaultCampaigns() {
  static const std::vector<CampaignSpec>* const campaigns = [] {
    auto* c = new std::vector<CampaignSpec>();
    // The 2014 case: counterfeit luxury goods over iMessage from Apple IDs.
    c->push_back(
        {.id = "counterfeit-luxury",
         .channel = "imessage",
         .sender_style = SenderStyle::kAppleId,
         .templates = {"{BRANDS} up to {PERCENT} off! Shop now: {URL}",
                       "Hi! {BRAND} bags, wallets and sunglasses {PERCENT} off today only {URL}",
                       "New arrivals {BRANDS}, free shipping and {PERCENT} off at {URL}",
                       "{BRAND} outlet sale {PERCENT} OFF, all items in stock. Visit {URL}"},
         .brands = {"Louis Vuitton", "Gucci", "Prada", "Ray Ban", "Michael Kors", "Chanel"},
         .domain_patterns = {"lvshop{N}.com", "{B}outlet{N}.com", "cheap{B}{N}.net",
                             "www.{B}-sale{N}.com"},
         .domain_count = 40,
         .start = 0.0,
         .peak = 0.45,
         .end = 1.0,
         .lookalike = 0.15,
         .leet = 0.08,
         .filler = 0.3,
         .spacing = 0.05,
         .invisible = 0.05});
    c->push_back(
        {.id = "parcel-fee",
         .channel = "sms",
         .sender_style = SenderStyle::kPhone,
         .templates = {"{CARRIER}: your package is on hold due to an unpaid fee of {AMOUNT}. Pay "
                       "now at {URL}",
                       "{CARRIER} notice: we could not deliver your parcel, incomplete address. "
                       "Update within 24h: {URL}",
                       "Your {CARRIER} shipment {CODE} is waiting. Confirm delivery and pay "
                       "{AMOUNT} at {URL}"},
         .brands = {"USPS", "UPS", "FedEx", "DHL"},
         .domain_patterns = {"{B}-redelivery{N}.top", "{B}.parcel-help{N}.info", "track{B}{N}.xyz"},
         .domain_count = 60,
         .shortener_rate = 0.1,
         .weight = 3,
         .start = 0.1,
         .peak = 0.6,
         .end = 1.0,
         .lookalike = 0.05,
         .filler = 0.2});
    c->push_back(
        {.id = "bank-lock",
         .channel = "sms",
         .sender_style = SenderStyle::kShortCode,
         .templates =
             {"{BRAND} Alert: your account has been locked due to unusual activity. Verify at "
              "{URL}",
              "{BRAND}: we suspended your debit card. Restore access now {URL} or call {PHONE}",
              "Dear {BRAND} customer, confirm your identity within 24 hours to avoid closure: "
              "{URL}"},
         .brands = {"Chase", "Wells Fargo", "Bank of America", "Citi"},
         .domain_patterns = {"{B}-secure{N}.com", "verify-{B}{N}.net", "{B}.account-review{N}.co"},
         .domain_count = 35,
         .weight = 2.5,
         .start = 0.0,
         .peak = 0.3,
         .end = 0.8,
         .regional_skew = {{"Dallas", 1.8}, {"Houston", 1.6}, {"Phoenix", 1.5}},
         .lookalike = 0.2,
         .leet = 0.05,
         .filler = 0.15,
         .invisible = 0.05});
    c->push_back(
        {.id = "prize-gift-card",
         .channel = "sms",
         .sender_style = SenderStyle::kPhone,
         .templates =
             {"Congratulations! You have been selected for a {AMOUNT} {BRAND} gift card. Claim "
              "now: {URL}",
              "{BRAND} winner notice: your {AMOUNT} gift card expires today, claim at {URL}",
              "You won! {BRAND} is giving away {AMOUNT} gift cards to loyal shoppers. Tap {URL}"},
         .brands = {"Walmart", "Target", "Costco", "Best Buy"},
         .domain_patterns = {"{B}-rewards{N}.club", "giftcard{N}.win", "claim-{B}{N}.com"},
         .domain_count = 25,
         .shortener_rate = 0.35,
         .weight = 2.5,
         .start = 0.0,
         .peak = 0.15,
         .end = 0.7,
         .leet = 0.15,
         .filler = 0.35,
         .spacing = 0.1});
    c->push_back({.id = "work-from-home",
                  .channel = "sms",
                  .sender_style = SenderStyle::kPhone,
                  .templates = {"Hi, I am {NAME}, a recruiter. Part-time remote work, earn "
                                "$300-$800 a day. Text me at {PHONE}",
                                "We are hiring online workers, daily pay, only 60 minutes a day. "
                                "Contact {NAME} at {PHONE}",
                                "{NAME} from HR here: flexible job from home, {AMOUNT} per day, no "
                                "experience. Reply YES or call {PHONE}"},
                  .weight = 2,
                  .start = 0.2,
                  .peak = 0.7,
                  .end = 1.0,
                  .regional_skew = {{"Chicago", 1.7}, {"Atlanta", 1.5}},
                  .filler = 0.4});
    c->push_back(
        {.id = "payday-loan",
         .channel = "sms",
         .sender_style = SenderStyle::kShortCode,
         .templates =
             {"You are pre-approved for a loan of up to {AMOUNT}, no credit check. Apply today: "
              "{URL}",
              "Need cash fast? Get {AMOUNT} in 10 minutes, bad credit OK. Reply YES or visit {URL}",
              "Final notice: your {AMOUNT} cash advance is approved, claim it at {URL}"},
         .domain_patterns = {"fastcash{N}.biz", "loans-now{N}.com", "quickcredit{N}.net"},
         .domain_count = 15,
         .weight = 1.5,
         .start = 0.0,
         .peak = 0.5,
         .end = 1.0,
         .regional_skew = {{"Houston", 1.5}, {"San Antonio", 1.6}, {"Las Vegas", 1.5}},
         .filler = 0.25});
    c->push_back(
        {.id = "pharmacy",
         .channel = "sms",
         .sender_style = SenderStyle::kPhone,
         .templates = {"Viagra and Cialis at {PERCENT} off, no prescription needed. Order at {URL}",
                       "Cheap meds online: Viagra {AMOUNT} per pill, discreet shipping {URL}"},
         .domain_patterns = {"meds-discount{N}.shop", "rx{N}.pharmacy-online.cc",
                             "pillstore{N}.net"},
         .domain_count = 20,
         .weight = 1,
         .start = 0.0,
         .peak = 0.5,
         .end = 1.0,
         .lookalike = 0.1,
         .leet = 0.45,
         .filler = 0.3,
         .spacing = 0.1});
    c->push_back(
        {.id = "tax-refund",
         .channel = "sms",
         .sender_style = SenderStyle::kPhone,
         .templates =
             {"IRS: you are eligible for a tax refund of {AMOUNT}. Submit your claim at {URL}",
              "IRS notice: your {AMOUNT} refund is pending, verify your details within {DAYS} "
              "days: {URL}"},
         .brands = {"IRS"},
         .domain_patterns = {"irs-refund{N}.com", "taxrefund-portal{N}.info"},
         .domain_count = 12,
         .weight = 1.5,
         .start = 0.3,
         .peak = 0.75,
         .end = 1.0,
         .lookalike = 0.1,
         .filler = 0.2});
    c->push_back(
        {.id = "wrong-number",
         .channel = "imessage",
         .sender_style = SenderStyle::kAppleId,
         .templates = {"Hi {NAME}, is this still your number? It has been a while since {CITY}",
                       "Hello, is this {NAME}? We met at the wine tasting in {CITY} last month",
                       "Sorry, wrong number. But you seem nice, I am {NAME}, just moved to {CITY}"},
         .weight = 1,
         .start = 0.4,
         .peak = 0.8,
         .end = 1.0,
         .filler = 0.2});
    c->push_back({.id = "free-iphone",
                  .channel = "mms",
                  .sender_style = SenderStyle::kShortCode,
                  .templates = {"FREE iPhone! You are our lucky winner today. Text WIN to {CODE} "
                                "to claim before it expires",
                                "Reply WIN to {CODE}: free {BRAND} phone for the first 100 "
                                "customers, {AMOUNT} shipping only"},
                  .brands = {"Apple", "Samsung"},
                  .weight = 1.2,
                  .start = 0.0,
                  .peak = 0.2,
                  .end = 0.55,
                  .leet = 0.3,
                  .filler = 0.3,
                  .spacing = 0.15});
    c->push_back(
        {.id = "cheap-sunglasses",
         .channel = "sms",
         .sender_style = SenderStyle::kPhone,
         .templates =
             {"Sunglasses clearance: Ray Ban and Oakley from {AMOUNT}, today only. Call {PHONE}",
              "Ray Ban and Oakley shades {AMOUNT} a pair, free case. Call {PHONE} to order"},
         .brands = {"Ray Ban", "Oakley"},
         .weight = 0.8,
         .start = 0.2,
         .peak = 0.5,
         .end = 0.9,
         .regional_skew = {{"Miami", 2.0}, {"Tampa", 1.8}},
         .filler = 0.2});
    c->push_back(
        {.id = "debt-relief",
         .channel = "rcs",
         .sender_style = SenderStyle::kAlphanumeric,
         .templates =
             {"Struggling with debt? Cut your payments by {PERCENT}. Free consultation at {URL}",
              "Your student loans may qualify for forgiveness. Check eligibility in {DAYS} days: "
              "{URL}"},
         .domain_patterns = {"debtfree{N}.org", "relief-center{N}.com"},
         .domain_count = 10,
         .weight = 1,
         .start = 0.0,
         .peak = 0.6,
         .end = 1.0,
         .filler = 0.2});
    return c;
  }();
  return *campaigns;
}

}  // namespace spamradar::simulate
