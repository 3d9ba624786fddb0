"""The exceptions the core raises: problems a user can fix, and runs that had to stop."""

from __future__ import annotations


class PathfinderError(Exception):
    """A problem with the user's input; the CLI prints it and exits with code 2.

    ``lines`` holds one line per problem (for example one per invalid JSON path).
    """

    def __init__(self, message: str, lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.lines = list(lines or [])

    def __str__(self) -> str:
        if not self.lines:
            return self.message
        return "\n".join([self.message, *(f"  {line}" for line in self.lines)])


class Stopped(Exception):
    """A run that could not finish for a reason outside the user's input (a helper process died, say); the CLI
    prints the message and exits with code 1."""
