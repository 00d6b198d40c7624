"""quotelens from Python: the contract exactly as the command prints it, the sample's quotes and
speakers, character offsets, errors, and batches in input order."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

import quotelens
from conftest import NEWS, SAMPLE, UNICODE_NEWS, cli_json, cli_jsonl, news_variant, run_extract

# The sample article's 13 direct quotes (../shared/corpus/kremlin-talks.gold.json): first words,
# speaker and cue, in document order.
SAMPLE_QUOTES = [
    ("I thought long about", "Aleksandr Lukashenko", "said"),
    ("Our elections are always", "Aleksandr Lukashenko", "stated"),
    ("Although there were constraining", "Aleksandr Lukashenko", "remarked"),
    ("It was a voting along", "Aleksandr Lukashenko", "stated"),
    ("We\u2019ve confirmed it as part", "Aleksandr Lukashenko", None),
    ("We need this demonstration", "Aleksandr Lukashenko", "said"),
    ("I have encountered much fewer", "Aleksandr Lukashenko", "said"),
    ("Perhaps, I would like us", "Aleksandr Lukashenko", "remarked"),
    ("Dear Aleksandr Grigorievich", "Vladimir Putin", "said"),
    ("We talk about it all the time", "Vladimir Putin", "stressed"),
    ("Moreover, the work is both", "Vladimir Putin", "said"),
    ("In general, work is vibrant", "Vladimir Putin", "noted"),
    ("I am confident that today", "Vladimir Putin", "said"),
]


def test_sample_article_gives_its_13_quotes_with_their_speakers_and_cues():
    result = quotelens.extract(SAMPLE.read_text(encoding="utf-8"))
    assert result["schema"] == quotelens.SCHEMA == "quotelens/1"
    direct = [q for q in result["quotes"] if q["kind"] == "direct"]
    assert len(direct) == 13
    for q, (start, speaker, cue) in zip(direct, SAMPLE_QUOTES):
        assert q["text"].startswith(start)
        assert q["speaker_name"] == speaker, q["text"]
        if cue is not None:  # the continuation quote has no cue of its own in the gold
            assert q["cue"]["text"] == cue, q["text"]
    names = {s["name"] for s in result["speakers"] if s["quotes"]}
    assert {"Aleksandr Lukashenko", "Vladimir Putin"} <= names


def test_extract_file_is_the_commands_json_exactly(command, corpus):
    for path in [SAMPLE, *sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".html", ".md", ".epub"))]:
        assert quotelens.extract_file(path) == cli_json(command, path), path


def test_extract_of_a_string_is_the_command_reading_it_from_stdin(command):
    for text in (NEWS, UNICODE_NEWS, "Line one\r\nSaid nothing.\r\n"):
        done = run_extract(command, "-", "--format", "json", stdin=text.encode("utf-8"))
        assert quotelens.extract(text) == json.loads(done.stdout)
        assert quotelens.extract(text.encode("utf-8")) == json.loads(done.stdout)


def test_bytes_are_decoded_like_a_file(command, corpus):
    legacy = corpus / "local" / "legacy.txt"
    result = quotelens.extract(legacy.read_bytes(), source=str(legacy))
    assert result == cli_json(command, legacy)
    assert result["document"]["encoding"] == "windows-1252"
    assert result["quotes"][0]["text"] == "Prices must fall,"
    assert result["quotes"][0]["speaker_name"] == "Ren\u00e9e Dubois"


def test_format_tells_how_to_read_a_string():
    page = "<html><body><p>Cookie banner</p><article><p>\"Open the gates,\" said warden Nils Holm.</p></article></body></html>"
    result = quotelens.extract(page, format="html")
    assert result["document"]["format"] == "html"
    assert result["quotes"][0]["speaker_name"] == "Nils Holm"
    assert quotelens.extract("# Notes\n\nplain", format="text")["document"]["format"] == "text"
    assert quotelens.extract("# Notes\n\nplain", format="markdown")["document"]["format"] == "markdown"


def test_source_names_the_document():
    assert quotelens.extract(NEWS)["document"]["source"] == "-"
    assert quotelens.extract(NEWS, source="ferry-2024")["document"]["source"] == "ferry-2024"


def test_character_offsets_slice_the_python_string():
    result = quotelens.extract(UNICODE_NEWS, offsets="chars")
    assert len(result["quotes"]) >= 2
    for q in result["quotes"]:
        assert UNICODE_NEWS[q["content_start"] : q["content_end"]] == q["text"]
        assert UNICODE_NEWS[q["start"] : q["end"]].strip("«»“”\"") == q["text"]
        for span in (q["cue"], q["speaker_mention"], q["addressee"]):
            if span is not None:
                assert UNICODE_NEWS[span["start"] : span["end"]] == span["text"]
    for s in result["speakers"]:
        for m in s["mentions"]:
            assert UNICODE_NEWS[m["start"] : m["end"]] == m["text"]
    for n in result["numbers"]:
        assert UNICODE_NEWS[n["start"] : n["end"]] == n["text"]
    emoji_quote = next(q for q in result["quotes"] if "\U0001f600" in q["text"])
    assert emoji_quote["speaker_name"] == "\u00c9lodie Marchand"


def test_byte_offsets_are_the_contracts_and_differ_from_characters():
    as_bytes = quotelens.extract(UNICODE_NEWS)
    as_chars = quotelens.extract(UNICODE_NEWS, offsets="chars")
    data = UNICODE_NEWS.encode("utf-8")
    for qb, qc in zip(as_bytes["quotes"], as_chars["quotes"]):
        assert data[qb["content_start"] : qb["content_end"]].decode("utf-8") == qb["text"]
        assert qb["content_start"] > qc["content_start"]
    assert as_chars["document"]["bytes"] == len(data)


def test_offsets_refer_to_the_document_text():
    crlf = 'Ferry news\r\n\r\n"We sail at six," said skipper Ana Lind.\r\n'
    doc = quotelens.text(crlf)
    # CR LF keeps its length (a space and LF), so the offsets are also the input string's.
    assert doc == crlf.replace("\r\n", " \n")
    q = quotelens.extract(crlf, offsets="chars")["quotes"][0]
    assert doc[q["content_start"] : q["content_end"]] == q["text"] == "We sail at six,"
    assert crlf[q["content_start"] : q["content_end"]] == q["text"]


def test_text_file_is_what_extract_file_offsets_point_into(corpus):
    page = corpus / "bridge.html"
    doc = quotelens.text_file(page)
    assert "<p>" not in doc and "The old river bridge reopened on Monday" in doc
    quotes = quotelens.extract_file(page, offsets="chars")["quotes"]
    assert [q["speaker_name"] for q in quotes if q["kind"] == "direct"] == ["Priya Raman", "Tomas Berg"]
    for q in quotes:
        assert doc[q["content_start"] : q["content_end"]] == q["text"]


def test_kinds_keep_only_those_quotes():
    kinds = {q["kind"] for q in quotelens.extract(NEWS)["quotes"]}
    assert {"direct", "reported"} <= kinds
    assert {q["kind"] for q in quotelens.extract(NEWS, kinds=["direct"])["quotes"]} == {"direct"}
    assert {q["kind"] for q in quotelens.extract(NEWS, kinds="direct,reported")["quotes"]} == {"direct", "reported"}


def test_unreadable_input_raises_the_commands_message(command, tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"abc\x00def")
    missing = tmp_path / "missing.txt"
    for path, error in ((binary, quotelens.InputError), (missing, quotelens.InputNotFoundError)):
        done = run_extract(command, str(path))
        assert done.returncode == 3
        with pytest.raises(error) as raised:
            quotelens.extract_file(path)
        assert f"quotelens: {raised.value}" == done.stderr.decode().strip()
        assert raised.value.exit_code == 3
    with pytest.raises(FileNotFoundError):
        quotelens.extract_file(missing)
    with pytest.raises(IsADirectoryError, match="is a directory"):
        quotelens.extract_file(tmp_path)
    with pytest.raises(ValueError, match="looks like a binary file"):
        quotelens.extract("text with a NUL \x00 byte")


def test_bad_arguments_raise():
    with pytest.raises(TypeError, match="str or bytes"):
        quotelens.extract(42)
    with pytest.raises(ValueError, match="unknown format"):
        quotelens.extract(NEWS, format="pdf")
    with pytest.raises(ValueError, match="unknown quote kind"):
        quotelens.extract(NEWS, kinds=["speech"])
    with pytest.raises(ValueError, match="offsets"):
        quotelens.extract(NEWS, offsets="words")
    with pytest.raises(ValueError, match="errors"):
        quotelens.extract_many([NEWS], errors="ignore")
    with pytest.raises(ValueError, match="sources"):
        quotelens.extract_many([NEWS, NEWS], sources=["one"])
    with pytest.raises(UnicodeEncodeError):
        quotelens.extract("lone surrogate \ud800")


def test_extract_many_gives_the_same_results_as_one_by_one_in_input_order():
    texts = [news_variant(i) for i in range(40)] + [SAMPLE.read_text(encoding="utf-8"), UNICODE_NEWS.encode("utf-8")]
    one_by_one = [quotelens.extract(t) for t in texts]
    for jobs in (None, 1, 3, 8):
        assert quotelens.extract_many(texts, jobs=jobs) == one_by_one
    speakers = [r["quotes"][0]["speaker_name"] for r in one_by_one[:6]]
    assert speakers == ["Maria Okafor", "Lars Eklund", "Chloe Dubois", "Priya Raman", "Tomas Berg", "Ivo Petrov"]
    assert quotelens.extract_many([]) == []
    assert quotelens.extract_many(iter(texts[:3]), offsets="chars") == [quotelens.extract(t, offsets="chars") for t in texts[:3]]


def test_extract_many_names_and_errors():
    texts = [NEWS, "bad\x00one", news_variant(1), "bad\x00two"]
    with pytest.raises(quotelens.InputError, match="^b: looks like a binary file") as raised:
        quotelens.extract_many(texts, sources=["a", "b", "c", "d"], jobs=2)
    assert raised.value.index == 1
    results = quotelens.extract_many(texts, sources=["a", "b", "c", "d"], errors="return")
    assert [type(r) for r in results] == [dict, quotelens.InputError, dict, quotelens.InputError]
    assert (results[1].index, results[3].index) == (1, 3)
    assert [results[0]["document"]["source"], results[2]["document"]["source"]] == ["a", "c"]


def test_extract_files_reads_a_folder_as_the_command_does(command, corpus):
    paths = quotelens.files(corpus)
    expected = cli_jsonl(command, str(corpus))
    assert [r["document"]["source"] for r in expected] == paths
    assert not any(p.endswith(".jpg") for p in paths)
    assert quotelens.extract_files(paths, jobs=3) == expected
    assert quotelens.files([corpus / "ferry.txt", corpus / "local"]) == [str(corpus / "ferry.txt")] + [p for p in paths if "/local/" in p]


def test_extract_many_releases_the_gil():
    texts = [SAMPLE.read_text(encoding="utf-8")] * 200
    ticks = 0
    done = threading.Event()

    def run():
        quotelens.extract_many(texts, jobs=1)
        done.set()

    worker = threading.Thread(target=run)
    started = time.perf_counter()
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    elapsed = time.perf_counter() - started
    # Holding the GIL for the whole call would leave this thread a tick every switch interval
    # (5 ms) at most; released, it counts freely while the engine runs.
    assert ticks > 20 * elapsed / 0.005, (ticks, elapsed)


def test_results_serialise_back_to_the_same_json(command):
    result = quotelens.extract_file(SAMPLE)
    assert json.dumps(result, ensure_ascii=False) == json.dumps(cli_json(command, SAMPLE), ensure_ascii=False)
    assert isinstance(result["quotes"][0]["confidence"], float)
