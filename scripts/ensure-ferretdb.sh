#!/usr/bin/env bash
# Builds the dev/test database (FerretDB 1.24.2 embedded in scripts/ferretdb) once into .cache/.
# Needs Go; the first build downloads modules from the Go module proxy and takes about 2 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.cache/ferretdb-1.24.2"
[ -x "$bin" ] && exit 0
if ! command -v go >/dev/null 2>&1; then
  echo "ensure-ferretdb: Go is needed to build the dev database (or set MONGODB_URI to a MongoDB you run)." >&2
  exit 1
fi
echo "Building FerretDB 1.24.2 into .cache/ (first run only, ~2 minutes)..." >&2
mkdir -p "$root/.cache"
cd "$root/scripts/ferretdb"
go build -trimpath -o "$bin.tmp" .
mv "$bin.tmp" "$bin"
