"""Type stubs for the native half of quotelens (the quotelens Rust library through PyO3)."""

import os
from typing import Any, Dict, Iterable, List, Literal, Optional, Sequence, Union, overload

from .errors import InputError

#: The contract's version, the ``schema`` field of every result: "quotelens/1".
SCHEMA: str
__version__: str

#: A result: the ``quotelens/1`` JSON as Python objects (see the README's "The JSON contract").
Result = Dict[str, Any]
Text = Union[str, bytes]
Format = Literal["text", "txt", "html", "htm", "markdown", "md", "epub"]
Offsets = Literal["bytes", "chars"]
Kinds = Union[str, Sequence[str]]
PathLike = Union[str, "os.PathLike[str]"]

def extract(
    text: Text,
    *,
    format: Optional[Format] = None,
    source: Optional[str] = None,
    offsets: Offsets = "bytes",
    kinds: Optional[Kinds] = None,
) -> Result:
    """Quotes, speakers and numbers in one document, as ``quotelens extract --format json``.

    ``text`` is a ``str``, or ``bytes`` decoded as a file would be. ``format`` is "text",
    "html", "markdown" or "epub" (None: told from the content). ``source`` is written in
    ``document.source`` ("-" when None). ``offsets="chars"`` gives character offsets into the
    document text (:func:`text`); ``kinds`` keeps only those quote kinds.

    Raises :class:`InputError` (a ``ValueError``) with the command's message.
    """

def extract_file(
    path: PathLike,
    *,
    offsets: Offsets = "bytes",
    kinds: Optional[Kinds] = None,
) -> Result:
    """:func:`extract` for a file: text in any encoding, HTML, Markdown or EPUB.

    Raises :class:`InputNotFoundError` (also a ``FileNotFoundError``),
    :class:`InputPermissionError`, :class:`InputIsADirectoryError` or :class:`InputError`.
    """

@overload
def extract_many(
    texts: Iterable[Text],
    *,
    jobs: Optional[int] = None,
    format: Optional[Format] = None,
    sources: Optional[Sequence[str]] = None,
    offsets: Offsets = "bytes",
    kinds: Optional[Kinds] = None,
    errors: Literal["raise"] = "raise",
) -> List[Result]: ...
@overload
def extract_many(
    texts: Iterable[Text],
    *,
    jobs: Optional[int] = None,
    format: Optional[Format] = None,
    sources: Optional[Sequence[str]] = None,
    offsets: Offsets = "bytes",
    kinds: Optional[Kinds] = None,
    errors: Literal["return"],
) -> List[Union[Result, InputError]]:
    """:func:`extract` for many texts on ``jobs`` threads (all cores when None), the GIL released.

    Results come in the order of ``texts``. ``sources`` names each text. With ``errors="raise"``
    the first unreadable input raises (its ``index`` attribute is its position); with
    ``errors="return"`` its exception takes its place in the list.
    """

@overload
def extract_files(
    paths: Iterable[PathLike],
    *,
    jobs: Optional[int] = None,
    offsets: Offsets = "bytes",
    kinds: Optional[Kinds] = None,
    errors: Literal["raise"] = "raise",
) -> List[Result]: ...
@overload
def extract_files(
    paths: Iterable[PathLike],
    *,
    jobs: Optional[int] = None,
    offsets: Offsets = "bytes",
    kinds: Optional[Kinds] = None,
    errors: Literal["return"],
) -> List[Union[Result, InputError]]:
    """:func:`extract_file` for many files on ``jobs`` threads, read and analysed without the GIL."""

def text(text: Text, *, format: Optional[Format] = None) -> str:
    """The document text every offset refers to, as ``quotelens text`` prints it."""

def text_file(path: PathLike) -> str:
    """The document text of a file, which the offsets of ``extract_file(path)`` refer to."""

def files(inputs: Sequence[PathLike]) -> List[str]:
    """The documents ``quotelens extract`` reads for these paths (folders walked in path order)."""
