#!/usr/bin/env bash
# Renders the HTML report of the test fixtures, opens it in headless chromium, and checks the
# screenshot (size, not blank, graph colours). The PNGs land in test-reports/ to look at.
#
# Needs Debian's chromium:  apt-get update && apt-get install -y chromium
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium is not installed: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi
npx jest test/report/html-screenshot --coverage=false
ls -l test-reports/report-*.png
