#!/usr/bin/env bash
# Rebuilds the shipped thresholds (src/ScaleDefense/Detection/thresholds.json): `scaledefense calibrate`
# per scaler family on the calibration photos of benign_photos.sh, merged into one table.
# Usage: tools/detection/calibrate_shipped.sh   (after ./build.sh --target=Build)
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=src/ScaleDefense.Cli/bin/Release/net10.0/scaledefense
photos=artifacts/benign
[ -d "$photos/calibration" ] || tools/detection/benign_photos.sh "$photos"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
families="opencv:nearest opencv:bilinear opencv:bicubic opencv:lanczos pillow:nearest tensorflow1:nearest tensorflow1:bilinear pytorch:nearest pytorch:bilinear"
for f in $families; do
  "$cli" calibrate --images "$photos/calibration" --library "${f%%:*}" --algorithm "${f##*:}" --size 48x48 \
      --fpr 0.01 --seed 1 --crops 12 --out "$tmp/${f/:/-}.json"
done
python3 tools/detection/merge_thresholds.py "$tmp"/*.json > src/ScaleDefense/Detection/thresholds.json
echo "wrote src/ScaleDefense/Detection/thresholds.json"
