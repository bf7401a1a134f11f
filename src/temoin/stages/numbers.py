"""French numbers written in words: « vingt-trois », « trente et un », « quatre-vingt-dix-sept », « deux cent
quarante ». ``COMPOUND`` finds them (two number words or more, joined by hyphens or spaces, or by « et » after a
ten) and ``compound_value`` reads them; single words and vague figures (« une dizaine ») stay in
``lexicons/vague_numbers.tsv``."""

from __future__ import annotations

import re

UNITS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
SCALES = {"cent": 100, "cents": 100, "mille": 1000}
_WORD = "|".join(sorted(list(UNITS) + list(SCALES), key=len, reverse=True))
_FIRST = "|".join(sorted([w for w in list(UNITS) + list(SCALES) if w not in {"un", "une"}], key=len, reverse=True))
_AFTER_TENS = "|".join(f"(?<={w})" for w in ("vingt", "trente", "quarante", "cinquante", "soixante"))
# « vingt et un », « soixante et onze »: « et » joins a ten and one or eleven only (« deux et cinq morts » is a list)
COMPOUND = rf"(?:{_FIRST})(?:(?:-|\s+)(?:{_WORD})|(?:{_AFTER_TENS})\s+et\s+(?:une?|onze))+(?![\w-])"


def compound_value(text: str) -> int | None:
    """The value of a number written in words, or None if any word is not a number word."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "et"]
    total = current = 0
    previous = ""
    for word in words:
        if word in {"vingt", "vingts"} and previous == "quatre":
            current += 76  # « quatre-vingt »: 4 × 20, the four already counted
        elif word in UNITS:
            current += UNITS[word]
        elif word in {"cent", "cents"}:
            current = (current or 1) * 100
        elif word == "mille":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        previous = word
    return total + current if words else None
