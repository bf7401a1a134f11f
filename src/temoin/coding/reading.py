"""One reading per event sentence: its trigger, kinds, place, date and actors, or none when the sentence tells
no event (background, hypothetical, sport, a demand)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from temoin.coding.clauses import (
    added_by_the_teller,
    backs_the_attackers,
    called_off,
    claim_verbs,
    dates_the_report,
    demand_verb,
    describes_a_noun,
    describes_the_people,
    during_the_one_told,
    group_anaphora,
    has_pronoun_subject,
    in_future,
    in_the_setting,
    is_background,
    is_hypothetical,
    is_protest,
    is_referential,
    is_time_anchor,
    names,
    names_a_charge,
    names_a_practice,
    names_a_seized_weapon,
    names_its_place,
    non_conflict,
    of_a_past_year,
    own_date,
    takes_an_institution,
    telling_verbs,
    tells_a_habit,
    tells_what_the_war_did,
    told_as_what_came_before,
    told_before,
    took_place,
    vouched_for,
)
from temoin.coding.context import ArticleContext, Sentence
from temoin.coding.location import administered_place, choose_location
from temoin.coding.participants import (
    actor_spans,
    group_of_the_target,
    is_generic,
    last_named_group,
    sentence_actors,
)
from temoin.coding.typing import CROWDS, has_cue, main_kind
from temoin.records import Actor, Location
from temoin.resources import read_lines, word_alternation, word_pattern, word_set
from temoin.stages.attribution import TOLL_COUNT
from temoin.stages.dates import DateReading
from temoin.stages.speakers import negated
from temoin.stages.triggers import event_kinds


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
    clause: frozenset[int] = frozenset()  # its own verb's words, when the sentence tells two events
    # (drafts.two_acts_in_two_places)

    @property
    def family(self) -> str:
        return event_kinds()[main_kind(self.kinds, False)].family


def announced(reading: Reading) -> bool:
    """The event noun is what a dated statement announces: "l'armée a annoncé mardi l'installation d'un poste"."""
    heads = list(reading.trigger.root.ancestors)[:2]
    return any(h.lemma_.lower() in telling_verbs() for h in heads) and any(
        dates_the_report(d) for d in reading.sentence.dates
    )


def in_the_clause(spans: list[Span], trigger: Span, label: str = "") -> bool:
    """Whether one of these spans (of this label, if given) sits in the trigger's clause: « déployée depuis 2022 dans
    l'Atacora »."""
    clause = {t.i for t in trigger.root.subtree}
    return any(s.start in clause and label in {"", s.label_} for s in spans)


@cache
def summing_up() -> re.Pattern[str]:
    """``lexicons/summing_up_phrases.txt`` ending the words before the noun, with one word between at most."""
    return re.compile(rf"\b(?:{word_alternation(read_lines('lexicons/summing_up_phrases.txt'))})(?:\s+\w+)?\s*$", re.I)


def sums_up(trigger: Span, sentence: Sentence) -> bool:
    """« ..., commettant de nouveaux massacres contre des civils affamés », « le Gojjam est de nouveau le théâtre de
    violents affrontements », « la semaine a été marquée par des affrontements meurtriers »: the events the article
    goes on to tell, summed up with no day nor town of their own."""
    first = trigger[0]
    before = first.doc[max(sentence.span.start, first.i - 6) : first.i].text
    if first.pos_ != "NOUN" or "Plur" not in first.morph.get("Number", []) or not summing_up().search(before):
        return False
    dated = any(d.label_ == "DATE" for d in sentence.dates)
    towns = [p for p in sentence.places if p.label_ not in {"country", "region"}]
    return not dated and not in_the_clause(towns, trigger)  # not « de nouvelles frappes sur Kharkiv »


def tells_a_trend(trigger: Span) -> bool:
    """« Les combats ... se sont intensifiés ce week-end », « les paramilitaires multiplient les attaques de drones »:
    a trend (``lexicons/trend_stems.txt``) sums up what the article tells, it is no event of its own."""
    root = trigger.root
    stems = tuple(read_lines("lexicons/trend_stems.txt"))
    return root.dep_ in {"nsubj", "obj"} and root.head.lower_.startswith(stems)


def tells_how_forces_stand(trigger: Span) -> bool:
    """« Des milliers de soldats burundais restent déployés au Sud-Kivu », « Le Rwanda maintient quelque quatre mille
    soldats au Cabo Delgado, un déploiement ... »: where forces are (``lexicons/standing_verbs.txt``), not a move."""
    standing = word_set("lexicons/standing_verbs.txt")
    return trigger.label_ == "movement" and trigger.root.head.lemma_.lower() in standing


def spread_over_places(sentence: Sentence) -> bool:
    """« ... ont de nouveau visé des quartiers résidentiels dans plusieurs régions d'Ukraine au cours du week-end »:
    what happened in many places the sentence does not name (``lexicons/spread_phrases.txt``), summed up."""
    if sentence.own_places() or sentence.unplaced:
        return False
    text, start = sentence.text, sentence.span.start_char
    for phrase in word_pattern("lexicons/spread_phrases.txt").finditer(text):
        told = [t for t in sentence.triggers if violent(t) and t.end_char - start <= phrase.start()]
        between = [text[t.end_char - start : phrase.start()] for t in told]  # not « intercepté 46 drones au-dessus
        if any(len(b) < 120 for b in between):  # de plusieurs régions », nor « l'arrestation ..., accusés de
            return True  # préparer ... dans plusieurs villes »
    return False


def rounds_up(sentence: Sentence) -> bool:
    """« Au total, au cours de la semaine écoulée, les FDS ont repoussé l'attaque de Djibo, conduit plusieurs frappes
    aériennes ... »: a week's round-up (``lexicons/roundup_phrases.txt``) with no day of its own tells no new event."""
    dated = any(d.label_ == "DATE" and not dates_the_report(d) for d in sentence.dates)  # not « le bulletin publié
    return not dated and word_pattern("lexicons/roundup_phrases.txt").search(sentence.text) is not None  # samedi »


def make_reading(ctx: ArticleContext, sentence: Sentence) -> Reading | None:
    anchors = [t for t in sentence.triggers if is_time_anchor(t)]
    triggers = [t for t in sentence.triggers if not (is_hypothetical(t) or t in anchors or takes_an_institution(t))]
    triggers = [t for t in triggers if not (names_a_charge(t) or names_a_practice(t) or called_off(t))]
    triggers = [t for t in triggers if not names_a_seized_weapon(t)]
    triggers = unless_alone(triggers, describes_the_people)
    triggers = unless_alone(triggers, tells_what_the_war_did)
    described = [t for t in triggers if describes_a_noun(t) and in_the_clause(sentence.dates, t, "PERIOD")]
    triggers = unless_alone(triggers, lambda t: t in described)  # « l'opération Mirador, déployée depuis 2022
    if described and triggers != described:  # dans les départements de l'Atacora »: what the force is, not news
        sentence = replace(
            sentence, places=[p for p in sentence.places if not any(in_the_clause([p], t) for t in described)]
        )
    triggers = [t for t in triggers if not (backs_the_attackers(t) or of_a_past_year(t) or in_the_setting(t))]
    triggers = [t for t in triggers if not (sums_up(t, sentence) or tells_how_forces_stand(t) or tells_a_trend(t))]
    if spread_over_places(sentence) or rounds_up(sentence):
        return None
    triggers = unless_alone(triggers, lambda t: added_by_the_teller(t, sentence.sources))
    if not comes_after_the_one_told(triggers, sentence):
        triggers = unless_alone(triggers, told_as_what_came_before)  # "des échanges de tirs ..., après des frappes
        # aériennes": the fire; but « Ces frappes interviennent après une attaque contre la base de Malam-Fatori »
    if anchors:  # "depuis la chute de Kaboul": Kabul dates the event, it is not where it happened
        sentence = replace(sentence, places=[p for p in sentence.places if not any(names(t, p) for t in anchors)])
    demand = demand_verb(sentence, triggers)
    if demand is not None:
        triggers = [t for t in triggers if t.label_ in {"protest", "riot"} or t.start < demand.i]
        sentence = replace(sentence, places=[p for p in sentence.places if p.start < demand.i])
    if not triggers or sentence.boilerplate or sentence.headline or sentence.text.rstrip().endswith("?"):
        return None
    events_at = [t.start_char - sentence.span.start_char for t in triggers]
    if tells_a_habit(sentence.text, events_at) or is_background(ctx, sentence):
        return None
    referential = [t for t in triggers if is_referential(t) and not names_its_place(t, sentence)]
    named_again = [t for t in triggers if (during_the_one_told(t) or vouched_for(t)) and names_its_place(t, sentence)]
    referential += [t for t in named_again if t not in referential]  # « lors des combats de Rann »: the fight told,
    # though named by its place (not « lors des échanges de tirs » after a police operation, the fight first told)
    fresh = [t for t in triggers if t not in referential]
    if fresh and all(t.label_ == "arrest" for t in fresh) and any(is_protest(t) for t in referential):
        fresh = []  # "La police a dispersé les manifestants et interpellé une dizaine d'entre eux": the protest
    unplaced = not any(p.label_ != "country" for p in sentence.places)  # « l'attaque du village près d'Ancuabe »
    if fresh and referential and all(boasted(t) for t in fresh) and claim_verbs_in(sentence) and unplaced:
        fresh = []  # « L'Iswap a revendiqué l'attaque dimanche ..., affirmant avoir tué des dizaines de soldats »
    counted = any(counted_of(t) for t in referential) and sentence.paragraph > 0  # not the news the lead tells
    if fresh and {t.label_ for t in fresh} <= {"kill", "bodies"} and counted:
        fresh = []  # « Le bilan des affrontements de lundi s'élève à trois militaires tués »: the fight told before
    pool = fresh or triggers
    kinds = [t.label_ for t in pool]  # "les frappes russes" in a sentence about a new commander says nothing new
    if fresh and {t.label_ for t in fresh} <= {"kill", "bodies"} and named_again:
        fresh = []  # « quatre assaillants avaient été tués lors des combats de Rann »: the toll of the fight told
    if fresh and {t.label_ for t in fresh} <= {"kill", "bodies"}:
        kinds += [t.label_ for t in referential]  # "tués dans le bombardement d'un marché": how they died
        referential = []  # ... which is this event, not one told before
    primary = max(pool, key=lambda t: (event_kinds()[t.label_].strength, violent(t), -t.start))
    if in_future(primary):
        return None  # "les combattants seront accueillis par des mortiers": not (yet) an event
    if told_before(primary, sentence):
        return None  # "En mars, une faction dissidente avait pris le contrôle de l'administration": background
    agents, patients = sentence_actors(ctx, sentence, primary)
    if not agents and group_anaphora().search(sentence.text):
        agents = [a for a in [last_named_group(ctx, sentence)] if a is not None]
    if agents and not patients and (held_by := group_of_the_target(ctx, sentence)) is not None:
        patients = [held_by] if held_by not in agents else []  # « contre des caches de l'organisation »
    elsewhere = referential if fresh else []  # « a dénoncé des viols commis samedi à Zemio »: its own place
    location = choose_location(ctx, sentence, sorted(pool, key=lambda t: t.start), elsewhere)
    if location is None and not set(kinds) <= TOLL_KINDS:
        location = administered_place(ctx, sentence)  # « Le maire de Horlivka a fait état de ... »
    reading = Reading(
        sentence,
        primary,
        kinds,
        not fresh or comments_in_quotes(primary, sentence),
        location,
        own_date(sentence),
        agents,
        patients,
        has_pronoun_subject(primary),
        agents_are_sources=actor_spans(sentence)[1],
    )
    previous = ctx.before_in_paragraph(sentence)  # « une série de raids aériens » tells what « des raids » are
    if previous is None and sentence.index > 0 and opens_on_a_place(sentence):
        previous = ctx.sentences[
            sentence.index - 1
        ]  # « ... 401 drones abattus. » then « À Kyiv, des débris ont touché »
    context = previous.text if previous is not None else ""
    return reading if passes_gate(reading, [t.label_ for t in triggers], context) else None


def counted_of(trigger: Span) -> bool:
    """« le bilan des affrontements », « le nombre de martyrs de l'agression »: the event a toll is the count of."""
    head = trigger.root.head
    if trigger.root.dep_ != "nmod":
        return False
    if head.dep_ == "nmod" and head.lower_ in word_set("lexicons/dead_nouns.txt"):
        head = head.head
    return TOLL_COUNT.fullmatch(head.lower_) is not None or head.lower_ == "nombre"


def violent(trigger: Span) -> bool:
    """Between two words as strong, the violent one leads: « des maisons incendiées lors d'une attaque de bandits
    armés » is the attack, whose bandits are its authors, not what was burnt."""
    return event_kinds()[trigger.label_].family == "violent"


def comes_after_the_one_told(triggers: list[Span], sentence: Sentence) -> bool:
    """« Ces frappes interviennent après une attaque d'ampleur contre la base de Malam-Fatori, en fin de semaine
    dernière »: the event already told came after the one this sentence names for the first time, with its own day,
    which is the news here; not « Huit mois après la chute de Goma, la guerre ... »."""
    before = [t for t in triggers if told_as_what_came_before(t)]
    others = [t for t in triggers if t not in before]
    if not before or not others or not all(is_referential(t) for t in others):
        return False
    days = [d for d in sentence.dates if d.label_ == "DATE" and d.start >= before[0].start]
    return any(DateReading.from_key(d.kb_id_).precision <= 2 for d in days)


def unless_alone(triggers: list[Span], secondary: Callable[[Span], bool]) -> list[Span]:
    """The triggers without the secondary ones, when the sentence has others: an arrest describing the dead, what a
    source adds, what came before the news."""
    kept = [t for t in triggers if not secondary(t)]
    return kept if kept else triggers


def comments_in_quotes(trigger: Span, sentence: Sentence) -> bool:
    """« « Les ADF ont encore frappé alors que les militaires étaient à moins de cinq kilomètres », s'indigne un
    notable »: an undated event in a witness's quoted words is the one told, not a new one."""
    before = sentence.span.doc[sentence.span.start : trigger.start].text
    quoted = before.lstrip().startswith("«") and before.count("«") > before.count("»")  # words quoted whole, not
    return quoted and own_date(sentence) is None and not sentence.tolls  # « a affirmé avoir tiré « des roquettes » »


TOLL_KINDS = {"kill", "bodies"}  # "Douze soldats ont été tués", "dont les corps ont été retrouvés": a toll
THROWN_WEAPONS = {"grenade", "ied", "suicide"}  # never sport, disease or an accident


def opens_on_a_place(sentence: Sentence) -> bool:
    """« À Kyiv, ... »: a paragraph that goes on with the attack told before, now at one of its places."""
    first = sentence.span[0]
    return first.lower_ in {"à", "a", "dans", "sur"} and any(p.start == first.i + 1 for p in sentence.places)


def passes_gate(reading: Reading, all_kinds: list[str], before: str = "") -> bool:
    """Weak triggers ("attaque", "entrés", "tués") need an armed actor in the sentence, and no sign of
    sport, disease or accident; strong ones only the latter when they are violent."""
    strength = max(event_kinds()[k].strength for k in all_kinds)  # "après les frappes, des explosions"
    thrown = bool(THROWN_WEAPONS & set(all_kinds))  # « une grenade lancée contre un café où des jeunes regardaient
    if non_conflict().search(reading.sentence.text) and (strength < 2 or reading.family == "violent") and not thrown:
        return False  # un match »: the match is where it happened, not what happened
    if strength >= 2 or took_place().search(reading.sentence.text):
        return True  # « L'attaque s'est produite à ... de Sandaré »: the event told, placed
    if reading.referential and reading.pronoun_subject and reading.family == "violent":
        return True  # « ... puis ils les ont abattus devant tout le monde »: more of the killing just told
    armed = [a for a in reading.agents + reading.patients if a.sector in {"MIL", "COP", "REB", "UAF"}]
    if armed or (reading.family == "violent" and has_cue("custody", reading.sentence.text)):
        return True  # "retrouvées mortes dans leurs cellules de police": the police held them
    crowd = any(a.name.startswith(CROWDS) for a in reading.agents) or (
        any(a.sector == "CVL" for a in reading.agents) and has_cue("beating", reading.sentence.text)
    )  # « des jeunes l'ont battu à mort »
    if reading.family == "violent" and crowd:
        return True  # « un homme accusé d'être un informateur a été battu à mort par une foule »: mob violence
    told = f"{before} {reading.sentence.text}"
    remote = has_cue("air", told) or has_cue("artillery", told)
    violence = reading.family == "violent" or (
        any(event_kinds()[k].family == "violent" for k in all_kinds) and bool(reading.sentence.own_places())
    )  # « ont fait irruption à Petite-Rivière, tuant au moins cinq personnes et incendiant une vingtaine de maisons »
    placed = reading.location is not None and violence
    killed = any(t.label_ == "KILLED" for t in reading.sentence.tolls)  # "une église attaquée à X, faisant 15 morts"
    return placed and (reading.date is not None or remote or killed)  # "des drones ont visé le port d'Izmaïl"


def claim_verbs_of(reading: Reading) -> list[Token]:
    return claim_verbs_in(reading.sentence)


def claim_verbs_in(sentence: Sentence) -> list[Token]:
    return [t for t in sentence.span if t.lemma_.lower() in claim_verbs()]


def boasted(trigger: Span) -> bool:
    """A killing the claimant says it did (« affirmant avoir tué »): the toll it claims, not an event of its own."""
    doc = trigger.doc
    return trigger.label_ in {"kill", "bodies"} and trigger.start > 0 and doc[trigger.start - 1].lower_ == "avoir"


def claims_it(reading: Reading) -> bool:
    """ "Le groupe a revendiqué l'attaque lundi": the sentence's date is the claim's, not the event's."""
    return bool(claim_verbs_of(reading))


def named_claimant(reading: Reading) -> Actor | None:
    """The armed group a sentence says claimed the event ("L'attaque a été revendiquée par le JNIM")."""
    verbs = claim_verbs_of(reading)
    if not verbs or all(negated(t) for t in verbs):
        return None  # "L'attaque n'avait pas été revendiquée"
    return next((a for a in reading.agents if a.sector in {"REB", "UAF"} and not is_generic(a)), None)
