"""Candidates for a misspelt place name: one letter added, dropped, changed or swapped.

Reporters and translators drop or swap a letter ("Izum" for Izium, "Chechyna" for
Chechnya); no transliteration rule recovers that. Only a name the text treats as a
place and the gazetteer does not know at all is respelt, and ranking accepts a
respelt candidate only in a country the article is about (see ``ranking``).
"""

from __future__ import annotations

from string import ascii_lowercase

from temoin.stages.places.gazetteer import Candidate, Gazetteer
from temoin.stages.places.normalize import strict_key

MIN_LENGTH = 4  # shorter names have too many neighbours one letter away
MAX_LENGTH = 20  # past this the edits are many and a typo is rarely the only thing wrong


def one_edit_away(key: str) -> set[str]:
    """Every string one deletion, insertion, substitution or transposition from ``key``."""
    splits = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in ascii_lowercase}
    inserts = {a + c + b for a, b in splits for c in ascii_lowercase}
    return (deletes | swaps | changes | inserts) - {key}


def respelt_candidates(name: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Places whose own or alternate name is one edit from ``name`` (strict matches only)."""
    key = strict_key(name)
    if not MIN_LENGTH <= len(key) <= MAX_LENGTH or " " in key:
        return []
    found: dict[str, Candidate] = {}
    variants = [v for v in one_edit_away(key) if " " not in v]
    for variant in sorted(gazetteer.known_keys(variants)):
        for cand in gazetteer.candidates(variant):
            if cand.match == "strict" and cand.place.id not in found:
                found[cand.place.id] = Candidate(cand.place, "respelt", cand.form)
    return list(found.values())
