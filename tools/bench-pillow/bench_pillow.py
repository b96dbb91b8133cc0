#!/usr/bin/python3
"""Pillow's Image.resize beside ScaleDefense's Pillow model, timed in one process on the same image.

Pillow (Debian's python3-pil, 9.4) is called as an application calls it: Image.resize(size, filter,
reducing_gap=None) on an "RGB" image, which computes its coefficients and allocates the result on
every call. The model is called through the C ABI with ctypes (sd_scaling_model_scale into a
preallocated buffer; the model, with its tables, is created once). Both run on the calling thread:
Pillow's resize is single-threaded and so is the model. Rounds alternate between the two so that
load changes hit both; a figure is the best call over all rounds. The "with create" column adds
sd_scaling_model_create/destroy to every call, which is what Pillow's per-call work corresponds to.
Every output is compared byte for byte with Pillow's.

Install (Debian 12): apt-get install -y python3-pil python3-numpy; build the library (./build.sh).
Run from the repository root, pinned to one core for stable figures:
    taskset -c 0 /usr/bin/python3 tools/bench-pillow/bench_pillow.py [--rounds 7] [--calls 5]
Exit status 1 when an output differs from Pillow's.
"""
import argparse
import ctypes
import os
import sys
import time

import numpy as np
import PIL
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIBRARY = os.path.join(ROOT, "artifacts", "native", "build", "native", "libscaledefense.so")
ABI_VERSION = 8
SD_LIBRARY_PILLOW = 2
SD_SAMPLE_UINT8 = 1

# ScaleDefense algorithm name -> (sd_algorithm, Pillow filter)
ALGORITHMS = {
    "bilinear": (2, Image.Resampling.BILINEAR),
    "bicubic": (3, Image.Resampling.BICUBIC),
    "lanczos": (5, Image.Resampling.LANCZOS),
    "box": (7, Image.Resampling.BOX),
    "hamming": (8, Image.Resampling.HAMMING),
}
SIZES = [((2048, 1536), (224, 224)), ((224, 224), (640, 640))]


class SdImage(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("stride", ctypes.c_int64), ("width", ctypes.c_int32),
                ("height", ctypes.c_int32), ("channels", ctypes.c_int32), ("sample_type", ctypes.c_int32)]


class SdParams(ctypes.Structure):  # sd_scaling_model_params (unchanged in ABI 8)
    _fields_ = [(n, ctypes.c_int32) for n in ("library", "algorithm", "source_width", "source_height", "target_width",
                                              "target_height", "antialias", "mipmap_mode")] + \
               [("cubic_b", ctypes.c_double), ("cubic_c", ctypes.c_double)] + \
               [(n, ctypes.c_int32) for n in ("opencv_build", "mlnet_resizing", "crop_anchor")]


def load_library(path):
    lib = ctypes.CDLL(path)
    lib.sd_last_error.restype = ctypes.c_char_p
    lib.sd_scaling_model_create.argtypes = [ctypes.POINTER(SdParams), ctypes.POINTER(ctypes.c_void_p)]
    lib.sd_scaling_model_destroy.argtypes = [ctypes.c_void_p]
    lib.sd_scaling_model_scale.argtypes = [ctypes.c_void_p, ctypes.POINTER(SdImage), ctypes.POINTER(SdImage)]
    if lib.sd_abi_version() != ABI_VERSION:
        sys.exit(f"{path} has ABI version {lib.sd_abi_version()}, this script speaks {ABI_VERSION}")
    return lib


class Ours:
    """The model of one case, its images wrapped once so a timed call is only the ABI call."""

    def __init__(self, lib, algorithm, pixels, target):
        height, width, channels = pixels.shape
        self.lib = lib
        self.params = SdParams(library=SD_LIBRARY_PILLOW, algorithm=algorithm, source_width=width,
                               source_height=height, target_width=target[0], target_height=target[1])
        self.model = ctypes.c_void_p()
        self.check(lib.sd_scaling_model_create(ctypes.byref(self.params), ctypes.byref(self.model)))
        self.output = np.zeros((target[1], target[0], channels), np.uint8)
        self.source = SdImage(pixels.ctypes.data, width * channels, width, height, channels, SD_SAMPLE_UINT8)
        self.target = SdImage(self.output.ctypes.data, target[0] * channels, target[0], target[1], channels,
                              SD_SAMPLE_UINT8)

    def check(self, status):
        if status != 0:
            sys.exit(f"ScaleDefense: status {status}: {self.lib.sd_last_error().decode()}")

    def scale(self):
        self.check(self.lib.sd_scaling_model_scale(self.model, ctypes.byref(self.source), ctypes.byref(self.target)))

    def create_and_scale(self):
        model = ctypes.c_void_p()
        self.check(self.lib.sd_scaling_model_create(ctypes.byref(self.params), ctypes.byref(model)))
        self.check(self.lib.sd_scaling_model_scale(model, ctypes.byref(self.source), ctypes.byref(self.target)))
        self.lib.sd_scaling_model_destroy(model)

    def close(self):
        self.lib.sd_scaling_model_destroy(self.model)


def best_of(call, calls):
    best = float("inf")
    for _ in range(calls):
        t0 = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="alternating rounds (default 7)")
    parser.add_argument("--calls", type=int, default=5, help="calls per contender per round (default 5)")
    parser.add_argument("--algorithms", default="bilinear,bicubic,lanczos", help="comma-separated: " + ",".join(ALGORITHMS))
    parser.add_argument("--library", default=LIBRARY, help="libscaledefense.so to time")
    args = parser.parse_args()
    lib = load_library(args.library)
    rng = np.random.default_rng(20261203)
    affinity = sorted(os.sched_getaffinity(0))
    print(f"Pillow {PIL.__version__}, {args.library}, CPUs {affinity}, best of {args.rounds} x {args.calls} calls")
    print("| source → target (RGB) | algorithm | Pillow | ours | ratio | with create | ratio | identical |")
    print("|---|---|---|---|---|---|---|---|")
    all_identical = True
    for source, target in SIZES:
        pixels = rng.integers(0, 256, (source[1], source[0], 3), dtype=np.uint8)
        image = Image.fromarray(pixels, "RGB")
        for name in args.algorithms.split(","):
            algorithm, pillow_filter = ALGORITHMS[name]
            ours = Ours(lib, algorithm, pixels, target)
            result = None

            def pillow():
                nonlocal result
                result = image.resize(target, pillow_filter, reducing_gap=None)

            t_pillow = t_ours = t_create = float("inf")
            for _ in range(args.rounds):
                t_pillow = min(t_pillow, best_of(pillow, args.calls))
                t_ours = min(t_ours, best_of(ours.scale, args.calls))
                t_create = min(t_create, best_of(ours.create_and_scale, args.calls))
            identical = np.array_equal(np.asarray(result), ours.output)
            all_identical &= identical
            ours.close()
            print(f"| {source[0]}×{source[1]} → {target[0]}×{target[1]} | {name} | {t_pillow * 1e3:.3f} ms "
                  f"| {t_ours * 1e3:.3f} ms | {t_ours / t_pillow:.2f} | {t_create * 1e3:.3f} ms "
                  f"| {t_create / t_pillow:.2f} | {'yes' if identical else 'NO'} |", flush=True)
    return 0 if all_identical else 1


if __name__ == "__main__":
    sys.exit(main())
