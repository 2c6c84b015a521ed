#!/usr/bin/env python3
"""PyTorch side of ./lab bench: one nn.LSTM layer (and with --rnn one nn.RNN layer), loss = sum of all
outputs, the same sizes as the JMH benchmark; with --char instead notebook 10's character model, one training
step per call (CharModelBenchmark). Prints one line per case:  RESULT size dtype pass median min max p90 samples
(milliseconds)."""
import argparse
import math
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
# B, T, X, H, V, Adam's α, the clipping threshold and the chunks cycled through: org.lstmlab.bench.CharModelBenchmark
CHAR = dict(batch=32, steps=64, embedding=32, hidden=128, vocabulary=149, lr=0.003, clip=5.0, chunks=16)


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


def measure(fn, seconds, warmup_seconds, cpu=None, least=5, least_warmup=1):
    """Milliseconds per call of fn, after warming up: median, min, max, p90, samples. Runs at least `least`
    calls (`least_warmup` to warm up) and `seconds`; with a list `cpu`, also appends every call's thread CPU
    milliseconds to it (on a loaded machine the wall time measures the scheduler as much as the code)."""
    end = time.perf_counter() + warmup_seconds
    for _ in range(least_warmup):
        fn()
    while time.perf_counter() < end:
        fn()
    samples = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(samples) < least:
        start, start_cpu = time.perf_counter(), time.thread_time()
        fn()
        samples.append((time.perf_counter() - start) * 1e3)
        if cpu is not None:
            cpu.append((time.thread_time() - start_cpu) * 1e3)
    return summary(samples)


def summary(samples):
    """median, min, max, p90, count of milliseconds"""
    samples = sorted(samples)
    p90 = samples[min(len(samples) - 1, int(round(0.9 * (len(samples) - 1))))]
    return statistics.median(samples), samples[0], samples[-1], p90, len(samples)


def char_model_step(dtype):
    """One training step of the character model per call, as CharTrainer.step takes it: the rows of the
    embedding for the chunk's characters, the LSTM from the state the previous chunk of each stream ended in,
    the readout, the mean softmax cross-entropy, its gradient, the global norm clipped, one Adam update; the
    state carried (detached) to the next chunk. The text is random characters cut into B streams as
    org.lstmlab.data.CharStreams cuts it."""
    b, t, x, h, v = (CHAR[k] for k in ("batch", "steps", "embedding", "hidden", "vocabulary"))
    embedding = torch.nn.Embedding(v, x).to(dtype)
    lstm = torch.nn.LSTM(x, h, batch_first=True).to(dtype)
    readout = torch.nn.Linear(h, v).to(dtype)
    params = [*embedding.parameters(), *lstm.parameters(), *readout.parameters()]
    adam = torch.optim.Adam(params, lr=CHAR["lr"])
    text = torch.randint(v, (b * t * CHAR["chunks"] + 1,), generator=torch.Generator().manual_seed(7))
    length = (len(text) - 1) // b  # stream s reads text[s·L …]
    streams = torch.stack([text[s * length:s * length + length + 1] for s in range(b)])  # [B, L + 1]
    chunks = [(streams[:, k * t:(k + 1) * t], streams[:, k * t + 1:(k + 1) * t + 1]) for k in range(CHAR["chunks"])]
    state = {"k": 0, "hc": (torch.zeros(1, b, h, dtype=dtype), torch.zeros(1, b, h, dtype=dtype))}

    def step():
        inputs, targets = chunks[state["k"]]
        adam.zero_grad(set_to_none=True)
        out, (h_t, c_t) = lstm(embedding(inputs), state["hc"])  # [B, T, H]
        loss = torch.nn.functional.cross_entropy(readout(out).reshape(-1, v), targets.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, CHAR["clip"])
        adam.step()
        state["hc"] = (h_t.detach(), c_t.detach())
        state["k"] = (state["k"] + 1) % len(chunks)
        return loss.item()  # CharTrainer checks every step's loss is finite

    first = step() / math.log(2)
    if abs(first - math.log2(v)) >= 1:
        raise SystemExit(f"the first step's loss should be near log2 V = {math.log2(v):.2f} bits but is {first:.2f}")
    return step


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
    ap.add_argument("--char", action="store_true",
                    help="only notebook 10's character model, one training step per call")
    ap.add_argument("--self-check", action="store_true",
                    help="only check that nn.LSTM, nn.RNN and nn.GRU run forward and backward on the CPU")
    a = ap.parse_args()
    if a.self_check:
        self_check()
        return
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    seconds, warmup = (1.0, 0.5) if a.quick else (3.0, 1.5)
    if a.char:  # at least as many steps and seconds as CharModelBenchmark.measure
        for name, dtype in DTYPES.items():
            cpu = []
            med, lo, hi, p90, n = measure(char_model_step(dtype), 1.0 if a.quick else 5.0, 0.5 if a.quick else 3.0,
                                          cpu, 10 if a.quick else 30, 5 if a.quick else 20)
            print(f"RESULT char {name} trainStep {med:.6f} {lo:.6f} {hi:.6f} {p90:.6f} {n}", flush=True)
            med, lo, hi, p90, n = summary(cpu)
            print(f"RESULT char {name} trainStepCpu {med:.6f} {lo:.6f} {hi:.6f} {p90:.6f} {n}", flush=True)
    for size in ([] if a.char else a.sizes.split(",")):
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
            if a.rnn:
                rnn = torch.nn.RNN(x, h, nonlinearity="tanh", batch_first=True).to(dtype)

                def rnn_forward_backward():
                    rnn.zero_grad(set_to_none=True)
                    rnn(xs)[0].sum().backward()

                med, lo, hi, p90, n = measure(rnn_forward_backward, seconds, warmup)
                print(f"RESULT {size} {name} rnnForwardBackward {med:.6f} {lo:.6f} {hi:.6f} {p90:.6f} {n}", flush=True)
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
