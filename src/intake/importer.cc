#include "intake/importer.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include "intake/report_json.h"

namespace spamradar::intake {

Importer::Importer(const Enricher& enricher, store::ReportLog& log, const Clock& clock,
                   ImportOptions options)
    : enricher_(enricher), log_(log), clock_(clock), options_(std::move(options)) {}

Status Importer::ForEachLine(
    std::FILE* input, ImportProgress* progress,
    const std::function<Status(uint64_t, std::string_view, bool)>& handle) {
  std::vector<char> buffer(1 << 16);
  std::string line;
  bool too_long = false;
  uint64_t number = 0;
  auto finish_line = [&]() -> Status {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Status status = handle(number, line, too_long);
    line.clear();
    too_long = false;
    return status;
  };
  for (;;) {
    const size_t n = std::fread(buffer.data(), 1, buffer.size(), input);
    if (n == 0) break;
    progress->bytes += n;
    const char* at = buffer.data();
    const char* end = at + n;
    while (at < end) {
      const auto* newline =
          static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at)));
      const char* stop = newline != nullptr ? newline : end;
      // Past the limit the rest of the line is skipped, not buffered.
      if (!too_long) {
        line.append(at, stop);
        if (line.size() > options_.max_line_bytes) {
          too_long = true;
          line.clear();
        }
      }
      at = stop;
      if (newline != nullptr) {
        ++at;
        if (Status status = finish_line(); !status.ok()) return status;
      }
    }
  }
  if (std::ferror(input))
    return Status::IoError(std::string("read error: ") + std::strerror(errno));
  if (!line.empty() || too_long) return finish_line();
  return Status::Ok();
}

Result<Report> Importer::Check(std::string_view line, bool too_long) const {
  if (too_long) {
    return Status::InvalidArgument("line is longer than " +
                                   std::to_string(options_.max_line_bytes) +
                                   " bytes (a report's body is at most 64 KiB)");
  }
  Result<ReportSubmission> submission = ParseReportSubmission(line, clock_.Now());
  if (!submission.ok()) return submission.status();
  return enricher_.Enrich(*submission, options_.source);
}

Result<ImportProgress> Importer::Import(
    std::FILE* input, const std::function<void(const ImportProgress&)>& on_commit) {
  ImportProgress progress;
  auto reject = [&](uint64_t number, const Status& status) {
    ++progress.rejected;
    if (progress.errors.size() < options_.max_errors_kept) {
      progress.errors.push_back({number, status.message()});
    }
  };
  auto is_blank = [](std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
  };

  if (options_.strict) {
    // Checked in full before anything is written; the input is read twice.
    Status first_error;
    Status read = ForEachLine(input, &progress,
                              [&](uint64_t number, std::string_view line, bool too_long) -> Status {
                                if (is_blank(line) && !too_long) return Status::Ok();
                                Result<Report> report = Check(line, too_long);
                                if (report.ok()) return Status::Ok();
                                reject(number, report.status());
                                return Status::InvalidArgument("line " + std::to_string(number) +
                                                               ": " + report.status().message());
                              });
    if (!read.ok()) {
      if (read.code() == StatusCode::kInvalidArgument) return progress;  // nothing written
      return read;
    }
    if (std::fseek(input, 0, SEEK_SET) != 0) {
      return Status::InvalidArgument("--strict needs a file it can read twice, not a pipe");
    }
    progress = ImportProgress();
  }

  std::vector<Report> batch;
  batch.reserve(options_.batch_size);
  auto commit = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    Result<std::vector<store::AppendOutcome>> outcomes = log_.Append(batch);
    if (!outcomes.ok()) return outcomes.status();
    for (const store::AppendOutcome& outcome : *outcomes) {
      ++(outcome.duplicate ? progress.duplicates : progress.accepted);
    }
    batch.clear();
    if (on_commit) on_commit(progress);
    return Status::Ok();
  };
  Status read = ForEachLine(input, &progress,
                            [&](uint64_t number, std::string_view line, bool too_long) -> Status {
                              progress.lines = number;
                              if (is_blank(line) && !too_long) return Status::Ok();
                              Result<Report> report = Check(line, too_long);
                              if (!report.ok()) {
                                reject(number, report.status());
                                return Status::Ok();
                              }
                              batch.push_back(std::move(report).value());
                              return batch.size() >= options_.batch_size ? commit() : Status::Ok();
                            });
  if (!read.ok()) return read;
  if (Status status = commit(); !status.ok()) return status;
  return progress;
}

}  // namespace spamradar::intake
