// SqliteStore's KeyStore half: the table of migration 3.
#include "store/sqlite/sqlite_store.h"

namespace spamradar::store::sqlite {
namespace {

constexpr const char* kColumns = "id, hash, role, label, created_at, revoked";

StoredKey KeyFromRow(const Statement& row) {
  return StoredKey{std::string(row.ColumnText(0)),   std::string(row.ColumnText(1)),
                   std::string(row.ColumnText(2)),   std::string(row.ColumnText(3)),
                   FromUnixMillis(row.ColumnInt(4)), row.ColumnInt(5) != 0};
}

}  // namespace

Status SqliteStore::AddKey(const StoredKey& key) {
  Result<Statement> add = db_->Prepare(
      "INSERT INTO api_keys (id, hash, role, label, created_at, revoked) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!add.ok()) return add.status();
  add->Bind(1, key.id);
  add->Bind(2, key.hash);
  add->Bind(3, key.role);
  add->Bind(4, key.label);
  add->Bind(5, ToUnixMillis(key.created_at));
  add->Bind(6, int64_t{key.revoked ? 1 : 0});
  return add->Run();
}

Result<std::optional<StoredKey>> SqliteStore::FindKey(std::string_view hash) {
  Result<Statement> find =
      db_->Prepare(std::string("SELECT ") + kColumns + " FROM api_keys WHERE hash = ?");
  if (!find.ok()) return find.status();
  find->Bind(1, hash);
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<StoredKey>();
  return std::optional<StoredKey>(KeyFromRow(*find));
}

Result<std::vector<StoredKey>> SqliteStore::ListKeys() {
  Result<Statement> list =
      db_->Prepare(std::string("SELECT ") + kColumns + " FROM api_keys ORDER BY created_at, id");
  if (!list.ok()) return list.status();
  std::vector<StoredKey> out;
  for (;;) {
    Result<bool> row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(KeyFromRow(*list));
  }
}

Result<bool> SqliteStore::RevokeKey(std::string_view id) {
  Result<Statement> revoke = db_->Prepare("UPDATE api_keys SET revoked = 1 WHERE id = ?");
  if (!revoke.ok()) return revoke.status();
  revoke->Bind(1, id);
  if (Status status = revoke->Run(); !status.ok()) return status;
  return db_->Changes() > 0;
}

}  // namespace spamradar::store::sqlite
