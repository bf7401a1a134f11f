"""The ``temoin_triggers`` component: words that start an event reading.

Patterns come from ``data/lexicons/triggers.tsv``; each names a trigger kind
(``air_strike``, ``attack``, ``turned_back``...) whose default ACLED type is in
``event_kinds.tsv``. Writes ``doc.spans["temoin_triggers"]`` with ``label_`` the
kind. The coding rules decide the final type from the sentence around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from temoin.resources import read_tsv
from temoin.stages.clean import in_boilerplate

_POS = {"VERB": {"VERB", "AUX", "ADJ"}, "NOUN": {"NOUN", "PROPN", "ADJ", "X"}}


@dataclass(frozen=True, slots=True)
class TriggerRule:
    pattern: str
    kind: str
    requires: re.Pattern[str] | None
    pos: str


@dataclass(frozen=True, slots=True)
class EventKind:
    kind: str
    event_type: str
    sub_event_type: str
    family: str
    strength: int
    plover: str


@cache
def trigger_rules() -> list[TriggerRule]:
    return [
        TriggerRule(row["pattern"], row["kind"], re.compile(row["requires"]) if row["requires"] else None, row["pos"])
        for row in read_tsv("lexicons/triggers.tsv")
    ]


@cache
def event_kinds() -> dict[str, EventKind]:
    return {
        row["kind"]: EventKind(
            row["kind"], row["event_type"], row["sub_event_type"], row["family"], int(row["strength"]), row["plover"]
        )
        for row in read_tsv("lexicons/event_kinds.tsv")
    }


def token_spec(part: str) -> dict[str, Any]:
    if part == "~":
        return {"OP": "?"}
    if part == "*":
        return {"OP": "{0,3}"}
    return {"LOWER": {"REGEX": f"^(?:{part})$"}}


class TriggerFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules = trigger_rules()
        self.matcher = Matcher(nlp.vocab)
        for i, rule in enumerate(self.rules):
            self.matcher.add(str(i), [[token_spec(p) for p in rule.pattern.split()]])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            rule = self.rules[int(doc.vocab.strings[match_id])]
            span = Span(doc, start, end, label=rule.kind, kb_id=rule.pattern)
            if self._accepts(rule, span):
                spans.append(span)
        doc.spans["temoin_triggers"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc

    @staticmethod
    def _accepts(rule: TriggerRule, span: Span) -> bool:
        if rule.pos != "any" and span[0].pos_ and span[0].pos_ not in _POS[rule.pos]:
            return False
        if rule.requires is not None and not rule.requires.search(span.sent.text.lower()):
            return False
        return not in_boilerplate(span)


@Language.factory(
    "temoin_triggers", assigns=["doc.spans"], requires=["token.pos", "token.is_sent_start"], default_config={}
)
def make_trigger_finder(nlp: Language, name: str) -> TriggerFinder:
    return TriggerFinder(nlp, name)
