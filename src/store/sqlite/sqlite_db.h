// A thin, Status-returning layer over the SQLite C API: a connection, prepared
// statements and transactions with RAII. SQLite enters spamradar here only.
// A Db and its Statements belong to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace spamradar::store::sqlite {

class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  // Parameters are numbered from 1, as in SQL.
  void Bind(int index, int64_t value);
  void Bind(int index, std::string_view text);
  void BindBlob(int index, std::string_view bytes);
  void BindNull(int index);
  // A row is ready (true) or the statement is done (false).
  Result<bool> Step();
  // Runs to completion (for statements without rows).
  Status Run();
  void Reset();  // for the next execution; keeps nothing bound

  int64_t ColumnInt(int column) const;
  std::string_view ColumnText(int column) const;  // valid until the next Step
  bool ColumnIsNull(int column) const;

 private:
  friend class Db;
  Statement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  sqlite3* db_;
  sqlite3_stmt* statement_;
};

class Db {
 public:
  // Opens (creating when absent) the database file at `path`.
  static Result<std::unique_ptr<Db>> Open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  int64_t Changes() const;  // rows changed by the last statement
  int64_t LastInsertRowid() const;
  // The error of the last failed call, prefixed with `what`.
  Status Error(std::string_view what) const;

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// BEGIN IMMEDIATE on construction (the write lock up front, so a busy
// database fails here and not half-way); ROLLBACK on destruction unless
// Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(Db* db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_;
};

}  // namespace spamradar::store::sqlite
