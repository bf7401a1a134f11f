#!/usr/bin/env bash
# Install the map's third-party browser code from npm (web/package.json + package-lock.json)
# and copy the files `temoin serve` needs into src/temoin/web/static/vendor/ (git-ignored).
# Nothing is fetched from a CDN at run time; nothing third-party is committed.
# Idempotent: skips npm when the copied files match the lock file (FORCE=1 to redo).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WEB="$ROOT/web"
VENDOR="$ROOT/src/temoin/web/static/vendor"
STAMP="$VENDOR/.package-lock.sha256"

command -v npm >/dev/null 2>&1 || { echo "build-web-assets: npm not found (apt-get install -y npm)" >&2; exit 1; }
LOCK_SUM=$(sha256sum "$WEB/package-lock.json" | cut -d' ' -f1)
if [ "${FORCE:-0}" != 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_SUM" ]; then
    echo "build-web-assets: $VENDOR is up to date"
    exit 0
fi

(cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)

NM="$WEB/node_modules"
rm -rf "$VENDOR"
mkdir -p "$VENDOR/images" "$VENDOR/licenses"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$VENDOR/"
cp "$NM/leaflet/dist/images/"*.png "$VENDOR/images/"
cp "$NM/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$NM/leaflet.markercluster/dist/MarkerCluster.css" \
   "$NM/leaflet.markercluster/dist/MarkerCluster.Default.css" "$VENDOR/"
cp "$NM/topojson-client/dist/topojson-client.min.js" "$VENDOR/"
# Natural Earth 1:50m country outlines (public domain), as TopoJSON.
cp "$NM/world-atlas/countries-50m.json" "$VENDOR/countries-50m.json"
for pkg in leaflet leaflet.markercluster topojson-client world-atlas; do
    license=$(ls "$NM/$pkg"/*LICEN[CS]E* 2>/dev/null | head -n1 || true)
    [ -n "$license" ] && cp "$license" "$VENDOR/licenses/$pkg.txt"
done
echo "$LOCK_SUM" > "$STAMP"
echo "build-web-assets: copied into $VENDOR"
ls "$VENDOR"
