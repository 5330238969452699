#!/usr/bin/env bash
# Makes a fresh Debian/Ubuntu machine ready for actiplot: the system libraries node-canvas compiles
# against (installed only where missing), then `npm ci`, then the build. Idempotent and quiet when
# everything is already there.
#
#   scripts/setup.sh          what users need (npm run setup)
#   scripts/setup.sh --test   the extra packages only the tests need (npm test runs it first)
#   add --list                print the Debian packages that would be checked, and do nothing
set -euo pipefail
cd "$(dirname "$0")/.."

# Users: node-canvas's build deps (the fonts ship with the npm package).
# Tests only: poppler-utils (pdftoppm rasterizes PDF output) and chromium (the gallery test's browser).
USER_PKGS=(libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev pkg-config g++)
TEST_PKGS=(poppler-utils chromium)
mode=user
list=0
for arg in "$@"; do
  case "$arg" in
    --test) mode=test ;;
    --list) list=1 ;;
    *) echo "setup: unknown option $arg (use --test, --list)" >&2; exit 2 ;;
  esac
done
if [ "$mode" = test ]; then PKGS=("${TEST_PKGS[@]}"); else PKGS=("${USER_PKGS[@]}"); fi
# A browser given with ACTIPLOT_CHROMIUM (the gallery test's override) stands in for Debian's chromium.
if [ "$mode" = test ] && [ -n "${ACTIPLOT_CHROMIUM:-}" ] && [ -x "${ACTIPLOT_CHROMIUM}" ]; then PKGS=(poppler-utils); fi
if [ "$list" = 1 ]; then echo "${PKGS[*]}"; exit 0; fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}$([ "$mode" = test ] && echo " (for the tests)")"
    if [ "$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "setup: need root to run: apt-get install -y ${missing[*]}" >&2; exit 1
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
elif [ "$mode" = user ]; then
  if ! pkg-config --exists pixman-1 cairo pangocairo 2>/dev/null; then
    echo "setup: this is not a Debian/Ubuntu system; install cairo, pango, libjpeg, giflib and librsvg development" >&2
    echo "       packages yourself (macOS: brew install pkg-config cairo pango libpng jpeg giflib librsvg), then run npm ci && npm run build" >&2
    exit 1
  fi
fi

# The tests' packages are all; npm ci and the build are the user set-up's.
[ "$mode" = test ] && exit 0

# npm ci only when the lock file changed since the last successful install here (or none happened).
stamp=node_modules/.actiplot-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -f node_modules/canvas/build/Release/canvas.node ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

npm run build --silent
