#!/usr/bin/env python3
"""Throughput of one quotelens binary against another, as a ratio of CPU time in one run.

Runs `BINARY extract DATA --format jsonl --jobs 1` for each binary in turn, alternating, and
compares the medians of user + system CPU time (less disturbed than wall-clock time by other work
on a shared machine). The first binary is the reference:

    python3 scripts/bench/cpu_time.py OLD NEW [--data ../shared/data/bbc-news] [--rounds 15]
"""
import argparse
import resource
import statistics
import subprocess
import sys


def cpu_seconds(binary, data):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [binary, "extract", data, "--format", "jsonl", "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        sys.exit(f"{binary} failed on {data} (exit {done.returncode}): run it by hand to see why")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("binaries", nargs="+", help="the reference binary first, then the others")
    p.add_argument("--data", default="../shared/data/bbc-news")
    p.add_argument("--rounds", type=int, default=15)
    a = p.parse_args()
    times = {b: [] for b in a.binaries}
    for _ in range(a.rounds):
        for b in a.binaries:
            times[b].append(cpu_seconds(b, a.data))
    for b in a.binaries:
        print(f"{b}: median {statistics.median(times[b]):.3f} s, min {min(times[b]):.3f} s")
    reference = statistics.median(times[a.binaries[0]])
    for b in a.binaries[1:]:
        print(f"throughput of {b} against {a.binaries[0]}: {reference / statistics.median(times[b]):.3f}")


if __name__ == "__main__":
    main()
