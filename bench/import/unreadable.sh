#!/usr/bin/env bash
# Memory of a hostile import (#15): a file with a real header and 1,000,000 unreadable lines, imported by
# `CampaignDesk.Api import` (Release, fresh SQLite database). Prints the run's summary, its wall time and peak RSS, and
# whether the peak stays under 300 MB. The run must fail and change nothing; only Import:MaxStoredIssues issues are kept.
#
#   bash bench/import/unreadable.sh
#
# Environment:
#   BENCH_LINES     unreadable lines (default 1000000)
#   BENCH_TIMEOUT   seconds the import may take (default 600)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LINES=${BENCH_LINES:-1000000}
TIMEOUT=${BENCH_TIMEOUT:-600}
DLL=$REPO/src/CampaignDesk.Api/bin/Release/net10.0/CampaignDesk.Api.dll
HEADER_FROM=$REPO/src/CampaignDesk.Core/Seed/Data/officials/elus-deputes-dep-2025-10-07.csv

# shellcheck source=../lib.sh
source "$REPO/bench/lib.sh"
[ -x /usr/bin/time ] || install_debian time
command -v dotnet >/dev/null || die "the .NET 10 SDK is needed"

SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

say "building Release"
dotnet build "$REPO/src/CampaignDesk.Api" -c Release -nologo -v q -clp:ErrorsOnly >"$SCRATCH/build.log" 2>&1 \
    || { cat "$SCRATCH/build.log" >&2; die "build failed"; }

FILE=$SCRATCH/elus-deputes-dep-2026-03-01.csv
say "writing $LINES unreadable lines"
{ head -n 2 "$HEADER_FROM"; awk -v n="$LINES" 'BEGIN { for (i = 0; i < n; i++) print "\"ligne illisible;;;" }'; } >"$FILE"

say "importing $(du -h "$FILE" | cut -f1) file"
mkdir -p "$SCRATCH/app"
set +e
(cd "$SCRATCH/app" && Seed__Officials=false Seed__Campaign=false \
    timeout "$TIMEOUT" /usr/bin/time -f '%e %M' -o "$SCRATCH/time" dotnet "$DLL" import "$FILE" >"$SCRATCH/out" 2>"$SCRATCH/err")
status=$?
set -e
# The run's summary, without the start-up log lines.
grep -v -e '^info:' -e '^warn:' -e '^      ' "$SCRATCH/out" | head -n 8
# time(1) writes "Command exited with non-zero status N" first when the command fails.
read -r seconds kilobytes < <(tail -n 1 "$SCRATCH/time") || die "no measurement: $(cat "$SCRATCH/err")"
peak_mb=$((kilobytes / 1024))
printf 'unreadable lines: %s, exit code: %s (1 = the run failed, as it must), wall: %ss, peak RSS: %s MB\n' \
    "$LINES" "$status" "$seconds" "$peak_mb"
if [ "$peak_mb" -lt 300 ]; then echo "target peak < 300 MB: met"; else echo "target peak < 300 MB: MISSED"; fi
