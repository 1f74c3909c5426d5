#!/usr/bin/env bash
# Lints the OpenAPI document of the built API with Redocly's recommended rules (redocly.yaml); exits non-zero on any
# error. Starts nothing: the API's `openapi` command writes the document the API serves, without a database or a port.
# Needs `dotnet build` first; installs the linter from package-lock.json (npm ci) when it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
api="$root/src/CampaignDesk.Api/bin/Debug/net10.0/CampaignDesk.Api.dll"
[ -f "$api" ] || { echo "openapi-lint: build the solution first ($api is missing)" >&2; exit 1; }
if [ ! -x "$here/node_modules/.bin/redocly" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# In a scratch folder: the command builds the host, which must not touch the repository's data/ folder.
(cd "$out" && dotnet "$api" openapi "$out/v1.json" --Logging:LogLevel:Default=Warning)
cp "$out/v1.json" "$here/openapi.json"
cd "$here"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint openapi.json --config redocly.yaml --format=summary
