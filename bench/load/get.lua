-- GET requests with the bearer token of BENCH_TOKEN, counting statuses per thread (see interactions.lua's done).
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
end

function init(args)
    statuses = {}
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
    end
    local parts = {}
    for status, count in pairs(total) do parts[#parts + 1] = status .. "=" .. count end
    table.sort(parts)
    io.write("statuses ", table.concat(parts, " "), "\n")
end
