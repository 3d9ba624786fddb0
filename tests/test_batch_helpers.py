"""When `score` starts helper processes: only when two or more cores are idle, one per idle core (at most
MAX_HELPERS). The rule restated here: idle cores = usable cores minus the load average, whole cores only."""

from __future__ import annotations

import pytest

from pathfinder.batch import run as batch
from pathfinder.batch.run import MAX_HELPERS, helpers_worth_starting


@pytest.mark.parametrize(("cores", "load", "expected"), [
    (1, 0.0, 0),     # one core: the main process has it
    (2, 0.0, 2),     # an idle two-core machine: one helper a core
    (2, 0.5, 0),     # half a core busy: one idle core is not enough to pay for handing work around
    (2, 1.0, 0),
    (2, 7.7, 0),     # the busy machine the issue measured: helpers made score slower
    (4, 1.0, 3),
    (4, 1.99, 2),
    (4, 2.01, 0),    # 1.99 idle cores round down to one
    (8, 0.0, MAX_HELPERS),
    (16, 3.0, MAX_HELPERS),
    (3, -1.0, 3),    # a nonsense negative load counts as none
])
def test_helpers_start_only_on_idle_cores(cores: int, load: float, expected: int) -> None:
    assert helpers_worth_starting(cores, load) == expected


@pytest.mark.parametrize("cores", range(1, 17))
def test_never_more_helpers_than_idle_cores(cores: int) -> None:
    for tenths in range(0, 10 * cores + 1):
        load = tenths / 10
        count = helpers_worth_starting(cores, load)
        assert count == 0 or 2 <= count <= min(MAX_HELPERS, cores - load)


def test_helpers_available_reads_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 0.0, 0.0))
    assert batch.helpers_available() == 2
    monkeypatch.setattr(os, "getloadavg", lambda: (3.5, 9.0, 9.0))  # the last minute is what counts
    assert batch.helpers_available() == 0

    def no_load_average() -> tuple[float, float, float]:
        raise OSError("no load average")

    monkeypatch.setattr(os, "getloadavg", no_load_average)  # unknown load: taken as busy, no helpers
    assert batch.helpers_available() == 0
