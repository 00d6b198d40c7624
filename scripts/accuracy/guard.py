#!/usr/bin/env python3
"""Guard the engine's accuracy: score a quotelens binary with the shared scorers and compare the
headline figures with the committed baseline (baseline.json, beside this script).

usage: guard.py BINARY [--shared DIR] [--update]

Runs, from ../shared (or --shared DIR):
  seed         eval/score_gold.py on corpus/kremlin-talks.gold.json
  polnear-dev  eval/score_polnear.py on data/polnear-dev
  polnear-dev-tw  the same through score_polnear_typewriter.py (''…'' read as marks)
  pdnc-dev     eval/score_pdnc.py on data/pdnc-dev/*
Fails (exit 1) when any figure is more than 0.01 below its baseline. A figure above the
baseline is reported, so the baseline can be raised with --update (which rewrites baseline.json
with this run's figures) in the commit that improves it.
"""
import argparse, glob, json, os, subprocess, sys

TOLERANCE = 0.01
HERE = os.path.dirname(os.path.abspath(__file__))
BASELINE = os.path.join(HERE, "baseline.json")


def headline(line):
    """'polnear quotes P=0.959 R=0.971' -> {'quotes.P': 0.959, 'quotes.R': 0.971}: a bare word
    names the figures after it (the seed's line has R= twice, for quotes and numbers)."""
    figures, prefix = {}, ""
    for token in line.split():
        if "=" in token:
            key, value = token.split("=", 1)
            try:
                figures[prefix + key] = float(value)
            except ValueError:
                pass
        else:
            prefix = token + "."
    return figures


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    lines = [l for l in r.stdout.splitlines() if "=" in l]
    if r.returncode != 0 or not lines:
        sys.exit(f"scorer failed ({' '.join(cmd[:2])}, exit {r.returncode}):\n{r.stderr[-2000:]}")
    return headline(lines[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "..", "shared"))
    ap.add_argument("--update", action="store_true", help="write this run's figures as the baseline")
    args = ap.parse_args()
    shared, binary = os.path.abspath(args.shared), os.path.abspath(args.binary)
    if not os.path.isdir(os.path.join(shared, "eval")):
        sys.exit(f"no scorers at {shared}/eval: pass --shared DIR (the folder with eval/ and data/)")
    py = sys.executable
    sets = {
        "seed": [py, f"{shared}/eval/score_gold.py", binary, f"{shared}/corpus/kremlin-talks.gold.json"],
        "polnear-dev": [py, f"{shared}/eval/score_polnear.py", binary, f"{shared}/data/polnear-dev"],
        # The same, with the New York Times' ''…'' read as quotation marks (the plain scorer
        # counts them as quotes that are not there): what guards those articles' quotes.
        "polnear-dev-tw": [py, os.path.join(HERE, "score_polnear_typewriter.py"), binary,
                           f"{shared}/data/polnear-dev", "--scorer", f"{shared}/eval/score_polnear.py"],
        "pdnc-dev": [py, f"{shared}/eval/score_pdnc.py", binary]
        + sorted(glob.glob(f"{shared}/data/pdnc-dev/*/")),
    }
    now = {name: run(cmd) for name, cmd in sets.items()}
    if args.update:
        with open(BASELINE, "w") as f:
            json.dump(now, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"baseline written: {BASELINE}")
        return
    with open(BASELINE) as f:
        base = json.load(f)
    failed = []
    print(f"{'set':14} {'figure':22} {'baseline':>8} {'now':>8}")
    for name, figures in base.items():
        for key, was in figures.items():
            is_ = now.get(name, {}).get(key)
            mark = ""
            if is_ is None or is_ < was - TOLERANCE:
                mark = "  DROPPED"
                failed.append(f"{name} {key}")
            elif is_ > was + 1e-9:
                mark = "  up (raise the baseline: guard.py BINARY --update)"
            shown = "missing" if is_ is None else f"{is_:.3f}"
            print(f"{name:14} {key:22} {was:8.3f} {shown:>8}{mark}")
    if failed:
        sys.exit(f"accuracy dropped by more than {TOLERANCE}: {', '.join(failed)}")
    print("accuracy holds")


if __name__ == "__main__":
    main()
