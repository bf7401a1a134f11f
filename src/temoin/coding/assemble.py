"""Readings merged into events, then typed records.

A sentence with an event trigger gives a reading. A reading starts a new event
unless it tells more of one already told: it refers back to it ("cette attaque",
"les frappes"), it adds no place and no date of its own, or it gives the same
kind of event in the same paragraph at a place nearby (ACLED: one event per
place and day). Sentences with only a toll add it to the event before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Span, Token

from temoin.coding.context import ArticleContext, Sentence
from temoin.coding.location import choose_location, coordinated_locations
from temoin.coding.roles import NON_STATE, clause_verb, lays_blame, role, to_actor
from temoin.coding.typing import classify, has_cue, main_kind, plover_type, victim_nouns
from temoin.countries import Country, country_lexicon
from temoin.records import Actor, Certainty, Event, Evidence, Location
from temoin.resources import read_lines, read_tsv, word_alternation, word_set
from temoin.stages.actors import force_nouns, generic_actors
from temoin.stages.attribution import reporting_verbs
from temoin.stages.dates import DateReading
from temoin.stages.places.ranking import km_between
from temoin.stages.triggers import event_kinds

HABITUAL = re.compile(
    r"\b(souvent|régulièrement|habituellement|généralement|chaque fois|s'en prenait|"
    r"à plusieurs reprises|plusieurs fois|de temps en temps|depuis des années|sont récurrentes?)\b",
    re.I,
)
DEFINITE = {
    "le",
    "la",
    "les",
    "l'",
    "ce",
    "cet",
    "cette",
    "ces",
    "leur",
    "leurs",
    "son",
    "sa",
    "ses",
    "du",
    "au",
    "aux",
}
PRONOUNS = {"il", "elle", "ils", "elles", "celle-ci", "celui-ci", "ceux-ci", "celles-ci"}
_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
YEAR = re.compile(
    rf"\b(?:en|depuis|dans les années|année|fin|début|mi-|courant) ?(?:(?:{_MONTHS}) )?((?:19|20)\d\d)\b", re.I
)
PLACE_ANAPHORA = re.compile(
    r"\b(de|dans|à) (la|cette) (ville|localité|capitale|cité|commune|base)\b|"
    r"\b(du|dans le|au) (village|camp|chef-lieu)\b(?! (de|d'))|\bsur place\b",
    re.I,
)
TIME_SHIFT = re.compile(
    r"\b(après|plus tard|ensuite|puis|auparavant|plus tôt|la veille|le lendemain|"
    r"au même moment|par ailleurs|d'autre part|ailleurs)\b",
    re.I,
)
CROWDS = ("Protesters", "Rioters")
LEDE_SENTENCES = 2  # the first sentences of an article tell its news, with or without a place
CAUSATIVES = {"forcer", "contraindre", "obliger", "pousser", "amener"}
MERGE_KM = 50.0
STAND_OFF = {"Air/drone strike", "Shelling/artillery/missile attack"}  # not mines or bombs: anyone plants those
VICTIM_SECTORS = {"CVL", "REF", "JRN", "MED", "NGO"}
CIVILIAN_HARM = {"Violence against civilians", "Explosions/Remote violence"}
SOURCE_REACH = 2  # sentences after the one naming a source that it still speaks for
LOOKBACK = 4  # sentences within which a placeless reading continues an earlier event


@dataclass(slots=True)
class Reading:
    sentence: Sentence
    trigger: Span
    kinds: list[str]
    referential: bool
    location: Location | None
    date: DateReading | None
    agents: list[Actor]
    patients: list[Actor]
    pronoun_subject: bool
    agents_are_sources: bool = False  # the only actors were the sentence's sources ("les autorités ont annoncé")

    @property
    def family(self) -> str:
        return event_kinds()[main_kind(self.kinds, False)].family


@dataclass(slots=True)
class Draft:
    kinds: list[str]
    sentences: list[Sentence]
    location: Location | None
    date: DateReading | None
    last_index: int
    agents: list[Actor] = field(default_factory=list)
    patients: list[Actor] = field(default_factory=list)
    killed: dict[str, int] = field(default_factory=dict)
    injured: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    later_sources: list[str] = field(default_factory=list)  # of sentences that only go on telling it
    witnessed: list[str] = field(default_factory=list)  # sources that are the outlet's own eyes ("a constaté")
    hedged: bool = False
    trigger: str = ""
    agents_are_sources: bool = False

    @property
    def family(self) -> str:
        return event_kinds()[main_kind(self.kinds, False)].family

    @property
    def paragraph(self) -> int:
        return self.sentences[-1].paragraph


def is_referential(trigger: Span) -> bool:
    """A noun trigger after a definite or demonstrative determiner names an event already told."""
    first = trigger[0]
    if first.pos_ not in {"NOUN", "PROPN"} or first.i == 0:
        return False
    before = first.doc[first.i - 1]
    if before.lower_ == "des":
        return first.i >= 2 and first.doc[first.i - 2].pos_ == "NOUN"  # "les résultats des frappes"
    return before.lower_ in DEFINITE


def is_protest(trigger: Span) -> bool:
    return event_kinds()[trigger.label_].family == "protest"


def in_future(trigger: Span) -> bool:
    verb = clause_verb(trigger.root)
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Fut" in t.morph.get("Tense", []) for t in forms)


def names_its_place(trigger: Span, sentence: Sentence) -> bool:
    """ "la chute de Kandahar", "la prise de Bunagana": an event noun with its place, not a reference back."""
    return any(place.label_ != "country" and names(trigger, place) for place in sentence.places)


def names(trigger: Span, place: Span) -> bool:
    """The place is the event noun's complement: "la chute de Kandahar"."""
    gap = trigger.doc[trigger.end : place.start]
    return place.start >= trigger.end and len(gap) <= 1 and all(t.lower_ in {"de", "d'", "du"} for t in gap)


def is_hypothetical(trigger: Span) -> bool:
    """An infinitive ("pour tenter de prendre pour cible") reports no event, unless it is forced ("forcé à
    rebrousser chemin"); nor does what is denied ("a nié avoir utilisé des bombes")."""
    first = trigger[0]
    if any(t.lemma_.lower() in denial_verbs() for t in list(trigger.root.ancestors)[:3]):
        return True  # "Le Kremlin a nié avoir utilisé des bombes à fragmentation"
    if first.pos_ == "NOUN":
        if purpose().search(first.doc[max(first.i - 6, 0) : first.i].text + " "):
            return True  # "masser des troupes en vue d'une attaque"
        head = trigger.root.head
        if head.i < first.i and "Inf" in head.morph.get("VerbForm", []):
            first = head  # "n'a pas l'intention de lancer une attaque": the infinitive decides
    if "Inf" not in first.morph.get("VerbForm", []) or trigger.label_ == "turned_back":
        return False
    if first.lower_ in {"avoir", "être"}:  # "a annoncé avoir pris la ville": done, and reported
        return False
    before = [t.lower_ for t in first.doc[max(first.i - 2, 0) : first.i]]
    if before in (["avant", "de"], ["avant", "d'"]):
        return False  # "ont rassemblé les habitants avant d'ouvrir le feu": the next thing they did
    done = {"Fin", "Part"} & set(first.head.morph.get("VerbForm", []))
    if trigger.label_ == "protest" and before[-1:] == ["pour"] and done and first.head.i < first.i:
        return False  # "ont érigé des barricades pour protester": what they did was the protest
    return not any(t.lemma_.lower() in CAUSATIVES for t in list(first.ancestors)[:3])


TIME_ANCHOR = re.compile(r"\b(?:depuis|date de|jour de|lendemain de|veille de)\s+(?:la|le|l'|les)\s*$", re.I)


def is_time_anchor(trigger: Span) -> bool:
    """ "depuis le 15 août, date de la chute de Kaboul", "depuis la prise de Palma": an event named to date
    another, told as a time and not as news."""
    doc = trigger.doc
    return TIME_ANCHOR.search(doc[max(trigger.start - 4, 0) : trigger.start].text + " ") is not None


def told_before(trigger: Span, sentence: Sentence) -> bool:
    """A pluperfect after the lede with no day of its own: what had happened before the news. A day of its own makes
    it an event ("le 3 mars, vingt soldats avaient été tués à Ménaka")."""
    if sentence.index < LEDE_SENTENCES:
        return False
    verb = clause_verb(trigger.root)
    pluperfect = any(
        c.dep_.startswith("aux") and c.lemma_ in {"avoir", "être"} and "Imp" in c.morph.get("Tense", [])
        for c in verb.children
    )
    dated = own_date(sentence)
    return pluperfect and (dated is None or dated.precision >= 3)


def own_date(sentence: Sentence) -> DateReading | None:
    """The sentence's date: the event's own ("visé lundi soir") before the report's ("a revendiqué mercredi")."""
    dates = [s for s in sentence.dates if s.label_ == "DATE"]
    told = [s for s in dates if not dates_the_report(s)]
    return DateReading.from_key((told or dates)[0].kb_id_) if dates else None


def event_date(sentence: Sentence) -> DateReading | None:
    """A date the sentence gives to what happened, not to the telling of it ("a appelé mardi à préserver la trêve
    conclue après les affrontements de mai": the clashes have no date of their own here)."""
    told = [s for s in sentence.dates if s.label_ == "DATE" and not dates_the_report(s)]
    return DateReading.from_key(told[0].kb_id_) if told else None


@cache
def telling_verbs() -> frozenset[str]:
    return reporting_verbs() | claim_verbs() | {"publier"}


def announced(reading: Reading) -> bool:
    """The event noun is what a dated statement announces: "l'armée a annoncé mardi l'installation d'un poste"."""
    heads = list(reading.trigger.root.ancestors)[:2]
    return any(h.lemma_.lower() in telling_verbs() for h in heads) and any(
        dates_the_report(d) for d in reading.sentence.dates
    )


def dates_the_report(date: Span) -> bool:
    return date.root.head.lemma_.lower() in telling_verbs()


def claim_verbs() -> frozenset[str]:
    return word_set("lexicons/claim_verbs.txt")


def claims(actor: Span) -> bool:
    """ "Le JNIM a revendiqué l'attaque", "l'armée a affirmé avoir tué vingt terroristes": the claimant is a source
    and the agent."""
    head = actor.root.head
    if actor.root.dep_ == "obl:agent":  # "L'attaque a été revendiquée par le JNIM"
        return head.lemma_.lower() in claim_verbs()
    if actor.root.dep_ != "nsubj":
        return False
    return head.lemma_.lower() in claim_verbs() or says_it_did(head)


def says_it_did(verb: Token) -> bool:
    """ "a affirmé avoir tué", "annonce avoir repris": a verb of speech whose subject tells of its own act
    ("Kiev accuse Moscou d'avoir bombardé" tells of another's)."""
    return any(
        child.dep_ in {"xcomp", "ccomp"}
        and any(g.lower_ == "avoir" and g.dep_.startswith("aux") for g in child.children)
        and not any(g.lower_ in {"de", "d'"} for g in child.children)
        for child in verb.children
    )


def actor_spans(sentence: Sentence) -> tuple[list[Span], bool]:
    """The sentence's actors that are not its sources ("selon la MONUSCO"), else all, flagged."""
    sources = [(s.start, s.end) for s in sentence.sources]
    spans = [a for a in sentence.actors if claims(a) or not any(s <= a.start < e for s, e in sources)]
    if spans:
        return spans, False
    return sentence.actors, bool(sentence.actors)  # "la coalition a annoncé qu'un de ses avions avait atterri"


def sentence_actors(ctx: ArticleContext, sentence: Sentence, trigger: Span) -> tuple[list[Actor], list[Actor]]:
    agents: list[Actor] = []
    patients: list[Actor] = []
    spans, _ = actor_spans(sentence)
    focus = sentence_country(ctx, sentence)
    recent = recent_foreign_force(ctx, sentence)
    named_by = agents_after_by(trigger, spans)
    for i, span in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (
            span.kb_id_.startswith("generic:")
            and nxt is not None
            and nxt.kb_id_.startswith("named:")
            and (nxt.start - span.end <= 2)
        ):
            continue  # "les terroristes du HTS": HTS
        if lays_blame(span):
            continue  # "La police attribue l'attaque aux jihadistes": a source, not an actor
        bare_troops = span.kb_id_ == "state:?" and span.root.lower_ in troop_nouns()
        actor = to_actor(span, recent if bare_troops and recent is not None else focus)
        if actor is None:
            continue
        if role(span, trigger) == "patient":
            patients.append(actor)
        elif not named_by or span in named_by:
            agents.append(actor)
    return agents, patients


JOINERS = {"et", ",", "et de", "et des", "et les", "et la", "et l'"}


def is_finite_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm", [])


def agents_after_by(trigger: Span, spans: list[Span]) -> list[Span]:
    """ "le massacre présumé par l'armée et Wagner de 300 personnes": an event noun's agents after "par"; they,
    not the subject of the sentence's verb, did it."""
    doc = trigger.doc
    if trigger[0].pos_ != "NOUN":
        return []
    gap = doc[trigger.end : min(trigger.end + 3, len(doc))]
    by = next((t for t in gap if t.lower_ == "par"), None)
    if by is None or any(is_finite_verb(t) for t in doc[trigger.end : by.i]):
        return []
    found: list[Span] = []
    end = by.i + 1
    for span in spans:
        if span.start < end or span.start - end > 2:
            continue
        if found and doc[end : span.start].text.strip() not in JOINERS:
            break
        found.append(span)
        end = span.end
    return found


def recent_foreign_force(ctx: ArticleContext, sentence: Sentence) -> Country | None:
    """The country of the forces named just before ("une force rwandaise ... les troupes"), if not the article's."""
    lexicon = country_lexicon()
    for earlier in reversed(ctx.sentences[max(0, sentence.index - 2) : sentence.index + 1]):
        named = [a.kb_id_[6:] for a in earlier.actors if a.kb_id_.startswith("state:") and a.kb_id_ != "state:?"]
        if named:
            country = lexicon.by_iso3.get(named[-1])
            return country if country is not None and country != ctx.focus else None
    return None


def sentence_country(ctx: ArticleContext, sentence: Sentence) -> Country | None:
    """The one country a sentence names ("Au Niger voisin, les FDS ..."), else the article's. A country named in a
    source ("selon l'ONG basée au Royaume-Uni") or as a neighbour ("frontalier de l'Afghanistan") is not where the
    sentence happens."""
    sources = [(s.start, s.end) for s in sentence.sources]
    places = [
        ctx.place(p)
        for p in sentence.places
        if p.label_ == "country" and not any(a <= p.start < b for a, b in sources) and not as_neighbour(p)
    ]
    named = {p.country for p in places if p is not None}
    if len(named) == 1:
        return country_lexicon().by_iso2.get(named.pop(), ctx.focus)
    return ctx.focus


def as_neighbour(place: Span) -> bool:
    before = place.doc[max(place.start - 4, 0) : place.start].text.lower()
    return bool(neighbour().search(before))


@cache
def neighbour() -> re.Pattern[str]:
    return re.compile(r"\b(" + word_alternation(read_lines("lexicons/neighbour_phrases.txt")) + r")\b")


@cache
def purpose() -> re.Pattern[str]:
    """ "en vue d'une (éventuelle) ", "une éventuelle " right before an event noun (``lexicons/purpose_words.tsv``)."""
    rows = list(read_tsv("lexicons/purpose_words.tsv"))
    aims = word_alternation(r["phrase"] for r in rows if r["slot"] == "purpose")
    adjectives = word_alternation(r["phrase"] for r in rows if r["slot"] == "adjective")
    return re.compile(rf"(\b({aims})\s+(d'|de|du|des)?\s*(une?|la|le|les|l')?\s*(\S+\s+)?|\b({adjectives})\s+)$", re.I)


def last_named_group(ctx: ArticleContext, sentence: Sentence) -> Actor | None:
    """The armed group named last before "le groupe", "le mouvement" ("le M23 ... Le groupe a annoncé")."""
    for earlier in reversed(ctx.sentences[max(0, sentence.index - LOOKBACK) : sentence.index]):
        named = [a for a in earlier.actors if a.kb_id_.startswith("named:") and a.label_ in {"REB", "UAF", "MIL"}]
        if named:
            return to_actor(named[-1], ctx.focus)
    return None


def has_pronoun_subject(trigger: Span) -> bool:
    verb = clause_verb(trigger.root)
    return any(c.dep_.startswith("nsubj") and c.lower_ in PRONOUNS for c in verb.children)


def demand_verb(sentence: Sentence, triggers: list[Span]) -> Token | None:
    """The verb by which protesters say what they want: "des manifestants ont réclamé un accord pour la libération
    des otages détenus à Gaza". What follows it (an abduction, Gaza) is the protest's topic, not its event or place."""
    protests = [t for t in triggers if t.label_ == "protest"]
    if not protests:
        return None
    demands = word_set("lexicons/demand_verbs.txt")
    return next((t for t in sentence.span if t.i > protests[0].start and t.lemma_.lower() in demands), None)


def make_reading(ctx: ArticleContext, sentence: Sentence) -> Reading | None:
    anchors = [t for t in sentence.triggers if is_time_anchor(t)]
    triggers = [t for t in sentence.triggers if not is_hypothetical(t) and t not in anchors]
    if anchors:  # "depuis la chute de Kaboul": Kabul dates the event, it is not where it happened
        sentence = replace(sentence, places=[p for p in sentence.places if not any(names(t, p) for t in anchors)])
    demand = demand_verb(sentence, triggers)
    if demand is not None:
        triggers = [t for t in triggers if t.label_ in {"protest", "riot"} or t.start < demand.i]
        sentence = replace(sentence, places=[p for p in sentence.places if p.start < demand.i])
    if not triggers or sentence.boilerplate or sentence.text.rstrip().endswith("?"):
        return None
    if HABITUAL.search(sentence.text) or is_background(ctx, sentence):
        return None
    referential = [t for t in triggers if is_referential(t) and not names_its_place(t, sentence)]
    fresh = [t for t in triggers if t not in referential]
    if fresh and all(t.label_ == "arrest" for t in fresh) and any(is_protest(t) for t in referential):
        fresh = []  # "La police a dispersé les manifestants et interpellé une dizaine d'entre eux": the protest
    pool = fresh or triggers
    kinds = [t.label_ for t in pool]  # "les frappes russes" in a sentence about a new commander says nothing new
    if fresh and {t.label_ for t in fresh} == {"kill"}:
        kinds += [t.label_ for t in referential]  # "tués dans le bombardement d'un marché": how they died
        referential = []  # ... which is this event, not one told before
    primary = max(pool, key=lambda t: (event_kinds()[t.label_].strength, -t.start))
    if in_future(primary):
        return None  # "les combattants seront accueillis par des mortiers": not (yet) an event
    if told_before(primary, sentence):
        return None  # "En mars, une faction dissidente avait pris le contrôle de l'administration": background
    agents, patients = sentence_actors(ctx, sentence, primary)
    if not agents and group_anaphora().search(sentence.text):
        agents = [a for a in [last_named_group(ctx, sentence)] if a is not None]
    location = choose_location(ctx, sentence, sorted(pool, key=lambda t: t.start), referential)
    reading = Reading(
        sentence,
        primary,
        kinds,
        not fresh,
        location,
        own_date(sentence),
        agents,
        patients,
        has_pronoun_subject(primary),
        actor_spans(sentence)[1],
    )
    return reading if passes_gate(reading, [t.label_ for t in triggers]) else None


def passes_gate(reading: Reading, all_kinds: list[str]) -> bool:
    """Weak triggers ("attaque", "entrés", "tués") need an armed actor in the sentence, and no sign of
    sport, disease or accident; strong ones only the latter when they are violent."""
    strength = max(event_kinds()[k].strength for k in all_kinds)  # "après les frappes, des explosions"
    if non_conflict().search(reading.sentence.text) and (strength < 2 or reading.family == "violent"):
        return False
    if strength >= 2:
        return True
    armed = [a for a in reading.agents + reading.patients if a.sector in {"MIL", "COP", "REB", "UAF"}]
    if armed:
        return True
    remote = has_cue("air", reading.sentence.text) or has_cue("artillery", reading.sentence.text)
    placed = reading.location is not None and reading.family == "violent"
    killed = any(t.label_ == "KILLED" for t in reading.sentence.tolls)  # "une église attaquée à X, faisant 15 morts"
    return placed and (reading.date is not None or remote or killed)  # "des drones ont visé le port d'Izmaïl"


@cache
def non_conflict() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(read_lines("lexicons/non_conflict.txt")) + r")\b", re.I)


def denial_verbs() -> frozenset[str]:
    return word_set("lexicons/denial_verbs.txt")


@cache
def civilian_victims() -> frozenset[str]:
    """Toll nouns whose dead are civilians by default ("" for a bare "12 tués")."""
    return victim_nouns("unarmed") | victim_nouns("civilian") | {""}


@cache
def total_words() -> frozenset[str]:
    """Toll nouns that count everyone: "30 personnes, dont 12 soldats" is 30, not 42."""
    return frozenset({""} | {row["noun"] for row in read_tsv("lexicons/victim_nouns.tsv") if row["total"] == "yes"})


@cache
def troop_nouns() -> frozenset[str]:
    """Bare nouns for the foreign forces just named ("les troupes"), from ``lexicons/troop_nouns.txt``."""
    return frozenset(read_lines("lexicons/troop_nouns.txt"))


@cache
def group_anaphora() -> re.Pattern[str]:
    """A sentence headed by "le groupe", "le mouvement" ... (``lexicons/group_anaphora.txt``)."""
    return re.compile(r"^\W*(" + word_alternation(read_lines("lexicons/group_anaphora.txt")) + r")\b", re.I)


@cache
def duration() -> re.Pattern[str]:
    """Background time ("depuis trois ans", "pendant 12 mois", "l'an dernier") from ``lexicons/durations.tsv``."""
    slots: dict[str, list[str]] = {"since": [], "count": [], "unit": [], "phrase": []}
    for row in read_tsv("lexicons/durations.tsv"):
        slots[row["slot"]].append(row["word"])
    since, count, unit, phrase = (word_alternation(slots[k]) for k in ("since", "count", "unit", "phrase"))
    return re.compile(rf"\b({since}) ({count}|\d+) ({unit})\b|\b({phrase})\b", re.I)


def is_background(ctx: ArticleContext, sentence: Sentence) -> bool:
    """Habitual or past context: "depuis des mois", "En 2013, ...", a year older than the article's."""
    kinds = {s.label_ for s in sentence.dates}
    if "PERIOD" in kinds and "DATE" not in kinds:
        return True
    if duration().search(sentence.text) and sentence.index >= LEDE_SENTENCES:
        return True
    years = [int(y) for y in YEAR.findall(sentence.text)]
    return bool(years) and max(years) < ctx.latest_year


def same_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= MERGE_KM


def continues(last: Draft, reading: Reading) -> bool:
    """Whether a located reading can fill in the place of the event just before it."""
    if last.location is not None or reading.location is None:
        return True
    return reading.sentence.index - last.last_index == 1 and not TIME_SHIFT.search(reading.sentence.text)


def target_draft(reading: Reading, drafts: list[Draft]) -> Draft | None:
    """The event this reading tells more of, if any."""
    index = reading.sentence.index
    recent = [d for d in reversed(drafts) if index - d.last_index <= LOOKBACK]
    if reading.referential and reading.family == "protest" and reading.location is None:
        shot = [
            d for d in recent[:1] if d.family == "violent" and d.killed and d.paragraph == reading.sentence.paragraph
        ]
        if shot and index - shot[0].last_index == 1:
            return shot[0]  # "... ont tiré sur des partisans rassemblés. Les manifestants réclamaient ..."
    if reading.referential and reading.date is None:
        return next(
            (d for d in recent if d.family == reading.family and same_place(d.location, reading.location)), None
        )
    if reading.location is None and reading.sentence.happens_elsewhere():
        return None  # "Le même jour, des hommes armés ont tué sept civils près de Gorgadji": another event
    if drafts and handles_the_protest(reading, drafts[-1]):
        return drafts[-1]
    if reading.location is None and reading.date is None and not TIME_SHIFT.search(reading.sentence.text):
        same = next((d for d in recent if d.family == reading.family), None)
        if same is not None:
            return same
    last = drafts[-1] if drafts else None
    if last is None or last.paragraph != reading.sentence.paragraph or index - last.last_index > 2:
        return None
    if main_kind(last.kinds, False) != main_kind(reading.kinds, False):
        return None
    if reading.date is not None and last.date is not None and reading.date.value != last.date.value:
        return None
    return last if same_place(last.location, reading.location) and continues(last, reading) else None


def handles_the_protest(reading: Reading, last: Draft) -> bool:
    """Arrests told right after a protest, with no place or day of their own, are how it was handled ("La police a
    fait usage de canons à eau ... et a interpellé une dizaine de personnes"): a protest with intervention."""
    follows = reading.sentence.index - last.last_index == 1 and reading.sentence.paragraph == last.paragraph
    unplaced = reading.location is None and reading.date is None
    return follows and unplaced and set(reading.kinds) == {"arrest"} and last.family == "protest"


SPECIFIC = {"air_strike", "drone_strike", "shelling", "ied", "suicide", "grenade", "chemical", "strike"}


def absorb(draft: Draft, reading: Reading) -> None:
    draft.last_index = reading.sentence.index
    if main_kind(draft.kinds, False) in {"attack", "explosion", "kill", "strike"}:
        draft.kinds.extend(k for k in reading.kinds if k in SPECIFIC)
    if reading.referential:
        if reading.family == "protest" and draft.family == "violent" and draft.killed:
            draft.kinds.append("protest")  # "... ont tiré à balles réelles sur des partisans. Les manifestants
            draft.patients.extend(reading.agents)  # réclamaient ...": the dead were protesters
        if not draft.agents:
            draft.agents.extend(reading.agents)
        elif (claimant := named_claimant(reading)) is not None and not any(
            a.sector in {"REB", "UAF"} and not is_generic(a) for a in draft.agents
        ):
            draft.agents.insert(0, claimant)  # "une attaque jihadiste ... L'attaque a été revendiquée par le JNIM"
        if draft.location is None:
            draft.location = reading.location  # "la chute de Kandahar": the event told before, placed now
        if draft.family == "protest" and reading.sentence.paragraph == draft.paragraph:
            draft.sentences.append(reading.sentence)  # how the protest went: dispersed, arrests
            draft.patients.extend(reading.agents + reading.patients)
        return
    draft.sentences.append(reading.sentence)
    draft.kinds.extend(reading.kinds)
    if draft.agents_are_sources and reading.agents and not reading.agents_are_sources:
        draft.patients.extend(a for a in draft.agents if a not in draft.patients)  # the announcer was a guess
        draft.agents.clear()
        draft.agents_are_sources = False
    if reading.location is not None and (
        draft.location is None or reading.location.geo_precision < draft.location.geo_precision
    ):
        draft.location = reading.location
    if draft.date is None:
        draft.date = reading.date
    draft.agents.extend(reading.agents)
    draft.patients.extend(reading.patients)


def is_generic(actor: Actor) -> bool:
    """An actor the article does not name ("des jihadistes", "des hommes armés")."""
    return actor.text.lower() in generic_actors()


def named_claimant(reading: Reading) -> Actor | None:
    """The armed group a sentence says claimed the event ("L'attaque a été revendiquée par le JNIM")."""
    if not any(t.lemma_.lower() in claim_verbs() for t in reading.sentence.span):
        return None
    return next((a for a in reading.agents if a.sector in {"REB", "UAF"} and not is_generic(a)), None)


def add_sentence_facts(draft: Draft, sentence: Sentence, paragraph_source: str, toll_only: bool = False) -> None:
    """Tolls, sources and hedges of one sentence that tells of this event; a sentence that only gives its toll
    does not hedge the event ("Une dizaine de soldats auraient été tués": the toll is doubtful, not the attack)."""
    boast = bool(draft.killed) and any(a.label_ in {"REB", "UAF"} and claims(a) for a in sentence.actors)
    for span in [] if boast else sentence.tolls:  # "le JNIM a affirmé avoir tué plus de 70 militaires": a claim
        # ACLED keeps the more conservative toll already told, not the attackers' boast on top of it
        count_text, victims, update = span.kb_id_.split("|")
        table = draft.killed if span.label_ == "KILLED" else draft.injured
        if update == "1":
            table.clear()
        table[victims] = max(table.get(victims, 0), int(count_text))
    names = [s.kb_id_ for s in sentence.sources]
    if not names and paragraph_source and not draft.sources:
        names = [paragraph_source]
    draft.sources.extend(n for n in names if n not in draft.sources)
    draft.witnessed.extend(s.kb_id_ for s in sentence.sources if witnessed(s))
    draft.hedged = draft.hedged or (bool(sentence.hedges) and not toll_only)


def witnessed(source: Span) -> bool:
    """ "a constaté un journaliste de l'AFP": the outlet's own reporter saw it; the outlet asserts it."""
    verb = source.root.head
    return verb.lemma_.lower() == "constater" and source.root.lemma_.lower() in word_set("lexicons/witness_nouns.txt")


def new_draft(reading: Reading, drafts: list[Draft], carried: DateReading | None) -> Draft:
    draft = Draft(
        list(reading.kinds),
        [reading.sentence],
        reading.location,
        reading.date or carried,
        reading.sentence.index,
        list(reading.agents),
        list(reading.patients),
        trigger=reading.trigger.text,
        agents_are_sources=reading.agents_are_sources,
    )
    if not reading.agents and reading.pronoun_subject and drafts and drafts[-1].agents:
        draft.agents.insert(0, drafts[-1].agents[0])
    return draft


def follows_on(draft: Draft, sentence: Sentence) -> bool:
    """The next sentence of the same paragraph, with no place or date of its own, goes on telling the event."""
    if sentence.index - draft.last_index != 1 or sentence.paragraph != draft.paragraph or sentence.boilerplate:
        return False
    own_places = [p for p in sentence.places if p.label_ != "country"]
    if own_places or sentence.unplaced or sentence.dates:
        return False
    return not TIME_SHIFT.search(sentence.text)


def draft_events(ctx: ArticleContext) -> list[Draft]:
    drafts: list[Draft] = []
    paragraph = -1
    carried: DateReading | None = None
    source, source_index, source_told_news = "", -1, False
    for sentence in ctx.sentences:
        if sentence.paragraph != paragraph:
            paragraph, carried, source = sentence.paragraph, None, ""
        if sentence.index - source_index > SOURCE_REACH and not source_told_news:
            source = ""  # a source quoted on something else speaks for the next sentences, not a whole article
        if opens_on_a_country(sentence):
            source = ""  # "Au Burkina Faso, des hommes armés ont enlevé ...": the source before spoke of Mali
        reading = make_reading(ctx, sentence)
        told = reading is not None  # the sentence tells of an event, new or already drafted
        if reading is not None and reading.date is not None:
            reading.date = reading.date.after(carried)  # "Le lendemain, un engin explosif ..."
        if reading is not None and reading.location is None and drafts and PLACE_ANAPHORA.search(sentence.text):
            reading.location = drafts[-1].location  # "les quartiers est de la ville": the town just named
        if reading is not None and set(reading.kinds) == {"kill"}:
            near = drafts and sentence.index - drafts[-1].last_index <= 2 and drafts[-1].paragraph == sentence.paragraph
            near = near and toll_of(drafts[-1], reading)
            reading = None if near else reading  # "Douze soldats ont été tués.": the toll of the event just told
            if reading is None:
                add_sentence_facts(drafts[-1], sentence, source, toll_only=True)
                drafts[-1].last_index = sentence.index
        elif (
            reading is None
            and sentence.tolls
            and not tells_its_own_event(sentence)
            and drafts
            and sentence.index - drafts[-1].last_index <= 2
            and not is_background(ctx, sentence)
            and not counts_a_war(ctx, drafts[-1], sentence)
            and not sentence.happens_elsewhere()
        ):
            add_sentence_facts(drafts[-1], sentence, source, toll_only=True)
            told = True
        elif reading is None and drafts and follows_on(drafts[-1], sentence):
            told = True
            drafts[-1].sentences.append(sentence)
            drafts[-1].last_index = sentence.index
            drafts[-1].later_sources.extend(s.kb_id_ for s in sentence.sources)  # "Selon le procureur, ..."
        for each in split_by_place(ctx, reading):
            place_reading(each, drafts, carried, source)
        dated = own_date(sentence)
        if dated is not None and (reading is not None or (dated.precision < 3 and not sentence.updates_a_toll())):
            carried = dated.after(carried)  # not "fin novembre" in a sentence that tells no event
        if sentence.sources:  # what a reporter of the outlet saw is not a source for the next sentences
            source = next((s.kb_id_ for s in reversed(sentence.sources) if not witnessed(s)), "")
            source_index, source_told_news = sentence.index, told
    return drafts


def war_nouns() -> frozenset[str]:
    return word_set("lexicons/war_nouns.txt")


def counts_a_war(ctx: ArticleContext, draft: Draft, sentence: Sentence) -> bool:
    """A toll that is not the event's: a war's or a country's count over a period ("La guerre, qui a éclaté en avril
    2023, a fait des dizaines de milliers de morts"; "plus de 1 500 personnes ont été tuées en Haïti au premier
    trimestre"), or one dated another day."""
    dated = own_date(sentence)
    if (
        dated is not None
        and draft.date is not None
        and dated.value != draft.date.value
        and not sentence.updates_a_toll()
    ):
        return True
    if any(s.label_ == "PERIOD" for s in sentence.dates):
        return True
    subjects = [t for t in sentence.span if t.dep_.startswith("nsubj")]
    if any(t.lemma_.lower() in war_nouns() or t.lower_ in war_nouns() for t in subjects):
        return True
    places = [ctx.place(p) for p in sentence.places]
    only_countries = bool(places) and all(p is not None and p.feature == "country" for p in places)
    return only_countries and draft.location is not None and draft.location.geo_precision < 3


def opens_on_a_country(sentence: Sentence) -> bool:
    start = sentence.span.start
    return any(p.label_ == "country" and p.start - start <= 2 for p in sentence.places)


def part_of_the_attack(reading: Reading, last: Draft) -> bool:
    """Burning and looting told right after an attack, with no place or day of its own, are part of it (ACLED codes
    the attack)."""
    follows = reading.sentence.index - last.last_index == 1 and reading.sentence.paragraph == last.paragraph
    unplaced = reading.location is None and reading.date is None
    return follows and unplaced and set(reading.kinds) == {"looting"} and last.family == "violent"


def tells_its_own_event(sentence: Sentence) -> bool:
    """ "Le même jour, une église a été attaquée à Essakane-Village, faisant au moins 15 morts": the toll is that
    attack's, even when it cannot be coded, not the one of the event before."""
    placed = any(p.label_ != "country" for p in sentence.places)  # "Ils ont ouvert le feu, tuant neuf personnes": same
    return placed and any(t.label_ != "kill" and not is_referential(t) for t in sentence.triggers)


def toll_of(draft: Draft, reading: Reading) -> bool:
    """A killing told just after an event is its toll, unless it happened elsewhere or on another day
    ("Par ailleurs, à Beni, des miliciens ont tué onze villageois dans la nuit de jeudi")."""
    other_day = reading.date is not None and draft.date is not None and reading.date.value != draft.date.value
    elsewhere = reading.location is None and reading.sentence.happens_elsewhere()
    return same_place(draft.location, reading.location) and not other_day and not elsewhere


def split_by_place(ctx: ArticleContext, reading: Reading | None) -> list[Reading]:
    """One reading per place of a list ("la chute de Kandahar et d'Herat"): ACLED codes one event per place."""
    if reading is None:
        return []
    if reading.location is None or reading.referential:
        return [reading]
    others = coordinated_locations(ctx, reading.sentence, reading.location)
    return [reading, *(replace(reading, location=loc) for loc in others)]


def place_reading(reading: Reading, drafts: list[Draft], carried: DateReading | None, source: str) -> None:
    """A new event, more of one already told, or nothing (a reference to an event never told)."""
    sentence = reading.sentence
    target = target_draft(reading, drafts)
    if target is None and reading.referential and event_date(sentence) is None and not announced(reading):
        return  # a reference to an event the article never told: background
    if target is None and drafts and part_of_the_attack(reading, drafts[-1]):
        drafts[-1].sentences.append(sentence)  # "Les insurgés auraient également incendié plusieurs véhicules."
        drafts[-1].last_index = sentence.index
        return
    if target is None:
        drafts.append(new_draft(reading, drafts, carried))
        add_sentence_facts(drafts[-1], sentence, source)
        return
    absorb(target, reading)
    if not reading.referential or sentence.tolls:
        add_sentence_facts(target, sentence, source)


def pick_actors(draft: Draft, kinds_text: str) -> tuple[Actor | None, Actor | None]:
    def key(a: Actor) -> tuple[str, str]:
        if a.sector in NON_STATE:  # named groups are told apart ("l'ELN et des dissidents des FARC"), unnamed ones not
            return (a.name if "(" not in a.name else "*", a.sector)
        return (a.country, a.sector)

    agents, patients = list(draft.agents), list(draft.patients)
    if draft.family != "protest":  # civilians are not the perpetrators of violence, whatever the parse says
        patients += [a for a in agents if a.sector in VICTIM_SECTORS]
        agents = [a for a in agents if a.sector not in VICTIM_SECTORS]
    actor1: Actor | None = None
    if agents:
        actor1 = agents[0]
    else:  # "Dix soldats et cinq assaillants tués": the armed one; "un camp de déplacés ... cinq enfants": none
        armed = [a for a in patients if a.sector not in VICTIM_SECTORS]
        actor1 = patients.pop(patients.index(armed[0])) if len(patients) >= 2 and armed else None
    rest = [a for a in agents[1:] + patients if actor1 is None or key(a) != key(actor1)]
    actor2 = next((a for a in patients if actor1 is None or key(a) != key(actor1)), None) or (rest[0] if rest else None)
    return actor1, actor2


def co_agent(draft: Draft, actor: Actor) -> bool:
    return actor in draft.agents and actor not in draft.patients and actor.sector not in VICTIM_SECTORS


def fatalities(table: dict[str, int]) -> int | None:
    if not table:
        return None
    totals = max((v for k, v in table.items() if k in total_words()), default=0)
    parts = sum(v for k, v in table.items() if k not in total_words())
    return max(totals, parts)


def to_event(draft: Draft, ctx: ArticleContext) -> Event:
    text = " ".join(s.text for s in draft.sentences)
    actor1, actor2 = pick_actors(draft, text)
    victims = [k for k in draft.killed if k]
    home = country_lexicon().by_iso2.get(draft.location.country) if draft.location else None
    lead = draft.sentences[0].text
    if actor1 is None and main_kind(draft.kinds, False) in {"territory_regained", "territory_taken", "clash"}:
        actor1 = claimed_by_an_army(draft.sources, ctx.focus, actor2)  # "les FARDC affirment avoir repris ..."
    event_type, sub_type = classify(draft.kinds, text, actor1, actor2, victims, home.iso3 if home else "", lead)
    if event_type == "Violence against civilians" and actor1 is not None and actor1.sector in {"CVL", "REF"}:
        actor1, actor2 = actor2, actor1
    if event_type == "Violence against civilians" and actor2 is not None and co_agent(draft, actor2):
        actor2 = None  # "le massacre par l'armée et Wagner de 300 personnes": Wagner killed too, it was not hit
    if actor2 is None and draft.killed and set(draft.killed) <= civilian_victims() and event_type in CIVILIAN_HARM:
        focus = ctx.focus.name_en if ctx.focus else "Unknown"
        actor2 = Actor(f"Civilians ({focus})", ctx.focus.iso3 if ctx.focus else "UNK", "CVL")
    if sub_type == "Disrupted weapons use" and is_state_force(actor2) and not is_state_force(actor1):
        actor1, actor2 = actor2, actor1  # "un missile des Houthis que l'armée israélienne a intercepté": who stopped it
    if event_type in {"Protests", "Riots"}:
        actor1, actor2 = crowd_actors(draft, event_type, sub_type, home or ctx.focus)
    if home is not None:
        actor1, actor2 = local_people(actor1, home), local_people(actor2, home)
    if actor1 is None and event_type == "Battles":
        actor1 = claimed_by_an_army(draft.sources, ctx.focus, actor2)
    if sub_type == "Arrests":
        actor1, actor2 = arrest_actors(actor1, actor2, home or ctx.focus)
    if actor2 is None and home is not None and holds_the_ground(event_type, sub_type, actor1, home):
        actor2 = Actor(f"Military Forces of {home.name_en}", home.iso3, "MIL")  # ACLED: who held the ground
    told = [s for s in draft.sources if s not in draft.witnessed]
    certainty: Certainty = "hedged" if draft.hedged else "attributed" if told else "asserted"
    when = draft.date
    if when is None and ctx.published is not None:
        when = DateReading(ctx.published, 2)
    start = min(s.span.start_char for s in draft.sentences)
    end = max(s.span.end_char for s in draft.sentences)
    return Event(
        event_type=event_type,
        sub_event_type=sub_type,
        event_date=when.value if when else None,
        time_precision=when.precision if when and when.value else None,
        actor1=actor1,
        actor2=actor2,
        location=draft.location,
        fatalities=fatalities(draft.killed),
        injuries=fatalities(draft.injured),
        sources=list(dict.fromkeys(draft.sources + draft.later_sources)),
        certainty=certainty,
        evidence=Evidence(start, end, ctx.doc.text[start:end]),
        plover_type=plover_type(draft.kinds),
        trigger=draft.trigger,
    )


@cache
def military_sources() -> re.Pattern[str]:
    return re.compile(r"\b(" + word_alternation(read_lines("lexicons/military_sources.txt")) + r")\b", re.I)


def claimed_by_an_army(sources: list[str], focus: Country | None, enemy: Actor | None) -> Actor | None:
    """ "plus de 80 militants ont été éliminés, selon le ministère russe de la Défense": a battle an army reports
    with no attacker named was fought by that army (its country from the source's nationality, else the article's)."""
    lexicon = country_lexicon()
    for source in sources:
        words = re.findall(r"[\w'-]+", source)
        if not military_sources().search(" ".join(w for w in words if lexicon.adjective(w) is None)):
            continue  # "ministère russe de la Défense" is a "ministère de la défense"
        named = [lexicon.adjective(w) or lexicon.named(w) for w in words]
        country = next((c for c in named if c is not None), focus)
        if country is not None and not (enemy is not None and enemy.country == country.iso3 and enemy.sector == "MIL"):
            return Actor(f"Military Forces of {country.name_en}", country.iso3, "MIL")
    return None


def holds_the_ground(event_type: str, sub_type: str, actor1: Actor | None, home: Country) -> bool:
    """Whom a town was taken from, or a foreign army fought, when the article does not say: the forces of
    the country where it happened ("les forces russes ont progressé près d'Izioum": Ukraine's)."""
    if sub_type in {"Non-state actor overtakes territory", "Non-violent transfer of territory"}:
        return actor1 is None or actor1.country != home.iso3 or actor1.sector not in {"MIL", "COP"}
    foreign_army = actor1 is not None and actor1.sector == "MIL" and actor1.country not in {home.iso3, "IGO", "UNK"}
    return event_type == "Battles" and foreign_army


def crowd_actors(
    draft: Draft, event_type: str, sub_type: str, where: Country | None
) -> tuple[Actor | None, Actor | None]:
    """ACLED's protest actors: the crowd, and the police or army only when they intervened (what the crowd
    denounces, « la barbarie des hordes terroristes », is no actor of the protest)."""
    everyone = draft.agents + draft.patients
    named = next((a for a in everyone if a.sector in {"OPP", "PTY"} or a.name.startswith(CROWDS)), None)
    crowd = "Protesters" if event_type == "Protests" else "Rioters"
    actor1 = named or (Actor(f"{crowd} ({where.name_en})", where.iso3, "CVL") if where else None)
    intervened = sub_type != "Peaceful protest" or event_type == "Riots"
    force = next((a for a in everyone if a.sector in {"COP", "MIL"}), None) if intervened else None
    if force is None and sub_type == "Mob violence":  # the mob's target: "des boutiques tenues par des Éthiopiens"
        force = next((a for a in draft.patients if a.sector in VICTIM_SECTORS and a is not named), None)
    return actor1, force


def arrest_actors(
    actor1: Actor | None, actor2: Actor | None, where: Country | None
) -> tuple[Actor | None, Actor | None]:
    """ACLED's arrests with no one named: the police of the country arrest, and whom they arrest are civilians
    (« Les suspects ont été arrêtés au Cap mardi »)."""
    if where is None:
        return actor1, actor2
    if actor1 is None:
        actor1 = Actor(f"Police Forces of {where.name_en}", where.iso3, "COP")
    if actor2 is None and is_state_force(actor1):
        actor2 = Actor(f"Civilians ({where.name_en})", where.iso3, "CVL")
    return actor1, actor2


def is_state_force(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in {"MIL", "COP"}


def local_people(actor: Actor | None, home: Country) -> Actor | None:
    """Civilians, refugees and protesters are those of the place where the event happened; so is a police force
    the text names by a bare noun ("la police" in an event at Tel-Aviv, in an article about Gaza)."""
    if actor is None or actor.country == home.iso3:
        return actor
    if actor.sector == "COP" and actor.text.lower() in force_nouns():
        return Actor(f"Police Forces of {home.name_en}", home.iso3, "COP", actor.text)
    if actor.sector not in {"CVL", "REF"} or "(" not in actor.name or actor.text[:1].isupper():
        return actor  # "des Éthiopiens" at Hargeisa stay Ethiopians
    return Actor(f"{actor.name.rsplit(' (', 1)[0]} ({home.name_en})", home.iso3, actor.sector, actor.text)


def is_reportable(draft: Draft) -> bool:
    """An event needs a place below the country, or a date of its own and both its actors."""
    if draft.location is not None:
        return True
    if draft.sentences[0].index < LEDE_SENTENCES and draft.agents and draft.family != "violent":
        return True  # "La police a arrêté trois membres du mouvement": the news itself, placed or not
    return draft.date is not None and bool(draft.agents) and bool(draft.patients)


def code_events(ctx: ArticleContext) -> list[Event]:
    return with_known_attackers([to_event(d, ctx) for d in draft_events(ctx) if is_reportable(d)])


def foreign(actor: Actor, iso2: str) -> bool:
    home = country_lexicon().by_iso2.get(iso2)
    return home is not None and actor.country not in {home.iso3, "IGO", "IMG", "UNK"}


def carries_to(before: Event, event: Event, iso2: str) -> bool:
    attacker = before.actor1
    if attacker is None or same_actor(attacker, event.actor2):
        return False
    return foreign(attacker, iso2) or event.sub_event_type in {before.sub_event_type, "Air/drone strike"}


def same_actor(a: Actor, b: Actor | None) -> bool:
    return b is not None and (a.country, a.sector) == (b.country, b.sector)


def with_known_attackers(events: list[Event]) -> list[Event]:
    """A strike the article does not attribute has the attacker of the strikes it told before in the same
    country ("une frappe de missiles russes sur Kharkiv ... des drones ont également visé Kramatorsk"). In a civil
    war either side may fire the same guns: there, only an air strike (only the state flies) or a strike of the
    same kind as the one attributed before is carried over."""
    last: dict[str, Event] = {}
    out = []
    for event in events:
        country = event.location.country if event.location else ""
        if event.sub_event_type in STAND_OFF and country:
            before = last.get(country)
            if event.actor1 is None and before is not None and carries_to(before, event, country):
                event = replace(event, actor1=before.actor1)
            elif event.actor1 is not None and event.actor1.sector == "MIL":
                last[country] = event
        out.append(event)
    return out
