#include "intake/importer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <future>
#include <thread>
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

namespace {

struct Line {
  uint64_t number;
  std::string text;
  bool too_long;
};

struct Checked {
  uint64_t number;
  Result<Report> report;
};

}  // namespace

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
  // Checking and enriching a line is independent of every other line, so
  // chunks of lines are checked on worker threads while this thread appends
  // the results to the log strictly in line order.
  const size_t workers = options_.threads > 0
                             ? options_.threads
                             : std::max<size_t>(1, std::thread::hardware_concurrency());
  constexpr size_t kChunkLines = 256;
  std::deque<std::future<std::vector<Checked>>> in_flight;
  std::vector<Line> chunk;
  auto check_chunk = [this](std::vector<Line> lines) {
    std::vector<Checked> out;
    out.reserve(lines.size());
    for (Line& line : lines) out.push_back({line.number, Check(line.text, line.too_long)});
    return out;
  };
  auto submit = [&]() {
    if (chunk.empty()) return;
    if (workers == 1) {
      std::promise<std::vector<Checked>> done;
      done.set_value(check_chunk(std::move(chunk)));
      in_flight.push_back(done.get_future());
    } else {
      in_flight.push_back(std::async(std::launch::async, check_chunk, std::move(chunk)));
    }
    chunk.clear();
    chunk.reserve(kChunkLines);
  };
  // Runs the pipeline over the input; take() receives results in line order.
  auto run = [&](const std::function<Status(Checked&)>& take) -> Status {
    auto drain_one = [&]() -> Status {
      std::vector<Checked> results = in_flight.front().get();
      in_flight.pop_front();
      for (Checked& checked : results) {
        if (Status status = take(checked); !status.ok()) return status;
      }
      return Status::Ok();
    };
    Status read = ForEachLine(input, &progress,
                              [&](uint64_t number, std::string_view line, bool too_long) -> Status {
                                if (is_blank(line) && !too_long) return Status::Ok();
                                chunk.push_back({number, std::string(line), too_long});
                                if (chunk.size() < kChunkLines) return Status::Ok();
                                submit();
                                return in_flight.size() > 2 * workers ? drain_one() : Status::Ok();
                              });
    submit();
    while (!in_flight.empty()) {
      Status drained = drain_one();
      if (read.ok()) read = drained;
    }
    return read;
  };

  if (options_.strict) {
    // Checked in full before anything is written; the input is read twice.
    uint64_t first_bad = 0;
    Status checked = run([&](Checked& result) -> Status {
      if (result.report.ok() || first_bad != 0) return Status::Ok();
      first_bad = result.number;
      reject(result.number, result.report.status());
      return Status::Ok();
    });
    if (!checked.ok()) return checked;
    if (first_bad != 0) return progress;  // nothing written
    if (std::fseek(input, 0, SEEK_SET) != 0) {
      return Status::InvalidArgument("--strict needs a file it can read twice, not a pipe");
    }
    progress = ImportProgress();
  }

  std::vector<Report> batch;
  batch.reserve(options_.batch_size);
  uint64_t last_line = 0;
  auto commit = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    Result<std::vector<store::AppendOutcome>> outcomes = log_.Append(batch);
    if (!outcomes.ok()) return outcomes.status();
    for (const store::AppendOutcome& outcome : *outcomes) {
      ++(outcome.duplicate ? progress.duplicates : progress.accepted);
    }
    batch.clear();
    // Every line up to here is now stored or rejected.
    progress.lines = last_line;
    if (on_commit) on_commit(progress);
    return Status::Ok();
  };
  Status appended = run([&](Checked& result) -> Status {
    last_line = result.number;
    if (!result.report.ok()) {
      reject(result.number, result.report.status());
      return Status::Ok();
    }
    batch.push_back(std::move(result.report).value());
    return batch.size() >= options_.batch_size ? commit() : Status::Ok();
  });
  if (!appended.ok()) return appended;
  if (Status status = commit(); !status.ok()) return status;
  progress.lines = std::max(progress.lines, last_line);
  return progress;
}

}  // namespace spamradar::intake
