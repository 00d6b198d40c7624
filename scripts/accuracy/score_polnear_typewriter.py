#!/usr/bin/env python3
"""The shared PolNeAR scorer, reading the typewriter's two apostrophes ('' … '') as double
quotation marks too.

usage: score_polnear_typewriter.py "BINARY [ARGS]" CORPUS_DIR [--scorer PATH] [--verbose]

`score_polnear.py` finds gold quotations between “…”, "…", «…» and „…“ only. The New York Times
articles of PolNeAR write their quotations ''…'' (the archive's typewriter style): 116 of the 840
train articles and 7 of dev, a fifth of all the quotations annotated. quotelens reads those marks as
quotations, so the plain scorer counts every one of them as a quote that is not there, and none of
their speakers. This wrapper runs the same scorer (imported from ../shared/eval, not copied)
with one change: before finding quoted spans, each '' becomes a straight double mark followed by
a filler character, so offsets stay the same and the scorer's own trimming drops the filler.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def import_shared_scorer(argv):
    """The shared score_polnear module, from `--scorer PATH` (taken out of `argv`) or from
    ../shared/eval beside the project; returns it with its path."""
    scorer = os.path.join(HERE, "..", "..", "..", "shared", "eval", "score_polnear.py")
    if "--scorer" in argv:
        i = argv.index("--scorer")
        if i + 1 >= len(argv):
            sys.exit("--scorer needs the path of score_polnear.py")
        scorer = argv[i + 1]
        del argv[i : i + 2]
    if not os.path.isfile(scorer):
        sys.exit(f"no scorer at {scorer}: pass --scorer PATH/score_polnear.py")
    sys.path.insert(0, os.path.dirname(os.path.abspath(scorer)))
    import score_polnear

    return score_polnear, scorer


def main():
    argv = sys.argv[1:]
    score_polnear, scorer = import_shared_scorer(argv)
    plain = score_polnear.quoted_spans
    score_polnear.quoted_spans = lambda text: plain(text.replace("''", '"\x01'))
    sys.argv = [scorer] + argv
    score_polnear.main()


if __name__ == "__main__":
    main()
