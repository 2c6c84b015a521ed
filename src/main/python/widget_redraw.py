#!/usr/bin/python3
"""Measures how fast the notebooks' explorables redraw at the course's sizes: for each notebook, from the
moment a front end sends a control's new value (comm_msg update, as JupyterLab does when a slider is
released) to the moment the kernel's new image arrives (the Image widget's update with its PNG buffer),
over MOVES moves; beside it, the peer: re-running a cell that draws the same figure for one value (what a
student did before the explorables: edit the number, run the cell), from execute_request to the result.

Each notebook's code cells before its explorable run first, in quick mode (they only set up what the
explorable reads); notebook 07's trained networks are stood in for by untrained ones of the same sizes at
the course's full lengths (AddingExperiment.lengths() without quick mode): a redraw costs the same.

Used by ./lab bench. One line per notebook:

    explorable redraw 01-rnn-vanishing-gradients (FloatSliderModel, 12 moves): median 95 ms, max 130 ms (new values
    median 120 ms (5), values seen before median 80 ms (7)); ...

A value seen before is only drawn again (the explorables keep each value's measurement); the split says so.
"""
import argparse
import json
import os
import statistics
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager

import kernel_messages  # beside this script

TIMEOUT = 600

# What re-running the static figure's cell computes for one value, per notebook (the peer).
STATIC = {
    "01-rnn-vanishing-gradients": "Explorables.spectralNorm(experiment, 0.95)",
    "02-forget-gate": "Explorables.forgetBias(fourWeeks, 2.0, 20)",
    "04-cell-state": "Explorables.cellPath(experiment, 0.9, 20)",
    "07-long-range-dependencies": "explorer.chart(length.value(), unit.value())",
}

# Notebook 07 trains for minutes; untrained networks at the course's lengths cost a redraw the same.
SETUP_07 = """
var experiment = AddingExperiment.defaults();
var rows = new java.util.ArrayList<AddingExperiment.Row>();
for (int t : java.util.List.of(10, 20, 50, 100)) {
    rows.add(new AddingExperiment.Row(t, null, null, 0, 0, 1,
            LstmParams.init(2, experiment.hiddenSize(), Init.UNIFORM, 1.0, 7, DataType.DOUBLE), 0));
}
var solved = rows.get(rows.size() - 1);
var gates = experiment.gates(solved);
"""


def until_idle(kc, msg_id):
    """The IOPub messages of msg_id until the kernel is idle again, each stamped with when it was received."""
    messages = []
    for message in kernel_messages.until_idle(kc, msg_id, TIMEOUT, poll=0.05):
        message["received"] = time.perf_counter()
        messages.append(message)
    return messages


def run(kc, code):
    sent = time.perf_counter()
    messages = until_idle(kc, kc.execute(code))
    errors = [m["content"] for m in messages if m["msg_type"] == "error"]
    if errors:
        raise RuntimeError(f"cell failed: {code[:200]!r}: {errors[0].get('evalue')}")
    return sent, messages


def move(kc, control_id, state, k):
    """Sends the k-th new value of a control as a front end does; returns when it was sent and what came back."""
    if "index" in state:
        change = {"index": (k + 1) % len(state["_options_labels"])}
    else:
        change = {"value": state["min"] + (state["max"] - state["min"]) * ((k + 1) % 5) / 4}
    message = kc.session.msg("comm_msg", {"comm_id": control_id, "data": {
        "method": "update", "state": change, "buffer_paths": []}})
    sent = time.perf_counter()
    kc.shell_channel.send(message)
    return sent, change, until_idle(kc, message["header"]["msg_id"])


def save_each_control(kc, name, built, folder):
    """Writes the explorable's first figure and, for each of its controls moved once, the figure after."""
    opened = {m["content"]["comm_id"]: (m["content"]["data"]["state"], m.get("buffers", [])) for m in built
              if m["msg_type"] == "comm_open"}
    image_id = next(k for k, (s, _) in opened.items() if s["_model_name"] == "ImageModel")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{name}-before.png"), "wb") as f:
        f.write(bytes(opened[image_id][1][0]))
    for control_id, (state, _) in opened.items():
        if not (state["_model_name"].endswith("SliderModel") or state["_model_name"] == "DropdownModel"):
            continue
        _, change, messages = move(kc, control_id, state, 0)
        drawn = [m for m in messages if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == image_id
                 and m.get("buffers")]
        label = "".join(c if c.isalnum() else "_" for c in state["description"]).strip("_")
        with open(os.path.join(folder, f"{name}-after-{label}.png"), "wb") as f:
            f.write(bytes(drawn[0]["buffers"][0]))


def measure(kc, name, source, moves, save=None):
    _, built = run(kc, source)
    if save:
        save_each_control(kc, name, built, save)
    opened = {m["content"]["comm_id"]: m["content"]["data"]["state"] for m in built if m["msg_type"] == "comm_open"}
    control_id, state = next((k, s) for k, s in opened.items()
                             if s["_model_name"].endswith("SliderModel") or s["_model_name"] == "DropdownModel")
    image_id = next(k for k, s in opened.items() if s["_model_name"] == "ImageModel")
    redraws = []
    seen = []  # whether the value had been shown before (the figure's measurement kept, only drawn again)
    shown = {state.get("index", state.get("value"))}
    for k in range(moves):
        sent, change, messages = move(kc, control_id, state, k)
        value = next(iter(change.values()))
        seen.append(value in shown)
        shown.add(value)
        drawn = [m for m in messages
                 if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == image_id and m.get("buffers")]
        if not drawn:
            raise RuntimeError(f"{name}: no new image after {change}")
        redraws.append((drawn[0]["received"] - sent) * 1000)
    reruns = []
    for _ in range(max(3, moves // 2)):
        sent, messages = run(kc, STATIC[name])
        result = [m for m in messages if m["msg_type"] == "execute_result"]
        reruns.append((result[0]["received"] - sent) * 1000)
    return state["_model_name"], redraws, seen, reruns


def split(redraws, seen):
    """The medians of the moves to a value shown before and to a new one (measured, then drawn)."""
    parts = []
    for label, wanted in (("new values", False), ("values seen before", True)):
        times = [t for t, s in zip(redraws, seen) if s == wanted]
        if times:
            parts.append(f"{label} median {statistics.median(times):.0f} ms ({len(times)})")
    return ", ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", help="paths of notebooks with an explorable")
    parser.add_argument("--moves", type=int, default=12)
    parser.add_argument("--kernel", default="lstm-lab")
    parser.add_argument("--save", help="a folder for each explorable's first figure and its figure after each control moved")
    args = parser.parse_args()
    status = 0
    for path in args.notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        nb = nbformat.read(path, as_version=4)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        explorable = next(i for i, c in enumerate(code) if "Widgets.interact(" in c)
        setup = [SETUP_07] if name.startswith("07") else [c for c in code[:explorable] if "Mine." not in c]
        km = KernelManager(kernel_name=args.kernel)
        km.start_kernel(cwd=os.path.dirname(os.path.abspath(path)), env={**os.environ, "LSTMLAB_QUICK": "1"})
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=180)
            for source in setup:
                run(kc, source)
            model, redraws, seen, reruns = measure(kc, name, code[explorable], args.moves, args.save)
            print(f"explorable redraw {name} ({model}, {len(redraws)} moves): median {statistics.median(redraws):.0f} ms,"
                  f" max {max(redraws):.0f} ms ({split(redraws, seen)}); re-running the figure's cell: median {statistics.median(reruns):.0f} ms"
                  f" (redraw / re-run {statistics.median(redraws) / statistics.median(reruns):.2f})", flush=True)
        except Exception as e:  # one notebook's failure is reported, the others still measured
            print(f"explorable redraw {name}: failed: {e}", file=sys.stderr, flush=True)
            status = 1
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
