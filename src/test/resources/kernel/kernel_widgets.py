#!/usr/bin/python3
"""Talks to the lstm-lab kernel's comms and widgets through jupyter_client as JupyterLab's widget manager
(ipywidgets 8) does, and prints what came back as one JSON object on a line starting with RESULT
(KernelWidgetsIT asserts on it): the comm_open of each widget with its state, an update from the front end
and the kernel's echo_update and new image, request_state, the control comm's request_states, comm_info
before and after comms close from either side, and a comm for an unknown target.

The redraw times of the notebooks' explorables are measured by src/main/python/widget_redraw.py (./lab bench).
"""
import hashlib
import json
import sys
import time

from jupyter_client.manager import KernelManager

import kernel_messages  # src/main/python, on PYTHONPATH

TIMEOUT = 180


def digest(buffer):
    return hashlib.sha256(bytes(buffer)).hexdigest()


def summary(message):
    """A message as the test reads it: type, comm content, and each buffer's length, digest and first bytes."""
    return {
        "msg_type": message["msg_type"],
        "content": message["content"],
        "metadata": message.get("metadata", {}),
        "buffers": [{"length": len(bytes(b)), "sha256": digest(b), "head": list(bytes(b)[:4])}
                    for b in message.get("buffers", [])],
        "at": time.perf_counter(),
    }


def until_idle(kc, msg_id):
    """Every IOPub message whose parent is msg_id other than a status, until the kernel is idle again."""
    return [summary(m) for m in kernel_messages.until_idle(kc, msg_id, TIMEOUT) if m["msg_type"] != "status"]


def run(kc, code):
    msg_id = kc.execute(code)
    messages = until_idle(kc, msg_id)
    return {"iopub": messages, "reply": kernel_messages.shell_content(kc, msg_id, TIMEOUT)}


def comm(kc, msg_type, content):
    """Sends comm_open, comm_msg or comm_close on the shell channel as a front end does; returns what it caused."""
    message = kc.session.msg(msg_type, content)
    sent = time.perf_counter()
    kc.shell_channel.send(message)
    return {"sent": sent, "iopub": until_idle(kc, message["header"]["msg_id"])}


def comm_info(kc, target=None):
    msg_id = kc.comm_info(target_name=target) if target else kc.comm_info()
    return kernel_messages.shell_content(kc, msg_id, TIMEOUT)


def opened(messages):
    return {m["content"]["data"]["state"]["_model_name"]: m for m in messages if m["msg_type"] == "comm_open"}


def protocol(kc):
    results = {}
    results["build"] = run(kc, """
var slope = new FloatSlider("slope", 0.0, 2.0, 0.1, 1.0);
var view = Widgets.interact(slope, s -> {
    var chart = new XYChartBuilder().width(400).height(300).build();
    chart.addSeries("y", new double[] {0, 1, 2}, new double[] {0, s, 2 * s});
    return chart;
});
view
""")
    models = opened(results["build"]["iopub"])
    if "ImageModel" not in models:
        raise RuntimeError(f"the cell opened no image: {json.dumps(results['build'])[:3000]}")
    slider = models["FloatSliderModel"]["content"]["comm_id"]
    image = models["ImageModel"]["content"]["comm_id"]
    results["comm_info all"] = comm_info(kc)
    results["comm_info widgets"] = comm_info(kc, "jupyter.widget")
    results["comm_info other"] = comm_info(kc, "no.such.target")
    results["update"] = comm(kc, "comm_msg", {"comm_id": slider, "data": {
        "method": "update", "state": {"value": 0.3}, "buffer_paths": []}})
    results["value after update"] = run(kc, "slope.value()")
    results["request_state"] = comm(kc, "comm_msg", {"comm_id": image, "data": {"method": "request_state"}})
    results["control open"] = comm(kc, "comm_open", {
        "comm_id": "control-1", "target_name": "jupyter.widget.control", "data": {}})
    results["request_states"] = comm(kc, "comm_msg", {"comm_id": "control-1", "data": {"method": "request_states"}})
    results["control close"] = comm(kc, "comm_close", {"comm_id": "control-1", "data": {}})
    results["unknown target"] = comm(kc, "comm_open", {"comm_id": "x-1", "target_name": "no.such.target", "data": {}})
    results["front end closes slider"] = comm(kc, "comm_close", {"comm_id": slider, "data": {}})
    results["comm_info after front end close"] = comm_info(kc)
    results["update after close"] = comm(kc, "comm_msg", {"comm_id": slider, "data": {
        "method": "update", "state": {"value": 0.9}, "buffer_paths": []}})
    results["kernel closes image"] = run(kc, "view.figure().close();")
    results["comm_info after kernel close"] = comm_info(kc)
    results["ids"] = {"slider": slider, "image": image}
    return results


def main():
    km = KernelManager(kernel_name="lstm-lab")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    try:
        results = protocol(kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("RESULT " + json.dumps(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
