#include "store/sqlite/sqlite_store.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <sys/stat.h>

namespace spamradar::store::sqlite {
namespace {

// Lists of short values (domains, brands, numbers) as one column: the values
// come out of the tokenizer and never contain a newline.
std::string JoinLines(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out.push_back('\n');
    out.append(value);
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    out.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

constexpr const char* kReportColumns =
    "sequence, id, reported_at, received_at, reporter_hash, metro, sender_kind, sender, channel, "
    "channel_inferred, operator, source, body, domains, brands, phones, short_codes, emails, "
    "cues, shingle_text, analysis_stamp";

Report ReportFromRow(const Statement& row) {
  Report r;
  r.sequence = static_cast<uint64_t>(row.ColumnInt(0));
  r.id = row.ColumnText(1);
  r.reported_at = FromUnixMillis(row.ColumnInt(2));
  if (!row.ColumnIsNull(3)) r.received_at = FromUnixMillis(row.ColumnInt(3));
  r.reporter_hash = row.ColumnText(4);
  r.metro = row.ColumnText(5);
  r.sender.kind = static_cast<SenderKind>(row.ColumnInt(6));
  r.sender.value = row.ColumnText(7);
  r.channel = static_cast<Channel>(row.ColumnInt(8));
  r.channel_inferred = row.ColumnInt(9) != 0;
  r.operator_name = row.ColumnText(10);
  r.source = row.ColumnText(11);
  r.body = row.ColumnText(12);
  r.domains = SplitLines(row.ColumnText(13));
  r.brands = SplitLines(row.ColumnText(14));
  r.phones = SplitLines(row.ColumnText(15));
  r.short_codes = SplitLines(row.ColumnText(16));
  r.emails = SplitLines(row.ColumnText(17));
  r.cues = SplitLines(row.ColumnText(18));
  r.shingle_text = row.ColumnText(19);
  r.analysis_stamp = static_cast<uint32_t>(row.ColumnInt(20));
  return r;
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& data_dir) {
  std::error_code error;
  std::filesystem::create_directories(data_dir, error);
  if (error)
    return Status::IoError("cannot create data directory " + data_dir + ": " + error.message());
  if (!std::filesystem::is_directory(data_dir)) {
    return Status::InvalidArgument(data_dir + " is not a directory");
  }
  // Reports hold subscribers' messages: the directory is private.
  chmod(data_dir.c_str(), 0700);
  Result<std::unique_ptr<Db>> db = Db::Open(data_dir + "/" + kDatabaseFile);
  if (!db.ok()) return db.status();
  return Finish(std::move(db).value(), data_dir);
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::OpenInMemory() {
  Result<std::unique_ptr<Db>> db = Db::Open(":memory:");
  if (!db.ok()) return db.status();
  return Finish(std::move(db).value(), "in-memory store");
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Finish(std::unique_ptr<Db> db,
                                                         const std::string& where) {
  for (const char* pragma :
       {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
    if (Status status = db->Exec(pragma); !status.ok()) {
      return Status(status.code() == StatusCode::kCorruption
                        ? Status::Corruption(where + ": " + status.message())
                        : Status::IoError(where + ": " + status.message()));
    }
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(db)));
  Result<int> version = store->SchemaVersion();
  if (!version.ok()) return version.status();
  if (*version > LatestSchemaVersion()) {
    return Status::InvalidArgument(where + " has schema version " + std::to_string(*version) +
                                   ", newer than this spamradar knows (" +
                                   std::to_string(LatestSchemaVersion()) + "); upgrade spamradar");
  }
  if (Status status = Migrate(store->db_.get()); !status.ok()) return status;
  if (Status status = store->PrepareStatements(); !status.ok()) return status;
  return store;
}

Status SqliteStore::PrepareStatements() {
  Result<Statement> insert = db_->Prepare(
      "INSERT INTO reports (id, reported_at, received_at, ingested_at, reporter_hash, metro, "
      "sender_kind, sender, channel, channel_inferred, operator, source, body, domains, brands, "
      "phones, short_codes, emails, cues, shingle_text, analysis_stamp) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT (id) DO NOTHING");
  if (!insert.ok()) return insert.status();
  insert_report_ = std::move(insert).value();
  Result<Statement> find = db_->Prepare("SELECT sequence FROM reports WHERE id = ?");
  if (!find.ok()) return find.status();
  find_report_ = std::move(find).value();
  return Status::Ok();
}

Result<int> SqliteStore::SchemaVersion() {
  Result<Statement> exists = db_->Prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!exists.ok()) return exists.status();
  Result<bool> row = exists->Step();
  if (!row.ok()) return row.status();
  if (exists->ColumnInt(0) == 0) return 0;
  Result<Statement> max = db_->Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!max.ok()) return max.status();
  row = max->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(max->ColumnInt(0));
}

Result<std::vector<AppendOutcome>> SqliteStore::Append(std::span<Report> reports) {
  std::vector<AppendOutcome> outcomes;
  outcomes.reserve(reports.size());
  if (reports.empty()) return outcomes;
  Result<Transaction> transaction = Transaction::Begin(db_.get());
  if (!transaction.ok()) return transaction.status();
  const int64_t now =
      ToUnixMillis(std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  Statement& insert = *insert_report_;
  for (Report& r : reports) {
    insert.Bind(1, r.id);
    insert.Bind(2, ToUnixMillis(r.reported_at));
    if (r.received_at) {
      insert.Bind(3, ToUnixMillis(*r.received_at));
    } else {
      insert.BindNull(3);
    }
    insert.Bind(4, now);
    insert.Bind(5, r.reporter_hash);
    insert.Bind(6, r.metro);
    insert.Bind(7, static_cast<int64_t>(r.sender.kind));
    insert.Bind(8, r.sender.value);
    insert.Bind(9, static_cast<int64_t>(r.channel));
    insert.Bind(10, static_cast<int64_t>(r.channel_inferred));
    insert.Bind(11, r.operator_name);
    insert.Bind(12, r.source);
    insert.Bind(13, r.body);
    insert.Bind(14, JoinLines(r.domains));
    insert.Bind(15, JoinLines(r.brands));
    insert.Bind(16, JoinLines(r.phones));
    insert.Bind(17, JoinLines(r.short_codes));
    insert.Bind(18, JoinLines(r.emails));
    insert.Bind(19, JoinLines(r.cues));
    insert.Bind(20, r.shingle_text);
    insert.Bind(21, static_cast<int64_t>(r.analysis_stamp));
    if (Status status = insert.Run(); !status.ok()) return status;
    if (db_->Changes() == 1) {
      r.sequence = static_cast<uint64_t>(db_->LastInsertRowid());
      outcomes.push_back({false, r.sequence});
      continue;
    }
    Statement& find = *find_report_;
    find.Bind(1, r.id);
    Result<bool> row = find.Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Internal("report " + r.id + " was neither inserted nor found");
    r.sequence = static_cast<uint64_t>(find.ColumnInt(0));
    find.Reset();
    outcomes.push_back({true, r.sequence});
  }
  if (Status status = transaction->Commit(); !status.ok()) return status;
  return outcomes;
}

Status SqliteStore::Scan(uint64_t after, const std::function<bool(const Report&)>& visit) {
  Result<Statement> scan = db_->Prepare(std::string("SELECT ") + kReportColumns +
                                        " FROM reports WHERE sequence > ? ORDER BY sequence");
  if (!scan.ok()) return scan.status();
  scan->Bind(1, static_cast<int64_t>(after));
  for (;;) {
    Result<bool> row = scan->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    if (!visit(ReportFromRow(*scan))) return Status::Ok();
  }
}

Result<uint64_t> SqliteStore::LastSequence() {
  Result<Statement> max = db_->Prepare("SELECT coalesce(max(sequence), 0) FROM reports");
  if (!max.ok()) return max.status();
  Result<bool> row = max->Step();
  if (!row.ok()) return row.status();
  return static_cast<uint64_t>(max->ColumnInt(0));
}

Status SqliteStore::SaveSnapshot(std::string_view name, const Snapshot& snapshot) {
  Result<Statement> save = db_->Prepare(
      "INSERT INTO snapshots (name, sequence, state) VALUES (?, ?, ?) "
      "ON CONFLICT (name) DO UPDATE SET sequence = excluded.sequence, state = excluded.state");
  if (!save.ok()) return save.status();
  save->Bind(1, name);
  save->Bind(2, static_cast<int64_t>(snapshot.sequence));
  save->BindBlob(3, snapshot.state);
  return save->Run();
}

Result<std::optional<Snapshot>> SqliteStore::LoadSnapshot(std::string_view name) {
  Result<Statement> load = db_->Prepare("SELECT sequence, state FROM snapshots WHERE name = ?");
  if (!load.ok()) return load.status();
  load->Bind(1, name);
  Result<bool> row = load->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Snapshot>();
  return std::optional<Snapshot>(
      Snapshot{static_cast<uint64_t>(load->ColumnInt(0)), std::string(load->ColumnText(1))});
}

Status SqliteStore::DeleteSnapshot(std::string_view name) {
  Result<Statement> erase = db_->Prepare("DELETE FROM snapshots WHERE name = ?");
  if (!erase.ok()) return erase.status();
  erase->Bind(1, name);
  return erase->Run();
}

Result<std::string> SqliteStore::IntegrityCheck() {
  Result<Statement> check = db_->Prepare("PRAGMA integrity_check");
  if (!check.ok()) return check.status();
  std::string out;
  for (;;) {
    Result<bool> row = check->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (!out.empty()) out.push_back('\n');
    out.append(check->ColumnText(0));
  }
  return out;
}

}  // namespace spamradar::store::sqlite
