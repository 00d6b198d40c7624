#!/usr/bin/env python3
"""The shared PolNeAR scorer on a copy whose quotation marks were changed, with the gold
quotations found in the original.

usage: score_polnear_restyled.py "BINARY [ARGS]" RESTYLED_DIR ORIGINAL_DIR [--scorer PATH] [--verbose]

`score_polnear.py` finds gold quotations between “…”, "…", «…» and „…“. A copy set in British
marks (‘…’, with “…” inside) has none of those where the quotations are, so this runs the same
scorer (imported from ../shared/eval, not copied) with one change: the gold quotations of each
article are found in the original text, which has the same characters at the same offsets.
quotelens reads the copy.
"""
import glob
import os
import sys

from score_polnear_typewriter import import_shared_scorer


def main():
    argv = sys.argv[1:]
    score_polnear, scorer = import_shared_scorer(argv)
    plain_args = [a for a in argv if not a.startswith("--")]
    if len(plain_args) != 3:
        sys.exit(next(l for l in __doc__.splitlines() if l.startswith("usage:")))
    binary, restyled, original = plain_args

    originals = {}
    for path in glob.glob(os.path.join(restyled, "text", "*.txt")):
        source = os.path.join(original, "text", os.path.basename(path))
        with open(path, encoding="utf-8") as f, open(source, encoding="utf-8") as g:
            copy, text = f.read(), g.read()
        if len(copy) != len(text):
            sys.exit(f"{path} is not a restyled copy of {source}: their lengths differ")
        originals[copy] = text
    plain = score_polnear.quoted_spans
    score_polnear.quoted_spans = lambda text: plain(originals.get(text, text))
    sys.argv = [scorer, binary, restyled] + [a for a in argv if a.startswith("--")]
    score_polnear.main()


if __name__ == "__main__":
    main()
