// ExtractEmails: e-mail addresses in a message's clean text, including the
// defanged "name[at]example[.]com" form. On iMessage the sender is often an
// Apple ID, which is an e-mail address, so these matter for the channel too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spamradar::signals {

struct EmailMatch {
  uint32_t begin;  // in the clean text
  uint32_t end;
  std::string address;  // "local@host", lower case, defanging undone
  std::string domain;   // registrable domain of the host
  bool obfuscated = false;
};

std::vector<EmailMatch> ExtractEmails(std::string_view clean_text);
void ExtractEmails(std::string_view clean_text,
                   std::vector<EmailMatch>* out);  // replaces out's contents

}  // namespace spamradar::signals
