#!/usr/bin/python3
"""PyTorch peer of cotangent-bench's KernelPeers: torch.exp, expm1, log, log1p, tanh, sigmoid and
nn.functional.softplus on a float64 tensor of 10^6 elements, one thread, into a preallocated output
(out=...) where torch offers it. Inputs uniform in the same timing ranges as Inputs.java (not the same
numbers: the time does not depend on them). Timing: median of 5 blocks of 10 calls after a warm-up.

  OPENBLAS_CORETYPE=SKYLAKEX /usr/bin/python3 kernels_torch.py

Prints "RESULT <fn> <seconds per call>" lines and "INFO <torch version, threads, openblas core>".
"""
import ctypes
import statistics
import time

import torch

torch.set_num_threads(1)


def openblas_core():
    for name in ("libopenblas.so.0", "libblas.so.3"):
        try:
            lib = ctypes.CDLL(name)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return lib.openblas_get_corename().decode()
        except (OSError, AttributeError):
            pass
    return "?"


N = 1_000_000
g = torch.Generator().manual_seed(7)
RANGES = {"exp": (-5, 5), "expm1": (-5, 5), "log": (0, 10), "log1p": (-0.9, 10), "tanh": (-5, 5),
          "sigmoid": (-10, 10), "softplus": (-10, 10)}
FNS = {"exp": lambda x, o: torch.exp(x, out=o), "expm1": lambda x, o: torch.expm1(x, out=o),
       "log": lambda x, o: torch.log(x, out=o), "log1p": lambda x, o: torch.log1p(x, out=o),
       "tanh": lambda x, o: torch.tanh(x, out=o), "sigmoid": lambda x, o: torch.sigmoid(x, out=o),
       "softplus": lambda x, o: torch.nn.functional.softplus(x)}

for name, (lo, hi) in RANGES.items():
    x = torch.rand(N, dtype=torch.float64, generator=g) * (hi - lo) + lo
    out = torch.empty_like(x)
    fn = FNS[name]
    for _ in range(20):
        fn(x, out)
    blocks = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(10):
            fn(x, out)
        blocks.append((time.perf_counter() - t0) / 10)
    print("RESULT\t%s\t%.9f" % (name, statistics.median(blocks)), flush=True)

print("INFO\ttorch %s threads=%d core=%s" % (torch.__version__, torch.get_num_threads(), openblas_core()))
