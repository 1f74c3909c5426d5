#!/usr/bin/env bash
# Dispatch benchmark: the follow-up outbox (FollowUpDispatcher + GraphMailTransport, Release build) against the Graph
# stub in the same process. (a) 10,000 due follow-ups, no limits: messages per second, and the outbox's overhead per
# message over the floor of the same sends made straight through the transport; (b) 20 mailboxes under Exchange-like
# limits scaled down to 30 per 6 s: achieved rate over allowed rate, and the stub's 429s. SQLite, and PostgreSQL when
# CAMPAIGNDESK_BENCH_POSTGRES is set. Everything listens on loopback only; every run has a time limit.
#
#   bash bench/dispatch/run.sh                       # arguments are passed on, e.g. --repeats 1 --messages 2000
#
# Environment:
#   CAMPAIGNDESK_BENCH_POSTGRES  Npgsql connection string to a loopback server where a database may be created
#                                (e.g. "Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres"); unset: skipped
#   BENCH_TIMEOUT   seconds one engine's run may take before it is stopped (default 900)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TIMEOUT=${BENCH_TIMEOUT:-900}
PG=${CAMPAIGNDESK_BENCH_POSTGRES:-}
DLL=$REPO/bench/dispatch/bin/Release/net10.0/DispatchBench.dll

# shellcheck source=../lib.sh
source "$REPO/bench/lib.sh"

command -v dotnet >/dev/null || die "the .NET 10 SDK is needed"
ENGINES=(sqlite)
if [ -n "$PG" ]; then
    host=$(printf '%s' "$PG" | tr ';' '\n' | awk -F= 'tolower($1) ~ /^ *(host|server) *$/ { print $2; exit }')
    case "${host:-localhost}" in
        127.0.0.1 | localhost | ::1 | /*) ENGINES+=(postgres) ;;
        *) die "CAMPAIGNDESK_BENCH_POSTGRES names host '$host': this benchmark only talks to a loopback server" ;;
    esac
else
    say "PostgreSQL: skipped (set CAMPAIGNDESK_BENCH_POSTGRES to a loopback server where a database may be created)"
fi

say "building Release"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$REPO/bench/dispatch/DispatchBench.csproj" -c Release -nologo -v q -clp:ErrorsOnly >"$log" 2>&1 \
    || { cat "$log" >&2; die "build failed"; }

say "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
status=0
for engine in "${ENGINES[@]}"; do
    say "running on $engine"
    connection=()
    [ "$engine" = postgres ] && connection=(--connection "$PG")
    timeout --kill-after=30 "$TIMEOUT" dotnet "$DLL" --provider "$engine" "${connection[@]}" "$@" || { say "$engine: failed or timed out"; status=1; }
done
exit $status
