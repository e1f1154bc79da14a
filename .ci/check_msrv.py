"""Fails when a dependency declares a rust-version newer than the crate's own, or when the
crate's code uses let chains (`if a && let Some(x) = y`, stable only since Rust 1.88).

The machine has one toolchain, so the MSRV cannot be proven by building with an older
compiler; this checks the next best things: what every resolved dependency says it needs,
and the one newer syntax that is easy to write by habit.
"""
import json
import pathlib
import re
import subprocess
import sys

# `a && let P = e` anywhere, and `if let P = e && a` (a chain that starts with its `let`):
# an `&&` outside brackets between `if let`/`while let` and the block.
CHAIN_TAIL = re.compile(r"(&&|\|\|)\s*let\s")
CHAIN_HEAD = re.compile(r"\b(if|while)\s+let\b")


def let_chains(text):
    for match in CHAIN_TAIL.finditer(text):
        yield match.start()
    for match in CHAIN_HEAD.finditer(text):
        depth, i = 0, match.end()
        while i < len(text) and not (depth == 0 and text[i] in "{;"):
            if text[i] in "([":
                depth += 1
            elif text[i] in ")]":
                depth -= 1
            elif depth == 0 and text.startswith("&&", i):
                yield match.start()
                break
            i += 1


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
if msrv < (1, 88, 0):
    sources = ["src", "tests", "examples", "benches", "fuzz/fuzz_targets", "scripts"]
    for path in sorted(p for d in sources for p in pathlib.Path(d).glob("**/*.rs")):
        text = path.read_text(encoding="utf-8")
        for start in let_chains(text):
            line = text.count("\n", 0, start) + 1
            too_new.append(f"{path}:{line} uses a let chain (Rust 1.88)")
if too_new:
    print(f'rust-version {ours["rust_version"]} is too low:', *too_new, sep="\n  ")
    sys.exit(1)
print(f'rust-version {ours["rust_version"]}: all {len(resolved)} resolved packages agree')
