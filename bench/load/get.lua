-- GET requests with the bearer token of BENCH_TOKEN, counting statuses per thread (statuses.lua).
dofile(string.match(debug.getinfo(1, "S").source, "^@(.*/)") .. "statuses.lua")

function setup(thread)
    register(thread)
end

function init(args)
    statuses = {}
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

function response(status, headers, body)
    count(status)
end
