"""quotelens: who speaks, what they said and the numbers they cite, from Python.

The engine is the quotelens Rust library; every function returns the ``quotelens/1`` JSON
contract (the README's "The JSON contract") as Python dicts and lists, exactly what
``json.loads`` gives for ``quotelens extract FILE --format json``::

    >>> import quotelens
    >>> result = quotelens.extract('"We will win," the mayor said.')
    >>> result["quotes"][0]["text"], result["quotes"][0]["cue"]["text"]
    ('We will win,', 'said')

- :func:`extract` analyses a ``str`` (or ``bytes``), :func:`extract_file` a file (text in any
  encoding, HTML, Markdown, EPUB), :func:`extract_many` and :func:`extract_files` many at once on
  all cores without holding the GIL, results in input order.
- Offsets are UTF-8 byte offsets, as in the contract; ``offsets="chars"`` gives character
  offsets, so ``text[q["content_start"]:q["content_end"]] == q["text"]`` for the document text
  (:func:`text` gives it; for plain text it is the string itself, CR line ends made LF).
- :func:`to_arrow` and :func:`to_pandas` make one row per quote; ``python -m quotelens.dask``
  runs a corpus on a Dask cluster.
- Input that cannot be read raises :class:`InputError` (a ``ValueError``) with the command's
  message.
"""

from ._quotelens import (
    SCHEMA,
    __version__,
    extract,
    extract_file,
    extract_files,
    extract_many,
    files,
    text,
    text_file,
)
from .errors import (
    InputError,
    InputIsADirectoryError,
    InputNotFoundError,
    InputPermissionError,
    QuotelensError,
)
from .table import QUOTE_COLUMNS, to_arrow, to_pandas

__all__ = [
    "SCHEMA",
    "__version__",
    "extract",
    "extract_file",
    "extract_files",
    "extract_many",
    "files",
    "text",
    "text_file",
    "to_arrow",
    "to_pandas",
    "QUOTE_COLUMNS",
    "QuotelensError",
    "InputError",
    "InputNotFoundError",
    "InputPermissionError",
    "InputIsADirectoryError",
]
