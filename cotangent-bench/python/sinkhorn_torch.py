#!/usr/bin/python3
"""PyTorch reference for cotangent-bench's SinkhornBench: the same log-domain Sinkhorn in float64 on one thread.

  OPENBLAS_CORETYPE=SKYLAKEX /usr/bin/python3 sinkhorn_torch.py [--n 1000] [--reps 5] [--check]

Data: x_i, y_j in [0,1]^2 from the SplittableRandom-compatible generator of ../shared/bench/torch_bench.py
(x from seed 1, y from seed 2, shifted by +0.3), C_ij = |x_i - y_j|^2, a = b = 1/n, eps = 0.05 * median(C)
(the upper median: sorted(C)[len // 2]). One iteration: the column update then the row update in scaled
potentials, each a broadcast add and a logsumexp over rows (M = -C/eps and its transpose precomputed), plus
the marginal error read from the column update -- exactly what Cotangent's Sinkhorn loop does.

Prints one line per measurement:
  RESULT sinkhorn <what> <n> <median_s> <min_s> <max_s> <reps> <extra>
"""
import argparse
import ctypes
import statistics
import time

import numpy as np
import torch

torch.set_num_threads(1)
_OPENBLAS = None
for _name in ("libopenblas.so.0", "libblas.so.3"):
    try:
        _lib = ctypes.CDLL(_name)
        _lib.openblas_set_num_threads(ctypes.c_int(1))
        _OPENBLAS = _lib
        break
    except (OSError, AttributeError):
        pass


def openblas_info():
    if _OPENBLAS is None:
        return "openblas=?"
    _OPENBLAS.openblas_get_corename.restype = ctypes.c_char_p
    return "core=%s" % _OPENBLAS.openblas_get_corename().decode()


GOLDEN_GAMMA = np.uint64(0x9E3779B97F4A7C15)


def uniform01(seed, count):
    """The first `count` values of java.util.SplittableRandom(seed).nextDouble()."""
    with np.errstate(over="ignore"):
        i = np.arange(1, count + 1, dtype=np.uint64)
        z = np.uint64(seed & 0xFFFFFFFFFFFFFFFF) + i * GOLDEN_GAMMA
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * (2.0 ** -53)


def problem(n):
    x = torch.from_numpy(uniform01(1, 2 * n)).reshape(n, 2)
    y = torch.from_numpy(uniform01(2, 2 * n)).reshape(n, 2) + 0.3
    c = ((x[:, None, :] - y[None, :, :]) ** 2).sum(-1)
    eps = torch.sort(c.reshape(-1)).values[c.numel() // 2].item() * 0.05
    a = torch.full((n,), 1.0 / n, dtype=torch.float64)
    return a, a.clone(), c, eps


def sinkhorn(a, b, c, eps, iterations):
    m = -c / eps
    mt = m.t().contiguous()
    log_a, log_b = a.log(), b.log()
    gamma = torch.zeros(b.shape[0], dtype=torch.float64)
    phi = log_a - torch.logsumexp(m + gamma[None, :], dim=1)
    for k in range(iterations + 1):
        nxt = log_b - torch.logsumexp(mt + phi[None, :], dim=1)
        # the marginal error of (phi, gamma), whose rows are exact, read from the next column update
        err = (b * torch.expm1(gamma - nxt).abs()).sum().item() / b.sum().item()
        if k == iterations:
            return phi, gamma, err
        phi = log_a - torch.logsumexp(m + nxt[None, :], dim=1)
        gamma = nxt


def timed(fn, reps):
    fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return ts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--check", action="store_true", help="print eps, C[0,0] and the error after 50 iterations")
    args = ap.parse_args()
    a, b, c, eps = problem(args.n)
    if args.check:
        _, _, err = sinkhorn(a, b, c, eps, 50)
        print("CHECK eps=%.17g c00=%.17g err50=%.6e" % (eps, c[0, 0].item(), err), flush=True)
        return
    # per iteration: (time of 60 iterations - time of 10) / 50, setup excluded; medians over reps, paired
    short = timed(lambda: sinkhorn(a, b, c, eps, 10), args.reps)
    long_ = timed(lambda: sinkhorn(a, b, c, eps, 60), args.reps)
    per = [(l - s) / 50 for s, l in zip(short, long_)]
    print("RESULT\tsinkhorn\tper_iteration\t%d\t%.6g\t%.6g\t%.6g\t%d\ttorch=%s;%s;threads=%d" % (
        args.n, statistics.median(per), min(per), max(per), len(per), torch.__version__, openblas_info(),
        torch.get_num_threads()), flush=True)


if __name__ == "__main__":
    main()
