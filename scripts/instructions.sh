#!/usr/bin/env bash
# Instructions per parse of FILE by one entry point, counted by callgrind: the difference
# between 6 runs and 1 run, over 5, so that starting the process and reading the file drop
# out. Unlike times, the count does not depend on the machine's load.
#
#   scripts/instructions.sh FILE [listing|paper|api|paper-api|text|scraper|value]
set -euo pipefail
cd "$(dirname "$0")/.."
file=$(realpath "$1")
mode=${2:-listing}
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }
cargo bench --bench parse_loop --no-run --quiet 2>/dev/null
bin=$(ls -t target/release/deps/parse_loop-* | grep -v '\.d$' | head -1)
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$file" "$1" "$mode" 2>&1 |
        awk '/refs:/ { gsub(",", "", $4); print $4 }'
}
one=$(count 1)
six=$(count 6)
echo "$mode $(basename "$file"): $(( (six - one) / 5 )) instructions per parse"
