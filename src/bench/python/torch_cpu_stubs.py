#!/usr/bin/python3
"""Makes PyPI's torch wheel for Linux importable without its CUDA packages, for CPU benchmarks only.

PyPI's Linux x86_64 torch wheels are CUDA builds: torch/lib/libtorch_cuda.so and its siblings name CUDA's
libraries (libcudart.so.13, libcublas.so.13, libcudnn.so.9, ...) as NEEDED, and the wheel depends on several GB of
NVIDIA packages that hold them. ./lab bench --with-pytorch installs the wheel with --no-deps and then runs this:
for every library torch/lib needs that neither torch/lib nor the system has, it compiles a stand-in shared library
into torch/lib (the libraries' RPATH includes $ORIGIN) with that SONAME, each symbol torch takes from it defined
(under the symbol version torch asks for) as a function that fails: CUDA calls answer cudaErrorNoDevice (100), so
torch.cuda.is_available() is False, and nothing on the CPU path calls them. The CPU code (libtorch_cpu.so with its
MKL and oneDNN) is the wheel's, unchanged.

Usage: torch_cpu_stubs.py SITE_PACKAGES   (prints one line per stand-in; needs cc, readelf and nm)
"""
import pathlib
import re
import subprocess
import sys
import tempfile

# Which missing library an unversioned symbol belongs to, by prefix (the versioned ones name their library).
PREFIXES = {"nccl": "libnccl.so", "cusparseLt": "libcusparseLt.so", "cuFile": "libcufile.so",
            "nvshmem": "libnvshmem_host.so", "cudnn": "libcudnn.so", "nvrtc": "libnvrtc.so"}
# Symbol versions that are not named after their library.
VERSION_OWNERS = {"NVSHMEM": "libnvshmem_host.so"}
NO_DEVICE = 100  # cudaErrorNoDevice


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def needed(lib):
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", run("readelf", "-d", str(lib)))


def symbols(lib, which):
    """(name, version or None) of the dynamic symbols; which is --undefined-only or --defined-only."""
    out = []
    for line in run("nm", "-D", which, str(lib)).splitlines():
        parts = line.split()
        if not parts:
            continue
        kind, name = (parts[-2], parts[-1]) if len(parts) >= 2 else ("", parts[-1])
        if kind in ("w", "v"):  # weak: may stay undefined
            continue
        name, _, version = name.partition("@")
        out.append((name, version.lstrip("@") or None))
    return out


def system_has(soname):
    return soname in run("/sbin/ldconfig", "-p")


def owner(missing, name, version):
    """The missing library that is to define a symbol, or None when another library defines it."""
    if version:
        base = VERSION_OWNERS.get(version, version)
        return next((m for m in missing if m == base or m.startswith(base.split(".so")[0] + ".so")), None)
    for prefix, base in PREFIXES.items():
        if name.startswith(prefix):
            return next((m for m in missing if m.startswith(base)), None)
    return None


def c_source(names):
    lines = ["/* A stand-in written by LSTM Lab's torch_cpu_stubs.py: no CUDA here, every call fails. */",
             'static const char absent[] = "CUDA is not installed (CPU-only stand-in library)";']
    for name in sorted(names):
        if re.search(r"(ErrorString|GetErrorName|GetString)$", name):
            lines.append(f"const char *{name}(void) {{ return absent; }}")
        elif name.startswith("__cuda"):
            lines.append(f"void *{name}(void) {{ return 0; }}")
        else:
            lines.append(f"int {name}(void) {{ return {NO_DEVICE}; }}")
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    lib_dir = pathlib.Path(sys.argv[1]) / "torch" / "lib"
    if not lib_dir.is_dir():
        sys.exit(f"torch_cpu_stubs.py: expected the torch package under {sys.argv[1]} but found no {lib_dir}")
    libs = sorted(lib_dir.glob("*.so*"))
    present = {lib.name for lib in libs}
    missing = sorted({n for lib in libs for n in needed(lib)
                      if n not in present and not system_has(n)})
    defined = {name for lib in libs for name, _ in symbols(lib, "--defined-only")}
    wanted = {m: {} for m in missing}  # library -> {symbol: version}
    for lib in libs:
        for name, version in symbols(lib, "--undefined-only"):
            if name in defined or (version and not owner(missing, name, version)):
                continue
            target = owner(missing, name, version)
            if target is None:
                continue  # the interpreter's (Py*) or the C library's
            wanted[target][name] = version
    with tempfile.TemporaryDirectory() as tmp:
        for soname, syms in wanted.items():
            c = pathlib.Path(tmp) / (soname + ".c")
            c.write_text(c_source(syms))
            cmd = ["cc", "-shared", "-fPIC", "-O0", "-o", str(lib_dir / soname), str(c), "-Wl,-soname," + soname]
            versions = sorted({v for v in syms.values() if v})
            if versions:
                script = pathlib.Path(tmp) / (soname + ".map")
                script.write_text("".join(
                    f"{v} {{ global: {' '.join(n + ';' for n, nv in syms.items() if nv == v)} }};\n"
                    for v in versions))
                cmd.append("-Wl,--version-script=" + str(script))
            subprocess.run(cmd, check=True)
            print(f"stand-in {soname}: {len(syms)} symbols")


if __name__ == "__main__":
    main()
