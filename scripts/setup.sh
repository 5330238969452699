#!/usr/bin/env bash
# Makes a fresh Debian/Ubuntu machine ready for actiplot: the system libraries node-canvas compiles
# against (installed only where missing), then `npm ci`, then the build. Idempotent and quiet when
# everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: node-canvas's build deps and poppler-utils
# (pdftoppm) for the tests that rasterize PDF output.
PKGS=(libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev pkg-config g++ poppler-utils chromium)
[ "${ACTIPLOT_BROWSER:-0}" = "1" ] && PKGS+=(chromium)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    if [ "$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "setup: need root to run: apt-get install -y ${missing[*]}" >&2; exit 1
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  if ! pkg-config --exists pixman-1 cairo pangocairo 2>/dev/null; then
    echo "setup: this is not a Debian/Ubuntu system; install cairo, pango, libjpeg, giflib and librsvg development" >&2
    echo "       packages yourself (macOS: brew install pkg-config cairo pango libpng jpeg giflib librsvg), then run npm ci && npm run build" >&2
    exit 1
  fi
fi

# npm ci only when the lock file changed since the last successful install here (or none happened).
stamp=node_modules/.actiplot-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -f node_modules/canvas/build/Release/canvas.node ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

npm run build --silent
