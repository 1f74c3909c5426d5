#!/usr/bin/env bash
# Import benchmark: times `CampaignDesk.Api import` (Release build, fresh database each run) on the real RNE files
# shipped in the repository and on a generated 1,000,000-row conseillers municipaux file, on SQLite and, when
# CAMPAIGNDESK_BENCH_POSTGRES is set, PostgreSQL; and the floor: the sqlite3 shell's .import of the same files into a
# bare table. Prints medians, rows/s, peak RSS and the ratio to the floor, and checks the targets of the issue.
# Everything runs locally (the PostgreSQL server, if any, must be on loopback); every run has a time limit.
#
#   bash bench/import/run.sh
#
# Environment:
#   CAMPAIGNDESK_BENCH_POSTGRES  Npgsql connection string to a loopback server where a database may be created
#                                (e.g. "Host=127.0.0.1;Port=5455;Username=postgres;Database=postgres"); unset: skipped
#   BENCH_ROWS      rows of the generated file (default 1000000)
#   BENCH_REPEATS   runs per measurement, the median is reported (default 3)
#   BENCH_BIG_REPEATS  runs of the generated file (default BENCH_REPEATS; 1 when a run takes minutes)
#   BENCH_TIMEOUT   seconds one run may take before it is stopped and reported as such (default 1800)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RESULTS=$REPO/bench/results
ROWS=${BENCH_ROWS:-1000000}
REPEATS=${BENCH_REPEATS:-3}
BIG_REPEATS=${BENCH_BIG_REPEATS:-$REPEATS}
TIMEOUT=${BENCH_TIMEOUT:-1800}
PG=${CAMPAIGNDESK_BENCH_POSTGRES:-}
DLL=$REPO/src/CampaignDesk.Api/bin/Release/net10.0/CampaignDesk.Api.dll
BIG=$RESULTS/elus-cm-bench-${ROWS}rows-2026-04-24.csv
REAL=("$REPO"/src/CampaignDesk.Core/Seed/Data/officials/*.csv)

# shellcheck source=../lib.sh
source "$REPO/bench/lib.sh"

# ---- tools --------------------------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || install_debian time
command -v sqlite3 >/dev/null || install_debian sqlite3
command -v python3 >/dev/null || die "python3 is needed to generate the 1M-row file"
command -v dotnet >/dev/null || die "the .NET 10 SDK is needed"

mkdir -p "$RESULTS"
SCRATCH=$(mktemp -d "$RESULTS/run.XXXXXX")
PG_DATABASES=()
cleanup() {
    local db
    for db in "${PG_DATABASES[@]}"; do pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
    rm -rf "$SCRATCH"
}
trap cleanup EXIT

# ---- PostgreSQL connection ----------------------------------------------------------------------------------------
pg_admin() {
    PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGPASSWORD=$PG_PASSWORD \
        psql -X -q -At -v ON_ERROR_STOP=1 -d "$PG_ADMIN_DB" -c "$1"
}
ENGINES=(sqlite)
if [ -n "$PG" ]; then
    PG_HOST=$(pg_field host server); PG_PORT=$(pg_field port); PG_PORT=${PG_PORT:-5432}
    PG_USER=$(pg_field username 'userid' user); PG_PASSWORD=$(pg_field password)
    PG_ADMIN_DB=$(pg_field database); PG_ADMIN_DB=${PG_ADMIN_DB:-postgres}
    case "${PG_HOST:-localhost}" in
        127.0.0.1 | localhost | ::1 | /*) ;;
        *) die "CAMPAIGNDESK_BENCH_POSTGRES names host '$PG_HOST': this benchmark only talks to a loopback server" ;;
    esac
    command -v psql >/dev/null || install_debian postgresql-client
    pg_admin "SELECT 1" >/dev/null || die "cannot connect to PostgreSQL with CAMPAIGNDESK_BENCH_POSTGRES"
    ENGINES+=(postgres)
else
    say "PostgreSQL: skipped (set CAMPAIGNDESK_BENCH_POSTGRES to a loopback server where a database may be created)"
fi

# ---- build and data -----------------------------------------------------------------------------------------------
say "building Release"
dotnet build "$REPO/src/CampaignDesk.Api" -c Release -nologo -v q -clp:ErrorsOnly >"$SCRATCH/build.log" 2>&1 \
    || { cat "$SCRATCH/build.log" >&2; die "build failed"; }
if [ ! -f "$BIG" ]; then
    say "generating $BIG"
    python3 "$REPO/bench/import/generate.py" -n "$ROWS" -o "$BIG"
fi
EMPTY=$SCRATCH/elus-cm-header-only-2026-04-24.csv
head -n 1 "$BIG" >"$EMPTY"

# Data rows of the given files (a line per row, no quoted newlines in RNE files; a last line without \n counts).
data_rows() { local f n=0; for f in "$@"; do n=$((n + $(awk 'END { print NR - 1 }' "$f"))); done; echo "$n"; }

# ---- measuring ----------------------------------------------------------------------------------------------------
# timed LOG CMD...: runs CMD (time-limited) with its output in LOG; prints "seconds peak_kB", or "timeout"/"failed".
timed() {
    local log=$1 tf=$SCRATCH/time.$RANDOM rc=0
    shift
    timeout --kill-after=30 "$TIMEOUT" /usr/bin/time -f '%e %M' -o "$tf" "$@" >"$log" 2>&1 || rc=$?
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then echo timeout
    elif [ "$rc" != 0 ] || [ ! -s "$tf" ]; then echo failed
    else tail -n 1 "$tf"; fi
}

# import ENGINE RUNDIR FILE...: one import of the files into a fresh database.
import_once() {
    local engine=$1 dir=$2
    shift 2
    mkdir -p "$dir"
    if [ "$engine" = sqlite ]; then
        (cd "$dir" && timed "$dir/out.log" env -u Database__ConnectionString Database__Provider=Sqlite Seed__Officials=false \
            dotnet "$DLL" import "$@")
    else
        local db=bench_import_$$_$RANDOM
        pg_admin "CREATE DATABASE $db" || die "cannot create database $db"
        PG_DATABASES+=("$db")
        local conn
        conn=$(printf '%s' "$PG" | tr ';' '\n' | grep -vi '^ *database *=' | paste -sd ';')";Database=$db"
        (cd "$dir" && timed "$dir/out.log" env Database__Provider=Postgres Database__ConnectionString="$conn" Seed__Officials=false \
            dotnet "$DLL" import "$@")
        pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
    fi
    rm -rf "$dir/data"
}

# floor RUNDIR FILE...: sqlite3's own CSV import of each file into a bare table of a fresh database file.
floor_once() {
    local dir=$1 i=0 f
    shift
    mkdir -p "$dir"
    { echo ".mode csv"; echo ".separator ;"; for f in "$@"; do i=$((i + 1)); echo ".import '$f' t$i"; done; } >"$dir/import.sql"
    timed "$dir/out.log" sqlite3 -bail "$dir/floor.db" ".read '$dir/import.sql'"
    rm -f "$dir/floor.db"
}

# Median of the seconds and largest peak of "seconds peak_kB" lines; "timeout"/"failed" when any run was.
summarise() {
    awk '$1 == "timeout" || $1 == "failed" { bad = $1 } NF == 2 { s[n++] = $1; if ($2 > m) m = $2 }
         END { if (bad != "" || n == 0) { print (bad == "" ? "failed" : bad); exit }
               for (i = 1; i < n; i++) for (j = i; j > 0 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
               print (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2), m }'
}

TABLE=$SCRATCH/table.tsv
: >"$TABLE"
# measure REPEATS NAME ROWS ENGINE COMMAND-FUNCTION FILE...
measure() {
    local repeats=$1 name=$2 rows=$3 engine=$4 fn=$5 r result runs=""
    shift 5
    for r in $(seq 1 "$repeats"); do
        local dir=$SCRATCH/$engine-$r-$RANDOM
        result=$($fn "$engine" "$dir" "$@")
        runs+="$result"$'\n'
        local detail=""
        [ -f "$dir/out.log" ] && detail=$({ grep -Eo 'officials added [0-9]+' "$dir/out.log" || true; } | awk '{ n += $3 } END { if (NR) print "officials added " n }')
        say "  $name on $engine, run $r/$repeats: $result${detail:+ ($detail)}"
        if [ "$result" = timeout ] || [ "$result" = failed ]; then
            [ "$result" = failed ] && tail -n 20 "$dir/out.log" >&2
            break
        fi
    done
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rows" "$engine" "$(printf '%s' "$runs" | summarise)" "$r" >>"$TABLE"
}
floor_fn() { shift; floor_once "$@"; }

REAL_ROWS=$(data_rows "${REAL[@]}")
REAL_NAME="real RNE (${#REAL[@]} files)"
BIG_NAME=$(basename "$BIG")
say "datasets: $REAL_NAME, $REAL_ROWS rows; $BIG_NAME, $ROWS rows; runs of $REPEATS ($BIG_REPEATS for the generated file), limit ${TIMEOUT}s each"
measure "$REPEATS" "header only (start-up)" 0 sqlite3-floor floor_fn "$EMPTY"
measure "$REPEATS" "$REAL_NAME" "$REAL_ROWS" sqlite3-floor floor_fn "${REAL[@]}"
measure "$REPEATS" "$BIG_NAME" "$ROWS" sqlite3-floor floor_fn "$BIG"
for engine in "${ENGINES[@]}"; do
    say "$engine"
    measure "$REPEATS" "header only (start-up)" 0 "$engine" import_once "$EMPTY"
    measure "$REPEATS" "$REAL_NAME" "$REAL_ROWS" "$engine" import_once "${REAL[@]}"
    measure "$BIG_REPEATS" "$BIG_NAME" "$ROWS" "$engine" import_once "$BIG"
done

# ---- report -------------------------------------------------------------------------------------------------------
REPORT=$RESULTS/latest.md
{
    echo "Import benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), $(free -h | awk '/^Mem:/ { print $2 " RAM, " $7 " available" }')"
    echo "Median of the runs (wall time, fresh database each run, process start-up included); peak = largest max RSS."
    echo
    echo "| file | rows | engine | runs | median s | rows/s | peak MB | × sqlite3 floor |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|"
    awk -F'\t' '
        function th(x,   t) { x = sprintf("%d", x); t = ""; while (length(x) > 3) { t = "," substr(x, length(x) - 2) t; x = substr(x, 1, length(x) - 3) }; return x t }
        { name[NR] = $1; rows[NR] = $2; engine[NR] = $3; runs[NR] = $5; split($4, v, " "); secs[NR] = v[1]; kb[NR] = v[2]
          if ($3 == "sqlite3-floor") floor[$1] = v[1] }
        END {
            for (i = 1; i <= NR; i++) {
                ok = secs[i] ~ /^[0-9.]+$/
                rate = ok && secs[i] > 0 && rows[i] > 0 ? th(rows[i] / secs[i]) : "–"
                ratio = ok && rows[i] > 0 && floor[name[i]] > 0 ? sprintf("%.1f", secs[i] / floor[name[i]]) : "–"
                printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", name[i], th(rows[i]), engine[i], runs[i],
                    ok ? sprintf("%.2f", secs[i]) : secs[i], rate, ok ? sprintf("%.0f", kb[i] / 1024) : "–", ratio
            }
        }' "$TABLE"
    echo
    awk -F'\t' '$1 ~ /^header only/ && $3 != "sqlite3-floor" && $4 ~ /^[0-9]/ { split($4, v, " "); printf "%sStart-up on %s (migrations, territories, organisations seed, no rows): %.2f s", (n++ ? "; " : ""), $3, v[1] }
                 END { if (n) print ", included in every import above." }' "$TABLE"
    echo
    big=$(awk -F'\t' -v n="$BIG_NAME" '$1 == n && $3 == "sqlite" { print $4 }' "$TABLE")
    secs=${big% *}; kb=${big#* }
    if [[ "$secs" =~ ^[0-9.]+$ ]]; then
        awk -v s="$secs" -v kb="$kb" -v rows="$ROWS" 'BEGIN {
            printf "Target: the %d-row file in under 20 s on SQLite: %.2f s, %s\n", rows, s, (s < 20 ? "holds" : "does NOT hold")
            printf "Target: peak memory under 300 MB on that import: %.0f MB, %s\n", kb / 1024, (kb / 1024 < 300 ? "holds" : "does NOT hold") }'
        [ "$ROWS" = 1000000 ] || echo "(the targets are stated for 1,000,000 rows; this run used $ROWS)"
    else
        echo "Targets (1M rows under 20 s, peak under 300 MB, SQLite): not measured, the import $big"
    fi
} | tee "$REPORT"
say "report written to ${REPORT#"$REPO"/}"
