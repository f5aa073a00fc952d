#include "core/line_reader.h"

#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

namespace spamradar {
namespace {

// What std::getline gives for the same text: the reference.
std::vector<std::string> GetlineLines(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines of `text` written into a pipe `piece` bytes at a time by another
// thread, read with blocks of `block_size` bytes.
std::vector<std::string> ReadThroughPipe(const std::string& text, size_t piece, size_t block_size) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    for (size_t at = 0; at < text.size(); at += piece) {
      const size_t n = std::min(piece, text.size() - at);
      EXPECT_EQ(::write(fds[1], text.data() + at, n), static_cast<ssize_t>(n));
    }
    ::close(fds[1]);
  });
  LineReader reader(fds[0], block_size);
  std::vector<std::string> lines;
  for (std::string_view line; reader.Next(&line);) lines.emplace_back(line);
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  writer.join();
  ::close(fds[0]);
  return lines;
}

TEST(LineReaderTest, GivesTheLinesGetlineGives) {
  std::string text;
  for (size_t i = 0; i < 300; ++i) {
    text += std::string(i % 37 == 0 ? 0 : (i * 7919) % 301, static_cast<char>('a' + i % 26));
    text += i % 11 == 0 ? "\r\n" : "\n";
  }
  for (const std::string& input : {text, text + "no newline at the end", std::string(),
                                   std::string("\n"), std::string("\n\n"), std::string("x")}) {
    for (size_t block : {1, 4, 7, 64, 65536}) {
      for (size_t piece : {1, 3, 1000}) {
        if (piece == 1 && input.size() > 1000 && block > 64) continue;  // slow, nothing new
        EXPECT_EQ(ReadThroughPipe(input, piece, block), GetlineLines(input))
            << "block " << block << ", pieces of " << piece << ", " << input.size() << " bytes";
      }
    }
  }
}

TEST(LineReaderTest, ALineLongerThanTheBufferGrowsIt) {
  const std::string long_line(1 << 20, 'z');
  EXPECT_EQ(ReadThroughPipe("a\n" + long_line + "\nb", 4096, 16),
            (std::vector<std::string>{"a", long_line, "b"}));
}

TEST(LineReaderTest, AReadErrorIsReported) {
  LineReader reader(-1);
  std::string_view line;
  EXPECT_FALSE(reader.Next(&line));
  EXPECT_EQ(reader.status().code(), StatusCode::kIoError);
  EXPECT_NE(reader.status().message().find("cannot read the input"), std::string::npos);
}

}  // namespace
}  // namespace spamradar
