"""A corpus on Dask: ``python -m quotelens.dask INPUT OUTPUT.parquet [--workers N] [--scheduler ADDRESS]``.

INPUT is a folder of documents (read as ``quotelens extract FOLDER`` reads it: text, HTML,
Markdown and EPUB files, recursively), one document, or a table of articles (``.parquet``, or
``.jsonl``/``.ndjson``/``.json`` with one JSON object per line) with a text column and an id column.
The documents are split into partitions; each partition is one Dask task that runs quotelens on
its documents, and the quotes are written as one Parquet dataset (a folder of part files that
pyarrow, pandas, DuckDB or Spark read as one table), one row per quote with its document's id
(``quotelens.QUOTE_COLUMNS``).

Without ``--scheduler`` a ``distributed.LocalCluster`` of ``--workers`` processes runs on this
machine; with it the same tasks go to a running Dask cluster, whose workers must have quotelens
installed and see INPUT and OUTPUT at the same paths (a shared file system, or for tables and the
output any URL Dask reads and writes, such as s3://).

Needs the ``dask`` extra: ``pip install "quotelens[dask]"``.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from typing import Any, Dict, List, Optional, Sequence, Tuple

import quotelens

#: The Dask event topic workers report unreadable inputs on.
ERROR_TOPIC = "quotelens-input-errors"
#: Exit codes, as the ``quotelens`` command's.
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INPUT, EXIT_OUTPUT = 0, 1, 2, 3, 4
_TABLE_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".jsonl": "json", ".ndjson": "json", ".json": "json"}


class Options:
    """What every partition needs to know (picklable, sent to the workers)."""

    def __init__(self, offsets: str, kinds: Optional[str], text_format: Optional[str]) -> None:
        self.offsets = offsets
        self.kinds = kinds
        self.text_format = text_format


def _report_errors(results: Sequence[Any]) -> None:
    """Sends the messages of inputs that could not be read to the client (as Dask events)."""
    messages = [str(r) for r in results if isinstance(r, BaseException)]
    if not messages:
        return
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        for message in messages:
            print(f"quotelens: {message}", file=sys.stderr)
        return
    worker.log_event(ERROR_TOPIC, messages)


def _frame(results: Sequence[Any], ids: Sequence[str]) -> Any:
    import pandas as pd

    _report_errors(results)
    return quotelens.to_arrow(results, ids=ids).to_pandas(types_mapper=pd.ArrowDtype)


def quotes_of_files(paths: Sequence[str], root: str, options: Options) -> Any:
    """One partition of a folder: the quotes of these files, ids relative to the folder."""
    results = quotelens.extract_files(paths, jobs=1, offsets=options.offsets, kinds=options.kinds, errors="return")
    ids = [os.path.relpath(p, root) if root else p for p in paths]
    return _frame(results, ids)


def quotes_of_articles(articles: Any, text_column: str, id_column: Optional[str], options: Options) -> Any:
    """One partition of a table of articles: the quotes of its texts."""
    texts = ["" if t is None or t != t else t for t in articles[text_column].tolist()]
    if id_column is not None:
        ids = [str(i) for i in articles[id_column].tolist()]
    else:
        ids = [str(i) for i in articles.index.tolist()]
    results = quotelens.extract_many(
        texts, jobs=1, format=options.text_format, sources=ids, offsets=options.offsets, kinds=options.kinds, errors="return"
    )
    return _frame(results, ids)


def _meta() -> Any:
    import pandas as pd

    return quotelens.to_arrow([]).to_pandas(types_mapper=pd.ArrowDtype)


def _chunks(items: Sequence[str], size: int) -> List[List[str]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _partition_size(count: int, workers: int, requested: Optional[int]) -> int:
    """Documents per task: given, or about four tasks per worker (so that a slow one does not
    hold the others up), at most 1,000 documents each."""
    if requested:
        return requested
    return max(1, min(1000, math.ceil(count / max(1, 4 * workers))))


def table_kind(path: str) -> Optional[str]:
    """"parquet" or "json" for a table of articles, None for documents."""
    suffix = os.path.splitext(path.rstrip("/"))[1].lower()
    return _TABLE_SUFFIXES.get(suffix)


def quotes_frame(args: argparse.Namespace, workers: int) -> Tuple[Any, int]:
    """The Dask DataFrame of quotes for INPUT, and the number of partitions."""
    import dask.dataframe as dd

    options = Options(args.offsets, args.kinds, args.format)
    kind = table_kind(args.input)
    if kind is None:
        paths = [os.fspath(p) for p in quotelens.files(args.input)]
        if not paths:
            raise quotelens.InputError(f"{args.input}: no documents found in the given folder")
        root = args.input if os.path.isdir(args.input) else os.path.dirname(args.input)
        size = _partition_size(len(paths), workers, args.partition_size)
        chunks = _chunks(paths, size)
        frame = dd.from_map(quotes_of_files, chunks, root=root, options=options, meta=_meta(), enforce_metadata=False)
        return frame, len(chunks)
    if kind == "parquet":
        articles = dd.read_parquet(args.input)
    else:
        articles = dd.read_json(args.input, lines=True, blocksize=args.blocksize)
    if args.text_column not in articles.columns:
        raise quotelens.InputError(
            f"{args.input}: has no column {args.text_column!r} (columns: {', '.join(map(str, articles.columns))}); name the text column with --text-column"
        )
    id_column = args.id_column if args.id_column in articles.columns else None
    if args.partition_size:
        articles = articles.repartition(npartitions=max(1, math.ceil(len(articles) / args.partition_size)))
    frame = articles.map_partitions(quotes_of_articles, args.text_column, id_column, options, meta=_meta(), enforce_metadata=False)
    return frame, articles.npartitions


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m quotelens.dask",
        description="Extract quotes from a corpus with Dask: one Parquet table, one row per quote.",
        epilog="Exit codes: 0 ok, 1 some inputs could not be read, 2 usage, 3 input, 4 output.",
    )
    parser.add_argument("input", metavar="INPUT", help="a folder of documents, one document, or a .parquet / .jsonl table of articles")
    parser.add_argument("output", metavar="OUTPUT.parquet", help="the Parquet dataset to write (a folder of part files)")
    parser.add_argument("--workers", type=int, default=None, help="worker processes of the local cluster (default: all cores)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (tcp://host:8786) instead of a local cluster")
    parser.add_argument("--partition-size", type=int, default=None, metavar="N", help="documents per task (default: about four tasks per worker)")
    parser.add_argument("--offsets", choices=("chars", "bytes"), default="chars", help="offsets in characters (default, as Python and Arrow index strings) or UTF-8 bytes")
    parser.add_argument("--kinds", default=None, help="keep only these quote kinds (comma-separated: direct, partial, reported, nested, title, term)")
    parser.add_argument("--text-column", default="text", help="a table's column holding the article text (default: text)")
    parser.add_argument("--id-column", default="id", help="a table's column naming each article (default: id; the row index if absent)")
    parser.add_argument("--format", choices=("text", "html", "markdown"), default=None, help="the format of a table's texts (default: told from each text)")
    parser.add_argument("--blocksize", default="64MB", help="bytes of a JSONL table per partition (default: 64MB)")
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    return parser


def _client(args: argparse.Namespace) -> Tuple[Any, Any, int]:
    """A client of the given scheduler, or of a new local cluster; and the number of workers."""
    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        workers = len(client.scheduler_info().get("workers", {})) or 1
        return client, None, workers
    workers = args.workers or os.cpu_count() or 1
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )
    return Client(cluster), cluster, workers


def _count_rows(output: str) -> Optional[int]:
    if not os.path.isdir(output):
        return None
    import pyarrow.parquet as pq

    return pq.ParquetDataset(output).read(columns=[]).num_rows


def _unique(messages: Sequence[str]) -> List[str]:
    seen: Dict[str, None] = {}
    for message in messages:
        seen.setdefault(message, None)
    return list(seen)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    if args.workers is not None and args.workers < 1:
        print("quotelens: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        print(f'quotelens: the Dask run needs dask, distributed and pyarrow: pip install "quotelens[dask]" ({e})', file=sys.stderr)
        return EXIT_USAGE
    if os.path.exists(args.output) and not args.overwrite and (not os.path.isdir(args.output) or os.listdir(args.output)):
        print(f"quotelens: {args.output}: exists; choose another OUTPUT or pass --overwrite", file=sys.stderr)
        return EXIT_OUTPUT
    if table_kind(args.input) is None and not os.path.exists(args.input):
        print(f"quotelens: {args.input}: no such file or folder; check the path", file=sys.stderr)
        return EXIT_INPUT

    # A scheduler says how many workers it has; a local cluster starts only once the input is
    # known to be readable.
    client = cluster = None
    if args.scheduler:
        client, cluster, workers = _client(args)
    else:
        workers = args.workers or os.cpu_count() or 1
    try:
        try:
            frame, partitions = quotes_frame(args, workers)
        except quotelens.InputError as e:
            print(f"quotelens: {e}", file=sys.stderr)
            return EXIT_INPUT
        if client is None:
            client, cluster, workers = _client(args)
        try:
            frame.to_parquet(args.output, write_index=False, overwrite=args.overwrite)
        except OSError as e:
            print(f"quotelens: {args.output}: cannot write: {e}", file=sys.stderr)
            return EXIT_OUTPUT
        errors = _unique([m for _, batch in client.get_events(ERROR_TOPIC) for m in batch])
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    for message in errors:
        print(f"quotelens: {message}", file=sys.stderr)
    rows = _count_rows(args.output)
    summary = f"{rows} quotes" if rows is not None else "quotes"
    print(f"quotelens: {summary} written to {args.output} ({partitions} partitions, {workers} workers)", file=sys.stderr)
    if errors:
        print(f"quotelens: {len(errors)} inputs could not be read", file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


if __name__ == "__main__":
    # Run the importable module's main, so that the tasks sent to the workers refer to
    # `quotelens.dask.quotes_of_files` rather than to functions of `__main__`.
    from quotelens.dask import main as _main

    sys.exit(_main())
