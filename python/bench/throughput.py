"""Throughput of quotelens.extract_many against the command, in one run, alternating.

    python python/bench/throughput.py ../shared/data/bbc-news target/release/quotelens --jobs 2

Each round runs `quotelens extract CORPUS --format jsonl --jobs N` (reading the files, writing
JSONL to /dev/null), then `quotelens.extract_many(texts, jobs=N)` on the same files' bytes read
beforehand (building every result as Python objects). Prints the medians of the wall-clock
times and of the CPU times (user + system, all threads), and their ratios: on a machine shared
with other work the CPU times vary less.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import time

import quotelens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("command", help="the quotelens binary to compare with")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()

    paths = quotelens.files(args.corpus)
    texts = []
    for path in paths:
        with open(path, "rb") as f:
            texts.append(f.read())
    megabytes = sum(map(len, texts)) / 1e6
    command = [args.command, "extract", args.corpus, "--format", "jsonl", "--jobs", str(args.jobs)]

    cli, python, cli_cpu, python_cpu = [], [], [], []
    results = None
    for _ in range(args.rounds):
        cpu = _cpu(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        cli.append(time.perf_counter() - started)
        cli_cpu.append(_cpu(resource.RUSAGE_CHILDREN) - cpu)
        results = None  # freeing the previous round's results is not part of this one
        cpu = _cpu(resource.RUSAGE_SELF)
        started = time.perf_counter()
        results = quotelens.extract_many(texts, jobs=args.jobs, sources=paths)
        python.append(time.perf_counter() - started)
        python_cpu.append(_cpu(resource.RUSAGE_SELF) - cpu)

    quotes = sum(len(r["quotes"]) for r in results or [])
    c, p = statistics.median(cli), statistics.median(python)
    print(f"{len(texts)} documents, {megabytes:.1f} MB, {quotes} quotes; --jobs {args.jobs}, {args.rounds} rounds alternating")
    print(f"command       median {c:.3f} s  {megabytes / c:5.1f} MB/s   rounds: {' '.join(f'{t:.3f}' for t in cli)}")
    print(f"extract_many  median {p:.3f} s  {megabytes / p:5.1f} MB/s   rounds: {' '.join(f'{t:.3f}' for t in python)}")
    print(f"extract_many / command throughput: {c / p:.2f}")
    cc, pc = statistics.median(cli_cpu), statistics.median(python_cpu)
    print(f"CPU time medians: command {cc:.3f} s, extract_many {pc:.3f} s; ratio {cc / pc:.2f}")


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
