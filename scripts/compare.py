#!/usr/bin/env python3
"""Compares hf_papers with the tools people use to read Daily Papers pages.

Installs the peers into a work folder (default target/compare, which git ignores): a Python
venv with BeautifulSoup, lxml and selectolax, and cheerio under node_modules; builds a small
Rust runner against this checkout (hf_papers, and scraper + serde_json). Then each tool
reads the same pages, in-process, with the same extraction (each paper's id, title, upvotes
and comment count), and this prints one table: the machine, then per tool the MB/s and
papers/s on each page and whether its records agree with hf_papers'.

    python3 scripts/compare.py                      # the real captures in ../shared/corpus
    python3 scripts/compare.py PAGE.html ...        # other listing pages
    python3 scripts/compare.py --budget 3 --work /tmp/compare

Needs python3 (with venv), node and npm, cargo, and the PyPI and npm registries the first
time. Exits with status 1 if a tool's records disagree with hf_papers'.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "compare"
PY_PEERS = ["beautifulsoup4==4.15.0", "lxml==6.1.3", "selectolax==1.0.2"]
NODE_PEERS = ["cheerio@1.2.0"]
DEFAULT_PAGES = [
    "html/daily-2026-07-02.html",
    "html/browser-rendered-daily-2026-09-28.html",
]


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, text=True, **kwargs)


def install(work):
    venv = work / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)])
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PY_PEERS])

    node = work / "node"
    node.mkdir(parents=True, exist_ok=True)
    if not (node / "node_modules" / "cheerio").exists():
        (node / "package.json").write_text('{"name": "compare-peers", "private": true}\n')
        run(["npm", "install", "--silent", "--no-audit", "--no-fund", *NODE_PEERS], cwd=node)
    shutil.copy(HERE / "cheerio.js", node / "cheerio.js")

    runner = work / "runner"
    (runner / "src").mkdir(parents=True, exist_ok=True)
    (runner / "Cargo.toml").write_text(
        "[package]\n"
        'name = "compare-runner"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        "[dependencies]\n"
        f"hf-papers = {{ path = {json.dumps(str(ROOT))} }}\n"
        'scraper = { version = "0.24", default-features = false }\n'
        'serde_json = "1"\n\n'
        "[workspace]\n"
    )
    shutil.copy(HERE / "runner.rs", runner / "src" / "main.rs")
    if not (runner / "Cargo.lock").exists() and (ROOT / "Cargo.lock").exists():
        shutil.copy(ROOT / "Cargo.lock", runner / "Cargo.lock")  # the crate's versions
    run(["cargo", "build", "--release", "--quiet"], cwd=runner)
    return python, node, runner / "target" / "release" / "compare-runner"


def machine():
    def first(path, key):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "?"

    def version(cmd):
        try:
            return run(cmd, capture_output=True).stdout.strip().splitlines()[0]
        except (OSError, subprocess.CalledProcessError):
            return "?"

    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    mem = f"{int(mem_kb) / 1024 / 1024:.0f} GiB" if mem_kb.isdigit() else "?"
    return [
        f"cpu: {first('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores"
        f" ({platform.machine()}), memory {mem}",
        f"{version(['rustc', '--version'])}; Python {platform.python_version()};"
        f" node {version(['node', '--version'])}",
    ]


def normalized(record):
    """A record with its title as hf_papers normalizes titles (whitespace runs, NFC)."""
    paper_id, title, upvotes, comments = record
    title = unicodedata.normalize("NFC", " ".join((title or "").split()))
    as_int = lambda n: None if n is None else int(n)  # noqa: E731 (12.0 is 12)
    return (paper_id, title, as_int(upvotes), as_int(comments))


def agreement(records, reference):
    mine = [normalized(r) for r in records]
    ref = [normalized(r) for r in reference]
    if mine == ref:
        return "yes"
    if [r[0] for r in mine] != [r[0] for r in ref]:
        return f"NO: ids differ ({len(mine)} papers, hf_papers {len(ref)})"
    for field, name in [(1, "titles"), (2, "upvotes"), (3, "comments")]:
        diff = sum(a[field] != b[field] for a, b in zip(mine, ref))
        if diff:
            return f"NO: {diff} {name} differ"
    return "NO"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="listing pages (default: the real captures)")
    parser.add_argument("--work", default=str(ROOT / "target" / "compare"),
                        help="where to install the peers (default: target/compare)")
    parser.add_argument("--budget", type=float, default=3.0,
                        help="seconds of timed runs per tool and page (default: 3)")
    args = parser.parse_args()

    pages = args.pages
    if not pages:
        corpus = Path(os.environ.get("HF_PAPERS_CORPUS", ROOT.parent / "shared" / "corpus"))
        pages = [str(corpus / p) for p in DEFAULT_PAGES]
    missing = [p for p in pages if not Path(p).is_file()]
    if missing:
        sys.exit(f"compare: no such page: {', '.join(missing)} (set HF_PAPERS_CORPUS or name pages)")

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    python, node, runner = install(work)

    budget = str(args.budget)
    lines = []
    for cmd in (
        [str(runner), budget, *pages],
        [str(python), str(HERE / "peers.py"), budget, *pages],
        ["node", str(node / "cheerio.js"), budget, *pages],
    ):
        lines += run(cmd, capture_output=True).stdout.splitlines()
    results = [json.loads(line) for line in lines if line.strip()]

    reference = {r["page"]: r["records"] for r in results if r["tool"].startswith("hf_papers")}
    tools = list(dict.fromkeys(r["tool"] for r in results))
    by_key = {(r["tool"], r["page"]): r for r in results}

    names = [Path(p).stem for p in pages]
    header = ["tool"]
    for name in names:
        header += [f"{name} MB/s", "papers/s"]
    header.append("same ids, titles, upvotes, comments as hf_papers")
    rows = []
    disagree = False
    for tool in tools:
        row = [tool]
        verdicts = []
        for page in pages:
            r = by_key.get((tool, page))
            if r is None or "error" in r:
                row += ["error", "-"]
                verdicts.append(f"error: {r['error'] if r else 'no result'}")
                continue
            row += [f"{r['bytes'] / r['seconds'] / 1e6:,.0f}",
                    f"{len(r['records']) / r['seconds']:,.0f}"]
            verdicts.append(agreement(r["records"], reference.get(page, [])))
        verdict = "yes" if all(v == "yes" for v in verdicts) else "; ".join(verdicts)
        disagree |= verdict != "yes"
        row.append(verdict)
        rows.append(row)

    print("\n".join(machine()))
    print("pages: " + ", ".join(f"{Path(p).name} ({Path(p).stat().st_size / 1000:,.0f} KB)"
                                for p in pages))
    print(f"each figure: {args.budget:g} s of runs in-process after a warm-up, in five rounds;"
          " the lowest round median\n")
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(row[1:-1], widths[1:-1])]
        cells.append(row[-1].ljust(widths[-1]))
        print("| " + " | ".join(cells) + " |")
    sys.exit(1 if disagree else 0)


if __name__ == "__main__":
    main()
