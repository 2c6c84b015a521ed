#!/usr/bin/python3
"""Starts the lstm-lab kernel through jupyter_client, as Jupyter does.

  kernel_probe.py orphan   prints the kernel's pid once it is ready, then waits to be killed
  kernel_probe.py timing   prints the seconds to a ready kernel and to the first ND4J cell's reply
"""
import sys
import time

from jupyter_client.manager import KernelManager


def start():
    started = time.monotonic()
    km = KernelManager(kernel_name="lstm-lab")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc, time.monotonic() - started


def main():
    mode = sys.argv[1]
    km, kc, ready = start()
    if mode == "orphan":
        print(km.provisioner.pid, flush=True)
        time.sleep(3600)
        return 0
    started = time.monotonic()
    reply = kc.execute_interactive("Nd4j.ones(2, 2).mmul(Nd4j.ones(2, 2)).sumNumber()", timeout=120,
                                  output_hook=lambda msg: None)
    first_nd4j = time.monotonic() - started
    status = reply["content"]["status"]
    started = time.monotonic()
    kc.execute_interactive("1 + 1", timeout=120, output_hook=lambda msg: None)
    next_cell = time.monotonic() - started
    print(f"ready={ready:.2f} first_nd4j_cell={first_nd4j:.2f} next_cell={next_cell:.2f} status={status}", flush=True)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return 0 if status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
