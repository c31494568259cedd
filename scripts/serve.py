#!/usr/bin/env python3
"""Development server for the site: www/ and seeds/ only, with CORS only on what the bookmarklet loads.

Layout (the same paths a static host publishing the repository would give):
  BASE                    -> redirect to BASE www/
  BASE www/...            -> www/            (the site, install.html, reader.html, inject.js, pkg/)
  BASE seeds/...          -> seeds/          (the sample articles: the site fetches ../seeds/ from www/)
Anything else (.git, scripts/, src/, a directory without index.html) is 404: no listings, no dotfiles.

Cross-origin headers: the bookmarklet runs on other sites and imports inject.js, its modules (js/), the engine
(pkg/) and the worker from here, so those answers carry `Access-Control-Allow-Origin: *`; pages, styles and the
seeds do not (no other site needs to read them). `.wasm` is served as `application/wasm` (streaming compilation).
As a static host does: gzip when the browser accepts it (the download budget of scripts/wasm.sh is in gzip bytes),
an ETag so that a second load of the engine (the worker's) is a 304, and the content-hashed files (the language
packs www/pkg/packs/<lang>.<sha8>.pack, the engine copy www/pkg/annotator_bg.<sha8>.wasm that the bookmarklet's
bundle loads) cached for a year without revalidation: Chromium gives a wasm module's compiled code back (code cache)
only for a response taken from its HTTP cache unrevalidated. Binds to 127.0.0.1 only.

Usage: scripts/serve.py PORT [--base /sub/path/]
  PORT 0 picks a free port. The first line printed is "serving http://127.0.0.1:PORT/BASE" (flushed), so a
  caller (the end-to-end tests) can read the address. --base serves everything under a sub-path, as a GitHub
  Pages project site is (https://user.github.io/repo/).
"""
import argparse
import functools
import gzip
import hashlib
import http.server
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
# The folders the site needs, by their first path segment under BASE.
SERVED = {"www": ROOT / "www", "seeds": ROOT / "seeds"}
# What the bookmarklet loads from other origins (paths under www/): its entry module, the worker, the modules
# they import and the engine.
CORS_FILES = {"inject.js", "worker.js"}
CORS_DIRS = ("js/", "pkg/")
# The engine copy named by its content (scripts/bundle.mjs).
CONTENT_HASHED_ENGINE = re.compile(r"annotator_bg\.[0-9a-f]{8}\.wasm")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".ts": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


@functools.lru_cache(maxsize=64)
def compressed(file, mtime_ns):
    """gzip -9 of a file, kept per (path, mtime)."""
    return gzip.compress(Path(file).read_bytes(), 9, mtime=0)


def resolve(base, url_path):
    """(file, cors) for a request path, or (None, False) when it is not something the site serves."""
    if not url_path.startswith(base):
        return None, False
    rel = posixpath.normpath(unquote(url_path[len(base):]))
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    if not parts or parts[0] not in SERVED or any(p.startswith(".") or p == ".." for p in parts):
        return None, False
    folder = SERVED[parts[0]]
    file = folder.joinpath(*parts[1:])
    if url_path.endswith("/") or file.is_dir():
        file = file / "index.html"
    try:
        file.resolve().relative_to(folder.resolve())
    except ValueError:
        return None, False  # a symlink out of the folder
    if not file.is_file():
        return None, False
    inner = "/".join(parts[1:])
    cors = parts[0] == "www" and (inner in CORS_FILES or inner.startswith(CORS_DIRS))
    return file, cors


class Handler(http.server.BaseHTTPRequestHandler):
    base = "/"

    def do_GET(self, head=False):
        path = urlsplit(self.path).path
        if path in (self.base, self.base.rstrip("/")):
            self.send_response(302)
            self.send_header("Location", self.base + "www/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        file, cors = resolve(self.base, path)
        if file is None:
            body = b"not found\n"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)
            return
        stat = file.stat()
        etag = '"%s"' % hashlib.sha1(f"{file}:{stat.st_mtime_ns}:{stat.st_size}".encode()).hexdigest()[:16]
        immutable = (file.suffix == ".pack" and file.parent.name == "packs") or CONTENT_HASHED_ENGINE.fullmatch(file.name)
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            body = b""
        else:
            self.send_response(200)
            body = compressed(str(file), stat.st_mtime_ns) if gzipped else file.read_bytes()
            self.send_header("Content-Type", TYPES.get(file.suffix, "application/octet-stream"))
            self.send_header("Content-Length", str(len(body)))
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
        self.send_header("ETag", etag)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        if cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET(head=True)

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser(description="Serve www/ and seeds/ for development.")
    ap.add_argument("port", type=int, nargs="?", default=8000)
    ap.add_argument("--base", default="/", help="URL path to serve under (default /)")
    ap.add_argument("--quiet", action="store_true", help="do not log requests")
    args = ap.parse_args()
    base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"
    handler = type("BoundHandler", (Handler,), {"base": base})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.quiet = args.quiet
    print(f"serving http://127.0.0.1:{server.server_address[1]}{base}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
