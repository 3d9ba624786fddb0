"""Writing files the user asked for, atomically: a temp file in the same folder, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pathfinder.errors import PathfinderError
from pathfinder.i18n import _


def open_input(path: Path, label: str) -> BinaryIO:
    """Open a file the user named for reading, turning every way it can fail into a PathfinderError."""
    if path.is_dir():
        raise PathfinderError(_("{label}: is a folder, not a file").format(label=label))
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise PathfinderError(_("{label}: no such file").format(label=label)) from None
    except PermissionError:
        raise PathfinderError(_("{label}: permission denied").format(label=label)) from None
    except OSError as exc:
        # TRANSLATORS: {reason} is the system's own words for the failure, such as "Input/output error".
        raise PathfinderError(_("{label}: cannot be read ({reason})").format(
            label=label, reason=exc.strerror or exc)) from None


def check_writable(path: Path, what: str | None = None) -> None:
    """Fail before any question is asked if ``path`` cannot be written later. ``what`` names the file in the
    message (an option such as ``--export``); the default is the word "file"."""
    what = _("file") if what is None else what
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise PathfinderError(_("{what} {path}: is a folder").format(what=what, path=path))
    if not folder.is_dir():
        raise PathfinderError(_("{what} {path}: folder {folder} does not exist").format(
            what=what, path=path, folder=folder))
    # Probe with a real file: permission bits say nothing for root or read-only mounts.
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".probe", dir=folder)
    except OSError as exc:
        raise PathfinderError(_("{what} {path}: folder {folder} is not writable ({reason})").format(
            what=what, path=path, folder=folder, reason=exc.strerror or exc)) from None
    os.close(fd)
    os.unlink(probe)


def write_atomic(path: Path, data: str | bytes, what: str | None = None) -> None:
    """Replace ``path`` with ``data`` in one step; on any failure the old file is untouched."""
    with atomic_output(path, what) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextmanager
def atomic_output(path: Path, what: str | None = None) -> Iterator[BinaryIO]:
    """A file to write that replaces ``path`` in one step when the block ends without error. Written into a
    temporary file beside it, flushed to disk, then renamed over it; on any failure (a full disk, an interrupt)
    the temporary file is removed and the old file is untouched."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # write to the link's target; keep the link
    check_writable(path, what)
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; give it the mode the file had, or what the umask allows.
        os.chmod(temp_name, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(temp_name, path)
    except BaseException as exc:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise PathfinderError(_("{what} {path}: could not be written ({reason})").format(
                what=_("file") if what is None else what, path=path, reason=exc.strerror or exc)) from None
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
