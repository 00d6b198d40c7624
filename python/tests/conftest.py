"""Shared fixtures: the repository's sample article, the `quotelens` command to compare with, and
small documents of our own (never text from ../shared/data)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any, Dict, List

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "assets" / "kremlin-talks.txt"

NEWS = """Harbour council approves new ferry timetable

The harbour council voted on Tuesday to add two evening ferries. "We listened to the people who commute every day," said council leader Maria Okafor. She added that the change would cost about £40,000 a year.

Transport minister Lars Eklund welcomed the decision. "It is a sensible step," he told reporters, "and other towns should follow."
"""

# Cyrillic, accented Latin, an emoji (one character, four UTF-8 bytes) and curly quotes: byte and
# character offsets differ everywhere after the first line.
UNICODE_NEWS = """Премьер-министр Анна Ковалёва заявила журналистам: «Мы не отступим ни на шаг».

“Ça suffit — 😀 vraiment,” said Élodie Marchand, the mayor of Saint-Étienne. She said the budget would grow by 12%.
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Bridge reopens | Valley Post</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens after two years</h1>
<p>The old river bridge reopened on Monday after two years of repairs that cost £3.2 million.</p>
<p>"The valley is whole again," said engineer Priya Raman, who led the works.</p>
<p>Local shop owner Tomas Berg said trade had fallen by 30% while the bridge was closed. "We survived, just," he said.</p>
</article><footer>Copyright Valley Post</footer></body></html>
"""

MARKDOWN = """# Library opens late on Sundays

The city library will open until 9pm on Sundays from March.

"Students asked for it and we listened," said head librarian Chloe Dubois.

* Opening hours rise by 12 a week
* Two new staff will be hired
"""


def news_variant(i: int) -> str:
    """A distinct short article per `i`, so that results in the wrong order would show."""
    names = ["Maria Okafor", "Lars Eklund", "Chloe Dubois", "Priya Raman", "Tomas Berg", "Ivo Petrov"]
    name = names[i % len(names)]
    return (
        f'Story {i}\n\nThe committee met for the {i + 1}th time. "We need {i + 2} more buses," said '
        f'transport chief {name}. {name.split()[0]} added that {i * 3}% of riders wanted night services.\n'
    )


def make_epub(path: Path) -> None:
    """A minimal EPUB 3: one chapter with a quote."""
    chapter = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head>'
        '<body><h1>Chapter One</h1><p>"Nobody leaves before dawn," said Captain Mirela Stan.</p>'
        "<p>The crew of 40 waited on deck.</p></body></html>"
    )
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">quotelens-test</dc:identifier>'
        "<dc:title>Dawn</dc:title><dc:language>en</dc:language></metadata>"
        '<manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="c1"/></spine></package>'
    )
    container = (
        '<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", container)
        z.writestr("OEBPS/content.opf", opf)
        z.writestr("OEBPS/c1.xhtml", chapter)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small folder of documents in every format the loaders read, one in a subfolder, one in
    Windows-1252 with CRLF line ends."""
    folder = tmp_path / "corpus"
    (folder / "local").mkdir(parents=True)
    (folder / "ferry.txt").write_text(NEWS, encoding="utf-8")
    (folder / "unicode.txt").write_text(UNICODE_NEWS, encoding="utf-8")
    (folder / "bridge.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "library.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "local" / "legacy.txt").write_bytes(
        'Caf\u00e9 owners met on Friday.\r\n\r\n"Prices must fall," said caf\u00e9 owner Ren\u00e9e Dubois.\r\n'.encode("cp1252")
    )
    for i in range(3):
        (folder / "local" / f"story-{i}.txt").write_text(news_variant(i), encoding="utf-8")
    make_epub(folder / "dawn.epub")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a document")
    return folder


def _find_command() -> Path:
    given = os.environ.get("QUOTELENS_BIN")
    if given:
        return Path(given)
    for profile in ("debug", "release"):
        candidate = REPO / "target" / profile / "quotelens"
        if candidate.exists():
            return candidate
    found = shutil.which("quotelens")
    if found:
        return Path(found)
    pytest.skip("the quotelens command is not built (cargo build, or set QUOTELENS_BIN)")
    raise AssertionError  # unreachable


@pytest.fixture(scope="session")
def command() -> Path:
    """The `quotelens` binary of this repository (.ci/run sets QUOTELENS_BIN)."""
    path = _find_command()
    assert path.exists(), f"QUOTELENS_BIN={path} does not exist"
    return path


def run_extract(command: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([str(command), "extract", *args], input=stdin, capture_output=True, check=False)


def cli_json(command: Path, path: Path) -> Dict[str, Any]:
    done = run_extract(command, str(path), "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def cli_jsonl(command: Path, *args: str) -> List[Dict[str, Any]]:
    done = run_extract(command, *args, "--format", "jsonl")
    assert done.returncode == 0, done.stderr.decode()
    return [json.loads(line) for line in done.stdout.decode().splitlines()]
