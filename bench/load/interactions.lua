-- POST /api/interactions with a valid body that varies the official and the organisation, for wrk.
-- Environment: BENCH_TOKEN (bearer token), BENCH_OFFICIALS and BENCH_ORGANISATIONS (comma-separated ids),
-- BENCH_CAMPAIGN (id), BENCH_IDS (file prefix: each thread writes the ids the API acknowledged to PREFIX-N.txt).
dofile(string.match(debug.getinfo(1, "S").source, "^@(.*/)") .. "statuses.lua")
local officials, organisations = {}, {}
for id in string.gmatch(os.getenv("BENCH_OFFICIALS"), "%d+") do officials[#officials + 1] = id end
for id in string.gmatch(os.getenv("BENCH_ORGANISATIONS"), "%d+") do organisations[#organisations + 1] = id end
local campaign, token = os.getenv("BENCH_CAMPAIGN"), os.getenv("BENCH_TOKEN")
local outcomes = { "sent", "left_message", "spoke", "met", "replied", "declined" }

function setup(thread)
    thread:set("number", register(thread))
end

function init(args)
    counter, statuses = number * 7919, {}
    ids = io.open(os.getenv("BENCH_IDS") .. "-" .. number .. ".txt", "w")
    ids:setvbuf("line") -- wrk never closes a thread's Lua state: each id must reach the file as it comes
    wrk.method = "POST"
    wrk.headers["Authorization"] = "Bearer " .. token
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    counter = counter + 1
    local body = string.format(
        '{"organisationId":%s,"officialId":%s,"campaignId":%s,"channel":"phone","direction":"%s",' ..
        '"occurredAt":"2026-11-%02dT%02d:%02d:00Z","outcome":"%s","notes":"bench/load"}',
        organisations[counter % #organisations + 1], officials[(counter * 31) % #officials + 1], campaign,
        counter % 7 == 0 and "inbound" or "outbound", counter % 20 + 1, counter % 10 + 8, counter % 60,
        outcomes[counter % #outcomes + 1])
    return wrk.format(nil, "/api/interactions", nil, body)
end

function response(status, headers, body)
    count(status)
    if status == 201 then
        ids:write(string.match(body, '"id":(%d+)'), "\n")
    end
end
