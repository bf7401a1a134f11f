"""The ``temoin_labels`` component: loaded and partisan wording.

Patterns in ``data/lexicons/labels.tsv`` give each label its kind
(name_calling, loaded_language, exaggeration, doubt, appeal_to_fear), its
SemEval-2023 Task 3 technique and a neutral wording. Writes
``doc.spans["temoin_labels"]`` with ``label_`` the kind and ``kb_id_`` the
pattern's row id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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


@cache
def any_label() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """All label patterns in one lookahead, at the text's start and after a non-word character: each pattern opens
    with ``(?<!\\w)``, and a regular expression that opens on a character class is scanned fast."""
    patterns = "|".join(f"(?:{rule.pattern.pattern})" for rule in label_rules().values())
    return re.compile(f"(?={patterns})", re.I), re.compile(rf"\W(?={patterns})", re.I)


def label_starts(text: str) -> list[int]:
    """Where some label pattern matches, in order."""
    at_start, after_break = any_label()
    return ([0] if at_start.match(text) else []) + [m.end() for m in after_break.finditer(text)]


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
