#!/usr/bin/python3
"""Talks to the lstm-lab kernel through jupyter_client the way Jupyter's front ends do, and prints
what came back as one JSON object on a line starting with RESULT (KernelProtocolIT asserts on it).

Covers what nbclient cannot: input requests answered by a user, interrupting a cell that waits for
input, inspect (Shift-Tab), complete (Tab), history, and the raw display / update_display messages.

  kernel_protocol.py           all of it
  kernel_protocol.py inspect   the inspections only (to check another JDK's JShell quickly)
"""
import json
import queue
import sys
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 180


def main():
    km = KernelManager(kernel_name="lstm-lab")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    results = {}

    def shell_reply(msg_id):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            reply = kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]
        raise TimeoutError(f"no reply to {msg_id}")

    def run(code, allow_stdin=False, answers=(), interrupt_on_input=False):
        msg_id = kc.execute(code, allow_stdin=allow_stdin)
        iopub, prompts, answers = [], [], list(answers)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                request = kc.get_stdin_msg(timeout=0.05)
                prompts.append(request["content"])
                if interrupt_on_input:
                    km.interrupt_kernel()
                else:
                    kc.input(answers.pop(0))
            except queue.Empty:
                pass
            try:
                message = kc.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                continue
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            iopub.append({"msg_type": message["msg_type"], "content": message["content"]})
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                break
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

    kc.stop_channels()
    km.shutdown_kernel(now=True)
    print("RESULT " + json.dumps(results), flush=True)
    return 0


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
