#!/usr/bin/env bash
# Renders an HTML report (the demo's or the evaluation's) in headless Chromium and saves a
# screenshot, to check that it displays and that its embedded images load. Installs Debian's
# chromium when missing and run as root.
#   tools/check-report.sh artifacts/demo/report.html artifacts/demo/report.png
set -euo pipefail
report=${1:?usage: tools/check-report.sh <report.html> <screenshot.png>}
shot=${2:?usage: tools/check-report.sh <report.html> <screenshot.png>}
[ -f "$report" ] || { echo "check-report: $report does not exist (run ./build.sh --target=Demo first)" >&2; exit 1; }
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "check-report: chromium is not installed (apt-get install chromium)" >&2; exit 1
  fi
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Flags: no sandbox as root, and no background networking (the machine's network is closed).
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1280,2400 \
  --screenshot="$(realpath -m "$shot")" "file://$(realpath "$report")" >/dev/null 2>&1
[ -s "$shot" ] || { echo "check-report: chromium wrote no screenshot" >&2; exit 1; }
# Every <img> must be an embedded data URI, so the page is self-contained.
images=$(grep -o '<img ' "$report" | wc -l)
embedded=$(grep -o 'src="data:image/png;base64,' "$report" | wc -l)
echo "check-report: $shot written; $embedded of $images images embedded"
[ "$images" -eq "$embedded" ] && [ "$images" -gt 0 ]
