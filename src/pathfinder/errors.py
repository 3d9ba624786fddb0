"""The one exception the core raises for problems a user can fix."""

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
