"""The certifications a person can reach: which they can sit now and which later, each with its rule and source.

Pure. The rules are the certifying bodies' own (AHIMA, AAPC), as read on their sites; each names the catalog
source it rests on, so ``pathfinder sources`` lists it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pathfinder.core.programs import Pathway, Program
from pathfinder.core.questions import Answer
from pathfinder.i18n import N_, _


@dataclass(frozen=True)
class Credential:
    id: str
    name: str
    now: bool  # the person can sit it now (or hold it now, for the CPC's apprentice mark)
    when: str  # when they can, in words
    rule: str  # who may sit it, in the body's terms
    source: str  # a catalog source id


# The rules, marked for the catalog and translated where a credential is built.
CCA_RULE = N_("A high school diploma or equivalent; six months of coding work or an approved coding program is "
            "recommended, not required.")
CPC_RULE = N_("Anyone may sit it: AAPC needs no proof of education or experience. Until the person has two years of "
            "verified coding work (or one year plus an 80-hour coding course or AAPC's Practicode), a pass gives the "
            "CPC-A, the apprentice mark, which is removed once that work is shown.")
CCS_RULE = N_("A high school diploma; recommended: coding coursework plus a year of coding work, or two years of "
              "coding work, or the CCA plus a year, or the RHIT or RHIA.")
RHIT_RULE = N_("The academic requirements of an associate degree in a CAHIIM-accredited HIM program; students in their "
             "final term may test early.")
RHIA_RULE = N_("A CAHIIM-accredited bachelor's or master's HIM program, or a CAHIIM-approved post-baccalaureate HIM "
             "certificate.")


def reachable(answers: Mapping[str, Answer], program: Program, pathway: Pathway) -> list[Credential]:
    """Every credential the rules above name, for this person and the recommended pathway: those they can sit now
    first, then those the pathway leads to, then the rest."""
    education = answers.get("education")
    coder = answers.get("experience") == "coding_billing"
    diploma = education is not None  # every education answer includes a high school diploma
    him_associate = program.id == "him" and pathway.level == "associate"
    him_bachelor = program.id == "him" and pathway.level == "bachelor"
    found = [
        Credential("cca", "Certified Coding Associate (CCA)", diploma,
                   _("now") if diploma else _("with a high school diploma or equivalent"), _(CCA_RULE), "ahima-cca"),
        Credential("cpc", "Certified Professional Coder (CPC)", True,
                   _("now (as CPC-A, the apprentice mark, until two years of coding work, which your coding work may "
                     "count toward)") if coder
                   else _("now (as CPC-A, the apprentice mark, until two years of coding work)"),
                   _(CPC_RULE), "aapc-cpc"),
        Credential("ccs", "Certified Coding Specialist (CCS)", coder and diploma,
                   _("now, if your coding work adds up to two years (recommended)") if coder and diploma
                   else _("after coding coursework and a year of coding work (recommended)"), _(CCS_RULE),
                   "ahima-ccs"),
        Credential("rhit", "Registered Health Information Technician (RHIT)", False,
                   _("in the final term of the HIM associate degree, if the program is CAHIIM-accredited")
                   if him_associate else _("after a CAHIIM-accredited HIM associate degree"), _(RHIT_RULE),
                   "ahima-rhit"),
        Credential("rhia", "Registered Health Information Administrator (RHIA)", False,
                   _("after the HIM bachelor's degree, if the program is CAHIIM-accredited") if him_bachelor
                   else _("after a CAHIIM-approved post-baccalaureate HIM certificate") if education == "bachelor"
                   else _("after a CAHIIM-accredited HIM bachelor's degree"), _(RHIA_RULE), "ahima-rhia"),
    ]
    on_path = set(pathway.certifications)
    return sorted(found, key=lambda c: (not c.now, c.id not in on_path))


def first_step(credentials: list[Credential]) -> str | None:
    """The next step's sentence about the first credential within reach."""
    if not credentials:
        return None
    first = credentials[0]
    return _("First certification within reach: the {certification}, {when}.").format(certification=first.name,
                                                                                         when=first.when)
