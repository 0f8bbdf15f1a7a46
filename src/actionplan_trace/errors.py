"""The project's own exception types; cli.py turns them into messages and exit codes."""

from __future__ import annotations


class TraceError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(TraceError):
    """An input file cannot be read: missing, corrupt, encrypted, image-only or unsupported.

    The message names the file and the problem in one line.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class LimitError(InputError):
    """An input is over one of the limits (limits.py): a file that holds it (a .docx importing
    another) fails with it as a whole, where an unreadable part of it would only be a warning."""


class ProfileError(TraceError):
    """A profile or registry file under rules/ is missing or malformed."""


class UsageError(TraceError):
    """The caller asked for something that does not make sense (unknown format, profile, id)."""


class OutputError(TraceError):
    """An output file cannot be written (missing directory, permissions, full disk)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class InputWarning(UserWarning):
    """Something in an input was read with a repair (undecodable bytes replaced): the result is
    still produced, and cli.py shows the message as one `trace: warning:` line on stderr."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
