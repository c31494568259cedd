#!/usr/bin/env bash
# Builds the engine to WebAssembly and serves the site on localhost, installing what is missing first.
#   scripts/serve.sh [PORT]     (default 8000, or the next free port)
# Only www/ (the site, at /www/) and seeds/ (the sample articles it lists, at /seeds/) are served; cross-origin
# headers only on what the bookmarklet loads from other sites (scripts/serve.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/wasm.sh build
port=${1:-8000}
while ! python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', $port))" 2>/dev/null; do
  port=$((port + 1))
done
echo
echo "Serving article-annotator at  http://localhost:$port/www/   (Ctrl-C to stop)"
echo "Bookmarklet install page:     http://localhost:$port/www/install.html"
exec python3 scripts/serve.py "$port"
