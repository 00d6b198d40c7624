"""One row per quote: to_arrow and to_pandas."""

from __future__ import annotations

import pytest

import quotelens
from conftest import NEWS, UNICODE_NEWS, news_variant

pa = pytest.importorskip("pyarrow")


def test_to_arrow_has_one_row_per_quote_with_its_document():
    texts = [NEWS, UNICODE_NEWS, news_variant(2)]
    results = quotelens.extract_many(texts, sources=["ferry", "unicode", "story"], offsets="chars")
    table = quotelens.to_arrow(results)
    assert table.column_names == list(quotelens.QUOTE_COLUMNS)
    assert table.num_rows == sum(len(r["quotes"]) for r in results)
    rows = table.to_pylist()
    first = rows[0]
    q = results[0]["quotes"][0]
    assert first == {
        "document": "ferry",
        "quote_id": "q1",
        "quote": "We listened to the people who commute every day,",
        "kind": "direct",
        "speaker": "Maria Okafor",
        "speaker_id": q["speaker"],
        "speaker_mention": q["speaker_mention"]["text"],
        "cue": "said",
        "method": q["method"],
        "confidence": q["confidence"],
        "start": q["start"],
        "end": q["end"],
        "content_start": q["content_start"],
        "content_end": q["content_end"],
    }
    for row in rows:
        text = texts[["ferry", "unicode", "story"].index(row["document"])]
        assert text[row["content_start"] : row["content_end"]] == row["quote"]
    unknown = [row for row in rows if row["speaker"] is None]
    assert all(row["speaker_id"] is None for row in unknown)


def test_ids_name_documents_and_errors_are_skipped():
    results = quotelens.extract_many([NEWS, "x\x00", NEWS], errors="return")
    table = quotelens.to_arrow(results, ids=["a", "b", "c"])
    assert set(table.column("document").to_pylist()) == {"a", "c"}
    assert table.num_rows == 2 * len(results[0]["quotes"])
    with pytest.raises(ValueError, match="ids"):
        quotelens.to_arrow(results, ids=["a"])


def test_one_result_and_no_results():
    assert quotelens.to_arrow(quotelens.extract(NEWS)).num_rows == len(quotelens.extract(NEWS)["quotes"])
    empty = quotelens.to_arrow([])
    assert empty.num_rows == 0 and empty.schema == quotelens.table.schema()


def test_to_pandas():
    pytest.importorskip("pandas")
    frame = quotelens.to_pandas(quotelens.extract(NEWS, source="ferry"))
    assert list(frame.columns) == list(quotelens.QUOTE_COLUMNS)
    assert frame.loc[frame["kind"] == "direct", "speaker"].tolist() == ["Maria Okafor", "Lars Eklund", "Lars Eklund"]
