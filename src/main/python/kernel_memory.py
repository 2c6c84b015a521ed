#!/usr/bin/python3
"""Runs notebooks through the course kernel (nbclient) and prints how much memory the kernel holds
after each: its resident set (VmRSS) when the last cell has run, and its peak (VmHWM) over the run.
The kernel reads both from /proc/self/status in one extra cell appended to the notebook, so the figure
is the kernel JVM's own, wherever it runs.

Used by ./lab bench (with LSTMLAB_QUICK=1) and by the image tests. One line per notebook:

    kernel memory after 02-forget-gate: RSS 301 MB, peak 318 MB (12.3 s)
"""
import argparse
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

# The cell the kernel runs last. It is Java (JShell) and prints two lines: "VmRSS: N kB", "VmHWM: N kB".
MEMORY_CELL = ('java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()'
               '.filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM")).forEach(System.out::println);')


def kilobytes(text, field):
    match = re.search(field + r":\s+(\d+) kB", text)
    if match is None:
        raise ValueError(f"the memory cell printed no {field}: {text!r}")
    return int(match.group(1))


def measure(path, kernel, timeout):
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(MEMORY_CELL))
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, startup_timeout=180,
                            resources={"metadata": {"path": path.rsplit("/", 1)[0] if "/" in path else "."}})
    started = time.monotonic()
    client.execute()
    seconds = time.monotonic() - started
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream")
    return kilobytes(printed, "VmRSS"), kilobytes(printed, "VmHWM"), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--kernel", default="lstm-lab")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds a cell may run")
    args = parser.parse_args()
    failed = 0
    for path in args.notebooks:
        name = path.rsplit("/", 1)[-1].removesuffix(".ipynb")
        try:
            rss, peak, seconds = measure(path, args.kernel, args.timeout)
        except (CellExecutionError, ValueError, RuntimeError) as error:
            print(f"kernel memory after {name}: FAILED ({type(error).__name__}: {str(error)[:300]})")
            failed += 1
            continue
        print(f"kernel memory after {name}: RSS {rss // 1024} MB, peak {peak // 1024} MB ({seconds:.1f} s)",
              flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
