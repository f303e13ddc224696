#!/usr/bin/env bash
# Runs every benchmark and prints one table (figure, median, p95, baseline, ratio, target).
# `bash scripts/bench.sh --quick` for small sizes; `--markdown docs/performance.md` to update the document.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh" postgresql
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m bench "$@"
