"""The ``temoin_triggers`` component: words that start an event reading.

Patterns come from ``data/lexicons/triggers.tsv``; each names a trigger kind
(``air_strike``, ``attack``, ``turned_back``...) whose default ACLED type is in
``event_kinds.tsv``. Writes ``doc.spans["temoin_triggers"]`` with ``label_`` the
kind. The coding rules decide the final type from the sentence around it.

``TriggerPatterns`` finds exactly the matches spaCy's ``Matcher`` finds for
``token_spec`` patterns (``TriggerFinder.matcher``, kept as the reference), in
the same order, without testing every pattern's regular expression on every
token: a token's lowercase form is tested once against all first words, and a
pattern is followed only from a token that can start it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from temoin.resources import read_tsv, word_pattern, word_set
from temoin.stages import span_text
from temoin.stages.clean import in_boilerplate
from temoin.stages.tolls import no_victims

_POS = {"VERB": {"VERB", "AUX", "ADJ"}, "NOUN": {"NOUN", "PROPN", "ADJ", "X"}}


def noun_by_its_article(rule: TriggerRule, span: Span) -> bool:
    """« l'accrochage le plus meurtrier », tagged a verb: a noun trigger after an article is a noun."""
    return rule.pos == "NOUN" and span.start > 0 and span.doc[span.start - 1].pos_ == "DET"


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
    rules = []
    for row in read_tsv("lexicons/triggers.tsv"):
        requires = re.compile(row["requires"]) if row["requires"] else None
        for pattern in dict.fromkeys([row["pattern"], split_hyphens(row["pattern"])]):
            rules.append(TriggerRule(pattern, row["kind"], requires, row["pos"]))
    return rules


def split_hyphens(pattern: str) -> str:
    """The pattern as the tokenizer may split it: "attentats?-suicides?" is also "attentats? - suicides?" (the model
    splits "attentat-suicide" and "sit-in" into three tokens). Words with groups are left as written."""
    return " ".join(
        " - ".join(part.split("-")) if "-" in part and not set("([") & set(part) else part for part in pattern.split()
    )


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


Step = int | str  # a word's regular expression (its index), or "~" / "*" for any token(s)
SKIPS = {"~": (0, 1), "*": (0, 1, 2, 3)}
CACHE_LIMIT = 200_000  # lowercase forms remembered before the caches start again


class TriggerPatterns:
    """All (rule index, start, end) matches of the rules' patterns, as ``Matcher`` gives them."""

    def __init__(self, patterns: list[str]) -> None:
        words: dict[str, int] = {}
        self.steps = [
            tuple(p if p in SKIPS else words.setdefault(p, len(words)) for p in pattern.split()) for pattern in patterns
        ]
        self.words = [re.compile(f"^(?:{word})$") for word in words]
        self.by_first: dict[int, list[int]] = {}  # a first word's index -> rules starting with it
        for i, steps in enumerate(self.steps):
            first = steps[0] if steps else "~"
            if isinstance(first, str):
                raise ValueError(f"trigger pattern {patterns[i]!r} must start with a word, not '~' or '*'")
            self.by_first.setdefault(first, []).append(i)
        self.firsts = list(self.by_first)
        self.any_first = re.compile("|".join(self.words[f].pattern for f in self.firsts) or "(?!)")
        self.first_cache: dict[str, tuple[int, ...]] = {}
        self.word_cache: dict[tuple[int, str], bool] = {}

    def first_words(self, lower: str) -> tuple[int, ...]:
        found = self.first_cache.get(lower)
        if found is None:
            if len(self.first_cache) > CACHE_LIMIT:
                self.first_cache.clear()
            found = tuple(f for f in self.firsts if self.words[f].match(lower)) if self.any_first.match(lower) else ()
            self.first_cache[lower] = found
        return found

    def is_word(self, word: int, lower: str) -> bool:
        key = (word, lower)
        found = self.word_cache.get(key)
        if found is None:
            if len(self.word_cache) > CACHE_LIMIT:
                self.word_cache.clear()
            found = self.word_cache[key] = self.words[word].match(lower) is not None
        return found

    def ends(self, steps: tuple[Step, ...], at: int, lowers: list[str]) -> Iterator[int]:
        """Where a match of ``steps`` starting at token ``at`` can end (repeats included)."""
        if not steps:
            yield at
            return
        step, rest = steps[0], steps[1:]
        if isinstance(step, str):
            for skip in SKIPS[step]:
                if at + skip <= len(lowers):
                    yield from self.ends(rest, at + skip, lowers)
        elif at < len(lowers) and self.is_word(step, lowers[at]):
            yield from self.ends(rest, at + 1, lowers)

    def __call__(self, lowers: list[str]) -> list[tuple[int, int, int]]:
        """Sorted by start, end, then rule: the order in which ``filter_spans`` must break ties."""
        found: set[tuple[int, int, int]] = set()
        for start, lower in enumerate(lowers):
            for first in self.first_words(lower):
                for rule in self.by_first[first]:
                    found.update((start, end, rule) for end in self.ends(self.steps[rule][1:], start + 1, lowers))
        return sorted(found)


_REFLEXIVE = {"se", "s'", "s’"}


class TriggerFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules = trigger_rules()
        self.matcher = Matcher(nlp.vocab)  # the reference TriggerPatterns must agree with (tests)
        for i, rule in enumerate(self.rules):
            self.matcher.add(str(i), [[token_spec(p) for p in rule.pattern.split()]])
        self.patterns = TriggerPatterns([rule.pattern for rule in self.rules])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, index in self.patterns([token.lower_ for token in doc]):
            rule = self.rules[index]
            span = Span(doc, start, end, label=rule.kind, kb_id=rule.pattern)
            if self._accepts(rule, span):
                spans.append(span)
        doc.spans["temoin_triggers"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc

    @staticmethod
    def _accepts(rule: TriggerRule, span: Span) -> bool:
        if (
            rule.pos != "any"
            and span[0].pos_
            and span[0].pos_ not in _POS[rule.pos]
            and not noun_by_its_article(rule, span)
        ):
            return False
        if rule.requires is not None and not rule.requires.search(span_text(span.sent).lower()):
            return False
        fell = (rule.kind == "kill" and (pronominal(span) or denied(span))) or (
            rule.kind == "disrupted" and (reflexive_inside(span) or weapon_as_agent(span))
        )
        return (
            not in_boilerplate(span)
            and not in_a_name(span)
            and not fell
            and not averted(span)
            and not in_a_weapon_name(span)
            and not a_launcher(span)
            and not marked_with(span)
        )


def pronominal(span: Span) -> bool:
    """ "des missiles se sont abattus sur la ville": a pronominal verb of killing says something else."""
    before = [t.lower_ for t in span.doc[max(span.start - 2, span.sent.start) : span.start]]
    return bool(before) and (before[-1] in _REFLEXIVE or (len(before) == 2 and before[0] in _REFLEXIVE))


def denied(span: Span) -> bool:
    """ "il n'y a pas eu de mort", "sans faire de victimes": a death word that says nobody died
    (``lexicons/no_victims.txt``)."""
    return inside_a_phrase(span, no_victims())


def in_a_weapon_name(span: Span) -> bool:
    """ "deux fusils d'assaut saisis": the word names a weapon (``lexicons/weapon_names.txt``)."""
    return inside_a_phrase(span, word_pattern("lexicons/weapon_names.txt"))


def a_launcher(span: Span) -> bool:
    """ "armés de lance-roquettes", "les frappes ont visé des lance-roquettes": the launcher, not its fire (« des
    tirs de lance-roquettes multiples » is fire)."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.start - 2, 0) : span.start]]
    fired = any(t.lower_.startswith("tir") for t in doc[max(span.start - 5, 0) : span.start])
    return before == ["lance", "-"] and not fired


def inside_a_phrase(span: Span, phrases: re.Pattern[str]) -> bool:
    sentence = span.sent
    start, end = span.start_char - sentence.start_char, span.end_char - sentence.start_char
    return any(m.start() <= start and end <= m.end() for m in phrases.finditer(sentence.text))


def weapon_as_agent(span: Span) -> bool:
    """ "un char a été détruit mercredi par un drone": the weapon did the destroying, nobody stopped it (but « un
    drone abattu par un missile » was stopped)."""
    by = any(t.lower_ == "par" for t in span[-3:-1]) and not any(t.lower_ == "par" for t in span[:-3])
    before = span.doc[max(span.sent.start, span.start - 5) : span.start]
    return by and not any(t.lower_ in word_set("lexicons/projectile_nouns.txt") for t in before)


def reflexive_inside(span: Span) -> bool:
    """ "un drone s'est abattu sur le champ gazier": it fell on its target, nobody shot it down."""
    return any(t.lower_ in _REFLEXIVE for t in span)


def marked_with(span: Span) -> bool:
    """« des véhicules frappés de l'insigne des FSR »: bearing a sign (``lexicons/emblem_nouns.txt``), not struck."""
    doc = span.doc
    if not span[0].lower_.startswith("frapp") or span.end >= len(doc):
        return False
    after = doc[span.end : min(span.end + 4, span.sent.end)]
    return after[:1].text.lower() in {"de", "du", "d'", "d’", "des", "aux", "au"} and any(
        t.lower_ in word_set("lexicons/emblem_nouns.txt") for t in after
    )


def averted(span: Span) -> bool:
    """ "ont désamorcé une voiture piégée, évitant un massacre": what was averted did not happen
    (``lexicons/averting_verbs.txt``)."""
    before = span.doc[max(span.sent.start, span.start - 3) : span.start]
    return any(t.lemma_.lower() in word_set("lexicons/averting_verbs.txt") for t in before)


def in_a_name(span: Span) -> bool:
    """A trigger word inside a named group's name (« le Mouvement populaire de libération du Soudan », « l'Armée de
    libération oromo ») tells of no event."""
    named = (a for a in span.doc.spans.get("temoin_actors", []) if a.kb_id_.startswith("named:"))
    return any(a.start <= span.start and span.end <= a.end for a in named)


@Language.factory(
    "temoin_triggers", assigns=["doc.spans"], requires=["token.pos", "token.is_sent_start"], default_config={}
)
def make_trigger_finder(nlp: Language, name: str) -> TriggerFinder:
    return TriggerFinder(nlp, name)
