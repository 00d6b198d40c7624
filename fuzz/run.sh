#!/bin/sh
# Runs the fuzz targets one after another (the machine is shared: one fuzzer at a time).
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 1800 s; analyze load export config)
# Needs cargo-fuzz (`cargo install cargo-fuzz`); works on stable with --sanitizer none.
# A crash stops its target and leaves the input in fuzz/artifacts/TARGET/; see fuzz/README.md.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-1800}
[ $# -gt 0 ] && shift
targets=${*:-analyze load export config}
for t in $targets; do
    echo "== $t: $secs s"
    cargo fuzz run --sanitizer none "$t" -- \
        -max_len=4096 -max_total_time="$secs" -print_final_stats=1 2>&1 |
        grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs)|panicked|ERROR|Test unit written'
done
