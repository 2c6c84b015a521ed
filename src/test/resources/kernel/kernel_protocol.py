#!/usr/bin/python3
"""Talks to the lstm-lab kernel through jupyter_client the way Jupyter's front ends do, and prints
what came back as one JSON object on a line starting with RESULT (KernelProtocolIT asserts on it).

Covers what nbclient cannot: input requests answered by a user, interrupting a cell that waits for
input, inspect (Shift-Tab), complete (Tab), history, the raw display / update_display messages, and
the protocol as JupyterLab uses it (protocol()): queued cells aborted after an error, silent and
store_history, user_expressions, is_complete, kernel_info, comm_info, usage, interrupt and shutdown
replies. Works with jupyter_client 7 and 8.

  kernel_protocol.py           all of it
  kernel_protocol.py inspect   the inspections only (to check another JDK's JShell quickly)
"""
import json
import os
import queue
import shutil
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

import kernel_messages  # src/main/python, on PYTHONPATH

TIMEOUT = 180
CONTROL_TIMEOUT = 30


def main():
    km = KernelManager(kernel_name="lstm-lab")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    results = {}

    def shell_reply(msg_id):
        return shell_reply_of(kc, msg_id)

    def run(code, allow_stdin=False, answers=(), interrupt_on_input=False):
        msg_id = kc.execute(code, allow_stdin=allow_stdin)
        prompts, answers = [], list(answers)

        def answer_input():
            try:
                request = kc.get_stdin_msg(timeout=0.05)
            except queue.Empty:
                return
            prompts.append(request["content"])
            if interrupt_on_input:
                km.interrupt_kernel()
            else:
                kc.input(answers.pop(0))

        found = kernel_messages.iopub_of(kc, msg_id, TIMEOUT, poll=0.05, meanwhile=answer_input)
        iopub = [{"msg_type": m["msg_type"], "content": m["content"]} for m in found]
        return {"iopub": iopub, "prompts": prompts, "reply": shell_reply(msg_id)}

    results["define"] = run("var cell = new LstmCell(LstmParams.init(3, 4, 42));")
    everything = sys.argv[1:] != ["inspect"]
    if everything:
        talk(run, results)
    for code in ["LstmCell", "cell.forward(", "LstmParams.init(", "GateHeatmapChart.chart(", "display(",
                 "new LstmCell(", "Progress.Mode.BAR", "Math.max(", "cell.forward(null, null, null).f("]:
        results["inspect " + code] = shell_reply(kc.inspect(code, len(code), detail_level=0))
    if everything:
        results["complete cell.forw"] = shell_reply(kc.complete("cell.forw", 9))
        results["complete LstmPar"] = shell_reply(kc.complete("LstmPar", 7))
        results["history tail"] = shell_reply(kc.history(hist_access_type="tail", n=3, raw=True, output=True))
        results["history range"] = shell_reply(
            kc.history(hist_access_type="range", session=0, start=1, stop=3, raw=True, output=False))
        results["history search"] = shell_reply(kc.history(
            hist_access_type="search", pattern="*nextLine*", n=10, unique=True, raw=True, output=False))
        protocol(kc, results)

    kc.stop_channels()
    km.shutdown_kernel(now=True)
    print("RESULT " + json.dumps(results), flush=True)
    return 0


def collect(kc, msg_ids):
    """Every IOPub message of the given requests until each is idle, and each one's shell reply."""
    iopub = {msg_id: [] for msg_id in msg_ids}
    replies = {}
    deadline = time.monotonic() + TIMEOUT
    idle = set()
    def done():
        return len(replies) == len(msg_ids) and all(
            m in idle for m in msg_ids if replies[m]["msg_type"] == "execute_reply")

    while not done() and time.monotonic() < deadline:
        try:
            message = kc.get_iopub_msg(timeout=0.05)
            parent = message["parent_header"].get("msg_id")
            if parent in iopub:
                iopub[parent].append({"msg_type": message["msg_type"], "content": message["content"]})
                if kernel_messages.is_idle(message):
                    idle.add(parent)
        except queue.Empty:
            pass
        try:
            reply = kc.get_shell_msg(timeout=0.05)
            parent = reply["parent_header"].get("msg_id")
            if parent in iopub:
                replies[parent] = {"msg_type": reply["msg_type"], "content": reply["content"],
                                   "metadata": reply.get("metadata", {})}
        except queue.Empty:
            pass
    if not done():
        raise TimeoutError(f"no idle or reply for some of {msg_ids}: {replies}")
    return [{"iopub": iopub[m], "reply": replies[m]} for m in msg_ids]


def control(kc, msg_type, content=None):
    """Sends a request on the control channel, as JupyterLab and jupyter-resource-usage do, and returns its reply."""
    reply = kernel_messages.control_reply(kc, msg_type, content or {}, CONTROL_TIMEOUT)
    if reply is None:
        # recorded, not raised: the test of this request fails, the others still judge their own
        return {"msg_type": None, "content": {}, "error": f"no reply to {msg_type} in {CONTROL_TIMEOUT} s"}
    return {"msg_type": reply["msg_type"], "content": reply["content"]}


def protocol(kc, results):
    """The execute_request fields, replies and control requests JupyterLab uses (issue 22)."""
    one = lambda code, **options: collect(kc, [kc.execute(code, **options)])[0]
    # Run All: three cells queued at once, the first fails; with a completion request among them.
    queued = [kc.execute('Thread.sleep(500);\nthrow new IllegalStateException("cell 1 fails");'),
              kc.execute('String abortedRan = "yes";\nSystem.out.println("cell 2 ran");'),
              kc.complete("Math.ma", 7),
              kc.execute('System.out.println("cell 3 ran");')]
    results["run all"] = collect(kc, queued)
    results["after abort"] = one('"runs again"')
    results["aborted cell did not run"] = one("abortedRan")
    # stop_on_error false (a cell tagged raises-exception): the queued cell runs.
    kept = [kc.execute('throw new IllegalStateException("expected");', stop_on_error=False),
            kc.execute('"queued after an expected error"')]
    results["no stop on error"] = collect(kc, kept)
    # A silent error aborts nothing.
    quiet = [kc.execute('Thread.sleep(300);\nthrow new IllegalStateException("silent");', silent=True),
             kc.execute('"queued after a silent error"')]
    results["silent error"] = collect(kc, quiet)
    results["count before"] = one('"before"')
    results["silent"] = one('System.out.println("shh");\ndisplay("shown?");\n41 + 1', silent=True)
    results["not stored"] = one('"not stored"', store_history=False)
    results["count after"] = one('"after"')
    results["history after"] = shell_reply_of(kc, kc.history(hist_access_type="tail", n=3, raw=True, output=False))
    results["user expressions"] = one(
        "int base = 40;",
        user_expressions={"sum": "base + 2", "bad": "noSuchVariable * 2", "text": '"h" + "i"'})
    results["user expressions after an error"] = one('throw new RuntimeException("no");',
                                                    user_expressions={"sum": "base + 2"}, stop_on_error=False)
    for code in [")))", "int x = ;", "for (int i = 0; i < 3; i++) {", "int x = 1;", "%lsmagic"]:
        results["is_complete " + code] = shell_reply_of(kc, kc.is_complete(code))
    results["kernel_info"] = shell_reply_of(kc, kc.kernel_info())
    results["comm_info"] = shell_reply_of(kc, kc.comm_info())
    results["usage idle"] = control(kc, "usage_request")
    idle_at = time.monotonic()
    # 1.5 s of the kernel thread's own CPU time, however busy the machine is
    one("var threads = java.lang.management.ManagementFactory.getThreadMXBean();\n"
        "long end = threads.getCurrentThreadCpuTime() + 1_500_000_000L; double spin = 0;\n"
        "while (threads.getCurrentThreadCpuTime() < end) { spin += Math.sqrt(spin + 1); }")
    results["usage busy"] = control(kc, "usage_request")
    results["usage busy"]["wall_seconds"] = time.monotonic() - idle_at
    one("var big = Nd4j.create(DataType.FLOAT, 25_000_000).assign(1);")
    results["usage after 100 MB"] = control(kc, "usage_request")
    ijava(one, results)
    results["interrupt"] = control(kc, "interrupt_request")
    results["shutdown"] = control(kc, "shutdown_request", {"restart": False})


def ijava(one, results):
    """Issue 31: %load of .java, .jshell (itself loading) and .ipynb files, %lsmagic, JShell's commands."""
    folder = tempfile.mkdtemp(prefix="lstmlab-load-")
    with open(os.path.join(folder, "Twice.java"), "w") as f:
        f.write("int twice(int x) {\n    return 2 * x;\n}\n")
    with open(os.path.join(folder, "helper.jshell"), "w") as f:
        f.write(f"%load {folder}/Twice.java\nString greeting = \"hi \" + twice(21);\n")
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# set-up"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": ["import java.util.concurrent.atomic.*;\n"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": ["var counter = new AtomicInteger(40);"]}]}
    with open(os.path.join(folder, "setup.ipynb"), "w") as f:
        json.dump(notebook, f)
    results["lsmagic"] = one("%lsmagic")
    results["load"] = one(f"%load {folder}/helper\n%load {folder}/setup.ipynb\n"
                          "greeting + \" \" + counter.addAndGet(2)")
    results["load missing"] = one(f"%load {folder}/nothing-here", stop_on_error=False)
    for command in ["/vars", "/methods", "/imports", "/list", "%vars"]:
        results[command] = one(command)
    results["/drop"] = one("/drop greeting\n/vars")
    results["/drop nothing"] = one("/drop noSuchName", stop_on_error=False)
    results["/reset"] = one("/reset")
    results["after reset"] = one("greeting", stop_on_error=False)
    results["/vars after reset"] = one("/vars")
    results["imports after reset"] = one("LstmParams.class.getSimpleName()")
    shutil.rmtree(folder, ignore_errors=True)


def shell_reply_of(kc, msg_id):
    return kernel_messages.shell_content(kc, msg_id, TIMEOUT)


def talk(run, results):
    """The cells that read input, display, and train."""
    results["stdin"] = run('var in = new java.util.Scanner(System.in);\nSystem.out.print("name? ");\n'
                           'String name = in.nextLine();\n"hello " + name', allow_stdin=True, answers=["Ada"])
    results["stdin_next_line"] = run("in.nextLine()", allow_stdin=True, answers=["second line"])
    results["stdin_refused"] = run("new java.util.Scanner(System.in).nextLine()", allow_stdin=False)
    results["stdin_interrupted"] = run("in.nextLine()", allow_stdin=True, interrupt_on_input=True)
    results["after_interrupt"] = run("1 + 1")
    results["stdin_after_interrupt"] = run("new java.util.Scanner(System.in).nextLine()", allow_stdin=True,
                                           answers=["still here"])
    results["display"] = run('String id = display("first");\nupdateDisplay(id, "second");')
    results["progress"] = run(
        "var model = new SequenceRegressor(new LstmCell(LstmParams.init(2, 4, 1)), 1, 1);\n"
        "var trained = Trainer.fit(model, AddingProblem.modern(5), TrainConfig.defaults().withSteps(60).withBatchSize(4));")


if __name__ == "__main__":
    sys.exit(main())
