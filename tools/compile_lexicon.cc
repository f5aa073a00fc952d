// Build-time tool: compiles the brand and cue lexicons into vectorscan
// databases and writes them serialized, so spamradar loads them in a fraction
// of a millisecond instead of compiling them at every start.
//   compile_lexicon BRANDS.tsv CUES.tsv OUT
#include <fstream>
#include <iostream>
#include <sstream>

#include "signals/lexicon.h"

namespace {

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: compile_lexicon BRANDS.tsv CUES.tsv OUT\n";
    return 2;
  }
  const std::string brands = ReadFile(argv[1]);
  const std::string cues = ReadFile(argv[2]);
  auto lexicon = spamradar::signals::Lexicon::Parse({{brands, true}, {cues, false}});
  if (!lexicon.ok()) {
    std::cerr << "compile_lexicon: " << lexicon.status().ToString() << "\n";
    return 1;
  }
  auto bytes = lexicon->Serialize();
  if (!bytes.ok()) {
    std::cerr << "compile_lexicon: " << bytes.status().ToString() << "\n";
    return 1;
  }
  std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
  out << *bytes;
  return out ? 0 : 1;
}
