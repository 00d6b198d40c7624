"""`python -m quotelens.dask` on a small folder and on tables, with a LocalCluster of 2 workers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotelens
from conftest import NEWS, UNICODE_NEWS, news_variant

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")


def run_dask(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quotelens.dask", *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_a_folder_becomes_one_parquet_table_of_quotes(corpus, tmp_path):
    (corpus / "local" / "broken.txt").write_bytes(b"\x00\x01binary")
    output = tmp_path / "quotes.parquet"
    done = run_dask(str(corpus), str(output), "--workers", "2", "--partition-size", "3")
    # One input could not be read: reported like the command does, exit code 1, the rest written.
    assert done.returncode == 1, done.stderr
    assert "broken.txt: looks like a binary file" in done.stderr
    assert "2 workers" in done.stderr

    table = pq.read_table(output)
    paths = [p for p in quotelens.files(corpus) if not p.endswith("broken.txt")]
    results = quotelens.extract_files(paths, offsets="chars")
    assert table.num_rows == sum(len(r["quotes"]) for r in results) > 10
    ids = [str(Path(p).relative_to(corpus)) for p in paths]
    expected = quotelens.to_arrow(results, ids=ids)
    key = [("document", "ascending"), ("quote_id", "ascending")]
    assert table.sort_by(key).to_pylist() == expected.sort_by(key).to_pylist()
    speakers = {(r["document"], r["speaker"]) for r in table.to_pylist() if r["kind"] == "direct"}
    assert {("ferry.txt", "Maria Okafor"), ("bridge.html", "Priya Raman"), ("dawn.epub", "Mirela Stan")} <= speakers


def test_tables_of_articles(tmp_path):
    articles = [{"id": f"a{i}", "text": news_variant(i)} for i in range(6)]
    articles += [{"id": "ferry", "text": NEWS}, {"id": "unicode", "text": UNICODE_NEWS}]
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    expected = quotelens.to_arrow(
        quotelens.extract_many([a["text"] for a in articles], offsets="chars"), ids=[a["id"] for a in articles]
    ).to_pylist()

    done = run_dask(str(jsonl), str(tmp_path / "from-jsonl.parquet"), "--workers", "2")
    assert done.returncode == 0, done.stderr
    rows = pq.read_table(tmp_path / "from-jsonl.parquet").to_pylist()
    assert sorted(rows, key=lambda r: (r["document"], r["quote_id"])) == sorted(expected, key=lambda r: (r["document"], r["quote_id"]))

    import pyarrow as pa

    table = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(articles), table)
    done = run_dask(str(table), str(tmp_path / "from-parquet.parquet"), "--workers", "2", "--offsets", "bytes")
    assert done.returncode == 0, done.stderr
    rows = pq.read_table(tmp_path / "from-parquet.parquet").to_pylist()
    unicode_rows = [r for r in rows if r["document"] == "unicode"]
    data = UNICODE_NEWS.encode("utf-8")
    assert unicode_rows and all(data[r["content_start"] : r["content_end"]].decode() == r["quote"] for r in unicode_rows)
    assert len(rows) == len(expected)


def test_usage_and_output_errors(corpus, tmp_path):
    done = run_dask(str(tmp_path / "nowhere"), str(tmp_path / "q.parquet"), "--workers", "2")
    assert done.returncode == 3 and "no such file or folder" in done.stderr
    taken = tmp_path / "taken.parquet"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine")
    done = run_dask(str(corpus), str(taken), "--workers", "2")
    assert done.returncode == 4 and "--overwrite" in done.stderr
    assert (taken / "keep.txt").read_text() == "mine"
    table = tmp_path / "articles.jsonl"
    table.write_text('{"id": 1, "body": "no text column"}\n')
    done = run_dask(str(table), str(tmp_path / "t.parquet"), "--workers", "2")
    assert done.returncode == 3 and "--text-column" in done.stderr
