#!/usr/bin/env bash
# Runs the whole test suite headless (Qt offscreen, a throwaway PostgreSQL started by the tests).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k queue`; `-n 0` runs in one process.
# The suite runs in two worker processes (pytest-xdist, a test file per worker at a time: its module
# fixtures are set up once), as many as the CI machine has cores; TELEFONAKTION_TEST_WORKERS sets another number.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh" postgresql chromium
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
set +e
"$VENV/bin/python" -m pytest -n "${TELEFONAKTION_TEST_WORKERS:-2}" --dist loadfile --durations=15 "$@"
rc=$?
set -e
if [ "$rc" = "5" ]; then
    echo "pytest collected no tests: that is a failure" >&2
    exit 1
fi
exit "$rc"
