"""The exceptions quotelens raises, with the messages the ``quotelens`` command prints.

Every input problem is an :class:`InputError`, itself a :class:`ValueError`; the ones about the
file system are also the matching :class:`OSError` (``FileNotFoundError`` and so on), so either
kind of ``except`` catches them.
"""

from __future__ import annotations

from typing import Optional


class QuotelensError(Exception):
    """Base class of the errors quotelens raises."""

    #: The exit code of the ``quotelens`` command for the same error.
    exit_code: int = 1


class InputError(QuotelensError, ValueError):
    """An input could not be read: missing, unreadable, binary, too large or malformed.

    ``str(error)`` is the command's message, which names the input and says what to do. In a
    batch (``extract_many``, ``extract_files``) ``index`` is the position of the failing input.
    """

    exit_code = 3
    index: Optional[int] = None


class InputNotFoundError(InputError, FileNotFoundError):
    """The file does not exist."""


class InputPermissionError(InputError, PermissionError):
    """The file cannot be read with the current permissions."""


class InputIsADirectoryError(InputError, IsADirectoryError):
    """A folder was given where a file was expected (``files(folder)`` lists its documents)."""


__all__ = [
    "QuotelensError",
    "InputError",
    "InputNotFoundError",
    "InputPermissionError",
    "InputIsADirectoryError",
]
