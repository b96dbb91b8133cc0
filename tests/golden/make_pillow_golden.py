#!/usr/bin/python3
"""Golden outputs of Pillow's Image.resize (reducing_gap=None, default box) for ScaleDefense.

Install (Debian 12): apt-get install -y python3-pil python3-numpy
Run from the repository root:  /usr/bin/python3 tests/golden/make_pillow_golden.py
Writes tests/golden/pillow/pillow_resize.json. Deterministic (fixed seed).

Format: {"pillow": version, "numpy": version, "cases": [case, ...]} with each case
  name, mode ("L", "RGB" or "F"), channels, source [w, h], target [w, h],
  pixels   base64 of the source, row-major interleaved (uint8; float32 little-endian for "F"),
  outputs  {algorithm name: base64 of the result in the same encoding}.
Algorithm names are ScaleDefense's: Nearest, Box, Bilinear, Hamming, Bicubic, Lanczos.
"""
import base64
import json
import os

import numpy as np
import PIL
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "golden", "pillow", "pillow_resize.json")

FILTERS = {
    "Nearest": Image.Resampling.NEAREST,
    "Box": Image.Resampling.BOX,
    "Bilinear": Image.Resampling.BILINEAR,
    "Hamming": Image.Resampling.HAMMING,
    "Bicubic": Image.Resampling.BICUBIC,
    "Lanczos": Image.Resampling.LANCZOS,
}

# (source w, h) -> (target w, h): integer ratios 2..12 (odd ones included), non-integer and
# asymmetric ratios, 1-pixel axes, a single output, up-scaling, one axis unchanged, identity,
# and 64 -> 15 where Pillow's running-sum nearest index differs from the closed form.
SIZES = [
    ((24, 20), (12, 10)),
    ((36, 33), (12, 11)),
    ((35, 25), (7, 5)),
    ((48, 36), (4, 3)),
    ((37, 29), (10, 13)),
    ((29, 31), (11, 4)),
    ((1, 17), (1, 5)),
    ((17, 1), (6, 1)),
    ((1, 1), (3, 2)),
    ((9, 3), (1, 1)),
    ((13, 9), (26, 18)),
    ((7, 5), (23, 16)),
    ((2, 2), (5, 3)),
    ((40, 30), (40, 11)),
    ((21, 30), (9, 30)),
    ((25, 19), (25, 19)),
    ((64, 15), (15, 64)),
    ((30, 12), (8, 31)),
]


def b64(array):
    return base64.b64encode(np.ascontiguousarray(array).tobytes()).decode("ascii")


def case(name, mode, pixels, target):
    height, width = pixels.shape[:2]
    image = Image.fromarray(pixels, mode)
    outputs = {}
    for label, resample in FILTERS.items():
        result = np.asarray(image.resize(target, resample, reducing_gap=None))
        outputs[label] = b64(result.astype("<f4") if mode == "F" else result)
    return {
        "name": name,
        "mode": mode,
        "channels": 3 if mode == "RGB" else 1,
        "source": [width, height],
        "target": list(target),
        "pixels": b64(pixels.astype("<f4") if mode == "F" else pixels),
        "outputs": outputs,
    }


def main():
    rng = np.random.default_rng(20200812)
    cases = []
    for (sw, sh), target in SIZES:
        tag = f"{sw}x{sh}->{target[0]}x{target[1]}"
        cases.append(case("noise " + tag, "L", rng.integers(0, 256, (sh, sw), dtype=np.uint8), target))
        cases.append(case("noise " + tag, "RGB", rng.integers(0, 256, (sh, sw, 3), dtype=np.uint8), target))
        # Wide range with negatives: the float path has no clipping between the passes.
        floats = (rng.standard_normal((sh, sw)) * 300.0).astype(np.float32)
        cases.append(case("normal " + tag, "F", floats, target))
    # Saturated black/white blocks: negative lobes clip at 0 and 255 after the first pass.
    blocks = (rng.integers(0, 2, (40, 36)) * 255).astype(np.uint8)
    cases.append(case("saturated 36x40->11x13", "L", blocks, (11, 13)))
    cases.append(case("saturated 36x40->50x47", "L", blocks, (50, 47)))
    photo = Image.open(os.path.join(ROOT, "samples", "images", "chelsea.png")).convert("RGB")
    crop = np.asarray(photo.crop((120, 40, 216, 112)))  # 96 x 72, the cat's face
    cases.append(case("chelsea crop 96x72->23x17", "RGB", crop, (23, 17)))
    cases.append(case("chelsea crop 96x72->41x30", "L", np.asarray(Image.fromarray(crop).convert("L")), (41, 30)))
    cases.append(case("chelsea crop 96x72->23x17", "F", np.asarray(Image.fromarray(crop).convert("F")), (23, 17)))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"pillow": PIL.__version__, "numpy": np.__version__, "cases": cases}, f, indent=0)
        f.write("\n")
    print(f"{len(cases)} cases, Pillow {PIL.__version__} -> {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
