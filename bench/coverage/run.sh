#!/usr/bin/env bash
# Coverage benchmark: generates a national coalition (50,000 officials, 300 structures, 1,000,000 interactions,
# 100,000 positions) into a fresh database, starts the Release API on it, and times each coverage query and the gaps
# list through HTTP beside the same query run in-process through CoverageService (the floor). SQLite always;
# PostgreSQL too when CAMPAIGNDESK_BENCH_POSTGRES names a loopback server where a database may be created.
#
#   bash bench/coverage/run.sh
#
# Environment: CAMPAIGNDESK_BENCH_POSTGRES (Npgsql connection string), BENCH_REQUESTS (per query, default 200).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
REQUESTS=${BENCH_REQUESTS:-200}
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

dotnet build "$REPO/src/CampaignDesk.Api" -c Release -v quiet -nologo >/dev/null
dotnet build "$REPO/bench/coverage" -c Release -v quiet -nologo >/dev/null
API=$REPO/src/CampaignDesk.Api/bin/Release/net10.0/CampaignDesk.Api.dll
BENCH=$REPO/bench/coverage/bin/Release/net10.0/CoverageBench.dll

dotnet "$BENCH" --provider sqlite --connection "Data Source=$SCRATCH/coverage.db" --api "$API" --requests "$REQUESTS"
if [ -n "${CAMPAIGNDESK_BENCH_POSTGRES:-}" ]; then
    echo
    dotnet "$BENCH" --provider postgres --connection "$CAMPAIGNDESK_BENCH_POSTGRES" --api "$API" --requests "$REQUESTS"
fi
