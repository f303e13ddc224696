#!/usr/bin/env bash
# Starts the desktop app. With no workspace yet it opens the demo workspace (embedded central office included).
# Any arguments are passed on, e.g. `bash scripts/start.sh --lang en`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
exec "$VENV/bin/telefonaktion" "$@"
