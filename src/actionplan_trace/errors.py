"""The project's own exception types; cli.py turns them into messages and exit codes.

Each is a plain exception that pickles (a process pool sends a worker's error back whole):

    TraceError            every error the library raises on purpose
    ├── InputError        an input cannot be read (.path, .problem)
    │   └── LimitError    an input is over a limit (limits.py)
    ├── ProfileError      a file under rules/ (or given as a profile or registry) is malformed
    ├── UsageError        a request that makes no sense (unknown format, profile, id, command)
    └── OutputError       an output cannot be written (.path, .problem)
    InputWarning          (a UserWarning) an input was read with a repair
"""

from __future__ import annotations

from typing import Any


class _PathProblem(Exception):
    """An exception about one file: `path`, `problem`, and the message "path: problem"."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.path, self.problem), self.__dict__


class TraceError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(_PathProblem, TraceError):
    """An input file cannot be read: missing, corrupt, encrypted, image-only or unsupported.

    The message names the file and the problem in one line.
    """


class LimitError(InputError):
    """An input is over one of the limits (limits.py): a file that holds it (a .docx importing
    another) fails with it as a whole, where an unreadable part of it would only be a warning."""


class ProfileError(TraceError):
    """A profile or registry file under rules/ is missing or malformed."""


class UsageError(TraceError):
    """The caller asked for something that does not make sense (unknown format, profile, id)."""


class OutputError(_PathProblem, TraceError):
    """An output file cannot be written (missing directory, permissions, full disk)."""


class InputWarning(_PathProblem, UserWarning):
    """Something in an input was read with a repair (undecodable bytes replaced): the result is
    still produced, and cli.py shows the message as one `trace: warning:` line on stderr."""
