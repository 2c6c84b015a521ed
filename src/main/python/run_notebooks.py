#!/usr/bin/python3
"""Executes notebooks headless through a Jupyter kernel (nbclient) and writes the executed
copies and their HTML. Exits 1 naming the notebook and cell of the first error.

Used by ./lab run-notebooks and by the kernel's tests (with --allow-errors, to inspect every
cell's outputs, and --interrupt-after, to interrupt cells that run too long).
"""
import argparse
import hashlib
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError


def local_mathjax_url():
    """The MathJax 2 that ships with the system's Jupyter, as a file:// URL, so that the HTML exports
    typeset their equations offline (nbconvert's default outside Debian is a CDN). None if none is
    installed."""
    candidates = ["/usr/share/javascript/mathjax/MathJax.js"]  # Debian's libjs-mathjax
    try:
        import notebook  # the classic notebook ships MathJax under static/components
        candidates.append(os.path.join(os.path.dirname(notebook.__file__), "static", "components", "MathJax",
                                       "MathJax.js"))
    except ImportError:
        pass
    for candidate in candidates:
        if os.path.isfile(candidate):
            return "file://" + os.path.realpath(candidate) + "?config=TeX-AMS_CHTML-full,Safe"
    return None


def write_html(nb, path):
    from nbconvert import HTMLExporter
    url = local_mathjax_url()
    exporter = HTMLExporter(mathjax_url=url) if url else HTMLExporter()
    if url is None:
        print("note: no local MathJax found; the HTML loads it from nbconvert's default URL", file=sys.stderr)
    body, _ = exporter.from_notebook_node(nb)
    with open(path, "w", encoding="utf-8") as html:
        html.write(body)


def first_error(nb):
    for index, cell in enumerate(nb.cells):
        if cell.get("cell_type") != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index, output
    return None


# The environment variables that change what a course notebook shows (quick mode, the check's seed, the language,
# how the kernel draws display and widget ids): part of an executed copy's stamp.
SWITCHES = ("LSTMLAB_QUICK", "LSTMLAB_CHECK_SEED", "LSTMLAB_LANG", "LSTMLAB_SEQUENTIAL_IDS")


def stamp(path, build, kernel):
    """What an executed copy of the notebook at path was made from: its bytes, the build's digest, the kernel
    and the switches, as one digest. An executed copy with the same stamp shows what a new run would show."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        digest.update(f.read())
    for part in [build, kernel] + [f"{name}={os.environ.get(name, '')}" for name in SWITCHES]:
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()


def current(executed, wanted):
    """Whether the executed copy at executed exists and carries the stamp wanted (written only after a run without
    an error)."""
    if not os.path.isfile(executed):
        return False
    try:
        nb = nbformat.read(executed, as_version=4)
    except Exception:  # a copy cut short or not a notebook: run it again
        return False
    return nb.metadata.get("lstmlab", {}).get("executed_from") == wanted


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--out", required=True, help="folder for the executed notebooks and HTML")
    parser.add_argument("--kernel", default="lstm-lab")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds a cell may run")
    parser.add_argument("--startup-timeout", type=int, default=120)
    parser.add_argument("--allow-errors", action="store_true", help="run every cell even after an error")
    parser.add_argument("--interrupt-after", type=int, default=None,
                        help="interrupt cells tagged 'interrupt' (Kernel > Interrupt) after this many"
                             " seconds and go on")
    parser.add_argument("--no-html", action="store_true")
    parser.add_argument("--no-execute", action="store_true",
                        help="only write the HTML of the notebooks as they are (their Markdown and equations)")
    parser.add_argument("--build", default="",
                        help="the digest of what the notebooks run on (./lab's course_build_sum), for the stamp")
    parser.add_argument("--reuse", action="store_true",
                        help="keep an executed copy in --out whose stamp is current instead of running it again")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    failed = 0
    for path in args.notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        executed = os.path.join(args.out, name + ".ipynb")
        wanted = stamp(path, args.build, args.kernel)
        if args.reuse and current(executed, wanted):
            print(f"current {path}: kept {executed}", file=sys.stderr)
            continue
        nb = nbformat.read(path, as_version=4)
        if args.no_execute:
            write_html(nb, os.path.join(args.out, name + ".html"))
            print(f"html {path} -> {os.path.join(args.out, name + '.html')}", file=sys.stderr)
            continue
        def timeout_of(cell):
            if args.interrupt_after is not None and "interrupt" in cell.get("metadata", {}).get("tags", []):
                return args.interrupt_after
            return args.timeout

        client = NotebookClient(
            nb,
            kernel_name=args.kernel,
            timeout=args.timeout,
            timeout_func=timeout_of,
            startup_timeout=args.startup_timeout,
            allow_errors=args.allow_errors or args.interrupt_after is not None,
            interrupt_on_timeout=args.interrupt_after is not None,
            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        )
        started = time.monotonic()
        error = None
        try:
            client.execute()
        except CellExecutionError as e:
            error = e
        except CellTimeoutError as e:
            error = e
        seconds = time.monotonic() - started
        found = first_error(nb)
        if error is None and found is None:
            nb.metadata.setdefault("lstmlab", {})["executed_from"] = wanted
        nbformat.write(nb, executed)
        if not args.no_html:
            write_html(nb, os.path.join(args.out, name + ".html"))
        if error is not None or (found is not None and not args.allow_errors and args.interrupt_after is None):
            failed += 1
            if found is not None:
                index, output = found
                print(f"FAILED {path}: cell {index + 1} of {len(nb.cells)} (source starts: "
                      f"{''.join(nb.cells[index].source)[:60]!r}): "
                      f"{output.get('ename')}: {output.get('evalue')}", file=sys.stderr)
            else:
                print(f"FAILED {path}: {type(error).__name__}: {str(error)[:500]}", file=sys.stderr)
            if not args.allow_errors:
                print(f"wrote {executed}", file=sys.stderr)
                return 1
        else:
            print(f"ok {path} ({seconds:.1f} s) -> {executed}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
