#!/usr/bin/python3
"""Runs notebooks through the course kernel (nbclient) and prints how much memory one student's kernel holds
after each: the kernel's resident set (VmRSS) when the last cell has run and its peak (VmHWM) over the run, and
the resident sets of its whole process tree — the kernel and every process under it, such as the grading JVM
(inside its sandbox) that check() starts. The kernel reads them from /proc in one extra cell appended to the
notebook, so the figures are the kernel's own, wherever it runs. With --after N it measures the tree again N
seconds later (a process left running shows there).

Used by ./lab bench (with LSTMLAB_QUICK=1 or in full mode) and by the image tests. Per notebook:

    kernel memory after 02-forget-gate: RSS 301 MB, peak 318 MB; process tree 301 MB (the kernel alone) (12.3 s)
    kernel memory 30 s after 02-forget-gate: process tree 301 MB (the kernel alone)

Resident sets are added up as they are, so pages the kernel and a child share count twice: an upper bound.
"""
import argparse
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

# The cell the kernel runs last. It is Java (JShell) and prints one line per process of its tree, itself first:
# "process PID Name: java | VmHWM: N kB | VmRSS: N kB" (a process that holds no memory has neither Vm line).
MEMORY_CELL = ('java.util.stream.Stream.concat(java.util.stream.Stream.of(ProcessHandle.current()),'
               ' ProcessHandle.current().descendants()).forEach(p -> { try { System.out.println("process " + p.pid()'
               ' + " " + java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + p.pid() + "/status"))'
               '.stream().filter(l -> l.startsWith("Name:") || l.startsWith("VmRSS:") || l.startsWith("VmHWM:"))'
               '.map(l -> l.replaceAll("\\\\s+", " ")).collect(java.util.stream.Collectors.joining(" | ")));'
               ' } catch (java.io.IOException ended) { } });')

PROCESS = re.compile(r"^process (\d+) (.*)$", re.MULTILINE)


def kilobytes(text, field):
    match = re.search(field + r":\s+(\d+) kB", text)
    if match is None:
        raise ValueError(f"the memory cell printed no {field}: {text!r}")
    return int(match.group(1))


class Tree:
    """What the memory cell printed: the kernel (first) and the processes under it, each (pid, name, RSS kB)."""

    def __init__(self, printed):
        found = PROCESS.findall(printed)
        if not found:
            raise ValueError(f"the memory cell printed no process line: {printed!r}")
        kernel = found[0][1]
        self.kernel_rss = kilobytes(kernel, "VmRSS")
        self.kernel_peak = kilobytes(kernel, "VmHWM")
        self.others = []
        for pid, fields in found[1:]:
            name = re.search(r"Name: (\S+)", fields)
            rss = re.search(r"VmRSS: (\d+) kB", fields)
            self.others.append((int(pid), name.group(1) if name else "?", int(rss.group(1)) if rss else 0))

    def total(self):
        return self.kernel_rss + sum(rss for _, _, rss in self.others)

    def describe(self):
        """"process tree 423 MB (kernel 301 MB + 2 under it: java 122 MB, bwrap 0 MB)" or "(the kernel alone)"."""
        if not self.others:
            return f"process tree {self.total() // 1024} MB (the kernel alone)"
        under = ", ".join(f"{name} {rss // 1024} MB" for _, name, rss in self.others)
        return (f"process tree {self.total() // 1024} MB (kernel {self.kernel_rss // 1024} MB + "
                f"{len(self.others)} under it: {under})")


def measure(path, kernel, timeout, after):
    """Runs the notebook, then the memory cell, and with after > 0 a pause and the memory cell again."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(MEMORY_CELL))
    if after > 0:
        nb.cells.append(nbformat.v4.new_code_cell(f"Thread.sleep({after * 1000}L);"))
        nb.cells.append(nbformat.v4.new_code_cell(MEMORY_CELL))
    client = NotebookClient(nb, kernel_name=kernel, timeout=max(timeout, after + 60), startup_timeout=180,
                            resources={"metadata": {"path": path.rsplit("/", 1)[0] if "/" in path else "."}})
    started = time.monotonic()
    client.execute()
    seconds = time.monotonic() - started - after
    trees = [Tree(printed(cell)) for cell in nb.cells if cell.source == MEMORY_CELL]
    return trees[0], (trees[1] if after > 0 else None), seconds


def printed(cell):
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--kernel", default="lstm-lab")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds a cell may run")
    parser.add_argument("--after", type=int, default=0, metavar="N",
                        help="measure the process tree again N seconds after the notebook")
    args = parser.parse_args()
    failed = 0
    for path in args.notebooks:
        name = path.rsplit("/", 1)[-1].removesuffix(".ipynb")
        try:
            tree, later, seconds = measure(path, args.kernel, args.timeout, args.after)
        except (CellExecutionError, ValueError, RuntimeError) as error:
            print(f"kernel memory after {name}: FAILED ({type(error).__name__}: {str(error)[:300]})")
            failed += 1
            continue
        print(f"kernel memory after {name}: RSS {tree.kernel_rss // 1024} MB, peak {tree.kernel_peak // 1024} MB;"
              f" {tree.describe()} ({seconds:.1f} s)", flush=True)
        if later is not None:
            print(f"kernel memory {args.after} s after {name}: {later.describe()}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
