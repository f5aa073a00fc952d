#include "filter/corpus.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unzip.h>

#include "core/mapped_file.h"
#include "core/tsv.h"
#include "text/unicode.h"

namespace spamradar::filter {
namespace {

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const text::DecodedChar d = text::DecodeUtf8(text, i);
    if (!d.valid) return false;
    i += d.length;
  }
  return true;
}

Status LineError(int line, const std::string& what) {
  return Status::InvalidArgument("line " + std::to_string(line) + ": " + what);
}

Result<bool> ParseLabel(std::string_view label, int line) {
  if (label == "spam") return true;
  if (label == "ham") return false;
  return Status(LineError(
      line, "unknown label '" + std::string(label.substr(0, 40)) + "' (expected spam or ham)"));
}

Result<std::vector<LabeledMessage>> ParseUci(std::string_view bytes) {
  std::vector<LabeledMessage> out;
  Status status = ForEachLine(bytes, [&out](int line_number, std::string_view line) -> Status {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return LineError(line_number, "missing tab");
    Result<bool> spam = ParseLabel(line.substr(0, tab), line_number);
    if (!spam.ok()) return spam.status();
    const std::string_view text = line.substr(tab + 1);
    if (!IsValidUtf8(text)) return LineError(line_number, "invalid UTF-8");
    out.push_back({std::string(text), *spam});
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

// RFC 4180 records: fields separated by commas, optionally in double quotes
// (where "" is a quote and newlines may appear). Calls fn(line, fields).
template <typename Fn>
Status ForEachCsvRecord(std::string_view bytes, Fn fn) {
  std::vector<std::string> fields;
  std::string field;
  int line = 1;
  int record_line = 1;
  size_t i = 0;
  bool in_quotes = false;
  bool field_started = false;
  auto end_record = [&]() -> Status {
    fields.push_back(std::move(field));
    field.clear();
    Status status = fn(record_line, fields);
    fields.clear();
    field_started = false;
    return status;
  };
  while (i < bytes.size()) {
    const char c = bytes[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          field.push_back('"');
          i += 2;
          continue;
        }
        in_quotes = false;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      ++i;
      continue;
    }
    if (c == '"' && !field_started) {
      in_quotes = true;
      field_started = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      Status status = end_record();
      if (!status.ok()) return status;
      ++line;
      record_line = line;
    } else {
      field.push_back(c);
      field_started = true;
    }
    ++i;
  }
  if (in_quotes) return LineError(record_line, "unterminated quoted field");
  if (field_started || !fields.empty()) return end_record();
  return Status::Ok();
}

Result<std::vector<LabeledMessage>> ParseSuperSms(std::string_view bytes) {
  std::vector<LabeledMessage> out;
  int text_column = -1;
  int label_column = -1;
  Status status =
      ForEachCsvRecord(bytes, [&](int line, const std::vector<std::string>& fields) -> Status {
        if (text_column < 0) {
          for (size_t c = 0; c < fields.size(); ++c) {
            if (fields[c] == "SMSes") text_column = static_cast<int>(c);
            if (fields[c] == "Labels") label_column = static_cast<int>(c);
          }
          if (text_column < 0 || label_column < 0) {
            return LineError(line, "header must name the columns SMSes and Labels");
          }
          return Status::Ok();
        }
        const auto needed = static_cast<size_t>(std::max(text_column, label_column));
        if (fields.size() <= needed) return LineError(line, "too few fields");
        const std::string& label = fields[static_cast<size_t>(label_column)];
        // The published file has two rows without a label; they carry no
        // ground truth, so they are left out (and counted in the caller's totals).
        if (label.empty()) return Status::Ok();
        Result<bool> spam = ParseLabel(label, line);
        if (!spam.ok()) return spam.status();
        const std::string& text = fields[static_cast<size_t>(text_column)];
        if (!IsValidUtf8(text)) return LineError(line, "invalid UTF-8");
        out.push_back({text, *spam});
        return Status::Ok();
      });
  if (!status.ok()) return status;
  if (text_column < 0) return Status::InvalidArgument("empty CSV file");
  return out;
}

Result<std::vector<LabeledMessage>> ParseJsonl(std::string_view bytes) {
  std::vector<LabeledMessage> out;
  Status status = ForEachLine(bytes, [&out](int line_number, std::string_view line) -> Status {
    const nlohmann::json row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded() || !row.is_object()) return LineError(line_number, "not a JSON object");
    const auto text = row.find("text");
    const auto label = row.find("label");
    if (text == row.end() || !text->is_string()) {
      return LineError(line_number, "missing \"text\" string");
    }
    if (label == row.end() || !label->is_string()) {
      return LineError(line_number, "missing \"label\" string");
    }
    Result<bool> spam = ParseLabel(label->get_ref<const std::string&>(), line_number);
    if (!spam.ok()) return spam.status();
    out.push_back({text->get<std::string>(), *spam});
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

}  // namespace

Result<CorpusFormat> ParseCorpusFormat(std::string_view name) {
  if (name == "uci") return CorpusFormat::kUci;
  if (name == "super-sms") return CorpusFormat::kSuperSms;
  if (name == "jsonl") return CorpusFormat::kJsonl;
  return Status::InvalidArgument("unknown corpus format '" + std::string(name) +
                                 "' (expected uci, super-sms or jsonl)");
}

Result<std::vector<LabeledMessage>> ParseCorpus(std::string_view bytes, CorpusFormat format) {
  switch (format) {
    case CorpusFormat::kUci: return ParseUci(bytes);
    case CorpusFormat::kSuperSms: return ParseSuperSms(bytes);
    case CorpusFormat::kJsonl: return ParseJsonl(bytes);
  }
  return Status::Internal("unknown corpus format");
}

namespace {

// A zip archive in memory, read through minizip's I/O callbacks: one code
// path for files (mapped) and for the fuzz target's bytes.
struct ZipBytes {
  std::string_view bytes;
  uint64_t position = 0;
};

voidpf ZCALLBACK OpenZipBytes(voidpf opaque, const void*, int) {
  return opaque;
}
uLong ZCALLBACK ReadZipBytes(voidpf, voidpf stream, void* buffer, uLong size) {
  auto& zip = *static_cast<ZipBytes*>(stream);
  const uint64_t n = std::min<uint64_t>(size, zip.bytes.size() - zip.position);
  std::memcpy(buffer, zip.bytes.data() + zip.position, n);
  zip.position += n;
  return static_cast<uLong>(n);
}
uLong ZCALLBACK WriteZipBytes(voidpf, voidpf, const void*, uLong) {
  return 0;  // read only
}
ZPOS64_T ZCALLBACK TellZipBytes(voidpf, voidpf stream) {
  return static_cast<ZipBytes*>(stream)->position;
}
long ZCALLBACK SeekZipBytes(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto& zip = *static_cast<ZipBytes*>(stream);
  uint64_t base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = zip.position;
  if (origin == ZLIB_FILEFUNC_SEEK_END) base = zip.bytes.size();
  if (offset > zip.bytes.size() - base) return -1;
  zip.position = base + offset;
  return 0;
}
int ZCALLBACK CloseZipBytes(voidpf, voidpf) {
  return 0;
}
int ZCALLBACK ZipBytesError(voidpf, voidpf) {
  return 0;
}

}  // namespace

Result<std::string> ReadCsvFromZip(std::string_view archive, const std::string& name,
                                   size_t max_size) {
  ZipBytes bytes{archive};
  zlib_filefunc64_def io{OpenZipBytes, ReadZipBytes,  WriteZipBytes, TellZipBytes,
                         SeekZipBytes, CloseZipBytes, ZipBytesError, &bytes};
  unzFile zip = unzOpen2_64(name.c_str(), &io);
  if (zip == nullptr) return Status::Corruption(name + " is not a zip archive");
  Result<std::string> result = Status::NotFound(name + " holds no .csv file");
  for (int at = unzGoToFirstFile(zip); at == UNZ_OK; at = unzGoToNextFile(zip)) {
    // The name's length first: minizip leaves a name that fills the buffer
    // without a terminating NUL.
    unz_file_info64 info;
    std::string member;
    if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK) {
      member.resize(info.size_filename);
    }
    if (member.size() != info.size_filename ||
        unzGetCurrentFileInfo64(zip, &info, member.data(), static_cast<uLong>(member.size()),
                                nullptr, 0, nullptr, 0) != UNZ_OK) {
      result = Status::Corruption(name + " has a damaged directory entry");
      break;
    }
    if (!member.ends_with(".csv")) continue;
    if (info.uncompressed_size > max_size) {
      result = Status::InvalidArgument(member + " in " + name + " is larger than " +
                                       std::to_string(max_size) + " bytes");
      break;
    }
    if (unzOpenCurrentFile(zip) != UNZ_OK) {
      result = Status::Corruption("cannot read " + member + " in " + name);
      break;
    }
    // Read to the end, not to the size the directory claims (a damaged one
    // may claim anything): more than it says is refused.
    std::string csv;
    char chunk[1 << 16];
    int read = 0;
    while ((read = unzReadCurrentFile(zip, chunk, sizeof(chunk))) > 0 &&
           csv.size() + static_cast<size_t>(read) <= info.uncompressed_size) {
      csv.append(chunk, static_cast<size_t>(read));
    }
    // Closing after the last byte checks the member's CRC.
    const int closed = unzCloseCurrentFile(zip);
    if (read != 0 || closed != UNZ_OK || csv.size() != info.uncompressed_size) {
      result = Status::Corruption(member + " in " + name +
                                  " is damaged (bad compressed data, size or CRC)");
    } else {
      result = std::move(csv);
    }
    break;
  }
  unzClose(zip);
  return result;
}

Result<std::vector<LabeledMessage>> ReadCorpus(const std::string& path, CorpusFormat format) {
  std::string bytes;
  if (path.size() > 4 && path.substr(path.size() - 4) == ".zip") {
    Result<MappedFile> archive = MappedFile::Open(path);
    if (!archive.ok()) return archive.status();  // not found, or why it cannot be read
    Result<std::string> csv = ReadCsvFromZip(archive->bytes(), path);
    if (!csv.ok()) return csv.status();
    bytes = std::move(csv).value();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound("cannot open corpus " + path);
    std::ostringstream contents;
    contents << in.rdbuf();
    bytes = contents.str();
  }
  Result<std::vector<LabeledMessage>> corpus = ParseCorpus(bytes, format);
  if (!corpus.ok()) return Status::InvalidArgument(path + ": " + corpus.status().message());
  return corpus;
}

}  // namespace spamradar::filter
