#!/usr/bin/python3
"""PyTorch 1.13 reference for Cotangent's linear algebra table (issue 9): the same ops, float64, one thread, on
matrices of the same kind as LuOverhead/SpectralRatios use (well-conditioned square; SPD; symmetric).

  OPENBLAS_CORETYPE=SKYLAKEX /usr/bin/python3 linalg_torch.py [rounds] [n ...]

Prints the OpenBLAS core (check it says SkylakeX on an AVX-512 Intel CPU), then one line per op and n:
median ms (best round) over interleaved rounds, forward and gradient.
"""
import ctypes
import statistics
import sys
import time

import torch

torch.set_num_threads(1)
_ob = None
for name in ("libopenblas.so.0", "libblas.so.3"):
    try:
        _ob = ctypes.CDLL(name)
        _ob.openblas_set_num_threads(ctypes.c_int(1))
        break
    except (OSError, AttributeError):
        _ob = None
core = "?"
if _ob is not None:
    try:
        _ob.openblas_get_corename.restype = ctypes.c_char_p
        core = _ob.openblas_get_corename().decode()
    except AttributeError:
        pass
print("torch %s, openblas core=%s, 1 thread" % (torch.__version__, core))

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
sizes = [int(a) for a in sys.argv[2:]] or [64, 256, 1024]
g = torch.Generator().manual_seed(7)


def cases(n):
    a = torch.rand(n, n, generator=g, dtype=torch.float64) * 2 - 1 + (n + 1) * torch.eye(n, dtype=torch.float64)
    b0 = torch.rand(n, n, generator=g, dtype=torch.float64) * 2 - 1
    spd = b0 @ b0.T + n * torch.eye(n, dtype=torch.float64)
    rhs = torch.rand(n, 1, generator=g, dtype=torch.float64)
    w = torch.rand(n, 1, generator=g, dtype=torch.float64)

    def grad_of(f, x):
        def run():
            xx = x.clone().requires_grad_(True)
            f(xx).backward()
            return xx.grad
        return run

    return {
        "solve": (lambda: torch.linalg.solve(a, rhs), grad_of(lambda x: (torch.linalg.solve(x, rhs) * w).sum(), a)),
        "cholesky": (lambda: torch.linalg.cholesky(spd), grad_of(lambda x: torch.linalg.cholesky(x).sum(), spd)),
        "logAbsDet": (lambda: torch.linalg.slogdet(a)[1], grad_of(lambda x: torch.linalg.slogdet(x)[1], a)),
        "eigh": (lambda: torch.linalg.eigh(spd),
                 grad_of(lambda x: (lambda wv: wv[0].sum() + wv[1].abs().sum())(torch.linalg.eigh(x)), spd)),
        "svd": (lambda: torch.linalg.svd(a, full_matrices=False),
                grad_of(lambda x: (lambda usv: usv[1].sum() + (usv[0] @ usv[2]).sum())(
                    torch.linalg.svd(x, full_matrices=False)), a)),
    }


def timed(fn, reps):
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1e3)
    return min(out)


for n in sizes:
    c = cases(n)
    reps = 20 if n <= 64 else (5 if n <= 256 else 2)
    results = {k: ([], []) for k in c}
    for fwd, grd in c.values():
        fwd()
        grd()
    for _ in range(rounds):
        for k, (fwd, grd) in c.items():
            results[k][0].append(timed(fwd, reps))
            results[k][1].append(timed(grd, reps))
    for k, (f, gr) in results.items():
        print("n=%d %-9s forward %.3f ms (%.3f)  gradient %.3f ms (%.3f)  grad/fwd %.2f" % (
            n, k, statistics.median(f), min(f), statistics.median(gr), min(gr), statistics.median(gr) / statistics.median(f)))
