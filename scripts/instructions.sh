#!/usr/bin/env bash
# Instructions per parse of FILE by one entry point, counted by callgrind: the difference
# between 6 runs and 1 run, over 5, so that starting the process and reading the file drop
# out. Unlike times, the count does not depend on the machine's load.
#
#   scripts/instructions.sh [--sim] FILE [listing|paper|api|paper-api|text|scraper|value]
#
# With --sim, cachegrind also simulates the caches and the branch predictor and prints, per
# parse, the first-level data and instruction cache misses, the last-level misses and the
# mispredicted branches: what an instruction count does not show. They come from
# cachegrind's simple models of a cache and a predictor, not from this processor, so they
# tell one version of the code from another, not the time.
set -euo pipefail
cd "$(dirname "$0")/.."
sim=false
if [ "${1:-}" = "--sim" ]; then
    sim=true
    shift
fi
file=$(realpath "$1")
mode=${2:-listing}
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }
cargo bench --bench parse_loop --no-run --quiet 2>/dev/null
bin=$(ls -t target/release/deps/parse_loop-* | grep -v '\.d$' | head -1)
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$file" "$1" "$mode" 2>&1 |
        awk '/refs:/ { gsub(",", "", $4); print $4 }'
}
# Instructions, D1 misses, LL misses, I1 misses and mispredicted branches of RUNS parses.
simulate() {
    valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes --cachegrind-out-file=/dev/null \
        "$bin" "$file" "$1" "$mode" 2>&1 |
        awk '{ gsub(",", "") }
             /I *refs:/ { i = $4 } /D1 *misses:/ { d = $4 } /LLd misses:/ { ll += $4 }
             /LLi misses:/ { ll += $4 } /I1 *misses:/ { i1 = $4 } /Mispredicts:/ { m = $3 }
             END { print i, d, ll, i1, m }'
}
if ! $sim; then
    one=$(count 1)
    six=$(count 6)
    echo "$mode $(basename "$file"): $(( (six - one) / 5 )) instructions per parse"
    exit
fi
read -r i1 d1 l1 c1 m1 <<<"$(simulate 1)"
read -r i6 d6 l6 c6 m6 <<<"$(simulate 6)"
per() { echo $(( ($2 - $1) / 5 )); }
echo "$mode $(basename "$file"), per parse: $(per "$i1" "$i6") instructions," \
    "$(per "$d1" "$d6") D1 misses, $(per "$c1" "$c6") I1 misses, $(per "$l1" "$l6") LL misses," \
    "$(per "$m1" "$m6") mispredicted branches"
