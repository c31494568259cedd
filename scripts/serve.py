#!/usr/bin/env python3
"""Static file server for the site: the repository root, with the headers the bookmarklet needs.

The bookmarklet runs on other origins and imports our ES modules and wasm from this one, so every response
carries `Access-Control-Allow-Origin: *`; `.wasm` is served as `application/wasm` (streaming compilation) and
`.mjs`/`.js` as JavaScript. Binds to 127.0.0.1 only.
Usage: scripts/serve.py PORT
"""
import http.server
import sys
from functools import partial
from pathlib import Path


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".txt": "text/plain; charset=utf-8",
    }

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    root = Path(__file__).resolve().parent.parent
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=str(root)))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
