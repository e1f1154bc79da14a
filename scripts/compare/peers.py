"""The Python side of scripts/compare.py: the ways people read a Daily Papers page in
Python, each timed in-process on every page given; one JSON line per tool and page.

Every tool does the same extraction: find the element with data-target="DailyPapers", take
its data-props (HTML entities decoded), parse the JSON, and keep each paper's id, title,
upvotes and comment count.
"""

import html as html_lib
import json
import re
import statistics
import sys
import time

from bs4 import BeautifulSoup
from selectolax.lexbor import LexborHTMLParser


def records(props):
    data = json.loads(props)
    return [
        (
            e["paper"]["id"],
            e["paper"].get("title") or "",
            e["paper"].get("upvotes"),
            e.get("numComments"),
        )
        for e in data.get("dailyPapers", [])
    ]


def bs4_lxml(page):
    soup = BeautifulSoup(page, "lxml")
    return records(soup.find(attrs={"data-target": "DailyPapers"})["data-props"])


def bs4_html_parser(page):
    soup = BeautifulSoup(page, "html.parser")
    return records(soup.find(attrs={"data-target": "DailyPapers"})["data-props"])


def selectolax_lexbor(page):
    tree = LexborHTMLParser(page)
    return records(tree.css_first('[data-target="DailyPapers"]').attributes["data-props"])


# What regex readers do: the first data-props after the target, in double quotes.
BLOB = re.compile(r'data-target="DailyPapers"[^>]*?data-props="([^"]*)"')


def regex_unescape(page):
    return records(html_lib.unescape(BLOB.search(page).group(1)))


TOOLS = [
    ("BeautifulSoup + lxml (Python)", bs4_lxml),
    ("BeautifulSoup + html.parser (Python)", bs4_html_parser),
    ("selectolax / Lexbor (Python)", selectolax_lexbor),
    ("regex + html.unescape (Python)", regex_unescape),
]


def timed(budget, f, page, rounds=5):
    """Seconds per run: the lowest median of five rounds of runs, after a warm-up round (see
    runner.rs)."""
    start = time.perf_counter()
    while time.perf_counter() - start < budget / rounds:
        f(page)
    best = float("inf")
    for _ in range(rounds):
        runs = []
        start = time.perf_counter()
        while time.perf_counter() - start < budget / rounds or len(runs) < 3:
            t = time.perf_counter()
            f(page)
            runs.append(time.perf_counter() - t)
        best = min(best, statistics.median(runs))
    return best


def main():
    budget = float(sys.argv[1])
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            page = f.read()
        size = len(page.encode("utf-8"))
        for name, f in TOOLS:
            try:
                recs = f(page)
                seconds = timed(budget, f, page)
            except Exception as err:  # a tool that cannot read the page is reported
                print(json.dumps({"tool": name, "page": path, "error": repr(err)}))
                continue
            print(json.dumps({"tool": name, "page": path, "bytes": size,
                              "seconds": seconds, "records": recs}))


if __name__ == "__main__":
    main()
