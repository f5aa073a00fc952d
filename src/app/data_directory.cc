#include "app/data_directory.h"

#include "store/fold.h"

namespace spamradar::app {

Result<std::unique_ptr<DataDirectory>> DataDirectory::Open(const std::string& path) {
  auto directory = std::make_unique<DataDirectory>();
  directory->path = path;
  Result<std::unique_ptr<store::sqlite::SqliteStore>> store =
      store::sqlite::SqliteStore::Open(path);
  if (!store.ok()) return store.status();
  directory->store = std::move(store).value();
  Result<intake::ReporterHasher> hasher = intake::ReporterHasher::OpenOrCreate(path);
  if (!hasher.ok()) return hasher.status();
  directory->enricher = std::make_unique<intake::Enricher>(std::move(hasher).value());
  Result<std::unique_ptr<store::sqlite::SqliteCampaignArchive>> archive =
      store::sqlite::SqliteCampaignArchive::Open(path);
  if (!archive.ok()) return archive.status();
  directory->archive = std::move(archive).value();
  directory->campaigns = std::make_unique<cluster::CampaignEngine>(cluster::CampaignOptions{},
                                                                   directory->archive.get());
  directory->rollups = std::make_unique<analytics::SpamRollups>();
  directory->campaigns->SetListener(directory->rollups.get());
  return directory;
}

Status DataDirectory::CatchUp() {
  return store::CatchUp(*store, *store, summary, &summary_sequence);
}

Status DataDirectory::CatchUpCampaigns(uint64_t max_reports) {
  return store::CatchUp(*store, *store, *campaigns, &campaigns_sequence, max_reports);
}

Status DataDirectory::UseTimeZone(const std::string& zone) {
  if (campaigns_sequence != 0) {
    return Status::Internal("the time zone is set before the campaigns are folded");
  }
  Result<analytics::Calendar> calendar = analytics::Calendar::Named(zone);
  if (!calendar.ok()) return calendar.status();
  rollups = std::make_unique<analytics::SpamRollups>(std::move(*calendar));
  campaigns->SetListener(rollups.get());
  return Status::Ok();
}

Status DataDirectory::Rebuild() {
  return store::Rebuild(*store, *store, summary, &summary_sequence);
}

}  // namespace spamradar::app
