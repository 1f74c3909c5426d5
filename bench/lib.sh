# What the bench scripts share (sourced, not run): timestamped messages, installing a missing Debian package, and
# reading the fields of an Npgsql connection string.

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }

install_debian() {
    say "installing Debian package $1"
    local sudo=()
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || die "$1 is missing and I am not root: apt-get install -y $1"
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get install -y -q "$1" >/dev/null 2>&1 \
        || { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get install -y -q "$1" >/dev/null; } \
        || die "could not install $1"
}

# The value of the first of the given keys in the Npgsql connection string $PG (keys are case- and space-insensitive).
pg_field() {
    local part key want IFS=';'
    for want in "$@"; do
        for part in $PG; do
            key=$(printf '%s' "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
            [ "$key" = "$want" ] && { printf '%s' "${part#*=}"; return 0; }
        done
    done
    return 0
}
