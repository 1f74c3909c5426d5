#!/usr/bin/env bash
# Lists every package NuGet resolved, with its version, for every project of the repository (the solution's and the
# benches'), from each project's obj/project.assets.json, so that the next advisory check is a grep:
#   grep -i '^System.Drawing.Common ' artifacts/packages.txt
# Writes artifacts/packages.txt (one "id version" line per package, every project together, sorted and unique) and
# artifacts/packages-by-project.txt ("project id version [direct|transitive]"). Restores first unless --no-restore.
# Exits non-zero when a project has no assets file or when a package named in $DEPS_FORBIDDEN (space-separated ids,
# default System.Drawing.Common) is in any graph.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

restore=1
[ "${1:-}" = "--no-restore" ] && restore=0
forbidden=${DEPS_FORBIDDEN-System.Drawing.Common}
mkdir -p artifacts

mapfile -t projects < <(git ls-files '*.csproj' 2>/dev/null || find src tests bench -name '*.csproj')
[ "${#projects[@]}" -gt 0 ] || die "no project found"

by_project=artifacts/packages-by-project.txt
: >"$by_project"
for project in "${projects[@]}"; do
    [ "$restore" -eq 1 ] && { dotnet restore "$project" -v q >/dev/null || die "restore failed: $project"; }
    assets="$(dirname "$project")/obj/project.assets.json"
    [ -f "$assets" ] || die "$assets is missing (restore $project first)"
    python3 - "$project" "$assets" >>"$by_project" <<'PY'
import json, sys
project, path = sys.argv[1], sys.argv[2]
assets = json.load(open(path, encoding="utf-8"))
direct = {d.lower() for fw in assets.get("project", {}).get("frameworks", {}).values() for d in fw.get("dependencies", {})}
seen = set()
for target in assets.get("targets", {}).values():
    for key, lib in target.items():
        if lib.get("type") != "package":
            continue
        name, version = key.split("/", 1)
        if (name, version) in seen:
            continue
        seen.add((name, version))
        print(project, name, version, "direct" if name.lower() in direct else "transitive")
PY
done

sort -u -o "$by_project" "$by_project"
awk '{print $2, $3}' "$by_project" | sort -f -u >artifacts/packages.txt
say "$(wc -l <artifacts/packages.txt) packages over ${#projects[@]} projects in artifacts/packages.txt"

status=0
for id in $forbidden; do
    if grep -i -q "^$id " artifacts/packages.txt; then
        say "error: $id is resolved: $(grep -i " $id " "$by_project" | awk '{print $1 " " $3}' | tr '\n' ';')"
        status=1
    fi
done
exit $status
