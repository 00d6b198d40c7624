"""One row per quote: the table a researcher wants, as a ``pyarrow.Table`` or a pandas DataFrame.

pyarrow is imported only when a table is asked for (``pip install "quotelens[arrow]"``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, List, Mapping, Optional, Sequence, Union

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

#: The columns of :func:`to_arrow`, in order, with what each holds.
QUOTE_COLUMNS = {
    "document": "the document's id: ids[i] when given, else document.source",
    "quote_id": 'the quote\'s id in its document ("q1")',
    "quote": "the quoted words (the content inside the marks)",
    "kind": "direct, partial, reported, nested, title or term",
    "speaker": "the speaker's canonical name, or null when unknown",
    "speaker_id": 'the speaker\'s id in its document ("s1"), or null',
    "speaker_mention": 'the words naming the speaker for this quote ("he"), or null',
    "cue": 'the speech verb or cue ("said"), or null',
    "method": "how the speaker was found (cue-before, cue-after, colon, …)",
    "confidence": "the attribution's confidence, 0 to 1",
    "start": "where the quotation starts, marks included",
    "end": "where the quotation ends, marks included",
    "content_start": "where the quoted words start",
    "content_end": "where the quoted words end",
}

_STRINGS = ("document", "quote_id", "quote", "kind", "speaker", "speaker_id", "speaker_mention", "cue", "method")
_OFFSETS = ("start", "end", "content_start", "content_end")

Result = Mapping[str, Any]


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('quotelens.to_arrow needs pyarrow: pip install "quotelens[arrow]"') from e
    return pyarrow


def schema() -> "pyarrow.Schema":
    """The Arrow schema of :func:`to_arrow`'s table."""
    pa = _pyarrow()
    fields = []
    for name in QUOTE_COLUMNS:
        if name in _OFFSETS:
            kind = pa.int64()
        elif name == "confidence":
            kind = pa.float64()
        else:
            kind = pa.string()
        nullable = name in ("speaker", "speaker_id", "speaker_mention", "cue")
        fields.append(pa.field(name, kind, nullable=nullable))
    return pa.schema(fields)


def _span_text(span: Optional[Mapping[str, Any]]) -> Optional[str]:
    return None if span is None else span["text"]


def to_arrow(
    results: Union[Result, Iterable[Union[Result, BaseException]]],
    ids: Optional[Sequence[str]] = None,
) -> "pyarrow.Table":
    """One row per quote of ``results`` (from ``extract``, ``extract_many`` or ``extract_files``).

    ``results`` is one result or a sequence of them; exceptions in it (``errors="return"``) are
    skipped. ``ids`` names each result's document (default: its ``document.source``). Offsets are
    in the unit the results were made with: bytes, or characters with ``offsets="chars"``.
    See ``QUOTE_COLUMNS`` for the columns.
    """
    pa = _pyarrow()
    if isinstance(results, Mapping):
        results = [results]
    results = list(results)
    if ids is not None and len(ids) != len(results):
        raise ValueError(f"ids has {len(ids)} names for {len(results)} results; give one per result")
    columns: dict = {name: [] for name in QUOTE_COLUMNS}
    for i, result in enumerate(results):
        if isinstance(result, BaseException):
            continue
        document = ids[i] if ids is not None else result["document"]["source"]
        for q in result["quotes"]:
            columns["document"].append(document)
            columns["quote_id"].append(q["id"])
            columns["quote"].append(q["text"])
            columns["kind"].append(q["kind"])
            columns["speaker"].append(q["speaker_name"])
            columns["speaker_id"].append(q["speaker"])
            columns["speaker_mention"].append(_span_text(q["speaker_mention"]))
            columns["cue"].append(_span_text(q["cue"]))
            columns["method"].append(q["method"])
            columns["confidence"].append(q["confidence"])
            for name in _OFFSETS:
                columns[name].append(q[name])
    return pa.table(columns, schema=schema())


def to_pandas(
    results: Union[Result, Iterable[Union[Result, BaseException]]],
    ids: Optional[Sequence[str]] = None,
) -> "pandas.DataFrame":
    """:func:`to_arrow`'s table as a pandas DataFrame (``pip install "quotelens[pandas]"``)."""
    return to_arrow(results, ids).to_pandas()


__all__: List[str] = ["QUOTE_COLUMNS", "schema", "to_arrow", "to_pandas"]
