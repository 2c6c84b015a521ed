#!/usr/bin/python3
"""Independent oracle fixtures for LSTM Lab's RNN, LSTM and GRU cells, computed with PyTorch in float64.

The Java library is not used here: every expected value comes from torch. The gates are written with
explicit torch operations from the course's weights, then the hidden and cell states are cross-checked
against torch.nn.LSTM / torch.nn.RNN (and the gradients against autograd through those modules) before
anything is written.

Loss of every case: L = sum over b, t, j of h_t[b, j] * loss_weights[b, t, j], so ∂L/∂h_t = loss_weights
(the dHs a Java test feeds to backwardSequence).

File format (one file per case, UTF-8 text): lines starting with '#' are comments; every array is two
lines, a header "name rank d1 ... d_rank" and one line of rank-major (C order) values separated by
spaces, each printed with repr() (the shortest text that reads back as the same float64).

Regenerate from the repository root:  /usr/bin/python3 src/test/resources/oracle/make_fixtures.py [case ...]
(no case: every case; e.g. gru_small gru_long writes only those files)
"""
import math
import os

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
CROSS_CHECK = 1e-12  # explicit ops vs torch.nn modules


def uniform(gen, shape, limit):
    return (torch.rand(shape, generator=gen, dtype=torch.float64) * 2 - 1) * limit


def normal(gen, shape, scale=1.0):
    return torch.randn(shape, generator=gen, dtype=torch.float64) * scale


def close(name, a, b):
    err = (a - b).abs().max().item()
    assert err < CROSS_CHECK, f"{name}: explicit ops and torch.nn differ by {err}"


class Writer:
    def __init__(self, name, header):
        self.path = os.path.join(HERE, name + ".txt")
        self.lines = [f"# {line}" for line in header]

    def put(self, name, tensor):
        t = tensor.detach().to(torch.float64).contiguous()
        dims = list(t.shape)
        self.lines.append(" ".join([name, str(len(dims))] + [str(d) for d in dims]))
        self.lines.append(" ".join(repr(v) for v in t.reshape(-1).tolist()))

    def save(self):
        with open(self.path, "w", encoding="utf-8") as out:
            out.write("\n".join(self.lines) + "\n")
        print("wrote", os.path.relpath(self.path))


def draw(seed, gates, batch, steps, inputs, hidden, states=1):
    """Seeded PyTorch weights (gates row blocks of H, PyTorch's range 1/sqrt(H)) and inputs, in this order:
    weight_ih, weight_hh, bias_ih, bias_hh, x, the initial states (h0, and c0 for the LSTM), loss_weights."""
    gen = torch.Generator().manual_seed(seed)
    k = 1 / math.sqrt(hidden)
    pytorch = {
        "weight_ih_l0": uniform(gen, (gates * hidden, inputs), k),
        "weight_hh_l0": uniform(gen, (gates * hidden, hidden), k),
        "bias_ih_l0": uniform(gen, (gates * hidden,), k),
        "bias_hh_l0": uniform(gen, (gates * hidden,), k),
    }
    x = normal(gen, (batch, steps, inputs))
    initial = [normal(gen, (batch, hidden), 0.5) for _ in range(states)]
    loss_weights = normal(gen, (batch, steps, hidden))
    return pytorch, x, initial, loss_weights


def module(cls, pytorch, inputs, hidden, **kwargs):
    """A torch.nn module of one layer (batch first) holding the drawn PyTorch weights."""
    m = cls(inputs, hidden, batch_first=True, **kwargs)
    with torch.no_grad():
        for key, v in pytorch.items():
            getattr(m, key).copy_(v)
    return m


def write(name, title, inputs, pytorch, course, seq, loss, input_grads):
    """One fixture file: the inputs, the PyTorch and the course parameters, the forward values, the loss, then
    dL/d every course parameter and dL/d every input."""
    w = Writer(name, [
        f"{title}, float64, torch {torch.__version__}",
        "written by make_fixtures.py (see README.md); do not edit by hand",
        "loss L = sum(h * loss_weights); grad_* are dL/d* by autograd",
    ])
    for key, v in list(inputs.items()) + list(pytorch.items()) + list(course.items()) + list(seq.items()):
        w.put(key, v)
    w.put("loss", loss)
    for key, v in course.items():
        w.put("grad_" + key, v.grad)
    for key, v in input_grads.items():
        w.put("grad_" + key, v)
    w.save()


def lstm_case(name, batch, steps, inputs, hidden, seed):
    # PyTorch layout: gate rows i, f, g, o; two biases that PyTorch adds.
    pytorch, x, (h0, c0), loss_weights = draw(seed, 4, batch, steps, inputs, hidden, states=2)
    weight_ih, weight_hh, bias_ih, bias_hh = pytorch.values()

    # Course layout: W_g = [weight_hh_g | weight_ih_g] (h first), b_g = bias_ih_g + bias_hh_g.
    rows = {g: slice(n * hidden, (n + 1) * hidden) for n, g in enumerate("ifgo")}
    course = {}
    for sym, g in (("f", "f"), ("i", "i"), ("C", "g"), ("o", "o")):
        r = rows[g]
        course["W_" + sym] = torch.cat([weight_hh[r], weight_ih[r]], dim=1).clone().requires_grad_()
        course["b_" + sym] = (bias_ih[r] + bias_hh[r]).clone().requires_grad_()
    xv, h0v, c0v = (a.clone().requires_grad_() for a in (x, h0, c0))

    def gate(sym, hx):
        return hx @ course["W_" + sym].T + course["b_" + sym]

    h, c = h0v, c0v
    record = {key: [] for key in ("f", "i", "C_tilde", "C", "o", "h")}
    for t in range(steps):
        hx = torch.cat([h, xv[:, t]], dim=1)          # [h_{t-1}, x_t]
        f = torch.sigmoid(gate("f", hx))              # f_t
        i = torch.sigmoid(gate("i", hx))              # i_t
        c_tilde = torch.tanh(gate("C", hx))           # C̃_t
        c = f * c + i * c_tilde                       # C_t
        o = torch.sigmoid(gate("o", hx))              # o_t
        h = o * torch.tanh(c)                         # h_t
        for key, v in zip(record, (f, i, c_tilde, c, o, h)):
            record[key].append(v)
    seq = {key: torch.stack(v, dim=1) for key, v in record.items()}  # [B, T, H]
    loss = (seq["h"] * loss_weights).sum()
    loss.backward()

    # Cross-check against torch.nn.LSTM: states, then gradients by autograd through the module.
    lstm = module(torch.nn.LSTM, pytorch, inputs, hidden)
    xm, h0m, c0m = (a.clone().requires_grad_() for a in (x, h0, c0))
    out, (hn, cn) = lstm(xm, (h0m[None], c0m[None]))
    close(name + " h", out, seq["h"])
    close(name + " C_T", cn[0], seq["C"][:, -1])
    hh, cc = h0[None], c0[None]
    for t in range(steps):  # C_t at every step, one module call per step
        _, (hh, cc) = lstm(x[:, t:t + 1], (hh, cc))
        close(f"{name} C_{t + 1}", cc[0], seq["C"][:, t])
    (out * loss_weights).sum().backward()
    for sym, g in (("f", "f"), ("i", "i"), ("C", "g"), ("o", "o")):
        r = rows[g]
        close(name + " dW_" + sym, torch.cat([lstm.weight_hh_l0.grad[r], lstm.weight_ih_l0.grad[r]], 1),
              course["W_" + sym].grad)
        close(name + " db_" + sym + " (ih)", lstm.bias_ih_l0.grad[r], course["b_" + sym].grad)
        close(name + " db_" + sym + " (hh)", lstm.bias_hh_l0.grad[r], course["b_" + sym].grad)
    close(name + " dx", xm.grad, xv.grad)
    close(name + " dh0", h0m.grad, h0v.grad)
    close(name + " dc0", c0m.grad, c0v.grad)

    write(name, f"LSTM oracle: B={batch} T={steps} X={inputs} H={hidden} seed={seed}",
          {"x": x, "h0": h0, "c0": c0, "loss_weights": loss_weights}, pytorch, course, seq, loss,
          {"x": xv.grad, "h0": h0v.grad, "c0": c0v.grad})


def rnn_case(name, batch, steps, inputs, hidden, seed):
    pytorch, x, (h0,), loss_weights = draw(seed, 1, batch, steps, inputs, hidden)
    weight_ih, weight_hh, bias_ih, bias_hh = pytorch.values()

    w_h = torch.cat([weight_hh, weight_ih], dim=1).clone().requires_grad_()  # W_h = [W_hh | W_xh]
    b_h = (bias_ih + bias_hh).clone().requires_grad_()
    xv, h0v = x.clone().requires_grad_(), h0.clone().requires_grad_()
    h = h0v
    zs, hs = [], []
    for t in range(steps):
        hx = torch.cat([h, xv[:, t]], dim=1)   # [h_{t-1}, x_t]
        z = hx @ w_h.T + b_h                   # z_t
        h = torch.tanh(z)                      # h_t
        zs.append(z)
        hs.append(h)
    z_seq, h_seq = torch.stack(zs, dim=1), torch.stack(hs, dim=1)
    loss = (h_seq * loss_weights).sum()
    loss.backward()

    rnn = module(torch.nn.RNN, pytorch, inputs, hidden, nonlinearity="tanh")
    xm, h0m = x.clone().requires_grad_(), h0.clone().requires_grad_()
    out, _ = rnn(xm, h0m[None])
    close(name + " h", out, h_seq)
    (out * loss_weights).sum().backward()
    close(name + " dW_h", torch.cat([rnn.weight_hh_l0.grad, rnn.weight_ih_l0.grad], 1), w_h.grad)
    close(name + " db_h (ih)", rnn.bias_ih_l0.grad, b_h.grad)
    close(name + " db_h (hh)", rnn.bias_hh_l0.grad, b_h.grad)
    close(name + " dx", xm.grad, xv.grad)
    close(name + " dh0", h0m.grad, h0v.grad)

    write(name, f"RNN (tanh) oracle: B={batch} T={steps} X={inputs} H={hidden} seed={seed}",
          {"x": x, "h0": h0, "loss_weights": loss_weights}, pytorch, {"W_h": w_h, "b_h": b_h},
          {"z": z_seq, "h": h_seq}, loss, {"x": xv.grad, "h0": h0v.grad})


def gru_case(name, batch, steps, inputs, hidden, seed):
    # PyTorch layout: gate rows r, z, n; two biases, and b_hn sits inside the reset gate.
    pytorch, x, (h0,), loss_weights = draw(seed, 3, batch, steps, inputs, hidden)
    weight_ih, weight_hh, bias_ih, bias_hh = pytorch.values()

    # Course layout: W_z = [W_hz | W_iz], b_z = b_iz + b_hz (same for r); W_n = [W_hn | W_in], b_n = b_in,
    # b_hn = b_hn (it cannot be merged into b_n: r_t scales it).
    rows = {g: slice(n * hidden, (n + 1) * hidden) for n, g in enumerate("rzn")}
    course = {}
    for g in "zr":
        r = rows[g]
        course["W_" + g] = torch.cat([weight_hh[r], weight_ih[r]], dim=1).clone().requires_grad_()
        course["b_" + g] = (bias_ih[r] + bias_hh[r]).clone().requires_grad_()
    rn = rows["n"]
    course["W_n"] = torch.cat([weight_hh[rn], weight_ih[rn]], dim=1).clone().requires_grad_()
    course["b_n"] = bias_ih[rn].clone().requires_grad_()
    course["b_hn"] = bias_hh[rn].clone().requires_grad_()
    xv, h0v = x.clone().requires_grad_(), h0.clone().requires_grad_()

    h = h0v
    record = {key: [] for key in ("z", "r", "n", "h")}
    for t in range(steps):
        hx = torch.cat([h, xv[:, t]], dim=1)                              # [h_{t-1}, x_t]
        z = torch.sigmoid(hx @ course["W_z"].T + course["b_z"])          # z_t
        r = torch.sigmoid(hx @ course["W_r"].T + course["b_r"])          # r_t
        w_hn, w_xn = course["W_n"][:, :hidden], course["W_n"][:, hidden:]
        n = torch.tanh(xv[:, t] @ w_xn.T + course["b_n"] + r * (h @ w_hn.T + course["b_hn"]))  # n_t
        h = (1 - z) * n + z * h                                           # h_t
        for key, v in zip(record, (z, r, n, h)):
            record[key].append(v)
    seq = {key: torch.stack(v, dim=1) for key, v in record.items()}  # [B, T, H]
    loss = (seq["h"] * loss_weights).sum()
    loss.backward()

    gru = module(torch.nn.GRU, pytorch, inputs, hidden)
    xm, h0m = x.clone().requires_grad_(), h0.clone().requires_grad_()
    out, _ = gru(xm, h0m[None])
    close(name + " h", out, seq["h"])
    (out * loss_weights).sum().backward()
    for g in "zr":
        r = rows[g]
        close(name + " dW_" + g, torch.cat([gru.weight_hh_l0.grad[r], gru.weight_ih_l0.grad[r]], 1),
              course["W_" + g].grad)
        close(name + " db_" + g + " (ih)", gru.bias_ih_l0.grad[r], course["b_" + g].grad)
        close(name + " db_" + g + " (hh)", gru.bias_hh_l0.grad[r], course["b_" + g].grad)
    close(name + " dW_n", torch.cat([gru.weight_hh_l0.grad[rn], gru.weight_ih_l0.grad[rn]], 1), course["W_n"].grad)
    close(name + " db_n", gru.bias_ih_l0.grad[rn], course["b_n"].grad)
    close(name + " db_hn", gru.bias_hh_l0.grad[rn], course["b_hn"].grad)
    close(name + " dx", xm.grad, xv.grad)
    close(name + " dh0", h0m.grad, h0v.grad)

    write(name, f"GRU oracle: B={batch} T={steps} X={inputs} H={hidden} seed={seed}",
          {"x": x, "h0": h0, "loss_weights": loss_weights}, pytorch, course, seq, loss,
          {"x": xv.grad, "h0": h0v.grad})


CASES = {
    "lstm_small": lambda: lstm_case("lstm_small", batch=2, steps=5, inputs=3, hidden=4, seed=20240501),
    "lstm_long": lambda: lstm_case("lstm_long", batch=3, steps=30, inputs=2, hidden=6, seed=20240502),
    "rnn_small": lambda: rnn_case("rnn_small", batch=2, steps=5, inputs=3, hidden=4, seed=20240503),
    "rnn_long": lambda: rnn_case("rnn_long", batch=3, steps=30, inputs=2, hidden=6, seed=20240504),
    "gru_small": lambda: gru_case("gru_small", batch=2, steps=5, inputs=3, hidden=4, seed=20240505),
    "gru_long": lambda: gru_case("gru_long", batch=3, steps=30, inputs=2, hidden=6, seed=20240506),
}


if __name__ == "__main__":
    import sys
    for case in sys.argv[1:] or CASES:
        CASES[case]()
