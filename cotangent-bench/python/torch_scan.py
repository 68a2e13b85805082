"""The SCAN row of JitBench in PyTorch: K = 10^4 steps of x -= h(-400 x (th - x^2) - 2 (1 - x)) on 0-d float64
tensors, one thread; forward+backward (autograd) and forward under no_grad. Run with OPENBLAS_CORETYPE=SKYLAKEX."""
import time, torch
torch.set_num_threads(1)
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "bench"))
import torch_bench
torch_bench.set_threads(1)
print(torch_bench.openblas_info())
H = 1e-4
def loop(x, th, K):
    for _ in range(K):
        x = x - H * (-400 * x * (th - x * x) - 2 * (1 - x))
    return x
K = 10000
for rep in range(3):
    x0 = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    th = torch.tensor(1.2, dtype=torch.float64, requires_grad=True)
    t0 = time.perf_counter(); y = loop(x0, th, K); y.backward(); t1 = time.perf_counter()
    with torch.no_grad():
        t2 = time.perf_counter(); loop(x0, th, K); t3 = time.perf_counter()
    print(f"torch K={K}: forward+backward {1e3*(t1-t0):.1f} ms, forward (no_grad) {1e3*(t3-t2):.1f} ms, x_K={y.item():.15g} dth={th.grad.item():.15g}")
