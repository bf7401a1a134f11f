"""Docs with a parse given by hand, to pin rules against a parse the French model once produced."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc


def hand_parsed(rows: list[tuple[str, str, str, int]]) -> Doc:
    """A Doc with the parse given by hand: (word, pos, dep, head index) per token, one sentence."""
    words, pos, deps, heads = (list(column) for column in zip(*rows, strict=True))
    morphs = ["VerbForm=Fin" if p == "AUX" else "" for p in pos]
    return Doc(
        spacy.blank("fr").vocab,
        words=words,
        pos=pos,
        deps=deps,
        heads=heads,
        morphs=morphs,
        sent_starts=[True] + [False] * (len(words) - 1),
    )
