#!/usr/bin/env python3
"""PyTorch side of ./lab bench: one nn.LSTM layer (with --rnn one nn.RNN layer, with --gru one nn.GRU), loss = sum of all
outputs, the same sizes as the JMH benchmark. Prints one line per case:  RESULT size dtype pass median min max p90 samples  (milliseconds)."""
import argparse
import re
import statistics
import time

import torch

SIZES = {  # B, T, X, H, as in issue 7 and org.lstmlab.bench.Sizes
    "tiny": (1, 8, 3, 4),
    "course": (32, 100, 8, 64),
    "larger": (64, 200, 128, 256),
}
DTYPES = {"float64": torch.float64, "float32": torch.float32}


def blas_in_use():
    """The BLAS this torch computes with: Debian's python3-torch calls the system libblas.so.3 (mapped), PyPI's
    wheel links MKL into libtorch_cpu.so (its build's BLAS_INFO; the CUDA stand-ins are not BLAS)."""
    built = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps
                    if "blas" in line.lower() and "libcublas" not in line and "numpy.libs" not in line}
        mapped = ", ".join(sorted(libs)) or "none mapped"
    except OSError:
        mapped = "unknown"
    return f"{mapped} (built with BLAS_INFO={built.group(1) if built else '?'})"


def measure(fn, seconds, warmup_seconds):
    end = time.perf_counter() + warmup_seconds
    fn()
    while time.perf_counter() < end:
        fn()
    samples = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(samples) < 5:
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1e3)
    samples.sort()
    p90 = samples[min(len(samples) - 1, int(round(0.9 * (len(samples) - 1))))]
    return statistics.median(samples), samples[0], samples[-1], p90, len(samples)


def self_check():
    """One small forward and backward pass of each recurrent layer, as ./lab bench checks a new installation."""
    xs = torch.rand(2, 5, 3, dtype=torch.float64)
    for layer in (torch.nn.LSTM, torch.nn.RNN, torch.nn.GRU):
        module = layer(3, 4, batch_first=True).to(torch.float64)
        module(xs)[0].sum().backward()
        grads = [p.grad for p in module.parameters()]
        if any(g is None or not torch.isfinite(g).all() for g in grads):
            raise SystemExit(f"torch {torch.__version__}: {layer.__name__} gave no finite gradient")
    print(f"torch {torch.__version__}: nn.LSTM, nn.RNN and nn.GRU run forward and backward on the CPU"
          f" (CUDA available: {torch.cuda.is_available()})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="tiny,course")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rnn", action="store_true", help="also one nn.RNN layer (tanh), fwd+bwd")
    ap.add_argument("--gru", action="store_true", help="also one nn.GRU layer, fwd+bwd")
    ap.add_argument("--self-check", action="store_true",
                    help="only check that nn.LSTM, nn.RNN and nn.GRU run forward and backward on the CPU")
    a = ap.parse_args()
    if a.self_check:
        self_check()
        return
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    seconds, warmup = (1.0, 0.5) if a.quick else (3.0, 1.5)
    for size in a.sizes.split(","):
        b, t, x, h = SIZES[size]
        for name, dtype in DTYPES.items():
            lstm = torch.nn.LSTM(x, h, batch_first=True).to(dtype)
            # like the training loop: gradients of the parameters, not of the input data
            xs = torch.rand(b, t, x, dtype=dtype) - 0.5

            def forward():
                return lstm(xs)[0]

            def forward_backward():
                lstm.zero_grad(set_to_none=True)
                lstm(xs)[0].sum().backward()

            for pass_name, fn in (("forward", forward), ("forwardBackward", forward_backward)):
                med, lo, hi, p90, n = measure(fn, seconds, warmup)
                print(f"RESULT {size} {name} {pass_name} {med:.6f} {lo:.6f} {hi:.6f} {p90:.6f} {n}", flush=True)
            cells = [("rnn", torch.nn.RNN(x, h, nonlinearity="tanh", batch_first=True))] if a.rnn else []
            if a.gru:
                cells.append(("gru", torch.nn.GRU(x, h, batch_first=True)))
            for cell, module in cells:
                module = module.to(dtype)

                def cell_forward_backward():
                    module.zero_grad(set_to_none=True)
                    module(xs)[0].sum().backward()

                med, lo, hi, p90, n = measure(cell_forward_backward, seconds, warmup)
                print(f"RESULT {size} {name} {cell}ForwardBackward {med:.6f} {lo:.6f} {hi:.6f} {p90:.6f} {n}", flush=True)
    peaks = []
    for name, dtype in DTYPES.items():
        n = 1024  # as GemmPeakBenchmark
        left, right = torch.rand(n, n, dtype=dtype), torch.rand(n, n, dtype=dtype)
        med = measure(lambda: torch.mm(left, right), seconds / 3, warmup / 3)[0]
        peaks.append(f"{name} {2 * n ** 3 / (med * 1e-3) / 1e9:.0f}")
    print(f"INFO torch {torch.__version__}, {torch.get_num_threads()} thread(s), BLAS mapped: {blas_in_use()}", flush=True)
    print(f"INFO torch.mm 1024³ GFLOP/s: {', '.join(peaks)}", flush=True)


if __name__ == "__main__":
    main()
