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


def find_labels(text: str) -> list[tuple[int, int, LabelRule]]:
    found: list[tuple[int, int, LabelRule]] = []
    taken: list[tuple[int, int]] = []  # sorted, never overlapping
    for rule in label_rules().values():
        new = [(m.start(), m.end()) for m in rule.pattern.finditer(text) if not overlaps(taken, m.start(), m.end())]
        found += [(start, end, rule) for start, end in new]
        taken = sorted(taken + new)  # matches of one pattern never overlap each other
    return sorted(found, key=lambda f: f[0])


class LabelFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, rule in find_labels(doc.text):
            span = doc.char_span(start, end, label=rule.kind, kb_id=rule.id, alignment_mode="expand")
            if span is not None and not in_boilerplate(span):
                spans.append(span)
        doc.spans["temoin_labels"] = spans
        return doc


@Language.factory("temoin_labels", assigns=["doc.spans"], requires=[], default_config={})
def make_label_finder(nlp: Language, name: str) -> LabelFinder:
    return LabelFinder(nlp, name)
