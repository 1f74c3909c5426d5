-- What both wrk scripts share: each thread counts the statuses it receives, and done() prints their sum as one line,
-- "statuses 201=1234 500=2", which run.sh reads. A script loads it with dofile (see get.lua) and calls register(thread)
-- from setup and count(status) from response.
local threads = {}

function register(thread)
    threads[#threads + 1] = thread
    return #threads
end

function count(status)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
    end
    local parts = {}
    for status, n in pairs(total) do parts[#parts + 1] = status .. "=" .. n end
    table.sort(parts)
    io.write("statuses ", table.concat(parts, " "), "\n")
end
