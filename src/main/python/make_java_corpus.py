#!/usr/bin/env python3
"""Rebuilds datasets/lstm-lab-java.txt, the character model's corpus (notebook 10), byte for byte.

The corpus is a snapshot of the course library's own Java sources at one commit of this repository:
every file under src/main/java/org/lstmlab/{course,data,grad,nn,plot,train}/ (the library a student
reads; no grader, kernel, command line, solutions or tests), in path order, each after a line that
names it. The files are read from git at the commit, so the snapshot does not follow later edits.
A line that holds a line of an exercise's answer in solutions/ (between the solution markers, 16 characters or
more, as EditionIT searches the student edition for them) is left out: the edition carries this file and must
not give an answer away.

    python3 src/main/python/make_java_corpus.py            # writes datasets/lstm-lab-java.txt
    python3 src/main/python/make_java_corpus.py --check    # exits 1 when the file differs
"""
import argparse
import hashlib
import pathlib
import re
import subprocess
import sys

COMMIT = "377f0e02d01c15f04859b0e736a8dda76366e601"
PACKAGES = ["course", "data", "grad", "nn", "plot", "train"]
ROOT = pathlib.Path(__file__).resolve().parents[3]
OUT = ROOT / "datasets" / "lstm-lab-java.txt"


def git(*args):
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True).stdout


def answer_lines():
    """The stripped, non-trivial lines of every answer region in solutions/ (what EditionIT searches for)."""
    begin, end = marker("BEGIN"), marker("END")
    lines = set()
    for f in sorted((ROOT / "solutions").rglob("*.java")):
        text = f.read_text(encoding="utf-8")
        for region in re.findall(re.escape(begin) + "(.*?)" + re.escape(end), text, flags=re.S):
            for line in region.splitlines():
                line = line.strip()
                if len(line) >= 16 and not line.startswith("//"):
                    lines.add(line)
    return lines


def marker(name):
    """ExerciseGenerator's BEGIN or END marker, read from its source so the two never drift apart."""
    source = (ROOT / "src/main/java/org/lstmlab/grade/edition/ExerciseGenerator.java").read_text(encoding="utf-8")
    found = re.search(r"static final String " + name + r' = "([^"]*)"', source)
    if not found:
        sys.exit("no " + name + " marker in ExerciseGenerator.java")
    return found.group(1)


def without_answers(text, answers):
    kept = [line for line in text.decode("utf-8").splitlines(keepends=True)
            if not any(answer in line for answer in answers)]
    return "".join(kept).encode("utf-8")


def corpus():
    prefixes = ["src/main/java/org/lstmlab/" + p + "/" for p in PACKAGES]
    names = git("ls-tree", "-r", "--name-only", COMMIT, "--", *prefixes).decode("utf-8").splitlines()
    parts = []
    answers = answer_lines()
    for name in sorted(n for n in names if n.endswith(".java")):
        parts.append(("// ---- " + name[len("src/main/java/"):] + " ----\n").encode("utf-8"))
        parts.append(without_answers(git("show", COMMIT + ":" + name), answers))
        parts.append(b"\n")
    return b"".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = parser.parse_args()
    text = corpus()
    digest = hashlib.sha256(text).hexdigest()
    if args.check:
        same = OUT.is_file() and OUT.read_bytes() == text
        print(("same as " if same else "differs from ") + str(OUT) + ": " + digest)
        sys.exit(0 if same else 1)
    OUT.write_bytes(text)
    print("wrote " + str(OUT) + ": " + str(len(text)) + " bytes, " + str(text.count(b"\n")) + " lines, SHA-256 " + digest)


if __name__ == "__main__":
    main()
