-- POST /v1/classify, one message a request, cycling through spam and ham of
-- several shapes so that no single code path is measured. The key comes from
-- the environment (SPAMRADAR_KEY); answers other than 200 are counted by wrk
-- ("Non-2xx or 3xx responses"). With PACE_MS set, each connection waits
-- that long between requests, which fixes the offered rate at about
-- connections * 1000 / PACE_MS requests a second (Debian's wrk has no -R).
local messages = {
  "Gucci & Prada up to 80% off today only! Shop now: lvshop12.com",
  "Your Google verification code is 482913",
  "URGENT! You have won a 1 week FREE membership in our prize draw. Txt CLAIM to 81010",
  "USPS: your parcel is held, pay the redelivery fee at usps-redelivery346.top/track",
  "Hey, are we still on for dinner at 7? I can pick up the wine",
  "Chase alert: a debit of $42.17 at WHOLE FOODS was made on your card ending 1234",
  "Congratulations! Your $1,000 Walmart gift card is waiting: walmart-rewards10.club/3229",
  "Ur entitled to update ur mobile for FREE! Call 08002986030 now",
}
-- With SENDERS=1 each message comes with a sender of its own kind (a phone
-- number written as people write it, a short code, an Apple ID, a sender
-- id), which the server normalizes and matches when the text names no
-- campaign.
local senders = {
  "(212) 555-0142", "GOOGLE", "81010", "+1 202 555 0199",
  "lisa.m@icloud.com", "CHASE", "+12125550188", "08002986030",
}
local with_senders = os.getenv("SENDERS") == "1"
-- With BATCH=N each request is a batch of N of the messages, {"messages": [...]}
-- (an operator re-scanning a backlog), answered with N verdicts.
local batch = tonumber(os.getenv("BATCH") or "0")
local key = os.getenv("SPAMRADAR_KEY")
local pace = tonumber(os.getenv("PACE_MS") or "0")
-- The requests are formatted once per thread, in init (where wrk has set the
-- Host header), and sent in turn: formatting one per request cost wrk a
-- quarter of its CPU (10-13 us a request against 7-8), which it takes from
-- the server on a shared machine.
local requests = {}
local n = 0

local function message(i)
  local m = messages[i]
  return with_senders and ('{"text": "' .. m .. '", "sender": "' .. senders[i] .. '"}')
    or ('{"text": "' .. m .. '"}')
end

init = function(args)
  local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
  if batch > 0 then
    local parts = {}
    for i = 1, batch do parts[i] = message(((i - 1) % #messages) + 1) end
    requests[1] = wrk.format("POST", "/v1/classify", headers,
      '{"messages": [' .. table.concat(parts, ",") .. ']}')
    return
  end
  for i = 1, #messages do
    requests[i] = wrk.format("POST", "/v1/classify", headers, message(i))
  end
end

request = function()
  n = n + 1
  return requests[(n % #requests) + 1]
end

if pace > 0 then
  delay = function() return pace end
end
