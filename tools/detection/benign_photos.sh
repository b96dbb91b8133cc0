#!/usr/bin/env bash
# Lays out the benign photos of the detection calibration and evaluation, from two Debian packages:
#   calibration/  25 photos of opencv-doc's samples/data (the shipped thresholds are set on these)
#   heldback/     10 photos of python3-skimage's skimage/data that are not among samples/images,
#                 plus 5 opencv-doc photos kept out of calibration (the acceptance evaluation only)
# Licences: scikit-image's data files are public domain / CC0 or free to redistribute (see
# skimage/data/README in the package); OpenCV's sample data ships under the package's licence
# (debian/copyright of opencv-doc). Nothing is committed: the photos are fetched with apt-get.
# Usage: tools/detection/benign_photos.sh [OUT_DIR]   (default artifacts/benign)
set -euo pipefail
out="${1:-artifacts/benign}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download opencv-doc python3-skimage >/dev/null)
dpkg-deb -x "$work"/opencv-doc_*.deb "$work/ocv"
dpkg-deb -x "$work"/python3-skimage_*.deb "$work/sk"
ocv="$work/ocv/usr/share/doc/opencv-doc/examples/data"
sk="$work/sk/usr/lib/python3/dist-packages/skimage/data"
mkdir -p "$out/calibration" "$out/heldback"
for n in aero1.jpg aero3.jpg aloeL.jpg apple.jpg basketball1.png board.jpg butterfly.jpg cards.png chicky_512.png \
         ela_original.jpg graf1.png home.jpg leuvenA.jpg left01.jpg left05.jpg left09.jpg right03.jpg orange.jpg \
         rubberwhale1.png squirrel_cls.jpg starry_night.jpg stuff.jpg HappyFish.jpg licenseplate_motion.jpg box_in_scene.png; do
  cp "$ocv/$n" "$out/calibration/"
done
for n in fruits.jpg baboon.jpg building.jpg smarties.png messi5.jpg; do cp "$ocv/$n" "$out/heldback/"; done
for n in brick.png coins.png grass.png gravel.png hubble_deep_field.jpg ihc.png moon.png motorcycle_left.png retina.jpg cell.png; do
  cp "$sk/$n" "$out/heldback/"
done
echo "$(ls "$out/calibration" | wc -l) calibration and $(ls "$out/heldback" | wc -l) held-back photos in $out"
