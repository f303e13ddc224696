#!/usr/bin/env bash
# Shared set-up for scripts/start.sh and scripts/test.sh:
# system libraries for Qt (as root on Debian/Ubuntu), a virtual environment at .venv, the project installed editable.
# Usage: source scripts/bootstrap.sh [extra-system-packages...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

QT_DEB_PACKAGES="libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 fonts-dejavu-core \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1"
EXTRA_DEB_PACKAGES=""
for arg in "$@"; do
    case "$arg" in
        -*) echo "bootstrap.sh: '$arg' is not a system package (start.sh passes app options on itself)" >&2 ;;
        *) EXTRA_DEB_PACKAGES="$EXTRA_DEB_PACKAGES $arg" ;;
    esac
done

install_system_packages() {
    local wanted="$QT_DEB_PACKAGES $EXTRA_DEB_PACKAGES" missing=""
    command -v dpkg-query >/dev/null 2>&1 || return 0
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing system packages:$missing"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "== missing system packages. Please run:"
        echo "   sudo apt-get install -y$missing"
    fi
}

pick_python() {
    # Python >= 3.12 preferred (PySide6 6.12.0 is broken on 3.11; pyproject excludes that pair anyway).
    local c
    for c in "${TELEFONAKTION_PYTHON:-}" python3.13 python3.12 \
             "$HOME"/.pyenv/versions/3.13*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3 python3; do
        [ -n "$c" ] || continue
        if "$c" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1; then
            echo "$c"; return 0
        fi
    done
    echo "No Python >= 3.11 found" >&2; return 1
}

install_system_packages
if [ ! -x "$VENV/bin/python" ]; then
    PY="$(pick_python)"
    echo "== creating $VENV with $("$PY" --version)"
    "$PY" -m venv "$VENV"
fi
STAMP="$VENV/.installed-$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
if [ ! -f "$STAMP" ]; then
    echo "== installing the project and its dependencies into .venv"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[test]"
    rm -f "$VENV"/.installed-*
    touch "$STAMP"
fi
