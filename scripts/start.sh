#!/usr/bin/env bash
# Starts the desktop app. With no workspace yet it opens the welcome screen (set up, prepare offline, or demo).
# Any arguments are passed on to the app, e.g. `bash scripts/start.sh --lang en` or `--data-dir DIR` or `--demo`.
set -euo pipefail
APP_ARGS=("$@")
set --  # `source` would hand our arguments to bootstrap.sh, which reads its own as extra system packages
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
exec "$VENV/bin/telefonaktion" "${APP_ARGS[@]}"
