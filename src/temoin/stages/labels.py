"""The ``temoin_labels`` component: loaded and partisan wording.

Patterns in ``data/lexicons/labels.tsv`` give each label its kind
(name_calling, loaded_language, exaggeration, doubt, appeal_to_fear), its
SemEval-2023 Task 3 technique and a neutral wording. Writes
``doc.spans["temoin_labels"]`` with ``label_`` the kind and ``kb_id_`` the
pattern's row id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from temoin.resources import read_tsv
from temoin.stages import doc_text
from temoin.stages.clean import in_boilerplate
from temoin.stages.dates import overlaps


@dataclass(frozen=True, slots=True)
class LabelRule:
    id: str
    pattern: re.Pattern[str]
    kind: str
    technique: str
    neutral: str


@cache
def label_rules() -> dict[str, LabelRule]:
    return {
        row["id"]: LabelRule(
            row["id"],
            re.compile(rf"(?<!\w)(?:{row['pattern']})(?!\w)", re.I),
            row["kind"],
            row["technique"],
            row["neutral"],
        )
        for row in read_tsv("lexicons/labels.tsv")
    }


NON_WORD = re.compile(r"\W")
Parsed = Iterable[tuple[Any, Any]]


def opening_chars(items: Parsed) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any), and whether it can match nothing."""
    found: set[str] = set()
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # consumes nothing
        if op is sre.LITERAL:
            return found | {chr(av)}, False
        if op is sre.BRANCH:
            branches = [opening_chars(branch) for branch in av[1]]
            chars = None if any(c is None for c, _ in branches) else set().union(*(c or set() for c, _ in branches))
            empty = any(e for _, e in branches)
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:
            chars, empty = opening_chars(av[3])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            chars, empty = opening_chars(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False  # a class, any character, a scoped flag...
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


@cache
def label_openings() -> list[tuple[LabelRule, set[str] | None]]:
    """Each label rule and the characters it can start with (None: any)."""
    out = []
    for rule in label_rules().values():
        chars, empty = opening_chars(_parser.parse(rule.pattern.pattern, rule.pattern.flags))
        out.append((rule, None if empty else chars))
    return out


@lru_cache(maxsize=4096)
def opening_with(char: str) -> re.Pattern[str] | None:
    """The label patterns that can start with ``char`` (case folded as in the patterns), as one pattern."""
    patterns = [
        rule.pattern.pattern
        for rule, chars in label_openings()
        if chars is None or re.fullmatch("|".join(re.escape(c) for c in chars), char, re.I)
    ]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


def label_starts(text: str) -> list[int]:
    """Where some label pattern matches, in order: each opens with ``(?<!\\w)``, so only at the start of the text
    or after a non-word character, and only a pattern that can start with the character there."""
    starts = []
    for start in chain([0], (m.end() for m in NON_WORD.finditer(text))):
        if start < len(text) and (patterns := opening_with(text[start])) is not None and patterns.match(text, start):
            starts.append(start)
    return starts


def rule_matches(rule: LabelRule, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """The matches of ``rule.pattern.finditer(text)``, tried only at ``starts``."""
    found = []
    end = 0
    for start in starts:
        if start >= end and (m := rule.pattern.match(text, start)):
            found.append((start, m.end()))
            end = m.end()
    return found


def find_labels(text: str) -> list[tuple[int, int, LabelRule]]:
    found: list[tuple[int, int, LabelRule]] = []
    taken: list[tuple[int, int]] = []  # sorted, never overlapping
    starts = label_starts(text)
    for rule in label_rules().values():
        new = [(start, end) for start, end in rule_matches(rule, text, starts) if not overlaps(taken, start, end)]
        found += [(start, end, rule) for start, end in new]
        taken = sorted(taken + new)  # matches of one pattern never overlap each other
    return sorted(found, key=lambda f: f[0])


class LabelFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, rule in find_labels(doc_text(doc)):
            span = doc.char_span(start, end, label=rule.kind, kb_id=rule.id, alignment_mode="expand")
            if span is not None and not in_boilerplate(span):
                spans.append(span)
        doc.spans["temoin_labels"] = spans
        return doc


@Language.factory("temoin_labels", assigns=["doc.spans"], requires=[], default_config={})
def make_label_finder(nlp: Language, name: str) -> LabelFinder:
    return LabelFinder(nlp, name)
