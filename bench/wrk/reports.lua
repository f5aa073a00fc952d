-- POST /v1/reports in batches of BATCH (default 500) new reports, each with an
-- id of its own, so that every one is stored (not a duplicate). The server
-- answers after the durable commit; reports/s = requests/s * BATCH.
local batch = tonumber(os.getenv("BATCH") or "500")
local key = os.getenv("SPAMRADAR_KEY")
local bodies = {
  "Gucci & Prada up to %d%% off today only! Shop now: lvshop%d.com",
  "USPS: your parcel is held, pay the fee at usps-redelivery%d.top/track/%d",
  "Chase: unusual sign-in, verify at chase-secure%d.com/login?id=%d",
  "You won a $%d gift card! Claim: walmart-rewards%d.club",
}
local thread_id = 0
local counter = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("prefix", "wrk" .. os.time() .. "-" .. thread_id)
end

request = function()
  local parts = {}
  for i = 1, batch do
    counter = counter + 1
    local template = bodies[(counter % #bodies) + 1]
    parts[i] = string.format(
      '{"id":"%s-%d","reported_at":"2014-04-%02dT12:00:00Z","reporter":"+1212555%04d","body":"%s"}',
      prefix, counter, 1 + counter % 28, counter % 10000,
      string.format(template, 10 + counter % 80, counter % 500))
  end
  return wrk.format("POST", "/v1/reports",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"},
    "[" .. table.concat(parts, ",") .. "]")
end
