#!/usr/bin/env bash
# Builds the one-folder desktop bundle into dist/telefonaktion/ with PyInstaller (packaging/telefonaktion.spec)
# and prints its size. Uses .venv (created by scripts/bootstrap.sh when missing); installs PyInstaller if missing.
#
#   bash packaging/build.sh            # build (PyInstaller's cache in build/ makes a rebuild faster)
#   bash packaging/build.sh --clean    # build from scratch
#
# Environment: TELEFONAKTION_PYTHON_BIN to use another Python than .venv/bin/python (the CI workflow does that on
# Windows, where the venv layout differs), DIST_DIR / WORK_DIR to build elsewhere.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PY="${TELEFONAKTION_PYTHON_BIN:-}"
if [ -z "$PY" ]; then
    if [ ! -x "$ROOT/.venv/bin/python" ]; then
        source "$ROOT/scripts/bootstrap.sh"
    fi
    PY="$ROOT/.venv/bin/python"
fi
if ! "$PY" -c 'import PyInstaller' >/dev/null 2>&1; then
    echo "== installing PyInstaller into $("$PY" -c 'import sys; print(sys.prefix)')"
    "$PY" -m pip install -q --disable-pip-version-check "pyinstaller>=6.5"
fi

DIST_DIR="${DIST_DIR:-$ROOT/dist}"
WORK_DIR="${WORK_DIR:-$ROOT/build/pyinstaller}"
EXTRA=()
if [ "${1:-}" = "--clean" ]; then
    EXTRA+=(--clean)
fi

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST_DIR" --workpath "$WORK_DIR" \
    ${EXTRA[@]+"${EXTRA[@]}"} packaging/telefonaktion.spec
end=$(date +%s)

BUNDLE="$DIST_DIR/telefonaktion"
"$PY" - "$BUNDLE" "$((end - start))" <<'EOF'
import os, sys
root, seconds = sys.argv[1], sys.argv[2]
total = files = 0
for d, _, names in os.walk(root):
    for n in names:
        p = os.path.join(d, n)
        if not os.path.islink(p):
            total += os.path.getsize(p)
            files += 1
print(f"== bundle: {root}")
print(f"== size: {total / 1e6:.1f} MB ({total / 2**20:.1f} MiB) in {files} files; built in {seconds} s")
EOF
