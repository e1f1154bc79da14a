"""Fails when a dependency declares a rust-version newer than the crate's own.

The machine has one toolchain, so the MSRV cannot be proven by building with an older
compiler; this checks the next best thing: what every resolved dependency says it needs.
"""
import json
import subprocess
import sys


def parse(v):
    return tuple(int(x) for x in v.split("."))[:3] + (0,) * (3 - len(v.split(".")))


meta = json.loads(subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--locked"]))
ours = next(p for p in meta["packages"] if p["name"] == "hf-papers")
msrv = parse(ours["rust_version"])
resolved = {n["id"] for n in meta["resolve"]["nodes"]}
too_new = []
for p in meta["packages"]:
    if p["id"] in resolved and p.get("rust_version") and parse(p["rust_version"]) > msrv:
        too_new.append(f'{p["name"]} {p["version"]} needs {p["rust_version"]}')
if too_new:
    print(f'rust-version {ours["rust_version"]} is too low:', *too_new, sep="\n  ")
    sys.exit(1)
print(f'rust-version {ours["rust_version"]}: all {len(resolved)} resolved packages agree')
