#!/usr/bin/python3
"""Ad-hoc check (not run by the test suite): the native PyTorch model against live torch on
random size pairs, through the C ABI. Prints max |diff| and the share of samples that are not
bit-identical per mode.

Needs: apt-get install -y python3-torch python3-numpy, and a built library
(./build.sh once). Run from the repository root:
    /usr/bin/python3 tests/golden/pytorch/compare_random_sizes.py [pairs=400] [seed=7]
"""
import ctypes
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

LIBRARY = os.path.join("artifacts", "native", "build", "native", "libscaledefense.so")
ALGORITHMS = {"nearest": 1, "bilinear": 2, "bicubic": 3, "area": 4, "nearest-exact": 6}  # sd_algorithm
MODES = [("nearest", False), ("nearest-exact", False), ("bilinear", False), ("bilinear", True),
         ("bicubic", False), ("bicubic", True), ("area", False)]


class Image(ctypes.Structure):  # sd_image
    _fields_ = [("data", ctypes.c_void_p), ("stride", ctypes.c_int64), ("width", ctypes.c_int32),
                ("height", ctypes.c_int32), ("channels", ctypes.c_int32), ("sample_type", ctypes.c_int32)]


class Params(ctypes.Structure):  # sd_scaling_model_params
    _fields_ = [("library", ctypes.c_int32), ("algorithm", ctypes.c_int32), ("source_width", ctypes.c_int32),
                ("source_height", ctypes.c_int32), ("target_width", ctypes.c_int32),
                ("target_height", ctypes.c_int32), ("antialias", ctypes.c_int32)]


def scale(lib, image, target, mode, antialias):
    h, w, c = image.shape
    model = ctypes.c_void_p()
    params = Params(5, ALGORITHMS[mode], w, h, target[0], target[1], int(antialias))  # 5 = SD_LIBRARY_PYTORCH
    assert lib.sd_scaling_model_create(ctypes.byref(params), ctypes.byref(model)) == 0
    out = np.zeros((target[1], target[0], c), np.float32)
    source = Image(image.ctypes.data, w * c * 4, w, h, c, 2)  # 2 = SD_SAMPLE_FLOAT32
    destination = Image(out.ctypes.data, target[0] * c * 4, target[0], target[1], c, 2)
    try:
        assert lib.sd_scaling_model_scale(model, ctypes.byref(source), ctypes.byref(destination)) == 0
    finally:
        lib.sd_scaling_model_destroy(model)
    return out


def random_axis(rng):
    """An output length 1..39 and an input from x8 up-scaling to 1/12 down-scaling."""
    m = int(rng.integers(1, 40))
    ratio = rng.choice([rng.uniform(1 / 8, 1), rng.uniform(1, 12), float(rng.integers(1, 13))])
    return max(1, int(round(m * ratio))), m


def main():
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    lib = ctypes.CDLL(LIBRARY)
    torch.set_num_threads(1)
    stats = {}
    for _ in range(pairs):
        (sw, tw), (sh, th) = random_axis(rng), random_axis(rng)
        if rng.random() < 0.1:
            th = sh
        channels = int(rng.choice([1, 3]))
        image = (rng.random((sh, sw, channels)) * 255).astype(np.float32)
        tensor = torch.from_numpy(image).permute(2, 0, 1)[None].contiguous()
        for mode, antialias in MODES:
            extra = {} if mode in ("nearest", "nearest-exact", "area") else {"align_corners": False, "antialias": antialias}
            expected = F.interpolate(tensor, size=(th, tw), mode=mode, **extra)[0].permute(1, 2, 0).numpy()
            actual = scale(lib, image, (tw, th), mode, antialias)
            s = stats.setdefault(mode + ("-aa" if antialias else ""), [0.0, 0, 0])
            s[0] = max(s[0], float(np.abs(actual - expected).max()))
            s[1] += int((actual != expected).sum())
            s[2] += actual.size
    print(f"torch {torch.__version__}, {pairs} random size pairs")
    for kind, (worst, off, total) in stats.items():
        print(f"{kind}: max |diff| {worst:.3g}, {off} of {total} samples not bit-identical ({100 * off / total:.2f} %)")


if __name__ == "__main__":
    main()
