#!/usr/bin/python3
"""Ad-hoc check (not run by the test suite): the native Pillow model against live Pillow on
random size pairs (ratios 0.07-40, modes L, RGB and F, all six filters), through the C ABI.
Prints how many calls and samples differ.

Needs: apt-get install -y python3-pil python3-numpy, and a built library (./build.sh once).
Run from the repository root:
    /usr/bin/python3 tests/golden/pillow/compare_random_sizes.py [seed=1] [pairs=300]
"""
import ctypes, os, sys
import numpy as np
from PIL import Image
lib = ctypes.CDLL(os.path.join("artifacts", "native", "build", "native", "libscaledefense.so"))
lib.sd_last_error.restype = ctypes.c_char_p
class Img(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("stride", ctypes.c_int64), ("width", ctypes.c_int32), ("height", ctypes.c_int32), ("channels", ctypes.c_int32), ("sample_type", ctypes.c_int32)]
class Params(ctypes.Structure):  # sd_scaling_model_params, ABI 7
    _fields_ = [(n, ctypes.c_int32) for n in ("library", "algorithm", "sw", "sh", "tw", "th", "antialias", "mipmap_mode")] + \
        [("cubic_b", ctypes.c_double), ("cubic_c", ctypes.c_double)] + \
        [(n, ctypes.c_int32) for n in ("opencv_build", "mlnet_resizing", "crop_anchor")]
ALG = {"NEAREST": (1, 0), "BOX": (7, 4), "BILINEAR": (2, 2), "HAMMING": (8, 5), "BICUBIC": (3, 3), "LANCZOS": (5, 1)}
def run(alg, src, tw, th, f32):
    h, w = src.shape[:2]; c = 1 if src.ndim == 2 else src.shape[2]
    p = Params(2, ALG[alg][0], w, h, tw, th, 0); m = ctypes.c_void_p()
    assert lib.sd_scaling_model_create(ctypes.byref(p), ctypes.byref(m)) == 0, lib.sd_last_error
    out = np.zeros((th, tw) + (() if c == 1 else (c,)), dtype=src.dtype)
    es = src.itemsize
    s = Img(src.ctypes.data, w * c * es, w, h, c, 2 if f32 else 1)
    d = Img(out.ctypes.data, tw * c * es, tw, th, c, 2 if f32 else 1)
    assert lib.sd_scaling_model_scale(m, ctypes.byref(s), ctypes.byref(d)) == 0
    lib.sd_scaling_model_destroy(m)
    return out
rng = np.random.default_rng(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
calls = bad_calls = bad_px = total_px = 0
maxdiff = 0.0
for it in range(int(sys.argv[2]) if len(sys.argv) > 2 else 300):
    sw, sh = rng.integers(1, 90, 2)
    r = rng.choice([0.07, 0.3, 0.5, 0.77, 1, 1.5, 2, 3, 5, 7, 11, 12, 3.3, 6.7, 20, 40])
    tw = max(1, int(round(sw / (r if rng.random() < .8 else rng.uniform(0.1, 13)))))
    th = max(1, int(round(sh / (r if rng.random() < .6 else rng.uniform(0.1, 13)))))
    if rng.random() < 0.1: th = sh
    if rng.random() < 0.1: tw = sw
    tw, th = min(tw, 400), min(th, 400)
    for mode in ("L", "RGB", "F"):
        if mode == "F":
            a = (rng.standard_normal((sh, sw)) * rng.choice([1, 300, 1e5])).astype(np.float32)
        elif mode == "L":
            a = rng.integers(0, 256, (sh, sw), dtype=np.uint8)
            if rng.random() < 0.3: a = (a > 127).astype(np.uint8) * 255
        else:
            a = rng.integers(0, 256, (sh, sw, 3), dtype=np.uint8)
        im = Image.fromarray(a, mode)
        for alg in ALG:
            want = np.asarray(im.resize((int(tw), int(th)), ALG[alg][1], reducing_gap=None))
            got = run(alg, np.ascontiguousarray(a), int(tw), int(th), mode == "F")
            calls += 1; total_px += want.size
            if mode == "F":
                ne = want.view(np.uint32) != got.view(np.uint32)
            else:
                ne = want != got
            if ne.any():
                bad_calls += 1; bad_px += int(ne.sum())
                maxdiff = max(maxdiff, float(np.abs(want.astype(np.float64) - got.astype(np.float64)).max()))
                if bad_calls < 5: print("DIFF", alg, mode, (sw, sh), (tw, th), int(ne.sum()))
print(f"calls {calls}, differing calls {bad_calls}, differing samples {bad_px}/{total_px}, max diff {maxdiff}")
