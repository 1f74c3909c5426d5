#!/usr/bin/env bash
# Load benchmark: wrk against the Release API on 127.0.0.1 with the seeded data of the README's first command (the
# officials directory, the SEC-Pa structures, the demo campaign), authenticated with the admin token: official search,
# an official's page and timeline, a campaign's coverage by département, and logging interactions (POST, a Lua script
# that varies the official and the organisation). Each is measured right after /health/live, the floor, in the same
# run: requests per second, p50 and p99 (wrk --latency), and the ratio to the floor. After the POST run, every id the
# API acknowledged (201) is looked up in the database, and the database's new rows are counted. SQLite always;
# PostgreSQL too when a connection string is given (argument, CAMPAIGNDESK_BENCH_POSTGRES or CAMPAIGNDESK_TEST_POSTGRES):
# a fresh database is created for the run and dropped after. Rate limits are raised through the environment only.
#
#   bash bench/load/run.sh ["Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres"]
#
# Environment: BENCH_DURATION (seconds per measured run, default 15), BENCH_CONNECTIONS (default 32),
# BENCH_THREADS (wrk threads, default 2), BENCH_ENGINES (default "sqlite postgres").
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$REPO/bench/load
DURATION=${BENCH_DURATION:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
PG=${1:-${CAMPAIGNDESK_BENCH_POSTGRES:-${CAMPAIGNDESK_TEST_POSTGRES:-}}}
DLL=$REPO/src/CampaignDesk.Api/bin/Release/net10.0/CampaignDesk.Api.dll

# shellcheck source=../lib.sh
source "$REPO/bench/lib.sh"

command -v wrk >/dev/null || install_debian wrk
command -v sqlite3 >/dev/null || install_debian sqlite3
command -v python3 >/dev/null || die "python3 is needed (JSON and a free port)"
command -v dotnet >/dev/null || die "the .NET 10 SDK is needed"

SCRATCH=$(mktemp -d)
API_PID=
PG_DB=
cleanup() {
    if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then kill -TERM "$API_PID"; wait "$API_PID" 2>/dev/null || true; fi
    [ -n "$PG_DB" ] && pg_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- PostgreSQL ---------------------------------------------------------------------------------------------------
pg_admin() { PGPASSWORD=$(pg_field password) psql -X -q -At -v ON_ERROR_STOP=1 -h "$(pg_field host server)" -p "$(pg_field port || true)" \
    -U "$(pg_field username userid user)" -d "${2:-$(pg_field database)}" -c "$1"; }
ENGINES=()
for engine in ${BENCH_ENGINES:-sqlite postgres}; do
    if [ "$engine" = postgres ]; then
        [ -n "$PG" ] || { say "PostgreSQL: skipped (give a connection string as argument or in CAMPAIGNDESK_BENCH_POSTGRES)"; continue; }
        case "$(pg_field host server)" in 127.0.0.1 | localhost | ::1 | /*) ;; *) die "PostgreSQL must be on loopback" ;; esac
        command -v psql >/dev/null || install_debian postgresql-client
    fi
    ENGINES+=("$engine")
done

# ---- the API ------------------------------------------------------------------------------------------------------
say "building Release"
dotnet build "$REPO/src/CampaignDesk.Api" -c Release -nologo -v q -clp:ErrorsOnly >"$SCRATCH/build.log" 2>&1 \
    || { cat "$SCRATCH/build.log" >&2; die "build failed"; }

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
# start_api ENGINE: a fresh database, seeded as the README's first command does; rate limits out of the way.
start_api() {
    local dir=$SCRATCH/$1 env=(Database__Provider=Sqlite)
    mkdir -p "$dir"
    # The folder is the content root (data/ goes there): give it the shipped appsettings.json, as a deployment has.
    cp "$REPO/src/CampaignDesk.Api/appsettings.json" "$dir/"
    if [ "$1" = postgres ]; then
        PG_DB=bench_load_$$
        pg_admin "CREATE DATABASE $PG_DB"
        env=(Database__Provider=Postgres "Database__ConnectionString=$(printf '%s' "$PG" | tr ';' '\n' | grep -vi '^ *database *=' | paste -sd ';');Database=$PG_DB")
    fi
    (cd "$dir" && exec env "${env[@]}" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
        RateLimiting__TokenBurst=1000000 RateLimiting__TokenPerSecond=1000000 \
        dotnet "$DLL" --urls "$BASE" >"$dir/api.log" 2>&1) &
    API_PID=$!
    local waited=0
    until curl -sf "$BASE/health/ready" >/dev/null; do
        kill -0 "$API_PID" 2>/dev/null || { tail -n 20 "$dir/api.log" >&2; die "the API stopped"; }
        [ $((waited += 1)) -lt 600 ] || die "the API was not ready after 300 s"
        sleep 0.5
    done
    TOKEN=$(cat "$dir/data/admin-token")
}
stop_api() {
    kill -TERM "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=
}
api_json() { curl -sf -H "Authorization: Bearer $TOKEN" "$BASE$1"; }
db_scalar() {
    if [ "$1" = sqlite ]; then sqlite3 "$SCRATCH/sqlite/data/campaigndesk.db" "$2"; else pg_admin "$2" "$PG_DB"; fi
}

# ---- measuring ----------------------------------------------------------------------------------------------------
RESULTS=$SCRATCH/results.tsv
: >"$RESULTS"
# The API's CPU time so far, in clock ticks (user + system): per request, it does not depend on what else runs here.
api_ticks() { awk '{ print $14 + $15 }' "/proc/$API_PID/stat"; }
# wrk_run SECONDS SCRIPT PATH: prints "rps p50_ms p99_ms cpu_ms_per_request statuses".
wrk_run() {
    local out before after
    before=$(api_ticks)
    out=$(BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s "$2" "$BASE$3")
    after=$(api_ticks)
    printf '%s\n' "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
        /Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } / requests in / { n = $1 }
        /^statuses/ { $1 = ""; statuses = substr($0, 2) }
        /Socket errors/ { sub(/^ +/, ""); errors = $0 }
        END { printf "%.0f %.2f %.2f %.3f %s%s\n", rps, p50, p99, n ? ticks / hz * 1000 / n : 0, statuses == "" ? "-" : statuses,
              errors == "" ? "" : ", " errors }'
}
# measure ENGINE NAME SCRIPT PATH: a short warm-up, then the floor and the endpoint, one after the other.
measure() {
    local engine=$1 name=$2 script=$3 path=$4 floor result
    BENCH_IDS=${BENCH_IDS:-}-warmup wrk_run 3 "$script" "$path" >/dev/null
    floor=$(wrk_run "$DURATION" "$HERE/get.lua" /health/live)
    result=$(wrk_run "$DURATION" "$script" "$path")
    say "  $engine $name: $result (floor: $floor)"
    printf '%s\t%s\t%s\t%s\n' "$engine" "$name" "$result" "$floor" >>"$RESULTS"
}

say "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$REPO" rev-parse --short HEAD), ${DURATION} s runs, $CONNECTIONS connections, $THREADS wrk threads"
for engine in "${ENGINES[@]}"; do
    say "starting the API on $engine (first start seeds the directory)"
    start_api "$engine"
    official=$(api_json "/api/officials?q=chatelain&role=depute" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
    campaign=$(api_json "/api/campaigns" | python3 -c 'import json, sys; d = json.load(sys.stdin); print((d["items"] if isinstance(d, dict) else d)[0]["id"])')
    measure "$engine" "GET /api/officials?q=martin" "$HERE/get.lua" "/api/officials?q=martin"
    measure "$engine" "GET /api/officials/{id}" "$HERE/get.lua" "/api/officials/$official"
    measure "$engine" "GET /api/officials/{id}/timeline" "$HERE/get.lua" "/api/officials/$official/timeline"
    measure "$engine" "GET /api/campaigns/{id}/coverage?by=department" "$HERE/get.lua" "/api/campaigns/$campaign/coverage?by=department"

    export BENCH_CAMPAIGN=$campaign BENCH_IDS=$SCRATCH/$engine/ids
    BENCH_ORGANISATIONS=$(api_json "/api/campaigns/$campaign" | python3 -c 'import json, sys; print(",".join(map(str, json.load(sys.stdin)["organisationIds"])))')
    BENCH_OFFICIALS=$(api_json "/api/officials?role=depute&pageSize=100" | python3 -c 'import json, sys; print(",".join(str(o["id"]) for o in json.load(sys.stdin)["items"]))')
    export BENCH_ORGANISATIONS BENCH_OFFICIALS
    before=$(db_scalar "$engine" "SELECT COUNT(*) FROM interactions")
    measure "$engine" "POST /api/interactions" "$HERE/interactions.lua" "/api/interactions"
    acked_file=$SCRATCH/$engine/acked.txt
    # The warm-up's acknowledged ids count too: they are rows of this database as well.
    cat "$BENCH_IDS"-*.txt | grep -E '^[0-9]+$' | sort -n >"$acked_file"
    stop_api # every request has been answered or dropped: the counts below are final
    rows=$(( $(db_scalar "$engine" "SELECT COUNT(*) FROM interactions") - before ))
    if [ "$engine" = sqlite ]; then
        missing=$(sqlite3 "$SCRATCH/sqlite/data/campaigndesk.db" ".mode csv" "CREATE TEMP TABLE acked (id INTEGER)" ".import $acked_file acked" \
            "SELECT COUNT(*) FROM acked WHERE id NOT IN (SELECT id FROM interactions)")
    else
        missing=$(PGPASSWORD=$(pg_field password) psql -X -q -At -v ON_ERROR_STOP=1 -h "$(pg_field host server)" -p "$(pg_field port)" \
            -U "$(pg_field username userid user)" -d "$PG_DB" -c "CREATE TEMP TABLE acked (id bigint)" -c "\\copy acked FROM '$acked_file'" \
            -c "SELECT COUNT(*) FROM acked WHERE id NOT IN (SELECT id FROM interactions)")
    fi
    say "  $engine POST: $(wc -l <"$acked_file") acknowledged (201) ids written by wrk (warm-up included), $rows new rows in the database, $missing acknowledged ids missing"
    printf '%s\t%s\t%s\t%s\t%s\n' "$engine" "check" "$(wc -l <"$acked_file")" "$rows" "$missing" >>"$RESULTS"
    if [ "$engine" = postgres ]; then pg_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null; PG_DB=; fi
done

# ---- report -------------------------------------------------------------------------------------------------------
echo
echo "## load: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${DURATION} s per run, $CONNECTIONS connections"
echo
echo "| engine | request | req/s | p50 ms | p99 ms | API CPU ms/req | floor req/s | floor p99 ms | × floor req/s | statuses |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
awk -F'\t' '$2 != "check" { split($3, r, " "); split($4, f, " "); s = $3; sub(/^[^ ]+ [^ ]+ [^ ]+ [^ ]+ /, "", s)
    printf "| %s | %s | %d | %.1f | %.1f | %.2f | %d | %.1f | %.2f | %s |\n", $1, $2, r[1], r[2], r[3], r[4], f[1], f[3], f[1] ? r[1] / f[1] : 0, s }' "$RESULTS"
echo
awk -F'\t' '$2 == "check" { printf "%s: %d interactions acknowledged (201, warm-up included), %d new rows in the database, %d acknowledged ids missing%s\n",
    $1, $3, $4, $5, $5 == 0 ? " — none lost" : " — LOST WRITES" }' "$RESULTS"
