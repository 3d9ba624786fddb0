"""The certifications a person can reach: which they can sit now and which later, each with its rule and source.

Pure. The rules are the certifying bodies' own (AHIMA, AAPC), as read on their sites; each names the catalog
source it rests on, so ``pathfinder sources`` lists it. Their words (the rule, when the person can sit it, the
next step) are core/explain.py's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pathfinder.core import explain
from pathfinder.core.programs import Pathway, Program
from pathfinder.core.questions import Answer


@dataclass(frozen=True)
class Credential:
    id: str
    name: str
    now: bool  # the person can sit it now (or hold it now, for the CPC's apprentice mark)
    when: str  # when they can, in words
    rule: str  # who may sit it, in the body's terms
    source: str  # a catalog source id


def reachable(answers: Mapping[str, Answer], program: Program, pathway: Pathway) -> list[Credential]:
    """Every credential the rules above name, for this person and the recommended pathway: those they can sit now
    first, then those the pathway leads to, then the rest."""
    education = answers.get("education")
    coder = answers.get("experience") == "coding_billing"
    diploma = education is not None  # every education answer includes a high school diploma
    him_associate = program.id == "him" and pathway.level == "associate"
    him_bachelor = program.id == "him" and pathway.level == "bachelor"
    # Each credential: whether the person can sit it now, and their situation toward it (core/explain.py words it).
    found = [
        _credential("cca", "Certified Coding Associate (CCA)", diploma, "now" if diploma else "diploma first",
                    "ahima-cca"),
        _credential("cpc", "Certified Professional Coder (CPC)", True, "apprentice, coder" if coder else "apprentice",
                    "aapc-cpc"),
        # AHIMA requires only the diploma for the CCS; coding coursework and work are recommended, not required.
        _credential("ccs", "Certified Coding Specialist (CCS)", diploma,
                    "coder" if coder and diploma else "now, preparation recommended" if diploma else "diploma first",
                    "ahima-ccs"),
        _credential("rhit", "Registered Health Information Technician (RHIT)", False,
                    "final term" if him_associate else "associate first", "ahima-rhit"),
        _credential("rhia", "Registered Health Information Administrator (RHIA)", False,
                    ("after this bachelor's, or a certificate" if education == "bachelor" else "after this bachelor's")
                    if him_bachelor
                    else "post-baccalaureate certificate" if education == "bachelor" else "bachelor's first",
                    "ahima-rhia"),
    ]
    on_path = set(pathway.certifications)
    # Those they can sit now and are prepared for first (the CCS's recommended coding work is a preparation, so a
    # newcomer's first step is the CCA or the CPC), then those the pathway leads to.
    unprepared = {"ccs"} if not coder else set()
    return sorted(found, key=lambda c: (not c.now, c.id in unprepared, c.id not in on_path))


def _credential(credential: str, name: str, now: bool, situation: str, source: str) -> Credential:
    return Credential(credential, name, now, explain.credential_when(credential, situation),
                      explain.credential_rule(credential), source)


def first_step(credentials: list[Credential]) -> str | None:
    """The next step's sentence about the first credential within reach."""
    if not credentials:
        return None
    return explain.credential_step(credentials[0].name, credentials[0].when)
