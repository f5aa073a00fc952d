#include "core/mapped_file.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace spamradar {
namespace {

std::string WriteFile(const std::string& name, const std::string& bytes) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path;
}

TEST(MappedFileTest, HoldsTheFilesBytesAfterTheMoveAndTheFileIsGone) {
  std::string bytes(3 << 20, 'x');
  bytes[0] = '\0';
  bytes.back() = 'z';
  const std::string path = WriteFile("mapped.bin", bytes);
  Result<MappedFile> file = MappedFile::Open(path);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  std::remove(path.c_str());  // the map keeps the file's pages
  const MappedFile moved = std::move(file).value();
  EXPECT_EQ(moved.bytes(), bytes);

  Result<MappedFile> empty = MappedFile::Open(WriteFile("empty.bin", ""));
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->bytes().empty());
}

TEST(MappedFileTest, MissingFilesAndDirectoriesAreClearErrors) {
  const Result<MappedFile> missing = MappedFile::Open(::testing::TempDir() + "/no-such-file");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("no-such-file"), std::string::npos);
  const Result<MappedFile> directory = MappedFile::Open(::testing::TempDir());
  EXPECT_EQ(directory.status().code(), StatusCode::kIoError);
  EXPECT_NE(directory.status().message().find("not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace spamradar
