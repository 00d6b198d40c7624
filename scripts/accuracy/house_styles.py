#!/usr/bin/env python3
"""Accuracy across house styles: the shared dev sets rewritten with other quotation marks, scored
with the shared scorers.

usage: house_styles.py BINARY [--shared DIR] [--out DIR]

Held-out text comes in house styles the dev sets do not show. This writes restyled copies of the
dev sets to --out (a temporary folder by default; nothing of the data is kept in the repository),
changing only the quotation marks, and scores each copy as the original:

  PolNeAR dev   “…” as «…» (French), „…“ (German) and "…" (typewriter); the annotations count
                characters, so they stay valid. Also “…” as ‘…’ with the ‘…’ inside as “…”
                (British), scored with the gold quotations found in the original
                (score_polnear_restyled.py): the shared scorer finds none between ‘…’.
  PDNC dev      "…" as “…”, «…» and ‘…’ (British); each paragraph's marks alternate opening and
                closing; the gold byte spans are moved with the text. In the British copies the
                novels' inner '…' quotations become “…”, as a British printer sets them (a ' opens
                one after a space inside a quotation, and closes it before anything but a letter);
                apostrophes stay.

A style that scores well below the original shows marks the engine reads worse.
"""
import argparse, ast, csv, glob, os, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
csv.field_size_limit(10**9)

POLNEAR_STYLES = {"french «…»": ("«", "»"), "german „…“": ("„", "“"), 'typewriter "…"': ('"', '"')}
# Marks for the quotation and, for British, for the quotation inside it.
PDNC_STYLES = {
    "curly “…”": ("“", "”", None),
    "french «…»": ("«", "»", None),
    "british ‘…’": ("‘", "’", ("“", "”")),
}


def restyle_polnear(src, dst, opener, closer):
    os.makedirs(os.path.join(dst, "text"), exist_ok=True)
    os.symlink(os.path.join(src, "attributions"), os.path.join(dst, "attributions"))
    for path in glob.glob(os.path.join(src, "text", "*.txt")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(dst, "text", os.path.basename(path)), "w", encoding="utf-8") as f:
            f.write(text.replace("“", opener).replace("”", closer))


def restyle_polnear_british(src, dst):
    """“…” as ‘…’, and the ‘…’ quoted inside as “…” (a ‘ and the next ’ that no letter follows);
    apostrophes stay. Same characters at the same offsets, so the original's gold holds."""
    os.makedirs(os.path.join(dst, "text"), exist_ok=True)
    os.symlink(os.path.join(src, "attributions"), os.path.join(dst, "attributions"))
    for path in glob.glob(os.path.join(src, "text", "*.txt")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        out = ["‘" if ch == "“" else "’" if ch == "”" else ch for ch in text]
        for i, ch in enumerate(text):
            if ch != "‘":
                continue
            for j in range(i + 1, min(len(text), i + 400)):
                if text[j] in "\n“”":
                    break
                if text[j] == "’" and not text[j + 1 : j + 2].isalpha():
                    out[i], out[j] = "“", "”"
                    break
        with open(os.path.join(dst, "text", os.path.basename(path)), "w", encoding="utf-8") as f:
            f.write("".join(out))


def curl(text, opener, closer, inner=None):
    """Straight double marks as opener and closer, alternating within each paragraph; with
    `inner`, the '…' quoted inside them as inner[0]…inner[1]."""
    out, is_open, inner_open = [], False, False
    for i, ch in enumerate(text):
        if ch == "\n" and text[i + 1 : i + 2] == "\n":
            is_open = inner_open = False
        before, after = text[i - 1 : i] or " ", text[i + 1 : i + 2] or " "
        if ch == '"':
            out.append(closer if is_open else opener)
            is_open, inner_open = not is_open, False
        elif ch == "'" and inner and is_open:
            if not inner_open and (before.isspace() or before == '"') and after.isalpha():
                out.append(inner[0])
                inner_open = True
            elif inner_open and not after.isalpha():
                out.append(inner[1])
                inner_open = False
            else:
                out.append(ch)
        else:
            out.append(ch)
    return out


def restyle_pdnc(src, dst, opener, closer, inner):
    os.makedirs(dst, exist_ok=True)
    os.symlink(os.path.join(src, "character_info.csv"), os.path.join(dst, "character_info.csv"))
    with open(os.path.join(src, "novel_text.txt"), encoding="utf-8") as f:
        text = f.read()
    new = curl(text, opener, closer, inner)
    moved, old_b, new_b = {}, 0, 0
    for a, b in zip(text, new):
        moved[old_b] = new_b
        old_b += len(a.encode("utf-8"))
        new_b += len(b.encode("utf-8"))
    moved[old_b] = new_b
    with open(os.path.join(dst, "novel_text.txt"), "w", encoding="utf-8") as f:
        f.write("".join(new))
    with open(os.path.join(src, "quotation_info.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(dst, "quotation_info.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            spans = ast.literal_eval(r["quoteByteSpans"])
            r["quoteByteSpans"] = str([[moved[a], moved[b]] for a, b in spans])
            w.writerow(r)


def last_line(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    lines = [l for l in r.stdout.splitlines() if "=" in l]
    if r.returncode != 0 or not lines:
        sys.exit(f"scorer failed ({' '.join(cmd[:2])}):\n{r.stderr[-2000:]}")
    return lines[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "..", "shared"))
    ap.add_argument("--out", help="where the restyled copies go (default: a temporary folder)")
    args = ap.parse_args()
    shared, binary = os.path.abspath(args.shared), os.path.abspath(args.binary)
    if not os.path.isdir(os.path.join(shared, "eval")):
        sys.exit(f"no scorers at {shared}/eval: pass --shared DIR (the folder with eval/ and data/)")
    out = args.out or tempfile.mkdtemp(prefix="quotelens-styles-")
    py, polnear = sys.executable, os.path.join(shared, "data", "polnear-dev")
    novels = sorted(glob.glob(os.path.join(shared, "data", "pdnc-dev", "*", "")))
    jobs = {("PolNeAR dev", "as published"): [py, f"{shared}/eval/score_polnear.py", binary, polnear]}
    for i, (style, (o, c)) in enumerate(POLNEAR_STYLES.items()):
        dst = os.path.join(out, f"polnear-{i}")
        restyle_polnear(polnear, dst, o, c)
        jobs[("PolNeAR dev", style)] = [py, f"{shared}/eval/score_polnear.py", binary, dst]
    dst = os.path.join(out, "polnear-british")
    restyle_polnear_british(polnear, dst)
    restyled = os.path.join(HERE, "score_polnear_restyled.py")
    scorer = f"{shared}/eval/score_polnear.py"
    jobs[("PolNeAR dev", "british ‘…’")] = [py, restyled, binary, dst, polnear, "--scorer", scorer]
    jobs[("PDNC dev", 'as published "…"')] = [py, f"{shared}/eval/score_pdnc.py", binary] + novels
    for i, (style, (o, c, inner)) in enumerate(PDNC_STYLES.items()):
        dirs = []
        for n in novels:
            dst = os.path.join(out, f"pdnc-{i}", os.path.basename(n.rstrip("/")))
            restyle_pdnc(n, dst, o, c, inner)
            dirs.append(dst)
        jobs[("PDNC dev", style)] = [py, f"{shared}/eval/score_pdnc.py", binary] + dirs
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(jobs, pool.map(last_line, jobs.values())))
    for (corpus, style), line in results.items():
        print(f"{corpus:12} {style:20} {line}")
    print(f"(restyled copies in {out})")


if __name__ == "__main__":
    main()
