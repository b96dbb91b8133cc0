#!/usr/bin/python3
"""Golden fixtures for ScaleDefense's PyTorch model: torch.nn.functional.interpolate outputs.

Needs Debian's torch and numpy in the SYSTEM python (the pyenv python3 on PATH does not see them):
    apt-get install -y python3-torch python3-numpy
Run from the repository root:
    /usr/bin/python3 tests/golden/make_torch_golden.py
It rewrites tests/golden/pytorch/interpolate.json (deterministic: fixed seed, fixed case list).

Format (JSON): {"torch": version, "numpy": version, "cpu_capability": ..., "inputs": [...],
"cases": [...]}. Each input has channels, size [width, height] and "pixels"; each case has mode
(nearest, nearest-exact, bilinear, bicubic, area), antialias, input (index into inputs), target
[width, height] and "output". Pixels are base64 of little-endian float32 samples of an
interleaved (height, width, channels) image. Inputs are uniform floats in [0, 255) so the
tolerances in the tests are on the 0-255 scale.
"""
import base64
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

# (source (w, h), target (w, h), why)
SIZE_PAIRS = [
    ((24, 24), (8, 8), "odd integer ratio 3"),
    ((24, 18), (12, 9), "ratio 2"),
    ((30, 21), (20, 14), "ratio 1.5"),
    ((64, 64), (7, 7), "ratio 9.14"),
    ((48, 36), (4, 3), "ratio 12"),
    ((36, 12), (4, 4), "asymmetric 9 x 3"),
    ((2, 2), (1, 1), "2x2 to one pixel"),
    ((13, 17), (26, 34), "up-scaling 2 (ratio 0.5)"),
    ((7, 5), (16, 11), "non-integer up-scaling"),
    ((25, 20), (50, 9), "up in x, down in y"),
    ((20, 20), (20, 7), "width unchanged"),
    ((1, 9), (1, 4), "one-pixel width"),
    ((9, 1), (3, 1), "one-pixel height"),
    ((1, 1), (3, 2), "one pixel up-scaled"),
    ((10, 106), (10, 26), "nearest's float32 index rounding (106 -> 26)"),
    ((33, 29), (10, 12), "ratios 3.3 and 2.42"),
]
MODES = [("nearest", False), ("nearest-exact", False), ("bilinear", False), ("bilinear", True),
         ("bicubic", False), ("bicubic", True), ("area", False)]
CHANNELS = [1, 3]


def encode(array):
    return base64.b64encode(np.ascontiguousarray(array, dtype="<f4").tobytes()).decode("ascii")


def interpolate(image, target, mode, antialias):
    """image: (h, w, c) float32 -> (h', w', c) float32 via an NCHW tensor, as a user would call it."""
    tensor = torch.from_numpy(image).permute(2, 0, 1).unsqueeze(0).contiguous()
    size = (target[1], target[0])
    if mode in ("nearest", "nearest-exact", "area"):
        out = F.interpolate(tensor, size=size, mode=mode)
    else:
        out = F.interpolate(tensor, size=size, mode=mode, align_corners=False, antialias=antialias)
    return out[0].permute(1, 2, 0).contiguous().numpy()


def cpu_capability():
    """The vector ISA torch dispatched its CPU kernels to (its float32 rounding depends on it)."""
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage" in line:
            return line.split(":", 1)[1].strip()
    return "unknown"


def main():
    rng = np.random.default_rng(20240613)
    torch.set_num_threads(1)
    inputs, cases = [], []
    for source, target, why in SIZE_PAIRS:
        for channels in CHANNELS:
            image = (rng.random((source[1], source[0], channels)) * 255.0).astype(np.float32)
            inputs.append({"channels": channels, "size": list(source), "pixels": encode(image)})
            for mode, antialias in MODES:
                out = interpolate(image, target, mode, antialias)
                assert out.shape == (target[1], target[0], channels)
                cases.append({"mode": mode, "antialias": antialias, "input": len(inputs) - 1,
                              "target": list(target), "why": why, "output": encode(out)})
    fixture = {"torch": torch.__version__, "numpy": np.__version__, "cpu_capability": cpu_capability(),
               "inputs": inputs, "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pytorch", "interpolate.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii") as f:
        json.dump(fixture, f, indent=0, separators=(",", ":"))
        f.write("\n")
    print(f"{len(cases)} cases, torch {torch.__version__} ({fixture['cpu_capability']}) -> {path}")


if __name__ == "__main__":
    main()
