#include "store/sqlite/sqlite_db.h"

#include <utility>

#include <sqlite3.h>

#include "core/check.h"

namespace spamradar::store::sqlite {

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), statement_(std::exchange(other.statement_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    db_ = other.db_;
    statement_ = std::exchange(other.statement_, nullptr);
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(statement_);
}

void Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
}

void Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}

void Statement::BindNull(int index) {
  sqlite3_bind_null(statement_, index);
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string message = "sqlite: ";
  message.append(sqlite3_errmsg(db_));
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? Status::Corruption(std::move(message))
                                                     : Status::IoError(std::move(message));
}

Status Statement::Run() {
  Result<bool> row = Step();
  while (row.ok() && *row) row = Step();
  Reset();
  return row.ok() ? Status::Ok() : row.status();
}

void Statement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

int64_t Statement::ColumnInt(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::string_view Statement::ColumnText(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_blob(statement_, column));
  const int size = sqlite3_column_bytes(statement_, column);
  return text == nullptr ? std::string_view() : std::string_view(text, static_cast<size_t>(size));
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path) {
  sqlite3* handle = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &handle,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open " + path + ": ";
    message.append(handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close(handle);
    return Status::IoError(std::move(message));
  }
  sqlite3_extended_result_codes(handle, 1);
  // Another process (an import while the server runs) may hold the write
  // lock for a batch; wait for it rather than fail.
  sqlite3_busy_timeout(handle, 10000);
  return std::unique_ptr<Db>(new Db(handle));
}

Db::~Db() {
  sqlite3_close(db_);
}

Status Db::Exec(std::string_view sql) {
  const std::string statement(sql);
  char* error = nullptr;
  if (sqlite3_exec(db_, statement.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = "sqlite: ";
    message.append(error != nullptr ? error : "unknown error");
    sqlite3_free(error);
    const int rc = sqlite3_errcode(db_) & 0xff;
    return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? Status::Corruption(std::move(message))
                                                       : Status::IoError(std::move(message));
  }
  return Status::Ok();
}

Result<Statement> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &statement, nullptr) != SQLITE_OK) {
    return Error("prepare");
  }
  return Statement(db_, statement);
}

int64_t Db::Changes() const {
  return sqlite3_changes64(db_);
}

int64_t Db::LastInsertRowid() const {
  return sqlite3_last_insert_rowid(db_);
}

Status Db::Error(std::string_view what) const {
  std::string message = "sqlite ";
  message.append(what);
  message.append(": ");
  message.append(sqlite3_errmsg(db_));
  const int rc = sqlite3_errcode(db_) & 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? Status::Corruption(std::move(message))
                                                     : Status::IoError(std::move(message));
}

Result<Transaction> Transaction::Begin(Db* db) {
  if (Status status = db->Exec("BEGIN IMMEDIATE"); !status.ok()) return status;
  return Transaction(db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  CHECK(db_ != nullptr) << "transaction already finished";
  Status status = db_->Exec("COMMIT");
  if (status.ok()) db_ = nullptr;
  return status;
}

}  // namespace spamradar::store::sqlite
