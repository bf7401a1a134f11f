"""Readings merged into draft events: one per place and day (ACLED), the toll in one sentence and the place in
the next, with the sources and hedges of every sentence that tells them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from spacy.tokens import Span, Token

from temoin.coding.clauses import (
    LEDE_SENTENCES,
    claims,
    commented_on,
    counts_a_period,
    counts_since,
    dates_a_statement,
    event_date,
    is_a_tally,
    is_background,
    is_referential,
    opening_country,
    opens_on_a_country,
    own_date,
    right_after_a_telling_verb,
    same_day,
    telling_verbs,
    tells_a_habit,
    tells_its_own_event,
    took_place,
    war_nouns,
)
from temoin.coding.context import ArticleContext, Sentence
from temoin.coding.location import (
    as_named,
    coordinated_locations,
    finest_place,
    is_metonym,
    location_of,
    measured_from,
    place_just_named,
    possessive_place,
    seat_of_power,
    sole_place,
    the_capital,
    town_just_named,
)
from temoin.coding.participants import LOOKBACK, is_generic, sentence_actors
from temoin.coding.reading import (
    TOLL_KINDS,
    Reading,
    announced,
    claim_verbs_in,
    claims_it,
    counted_of,
    in_the_clause,
    make_reading,
    named_claimant,
    rounds_up,
)
from temoin.coding.roles import attributed_to, to_actor
from temoin.coding.typing import EXPLOSIVE_ORDER, main_kind, total_words, victim_nouns
from temoin.records import Actor, Location
from temoin.resources import read_lines, read_tsv, word_alternation, word_pattern, word_set
from temoin.stages import doc_text
from temoin.stages.attribution import spoken_to
from temoin.stages.dates import MONTHS, WEEKDAYS, DateReading, month_number
from temoin.stages.places.ranking import km_between
from temoin.stages.speakers import negated
from temoin.stages.tolls import DIED_OF_WOUNDS, LISTED, ONE_MORE, RESPECTIVELY, UPDATE, number_value
from temoin.stages.triggers import event_kinds

EARLIER = "2"  # a toll's kb_id ends "|2" when it is an earlier, superseded figure (stages/tolls.py)
RESTATED = "3"  # "|3": the dead just counted, named again with « les »
RUNNING = "4"  # "|4": how many of a group are dead now, « un troisième policier a succombé »
SAME_AREA = re.compile(r"\b(?:dans|de) la même (?:zone|région|secteur)\b", re.I)  # the last event's place
PLACE_ANAPHORA = re.compile(
    r"\b(de|dans|à) (la|cette) (ville|localité|cité|commune|base)\b|\b(de|dans|à) cette capitale\b|"
    r"\b(repris|pris|attaqué|investi|encerclé|bombardé|pilonné) (la|cette) (ville|localité|cité|commune)\b|"
    r"\b(du|dans le|au) (village|camp|chef-lieu)\b(?! (de|d'))|\bsur place\b|"
    r"\b(du|dans le|au|de la|dans la|à la) même (village|ville|localité|camp|quartier)\b|"
    r"\b(la|cette) (deuxième|troisième|seconde|principale|plus grande|grande) ville (du|de|d')",
    re.I,
)


THIS_TOWN = re.compile(r"\bcette (?:ville|localité|cité|commune)\b", re.I)
_IN_THE_FIGHT = (  # « après plus d'une heure d'échanges de tirs »
    r"\s+(?:(?:plus|près|moins)\s+d['’]\s*)?(?:de|d'|des|plusieurs|quelques|une|deux|trois|\d+)\s*"
    r"(?:heures?|minutes?|violents|intenses)"
)
TIME_SHIFT = re.compile(  # « repoussée après plusieurs heures de combats », « après avoir coupé la route » is no
    # later time: the same fight
    rf"\b((?<![dD]')(?<![dD]’)après(?!-midi)(?!{_IN_THE_FIGHT}\b)(?!\s+(?:avoir|être|s'être|s’être)\b)|"
    r"plus tard|ensuite|puis|auparavant|plus tôt|"
    r"la veille|le lendemain|au même moment|par ailleurs|d'autre part|ailleurs)\b",  # not « D'après »
    re.I,
)


MERGE_KM = 50.0
WITHIN_TOWN_KM = 15.0  # a quarter of the town, or the town itself, told again


SOURCE_REACH = 2  # sentences after the one naming a source that it still speaks for


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
    accounts: dict[str, dict[str, int]] = field(default_factory=dict)  # the dead as each side tells them
    first_counts: set[str] = field(default_factory=set)  # told as a first figure: « avaient d'abord fait état »
    sources: list[str] = field(default_factory=list)
    later_sources: list[str] = field(default_factory=list)  # of sentences that only go on telling it
    named_sources: list[str] = field(default_factory=list)  # named in its own sentences, not carried from before
    witnessed: list[str] = field(default_factory=list)  # sources that are the outlet's own eyes ("a constaté")
    hedged: bool = False
    trigger: str = ""
    agents_are_sources: bool = False
    split_off: bool = False  # another place of a sentence naming several: « contre Zaporijjia et Mykolaïv »
    whole_toll: bool = False  # the first place of such a sentence holds the toll of them all until its own is told
    clause: frozenset[int] = frozenset()  # its own verb's words (token indices), when its sentence tells two events
    # (« ont enlevé ... à Bankilaré et incendié ... à Ayorou »)
    unclaimed: bool = False  # « L'attaque n'a pas été revendiquée »: no one's strike is carried over to it
    summary_killed: dict[str, int] = field(default_factory=dict)  # a summary lead's dead, its details' counts first

    @property
    def family(self) -> str:
        return event_kinds()[main_kind(self.kinds, False)].family

    @property
    def paragraph(self) -> int:
        return self.sentences[-1].paragraph


def same_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= MERGE_KM


NEAR_KM = 100.0  # how far a place given only as near a town may lie from the event told before


def near_enough(a: Location | None, b: Location | None) -> bool:
    """The same place, or near it: « l'assaut ... sur plusieurs flancs du camp, situé à une cinquantaine de
    kilomètres au nord de Niono », after an attack on the Sokolo camp."""
    if a is None or b is None or max(a.geo_precision, b.geo_precision) < 2:
        return same_place(a, b)
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM


def in_this_town(reading: Reading) -> bool:
    """« ont pris le contrôle de cette ville de la zone du Gojjam-Oriental »: the town just named, not the zone."""
    placed = reading.location is not None and reading.location.geo_precision >= 3
    return placed and THIS_TOWN.search(reading.sentence.text) is not None


def counted_over_time(reading: Reading, sentence: Sentence) -> bool:
    """A tally since a date: the dead counted, with at most the nouns of what killed them (« plus de 180 personnes
    ont été tuées au Liban par des frappes israéliennes depuis la trêve »)."""
    means_only = all(t.label_ in TOLL_KINDS or t[0].pos_ == "NOUN" for t in sentence.triggers)
    told_dead = "kill" in reading.kinds or set(reading.kinds) <= TOLL_KINDS
    return told_dead and means_only and counts_since(sentence)


def continues(last: Draft, reading: Reading) -> bool:
    """Whether a located reading can fill in the place of the event just before it."""
    if last.location is not None or reading.location is None:
        return True
    return reading.sentence.index - last.last_index == 1 and not TIME_SHIFT.search(reading.sentence.text)


PLUPERFECT = {"avait", "avaient", "était", "étaient"}


def dated_by_its_statement(sentence: Sentence) -> bool:
    """Every day the sentence names is that of a statement (``clauses.dates_a_statement``)."""
    dates = [d for d in sentence.dates if d.label_ == "DATE"]
    return bool(dates) and all(dates_a_statement(d) for d in dates)


def dated_by_its_telling(sentence: Sentence) -> bool:
    """Every day the sentence names stands right after its verb of telling (``clauses.right_after_a_telling_verb``)."""
    dates = [d for d in sentence.dates if d.label_ == "DATE"]  # « a précisé lundi que », not « en février »
    return bool(dates) and all(
        right_after_a_telling_verb(d) and DateReading.from_key(d.kb_id_).precision == 1 for d in dates
    )


def raises_the_toll_of(reading: Reading, drafts: list[Draft], named: bool = False) -> Draft | None:
    """« le bilan de l'attaque contre Kharkiv était passé à trois morts », paragraphs after the attack: that attack's
    new toll, however far back it was told (``named``: the sentence names the event it counts)."""
    here = reading.location
    counted = reading.referential or named or any(counted_of(t) for t in reading.sentence.triggers)
    if not (counted and reading.sentence.updates_a_toll()) or here is None or not here.place_id:
        return None
    kinds = set(reading.kinds) - TOLL_KINDS
    placed = [d for d in drafts if d.location is not None and d.location.place_id == here.place_id]
    violent = [d for d in placed if d.family == "violent"]
    same = [d for d in violent if kinds <= set(d.kinds)]  # the attack told, not the clash the day after there
    return same[-1] if same else violent[-1] if violent and kinds <= {"attack"} else None


def told_that_day(reading: Reading, recent: list[Draft]) -> Draft | None:
    """The event of that kind told for the reading's day, when the reading names it by kind and day only."""
    if reading.date is None:
        return None
    kind = main_kind(reading.kinds, False)
    same = [d for d in recent if d.date == reading.date and main_kind(d.kinds, False) == kind]
    return same[0] if len(same) == 1 else None


POSSESSIVES = {"leur", "leurs", "son", "sa", "ses"}


def possessed(trigger: Span) -> bool:
    """« Les ravisseurs ont ensuite pris la direction des collines avec leurs otages »: the hostages of the event
    just told, whatever day the sentence names."""
    return trigger.start > 0 and trigger.doc[trigger.start - 1].lower_ in POSSESSIVES


def target_draft(reading: Reading, drafts: list[Draft]) -> Draft | None:
    """The event this reading tells more of, if any."""
    told_on = reading.referential and (dated_by_its_telling(reading.sentence) or possessed(reading.trigger))  # « Une
    # source a précisé lundi que ... », « avec leurs otages, ... vendredi matin »: the day of something else
    if reading.date is not None and (dated_by_its_statement(reading.sentence) or told_on):  # ... lors des combats »
        undated = replace(reading, date=None)  # « selon un communiqué parvenu lundi »: no day of the event
        found = target_draft(undated, drafts)
        reading.referential = undated.referential
        return found
    if reading.date is not None and drafts and told_done_before(reading):
        found = target_draft(replace(reading, date=None), drafts)  # « Le porte-parole a affirmé jeudi que ses
        if found is not None:  # forces avaient repoussé une offensive »: Wednesday's fight, told on Thursday
            return found
    if (raised := raises_the_toll_of(reading, drafts)) is not None:
        reading.date = None  # « Dans la matinée de mercredi, X a indiqué que ... »: the day of the new figure
        return raised
    index = reading.sentence.index
    recent = [d for d in reversed(drafts) if index - d.last_index <= LOOKBACK]
    before = any(c.dep_ == "aux:tense" and c.lower_ in PLUPERFECT for c in reading.trigger.root.children)
    if (reading.referential or before) and reading.family == "protest" and reading.location is None:
        shot = [
            d for d in recent[:1] if d.family == "violent" and d.killed and d.paragraph == reading.sentence.paragraph
        ]
        if shot and index - shot[0].last_index == 1:
            return shot[0]  # "... ont tiré sur des partisans rassemblés. Les manifestants réclamaient ...", « Les
            # jeunes avaient érigé des barricades »
    claimed = claims_it(reading)  # "L'attaque de Gaskindé a été revendiquée lundi": that attack, whatever the day
    if reading.referential and (reading.date is None or claimed or (drafts and dates_it(drafts[-1], reading))):
        here = reading.location
        alike = [d for d in recent if d.family == reading.family and not interceptions_apart(d, reading)]
        return next((d for d in alike if near_enough(d.location, here)), None)
    unplaced = not any(p.label_ != "country" for p in reading.sentence.places)
    if reading.referential and unplaced and (named := told_that_day(reading, recent)) is not None:
        reading.location = named.location  # « Le bilan des affrontements de lundi s'élève à ... », after a mine
        return named  # on Tuesday: Monday's fight, where it was fought
    if claimed and reading.location is not None:
        claimed_one = [d for d in drafts if d.family == reading.family and d.location == reading.location]
        if claimed_one:
            reading.referential = True  # it tells who claimed the event, if anyone; its other actors are not its
            return claimed_one[-1]
    if reading.location is None and reading.sentence.happens_elsewhere():
        return None  # "Le même jour, des hommes armés ont tué sept civils près de Gorgadji": another event
    if reading.location is None and drafts and opens_on_another_country(reading, drafts[-1]):
        return None  # « Au Tchad voisin, l'armée a également été prise pour cible »: not the attack in Cameroon
    if drafts and handles_the_protest(reading, drafts[-1]):
        return drafts[-1]
    if drafts and the_other_side_tells_it(drafts[-1], reading):
        return drafts[-1]
    if drafts and shot_down_during(drafts[-1], reading):
        return drafts[-1]
    if reading.location is None and reading.date is None and not TIME_SHIFT.search(reading.sentence.text):
        same = next(
            (d for d in recent if d.family == reading.family and adds_to(d, reading) and not another_army(d, reading)),
            None,
        )
        if same is not None:
            return same
    last = drafts[-1] if drafts else None
    if last is not None and (told_again(last, reading) or narrows_the_place(last, reading)):
        return last
    siblings = [d for d in drafts[:-1] if last is not None and shares_a_sentence(d, last.sentences[0].index)]
    again = next((d for d in siblings if told_again(d, reading)), None)  # « des drones ont frappé Kadugli et
    if again is not None:  # Dilling » then « A Kadugli, la frappe a tué six civils »: the strike on Kadugli
        return again
    if last is not None and same_day_again(last, reading):
        return last
    if last is not None and details_the_lead(last, reading):
        last.location = reading.location  # the lead placed it only by its region, and named it by a word that
        last.kinds[:] = [k for k in last.kinds if k in SPECIFIC and k != "strike"] + reading.kinds  # says only how
        return last  # (« a une nouvelle fois frappé dans le département du Mayo-Tsanaga »)
    if last is not None and places_the_lead(last, reading):
        return last
    if last is not None and details_a_summary_lead(last, reading):
        last.location, last.date = reading.location, reading.date or last.date
        last.summary_killed, last.killed = dict(last.killed), {}  # « 17 combattants » then « 15 assaillants » and
        if any(not is_generic(a) for a in reading.agents + reading.patients):  # « deux soldats »: the same dead
            last.agents[:], last.patients[:] = reading.agents or last.agents, reading.patients or last.patients
        return last  # « les forces de l'opposition armée », then named: the SPLA-IO
    if last is None or last.paragraph != reading.sentence.paragraph or index - last.last_index > 2:
        return None
    if main_kind(last.kinds, False) != main_kind(reading.kinds, False):
        return None
    if reading.date is not None and last.date is not None and reading.date.value != last.date.value:
        return None
    if another_army(last, reading):
        return None
    if across_a_border(last.location, reading.location):
        return None
    if reading.family == "violent" and two_towns(last.location, reading.location):
        return None  # not a protest in Goma, then barricades « sur la route de Sake »
    return last if same_place(last.location, reading.location) and continues(last, reading) else None


def two_towns(a: Location | None, b: Location | None) -> bool:
    """« des individus armés ont fait irruption dans le village de Déou » then « La même nuit, un poste de VDP a été
    pris pour cible à Oursi, à une trentaine de kilomètres de là »: two towns named as such, two events."""
    if a is None or b is None or max(a.geo_precision, b.geo_precision) > 1 or a.name == b.name:
        return False
    return towns_apart(a, b)


def told_done_before(reading: Reading) -> bool:
    """The sentence's only day is its telling's, and the event is told in the pluperfect: « a affirmé jeudi que ses
    forces avaient repoussé une offensive »."""
    verb = reading.trigger.root
    before = any(c.dep_ == "aux:tense" and c.lower_ in PLUPERFECT for c in verb.children)
    return before and dated_by_its_telling(reading.sentence)


def names_its_scene(reading: Reading) -> bool:
    """A place below the country named inside the event noun's own phrase."""
    return in_the_clause([p for p in reading.sentence.places if p.label_ != "country"], reading.trigger)


def details_the_lead(last: Draft, reading: Reading) -> bool:
    """« Dans la région de Ménaka, c'est une frappe de drone qui suscite la polémique » then « Samedi après-midi, un
    appareil de l'armée a visé un groupe de personnes ... aux abords d'Inékar »: a sentence that names the event with
    no day of its own, and the next one that tells it, dated, within that region."""
    if len(last.sentences) != 1 or last.date is not None or reading.date is None or reading.location is None:
        return False
    region = last.location is None or last.location.geo_precision == 3  # not « dans le secteur de Pokrovsk »
    inside = region and (last.location is None or same_place_within(last.location, reading.location, REGION_KM))
    return inside and goes_on_with(last, reading)


LEAD_REGION_KM = 300  # a lead's region may be wide (Jonglei, Borno): its towns lie this far from its capital


def details_a_summary_lead(last: Draft, reading: Reading) -> bool:
    """« Au moins 17 combattants ont été tués lors d'affrontements ... dans l'Etat du Haut-Nil, a annoncé mardi un
    porte-parole militaire » then, opening the next paragraph, « Les combats ont éclaté dimanche à Nasir »: the lead,
    placed by its region and dated only by its telling, told again with its town and day."""
    lead = last.sentences[0]
    if len(last.sentences) != 1 or lead.index > 1 or reading.location is None or reading.location.geo_precision > 2:
        return False
    regional = last.location is None or last.location.geo_precision == 3
    inside = last.location is None or (
        same_place_within(last.location, reading.location, LEAD_REGION_KM)
        and last.location.country == reading.location.country
    )
    told_day = last.date is None or dated_by_its_telling(lead)
    opens = reading.sentence.paragraph == lead.paragraph + 1 and reading.sentence.index - last.last_index <= 2
    kinds = {main_kind(last.kinds, False), main_kind(reading.kinds, False)}
    same = (len(kinds) == 1 or kinds == {"clash", "attack"}) and last.family == reading.family  # « affrontements »,
    return regional and inside and told_day and opens and same  # then « ont attaqué »


def places_the_lead(last: Draft, reading: Reading) -> bool:
    """« Jeudi, c'est une frappe de drone qui a endeuillé une fête de baptême » then « un appareil de l'armée a visé
    un rassemblement près de Youwarou »: the lead dated the event, the next sentence places it."""
    if len(last.sentences) != 1 or last.location is not None or last.date is None or reading.location is None:
        return False
    return reading.date is None and goes_on_with(last, reading)


def goes_on_with(last: Draft, reading: Reading) -> bool:
    """The next sentence of the paragraph, telling an event of the same family and kind (or a bare attack or
    killing), while the lead counted no dead."""
    follows = reading.sentence.index - last.last_index == 1 and last.paragraph == reading.sentence.paragraph
    kind = main_kind(reading.kinds, False) in {main_kind(last.kinds, False), "attack", "kill"}
    return follows and kind and last.family == reading.family and not last.killed


LEAD_REACH = 8  # sentences after a lead naming several places within which a paragraph may open on one of them


def listed_in_the_lead(reading: Reading, drafts: list[Draft]) -> Draft | None:
    """A lead naming several places, then a paragraph opening on one of them with no day of its own: « ... une attaque
    de missiles et de drones visant notamment Kharkiv et Odesa » then, after the paragraph on Kharkiv, « À Odesa, des
    drones ont endommagé des infrastructures portuaires »: the attack on Odesa, told in detail."""
    here = reading.location
    sentence = reading.sentence
    if here is None or reading.date is not None or TIME_SHIFT.search(sentence.text):
        return None
    opening = any(p.kb_id_ == here.place_id and p.start - sentence.span.start <= 2 for p in sentence.places)
    listed = (
        d
        for d in drafts
        if len(d.sentences) == 1
        and d.location is not None
        and d.location.place_id == here.place_id
        and d.family == reading.family
        and sentence.index - d.last_index <= LEAD_REACH
        and any(o is not d and shares_a_sentence(o, d.sentences[0].index) for o in drafts)
    )
    return next(listed, None) if opening else None


def the_other_side_tells_it(last: Draft, reading: Reading) -> bool:
    """« L'armée a repris dimanche Moqokori ... Le groupe al-Shabaab a pour sa part affirmé s'être retiré de la ville
    « de manière tactique » après avoir tué 15 soldats »: the other side's telling of the same fight, with no day
    of its own (``lexicons/counter_count_phrases.txt``)."""
    sentence = reading.sentence
    close = sentence.index - last.last_index <= 2
    told_by = bool(sentence.sources) and counts_against(sentence)
    here = reading.location is None or (
        last.location is not None and reading.location.place_id == last.location.place_id
    )
    fighting = last.family == "violent" and any(event_kinds()[k].family == "violent" for k in reading.kinds)
    return close and told_by and here and reading.date is None and fighting


def shares_a_sentence(draft: Draft, index: int) -> bool:
    """A draft told in that sentence too: the other place of a sentence naming two, even when its event began in the
    sentence before."""
    return any(s.index == index for s in draft.sentences)


def same_day_again(last: Draft, reading: Reading) -> bool:
    """The event just told, told again right after with its day and no place, even in the next paragraph: « Huit
    militaires ont été tués jeudi près de Karimama ... » then « « Dans la matinée du jeudi 15 octobre, une position
    de nos forces a été attaquée », a déclaré le porte-parole »."""
    if reading.location is not None or reading.date is None or last.date is None:
        return False
    close = reading.sentence.index - last.last_index <= 2 and reading.date.value == last.date.value
    sides, others = {(a.country, a.sector) for a in last.agents}, {(a.country, a.sector) for a in reading.agents}
    other_side = bool(sides and others) and not sides & others  # « l'artillerie ukrainienne », after Russia's strikes
    return close and last.family == reading.family and adds_to(last, reading) and not other_side


def fighting_it_ends(reading: Reading, drafts: list[Draft]) -> Location | None:
    """Where a truce with no place of its own was agreed: where the fighting told before it was (« Jeudi après-midi,
    le Conseil présidentiel a annoncé la conclusion d'un cessez-le-feu entre les deux parties », after clashes in
    Tripoli)."""
    fought = [d for d in drafts if d.family == "violent" and d.location is not None]
    if reading.kinds != ["agreement"] or not fought or reading.sentence.index - fought[-1].last_index > 6:
        return None
    return fought[-1].location


def opens_on_another_country(reading: Reading, draft: Draft) -> bool:
    """« Au Tchad voisin, ... » after an event in Cameroon."""
    country = opening_country(reading.sentence)
    iso2 = country.kb_id_.removeprefix("cc:").upper() if country is not None else ""
    return bool(iso2) and draft.location is not None and draft.location.country != iso2


def adds_to(draft: Draft, reading: Reading) -> bool:
    """A bare mention of another kind of event, with no one and no toll in it, tells nothing of this one
    (« L'utilisation d'engins explosifs s'est généralisée », after a kidnapping, is no detail of it)."""
    bare = not (reading.agents or reading.patients or reading.sentence.tolls)
    return not bare or same_type(draft, reading) or tells_the_weapon(draft, reading)


def tells_the_weapon(draft: Draft, reading: Reading) -> bool:
    """The next sentence names only the weapon of the attack just told: « Les forces ukrainiennes ont pris pour cible
    des quartiers de Gorlovka, tuant trois civils. Des roquettes tirées par des lance-roquettes multiples ont frappé
    une gare routière » (the shelling)."""
    follows = reading.sentence.index - draft.last_index == 1 and reading.sentence.paragraph == draft.paragraph
    return follows and set(reading.kinds) <= SPECIFIC and main_kind(draft.kinds, False) in {"attack", "kill"}


def another_army(draft: Draft, reading: Reading) -> bool:
    """Troops of another country on the move are another deployment (« Des navires sud-africains sont arrivés à
    Pemba » then « Des véhicules blindés du Botswana et 300 soldats sont également passés au Mozambique »)."""
    if "movement" not in reading.kinds:
        return False
    armies = {a.country for a in draft.agents if a.sector == "MIL"}
    moving = {a.country for a in reading.agents or reading.patients if a.sector == "MIL"}  # "sont passés": either
    return bool(armies and moving) and not armies & moving


def district_of_the_city(ctx: ArticleContext, sentence: Sentence, reading: Reading, last: Draft) -> bool:
    """« Kharkiv a été attaquée ... Selon lui, six drones ont frappé le district de Kyivskyi »: a city district
    told, undated, right after an event in a city is that city's, whatever homonym the gazetteer places far away
    (many Ukrainian cities have a Kyivskyi district), and the event told in a district of the city is the city's
    (« Les drones ont frappé un immeuble du quartier de Saltivka »)."""
    if reading.location is None or last.location is None or reading.date is not None:
        return False
    city = ctx.gazetteer.place(last.location.place_id) if last.location.place_id else None
    if city is None or city.population < CITY_WITH_DISTRICTS or sentence.index - last.last_index > 2:
        return False
    here = reading.location
    doc = sentence.span.doc
    districts = [
        span for span in sentence.places if CITY_DISTRICT.search(doc[max(span.start - 3, 0) : span.start].text)
    ]
    return any(location_of(ctx, span) == here for span in districts)


CITY_DISTRICT = re.compile(r"\b(?:quartiers?|districts?|arrondissements?) (?:de|d'|du)\s*$", re.I)
CITY_WITH_DISTRICTS = 100_000


def leads_back(reading: Reading, last: Draft) -> bool:
    """A violent event of its own day told right after another, with no place of its own: it happened there
    (« Le M23 a pris Bunagana. Cette affirmation fait suite à de violents combats lundi »)."""
    sentence = reading.sentence
    aftermath = AFTERMATH.search(sentence.text) is not None  # « Lundi, au lendemain des combats, au moins six
    same_scene = sentence.paragraph == last.paragraph and not TIME_SHIFT.search(sentence.text)  # habitants ... »
    return (
        reading.location is None
        and reading.date is not None
        and reading.family == "violent"
        and last.location is not None
        and (
            (same_scene and sentence.index - last.last_index == 1)
            or (aftermath and sentence.index - last.last_index <= 3)
        )
        and not sentence.unplaced
    )


AFTERMATH = re.compile(r"\bau lendemain des (?:combats|affrontements|accrochages)\b", re.I)  # the fight just told


def told_again(last: Draft, reading: Reading) -> bool:
    """The next paragraph of wire copy goes on with the same event at the same place, with no day of its own: « La
    ville de Bocaranga a été le théâtre dimanche de violents affrontements ... » then « deux soldats et quatre
    rebelles ont été tués lors des combats, autour de la base militaire »."""
    here, there = reading.location, last.location
    opening = opens_on_the_event(reading)
    same = (here is not None and there is not None and here.place_id == there.place_id) or (opening and here is None)
    if opening and here is not None and there is not None:  # « Les combats ont opposé ... dans le quartier de
        same = same or same_place_within(here, there, WITHIN_TOWN_KM)  # Souk al-Joumaa », after clashes in Tripoli
    near = reading.sentence.index - last.last_index <= 2 and not TIME_SHIFT.search(reading.sentence.text)
    undated = reading.date is None or (opening and not another_day_named(last, reading))
    fight = turns_to_a_fight(last, reading)
    return same and near and undated and last.family == reading.family and same_type(last, reading) and not fight


def turns_to_a_fight(last: Draft, reading: Reading) -> bool:
    """« des assaillants ont fait irruption ..., tuant quatre civils » then « les membres du comité de vigilance ont
    pris en chasse les assaillants et les ont accrochés »: a fight after an attack on civilians is a battle of its
    own."""
    on_civilians = main_kind(last.kinds, False) != "clash" and any(p.sector == "CVL" for p in last.patients)
    fighters = [a for a in reading.agents if a.sector in {"MIL", "COP", "REB", "UAF"}]
    return on_civilians and "clash" in reading.kinds and any(a not in last.agents for a in fighters)


def another_day_named(last: Draft, reading: Reading) -> bool:
    """The event noun opening the sentence carries a day other than the event's: « L'attaque du 8 janvier contre le
    poste ..., qui avait coûté la vie à 28 soldats » after an attack told on 19 October is another attack."""
    first = min(reading.sentence.triggers, key=lambda t: t.start)
    doc = first.doc
    of = first.end < len(doc) and doc[first.end].lower_ in {"du", "de"}
    day = next((d for d in reading.sentence.dates if d.start == first.end + 1 and d.label_ == "DATE"), None)
    if not of or day is None or last.date is None or last.date.value is None:
        return False
    return DateReading.from_key(day.kb_id_).value != last.date.value


def opens_on_the_event(reading: Reading) -> bool:
    """ "L'attaque, qui a débuté vers 05H00, a été revendiquée lundi par le GSIM, qui affirme avoir pris le contrôle
    du camp": a sentence opening on the event just told goes on telling it, whatever day its claim has."""
    first = min(reading.sentence.triggers, key=lambda t: t.start, default=None)
    return first is not None and first.start - reading.sentence.span.start <= 2 and is_referential(first)


def same_type(last: Draft, reading: Reading) -> bool:
    """Whether a reading at the same place can be told of the same event: an ACLED type of its own with a weapon of
    its own is another event (« Le M23 s'est emparé de Minova ... Cinq civils ont été tués par des obus tombés sur le
    marché de Minova »: the taking and the shelling)."""
    if interceptions_apart(last, reading):
        return False
    mine, theirs = event_kinds()[main_kind(reading.kinds, False)], event_kinds()[main_kind(last.kinds, False)]
    return mine.strength < 2 or mine.event_type == theirs.event_type


def interceptions_apart(last: Draft, reading: Reading) -> bool:
    """Weapons shot down and another strategic act at one place are two events: « Le FSB a par ailleurs annoncé
    l'arrestation à Koursk ... » after drones shot down over the Kursk region."""
    mine, theirs = main_kind(reading.kinds, False), main_kind(last.kinds, False)
    strategic = event_kinds()[mine].event_type == event_kinds()[theirs].event_type == "Strategic developments"
    return strategic and (mine == "disrupted") != (theirs == "disrupted")


REGION_KM = 200  # how far from a region's capital a place named after it may lie and still be inside it


def narrows_the_place(last: Draft, reading: Reading) -> bool:
    """Wire copy names the region first, then the place: « Douze soldats ont été tués mardi dans une embuscade dans
    la région de Tillabéri » then « Une unité a été attaquée entre Téra et Bankilaré »: the same event, placed."""
    here, there = reading.location, last.location
    if here is None or here.geo_precision >= 3:
        return False
    if there is None:  # « ... lors d'un raid dans le nord-ouest du Nigeria » then « Les assaillants ont ouvert le
        inside = the_attackers_again(reading)  # feu sur les habitants du village de Kadawa »
    elif there.geo_precision < 3 and not took_place().search(reading.sentence.text):
        return False  # but « L'attaque s'est produite à une quinzaine de kilomètres à l'est de Sandaré », after a
        # lead on « l'axe Kayes–Diéma »: the sentence is there to place it
    else:
        inside = here.country == there.country and same_place_within(here, there, REGION_KM)
    near = reading.sentence.index - last.last_index <= 2 and not TIME_SHIFT.search(reading.sentence.text)
    same_kind = main_kind(reading.kinds, False) in {main_kind(last.kinds, False), "attack", "kill"}
    return inside and near and (reading.date is None or dates_it(last, reading)) and same_kind


def the_attackers_again(reading: Reading) -> bool:
    """A sentence opening on « Les assaillants », « Ces hommes armés »: those of the event just told."""
    return opens_on_the_attackers(reading.sentence)


def opens_on_the_attackers(sentence: Sentence) -> bool:
    words = [t.lower_ for t in sentence.span[:2]]
    return len(words) == 2 and words[0] in {"les", "ces"} and words[1] in word_set("lexicons/attacker_nouns.txt")


def dates_it(last: Draft, reading: Reading) -> bool:
    """« ... ont été tués dans une attaque, a annoncé dimanche le porte-parole » then « L'attaque a visé dans la
    nuit de vendredi à samedi le poste de Kaïga »: the event dated only by its telling gets its own day."""
    return opens_on_the_event(reading) and event_date(last.sentences[0]) is None


def same_place_within(a: Location, b: Location, km: float) -> bool:
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= km


TOWNS_APART_KM = 10.0  # « les abords de Khiam et de Kfar Kila », 6 km apart: one shelling of one area


def towns_apart(a: Location | None, b: Location | None) -> bool:
    """Two towns of a list, not a town and its region (« Nyala, capitale du Darfour-Sud ») nor two hamlets of one
    area."""
    if a is None or b is None or max(a.geo_precision, b.geo_precision) >= 3:
        return False
    return across_a_border(a, b) or not same_place_within(a, b, TOWNS_APART_KM)


def across_a_border(a: Location | None, b: Location | None) -> bool:
    """« la caserne de Branit », then « Bint Jbeil, au Liban »: towns either side of a border are two places."""
    if a is None or b is None or max(a.geo_precision, b.geo_precision) >= 3:
        return False
    return bool(a.country and b.country) and a.country != b.country


def handles_the_protest(reading: Reading, last: Draft) -> bool:
    """Arrests told right after a protest, with no place or day of their own, are how it was handled ("La police a
    fait usage de canons à eau ... et a interpellé une dizaine de personnes"): a protest with intervention."""
    follows = reading.sentence.index - last.last_index == 1 and reading.sentence.paragraph == last.paragraph
    return follows and no_scene_of_its_own(reading) and set(reading.kinds) == {"arrest"} and last.family == "protest"


def no_scene_of_its_own(reading: Reading) -> bool:
    """No day and no place of its own; a place named only in its source's title is none (« L'administrateur du
    territoire de Beni a confirmé ce bilan, précisant que les assaillants avaient incendié une dizaine de maisons »)."""
    return (reading.location is None or not reading.sentence.own_places()) and reading.date is None


SPECIFIC = {"air_strike", "drone_strike", "shelling", "ied", "suicide", "grenade", "chemical", "strike"}


def names_them_all(trigger: Span) -> bool:
    """« Ces frappes interviennent alors que ... » after strikes, shelling and an assault: all the events told, not
    how the last one was made."""
    return trigger.start > 0 and trigger.doc[trigger.start - 1].lower_ == "ces"


def means_of_an_assault(draft: Draft, trigger: Span) -> bool:
    """« Ils sont arrivés à bord d'une dizaine de pick-up et ont utilisé des drones armés », after an assault on a
    base: the weapons the attackers used in a ground attack on armed men (``lexicons/means_verbs.txt``)."""
    used = trigger.root.head.lemma_.lower() in word_set("lexicons/means_verbs.txt")
    armed = any(p.sector in {"MIL", "COP"} for p in draft.patients)
    return used and armed and main_kind(draft.kinds, False) == "attack"


def absorb(draft: Draft, reading: Reading) -> None:
    draft.last_index = reading.sentence.index
    detail = hedged_detail(draft, reading.sentence)
    aside = reading.referential and reading.sentence.paragraph - draft.paragraph > 1  # « en reprenant les
    # bombardements », two paragraphs after settlers' attack: what the war is, not how the attack was made
    all_told = reading.referential and names_them_all(reading.trigger)
    means = reading.referential and means_of_an_assault(draft, reading.trigger)  # « ont utilisé des drones armés »
    if main_kind(draft.kinds, False) in {"attack", "explosion", "kill", "strike"} and not (
        detail or aside or all_told or means
    ):
        draft.kinds.extend(k for k in reading.kinds if k in SPECIFIC)
    if reading.referential:
        if reading.family == "protest" and draft.family == "violent" and draft.killed:
            draft.kinds.append("protest")  # "... ont tiré à balles réelles sur des partisans. Les manifestants
            draft.patients.extend(reading.agents)  # réclamaient ...": the dead were protesters
        if named := named_sides(draft, reading):
            draft.agents[:], draft.patients[:] = named[:1], named[1:]
        elif not draft.agents:
            draft.agents.extend(reading.agents)
        elif (claimant := claimant_of(draft, reading)) is not None:
            draft.agents.insert(0, claimant)  # "une attaque jihadiste ... L'attaque a été revendiquée par le JNIM"
        if claims_it(reading) and not draft.patients:  # « ..., affirmant avoir tué plus de 40 soldats »: whom the
            draft.patients.extend(p for p in reading.patients if p.sector in {"MIL", "COP"})  # claimed attack hit
        if draft.location is None or narrows_the_place(draft, reading):
            draft.location = reading.location  # "la chute de Kandahar": the event told before, placed now
        if reading.date is not None and dates_it(draft, reading):
            draft.date = reading.date  # the sentence that dates it goes on telling it
            draft.sentences.append(reading.sentence)
        if draft.family == "protest" and reading.sentence.paragraph == draft.paragraph:
            draft.sentences.append(reading.sentence)  # how the protest went: dispersed, arrests
            draft.patients.extend(reading.agents + reading.patients)
        return
    draft.sentences.append(reading.sentence)
    if intercepted_during(draft, reading):
        return
    fought = main_kind(draft.kinds, False) == "clash"  # « riposté à des tirs d'artillerie »: how the clash was fought
    if not detail:
        draft.kinds.extend(k for k in reading.kinds if not (fought and k in EXPLOSIVE_ORDER))
    if draft.agents_are_sources and reading.agents and not reading.agents_are_sources:
        if reading.patients:  # « ..., a annoncé la police. Les assaillants ont fait irruption ..., tirant sur les
            draft.patients.clear()  # habitants »: who was hit is told now, the announcer was not
        else:
            draft.patients.extend(a for a in draft.agents if a not in draft.patients)  # the announcer was a guess
        draft.agents.clear()
        draft.agents_are_sources = False
    if reading.location is not None and (
        draft.location is None
        or reading.location.geo_precision < draft.location.geo_precision
        or (took_place().search(reading.sentence.text) and narrows_the_place(draft, reading))
    ):
        draft.location = reading.location
    if draft.date is None or (reading.date is not None and dates_it(draft, reading)):
        draft.date = reading.date
    if named := named_sides(draft, reading):
        draft.agents[:], draft.patients[:] = named[:1], named[1:]
        return
    if draft.agents and (claimant := claimant_of(draft, reading)) is not None:
        draft.agents.insert(0, claimant)
    draft.agents.extend(named_before(draft, a) for a in reading.agents)
    sides = {(a.country, a.sector) for a in draft.agents}  # « l'ennemi ayant perdu 180 militaires »: not its own men
    draft.patients.extend(p for p in reading.patients if (p.country, p.sector) not in sides)


def named_sides(draft: Draft, reading: Reading) -> list[Actor]:
    """« ... dans des affrontements entre deux groupes armés », then « Les combats ont opposé la Force de dissuasion
    Radaa ... et la 444e brigade »: the fighting told again with its sides named."""
    named = [a for a in reading.agents + reading.patients if not is_generic(a)]
    clash = main_kind(reading.kinds, False) == "clash"
    unnamed = all(is_generic(a) for a in draft.agents + draft.patients)
    return named if clash and len(named) >= 2 and unnamed else []


def named_before(draft: Draft, actor: Actor) -> Actor:
    """« De violents combats ont opposé le groupe armé AAKG aux FACA » then « les miliciens ont attaqué la base des
    FACA »: the unnamed fighters of a later sentence are the armed group the event already names."""
    if not is_generic(actor) or actor.sector not in {"REB", "UAF"}:
        return actor
    named = {a.name: a for a in draft.agents + draft.patients if a.sector == "REB" and not is_generic(a)}
    return next(iter(named.values())) if len(named) == 1 else actor


def shot_down_during(last: Draft, reading: Reading) -> bool:
    """« l'ennemi israélien a mené une agression aérienne ... visant des points dans les environs de Sayyida Zeinab.
    Les moyens de la défense aérienne ont intercepté les missiles de l'agression »: the air defence told right after
    the strike, with no day nor place of its own, is the strike's."""
    sentence = reading.sentence
    alone = reading.location is None and reading.date is None and not TIME_SHIFT.search(sentence.text)
    counted = any(t.like_num for d in sentence.triggers if d.label_ == "disrupted" for t in d)  # « intercepté 46
    # drones ukrainiens au-dessus de plusieurs régions »: a night's tally of its own
    return alone and not counted and sentence.index - last.last_index <= 2 and intercepted_during(last, reading)


def intercepted_during(draft: Draft, reading: Reading) -> bool:
    """« L'armée de l'air affirme avoir abattu 112 des 148 drones lancés par la Russie », after a strike that
    killed: the air defence is no side of the strike, and the one who fired is told or known otherwise."""
    return "disrupted" in reading.kinds and main_kind(draft.kinds, False) in EXPLOSIVE_ORDER


def claimant_of(draft: Draft, reading: Reading) -> Actor | None:
    """The named group that claims the event, when no named armed group is known to have done it: "une attaque
    jihadiste ... L'attaque a été revendiquée par le JNIM"."""
    claimant = named_claimant(reading)
    if claimant is None or any(a.sector in {"REB", "UAF"} and not is_generic(a) for a in draft.agents):
        return None
    return claimant


def add_sentence_facts(draft: Draft, sentence: Sentence, paragraph_source: str, toll_only: bool = False) -> None:
    """Tolls, sources and hedges of one sentence that tells of this event; a sentence that only gives its toll
    hedges the event only when no toll was told before: « Des dizaines de combattants auraient été tués de part et
    d'autre » after the fighting is all the outlet has of its outcome, « Une dizaine de soldats auraient été tués »
    after « trois soldats ont été tués » doubts only the figure."""
    had_a_toll = bool(draft.killed)
    boast = bool(draft.killed) and any(a.label_ in {"REB", "UAF"} and claims(a) for a in sentence.actors)
    names = [s.kb_id_ for s in sentence.sources]
    other_voice = bool(names) and not set(names) & set(draft.sources + draft.named_sources)
    tolls = respective_share([t for t in sentence.tolls if not is_a_tally(sentence, t)], sentence, draft)
    own = [t for t in tolls if t.label_ == "KILLED" and not placed_at_another(t, sentence, draft)]
    if draft.whole_toll and own and sentence.index > draft.sentences[0].index:
        draft.killed.clear()  # « ... contre Kharkiv, Zaporijjia et Odessa ». « À Kharkiv, ... Quatre personnes ont
        draft.whole_toll = False  # été tuées »: the lead counted all three towns
    if tolls and disputes_the_toll(sentence):
        draft.killed.clear()  # « Le NAS affirme avoir tué douze soldats. L'armée dément ce chiffre et fait état de
        # trois militaires et six rebelles tués »: the figure given against the claim replaces it
    updated: set[str] = set()
    added_here: dict[str, Span] = {}  # the victims a figure of this sentence counted, and that figure
    for span in [] if boast else tolls:  # "le JNIM a affirmé avoir tué plus de 70 militaires": a claim
        # ACLED keeps the more conservative toll already told, not the attackers' boast on top of it
        if placed_at_another(span, sentence, draft) or (draft.clause and span.start not in draft.clause):
            continue
        count_text, victims, update = span.kb_id_.split("|")
        victims = victims or own_losses(span, sentence)
        table = draft.killed if span.label_ == "KILLED" else draft.injured
        if update == EARLIER and any(k not in added_here for k in table):
            continue  # "Un premier bilan faisait état de douze morts": the figure already told replaced it
        if update == RUNNING and span.label_ == "KILLED":
            key = same_dead(table, victims) or (list(table)[-1] if table else victims)
            table[key] = max(table.get(key, 0), int(count_text))  # « Deux soldats ont été tués ... un troisième
            continue  # militaire a succombé »: three soldiers
        if (update == RESTATED or victims == "corps") and int(count_text) in table.values():
            continue  # « Deux civils ont été tués ... les deux hommes ont été abattus », « ... 23 villageois ...
            # Nous avons enterré 23 corps »: the same dead
        if victims == "blessés" and span.label_ == "KILLED" and draft.killed:
            continue  # "Le bilan s'est alourdi après le décès de trois blessés": how the toll told grew
        if update == "1":  # « Le bilan s'élève à quatre soldats et six rebelles tués » is ten; « l'état-major a revu
            fresh = span.label_ not in updated  # ce bilan à la hausse : neuf soldats » leaves the « dizaine de
            for stale in [k for k in table if counts_the_same(k, victims) and (fresh or k not in added_here)]:
                del table[stale]  # terroristes »; « cinq militaires et quatorze assaillants » replaces both sides
            updated.add(span.label_)
        told_before = [n for k, n in table.items() if not (k in added_here and listed_after(added_here[k], span))]
        again = int(count_text) in told_before and (int(count_text) == 1 or boasts_of(span)) and victims != ONE_MORE
        if other_voice and update == "0" and again:
            continue  # « une frappe a tué deux hommes ... L'armée affirme avoir éliminé deux terroristes »: the same
        if other_voice and 0 in table.values() and counts_against(sentence) and boasts_of(span):
            continue  # « 40 terroristes tués, sans aucune perte dans les rangs de l'armée ... Al-Shabaab affirme pour
            # sa part avoir tué 15 soldats »: a boast against « no losses », ACLED keeps the lower
        told = same_dead(table, victims)
        if told in added_here and listed_after(added_here[told], span):
            told = None  # « tuant trois membres de gangs, mais aussi une marchande et un enfant »: a list
        if update == "0" and told is not None and told != victims and table[told] == int(count_text):
            continue  # « sept soldats ont été tués ... son porte-parole a reconnu que sept militaires avaient perdu
            # la vie »: the same dead, told again under another name
        if update == "0" and told is not None and told in draft.first_counts:
            table[told] = int(count_text)  # « avaient d'abord fait état d'au moins 27 morts. Mercredi, le
            draft.first_counts.discard(told)  # commissaire a indiqué qu'au moins 35 personnes avaient été tuées »
            continue
        if other_voice and update == "0" and told is not None and min(table[told], int(count_text)) > 1:
            table[told] = min(table[told], int(count_text))  # « 14 morts selon le gouverneur ... 21 selon un
            if span.label_ == "KILLED":  # député »: another source's count of the same dead; ACLED keeps the lower
                tell_account(draft, side_telling(span, sentence), victims, int(count_text))
            continue
        counter = other_voice and update == "0" and victims in total_words() and counts_against(sentence)
        if counter and is_a_recount(table, int(count_text)):
            keep_the_lower(table, int(count_text))  # « sept civils ont été tués, selon le gouvernement. Des
            continue  # habitants évoquent une dizaine de morts »: all the dead told again, not more of them
        table[victims] = max(table.get(victims, 0), int(count_text))
        added_here[victims] = span
        if update == EARLIER and span.label_ == "KILLED":
            draft.first_counts.add(victims)
        if span.label_ == "KILLED":
            tell_account(draft, side_telling(span, sentence), victims, int(count_text))
    draft.named_sources.extend(n for n in names if n not in draft.named_sources)
    if not names and paragraph_source and not draft.sources:
        names = [paragraph_source]
    draft.sources.extend(n for n in names if n not in draft.sources)
    draft.witnessed.extend(s.kb_id_ for s in sentence.sources if witnessed(s))
    doubted = bool(sentence.hedges) and (not toll_only or not had_a_toll) and not hedged_detail(draft, sentence)
    draft.hedged = draft.hedged or doubted


LIST_GAP = re.compile(r"\s*(?:,|et)\s*(?:(?:à|au|aux|en|sur|de|du|des|d')\s*)?", re.I)


def respective_share(tolls: list[Span], sentence: Sentence, draft: Draft) -> list[Span]:
    """« à Kherson et à Nikopol ... ont tué respectivement deux et un civils »: each place of a list has its own
    figure of the dead, in the same order."""
    if draft.location is None or not RESPECTIVELY.search(sentence.text):
        return tolls
    killed = [t for t in tolls if t.label_ == "KILLED"]
    for places in place_lists(sentence):
        ids = [p.kb_id_ for p in places]
        if len(ids) == len(killed) >= 2 and draft.location.place_id in ids:
            mine = killed[ids.index(draft.location.place_id)]
            return [t for t in tolls if t.label_ != "KILLED" or t is mine]
    return tolls


def place_lists(sentence: Sentence) -> list[list[Span]]:
    """The runs of places a sentence lists (« à Delmas et à Solino », « d'Ouallam et d'Abala »)."""
    text, runs = doc_text(sentence.span.doc), list[list[Span]]()
    for place in sorted(sentence.places, key=lambda p: p.start):
        if runs and LIST_GAP.fullmatch(text[runs[-1][-1].end_char : place.start_char]):
            runs[-1].append(place)
        else:
            runs.append([place])
    return [run for run in runs if len(run) >= 2]


def listed_after(first: Span, toll: Span) -> bool:
    """« trois membres de gangs, mais aussi une marchande »: the second figure of one list, not the same dead again
    (« 32 morts, tandis que le groupe ... avance le chiffre de 45 tués »)."""
    return (
        first.end <= toll.start and LISTED.fullmatch(doc_text(toll.doc)[first.end_char : toll.start_char]) is not None
    )


def own_losses(toll: Span, sentence: Sentence) -> str:
    """« Nos vaillantes FDS déplorent six morts »: a force that mourns dead with no noun of their own mourns its own
    men (``lexicons/loss_verbs.txt``); "" otherwise."""
    verb = toll.root.head
    if verb.lemma_.lower() not in word_set("lexicons/loss_verbs.txt") or toll.root.dep_ != "obj":
        return ""
    subject = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    forces = [a for a in sentence.actors if a.label_ in SIDES and any(a.start <= i < a.end for i in subject)]
    return ("soldats" if SIDES[forces[0].label_] == "state" else "combattants") if forces else ""


def tell_account(draft: Draft, side: str, victims: str, count: int) -> None:
    """What one side (``side_telling``) says of the dead."""
    account = draft.accounts.setdefault(side, {})
    account[victims] = max(account.get(victims, 0), count)


def placed_at_another(toll: Span, sentence: Sentence, draft: Draft) -> bool:
    """« des frappes aériennes sur Fangak, Ayod et Ulang, tuant au moins neuf civils à Ayod »: a toll placed at one of
    the places the sentence listed is that place's, not the others'."""
    after = [p.kb_id_ for p in sentence.places if toll.end <= p.start <= toll.end + 2]
    after += [p.kb_id_ for p in sentence.places if p.end <= toll.start <= p.end + 2 and opens_its_clause(p, sentence)]
    if draft.location is None or not after:
        return False
    listed = {p.kb_id_ for p in sentence.places if p.start < toll.start}
    here = draft.location.place_id
    return after[0] in listed and here in listed and after[0] != here


def opens_its_clause(place: Span, sentence: Sentence) -> bool:
    """« ... ; à Nikopol, un retraité a été tué »: a place that opens the sentence or a clause after « ; » places
    what follows it."""
    doc, start = place.doc, sentence.span.start
    if place.start - 1 < start or doc[place.start - 1].lower_ not in {"à", "au", "aux", "en"}:
        return False
    return place.start - 1 == start or doc[place.start - 2].text in {";", ":"}


SIDES = {"MIL": "state", "COP": "state", "REB": "armed", "UAF": "armed"}


def side_telling(toll: Span, sentence: Sentence) -> str:
    """Which side of a fight gives this toll: the subject of an incise after it (« ..., tuant cinq soldats, ont
    indiqué deux sources militaires »), else the nearest voice before it in its sentence (a source, or an actor that
    claims), else the first one after it; "" for a voice of neither side (residents, a hospital, the outlet)."""
    voices = sorted([*sentence.sources, *(a for a in sentence.actors if claims(a))], key=lambda v: v.start)
    voices = [v for v in voices if not any(o.start <= v.start and v.end <= o.end and o != v for o in voices)]
    before = [v for v in voices if v.end <= toll.start]  # « Le porte-parole du SPLA-IO, Lam Paul Gabriel »: the
    after = [v for v in voices if v.start >= toll.end]  # whole title, not the name inside it
    incise = [v for v in after if toll.end <= v.root.head.i < v.start]
    voice = next(iter(incise), before[-1] if before else next(iter(after), None))
    if voice is None:
        return side_named_first(sentence)
    sides = {SIDES.get(a.label_, "") for a in sentence.actors if voice.start <= a.start and a.end <= voice.end}
    return sides.pop() if len(sides) == 1 else ""


def side_named_first(sentence: Sentence) -> str:
    """« Du côté de l'armée, on reconnaît la mort de cinq militaires »: the side a sentence opens by
    (``lexicons/side_phrases.txt``) tells its tolls."""
    opening = word_pattern("lexicons/side_phrases.txt").match(sentence.text)
    if opening is None:
        return ""
    start = sentence.span.start_char + opening.end()
    first = next((a for a in sentence.actors if a.start_char >= start), None)
    return SIDES.get(first.label_, "") if first is not None and first.start_char - start <= 4 else ""


def counts_against(sentence: Sentence) -> bool:
    """« ... évoquent pour leur part une dizaine de morts »: a count of its own
    (``lexicons/counter_count_phrases.txt``)."""
    text = sentence.text
    own = word_pattern("lexicons/own_count_phrases.txt").search(text)  # « avancent un bilan de dix-huit morts »
    return own is not None or word_pattern("lexicons/counter_count_phrases.txt").search(text) is not None


def is_a_recount(table: dict[str, int], count: int) -> bool:
    """Whether a total told by another voice can count the dead already told again (more than one on each side)."""
    return sum(table.values()) > 1 and count > 1


def keep_the_lower(table: dict[str, int], count: int) -> None:
    """ACLED keeps the lower of two counts of the same dead."""
    if count < sum(table.values()):
        table.clear()
        table[""] = count


def disputes_the_toll(sentence: Sentence) -> bool:
    """« dément ce chiffre », « conteste ce bilan » (``lexicons/toll_denials.txt``): the figure told before denied."""
    return word_pattern("lexicons/toll_denials.txt").search(sentence.text) is not None


def boasts_of(toll: Span) -> bool:
    """The killers' own count: « avoir éliminé deux terroristes »."""
    before = toll.doc[max(toll.sent.start, toll.start - 4) : toll.start]
    return any(t.lower_ == "avoir" for t in before)


def hedged_detail(draft: Draft, sentence: Sentence) -> bool:
    """A rumour told after the event, « Les assaillants auraient également enlevé quatre enfants »: neither
    doubts the event the outlet told nor changes its type."""
    if not sentence.hedges or not draft.sentences or sentence.index == draft.sentences[0].index:
        return False
    return word_pattern("lexicons/addition_words.txt").search(sentence.text) is not None


def dated_apart(draft: Draft, sentence: Sentence, published: date | None) -> bool:
    """A toll dated a month or more away from the event (undated: from the publication): another event's (« Ce
    mouvement rappelle celui de juin 2024, lorsque la répression avait fait des dizaines de morts »)."""
    told = event_date(sentence)
    when = told.value if told is not None else month_told(sentence.text)
    then = draft.date.value if draft.date is not None and draft.date.value is not None else published
    if when is None or then is None:
        return False
    return abs((when - then).days) > APART_DAYS


APART_DAYS = 31
MONTH_AND_YEAR = re.compile(rf"\b({'|'.join(MONTHS)}) (\d{{4}})\b", re.I)


def month_told(text: str) -> date | None:
    """The first day of a month named with its year (« celui de juin 2024 »)."""
    found = MONTH_AND_YEAR.search(text)
    return date(int(found.group(2)), month_number(found.group(1)), 1) if found else None


def same_dead(table: dict[str, int], victims: str) -> str | None:
    """The key under which a count of the same dead was already told: the same noun, or any total
    ("quatorze personnes" and "21 morts")."""
    if victims in table:
        return victims
    if victims in total_words():
        return next((k for k in table if k in total_words()), None)
    kin = next((group for group in same_dead_groups() if victims in group), frozenset())
    return next((k for k in table if k in kin), None)


def counts_the_same(told: str, victims: str) -> bool:
    """Whether a figure for ``victims`` counts the dead told under ``told``: the same noun, a noun of its group, or a
    total on either side."""
    if told == victims or told in total_words() or victims in total_words():
        return True
    return any(told in group and victims in group for group in same_dead_groups())


@cache
def same_dead_groups() -> list[frozenset[str]]:
    """Nouns that count the same dead (``lexicons/same_dead_nouns.txt``): « militaires » and « soldats »."""
    return [frozenset(line.split()) for line in read_lines("lexicons/same_dead_nouns.txt")]


def witnessed(source: Span) -> bool:
    """ "a constaté un journaliste de l'AFP", « un de nos correspondants »: the outlet's own reporter saw it; the
    outlet asserts it."""
    verb, noun = source.root.head, source.root
    if noun.lower_ in {"un", "une"}:
        noun = next((c for c in noun.children if c.dep_ == "nmod"), noun)
    nouns = word_set("lexicons/witness_nouns.txt")  # « notre correspondant », read as a participle, by its form
    return verb.lemma_.lower() == "constater" and (noun.lemma_.lower() in nouns or noun.lower_ in nouns)


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
        clause=reading.clause,
    )
    inherits = bool(drafts) and (reading.pronoun_subject or split_from(drafts[-1], reading))
    if not reading.agents and inherits and drafts[-1].agents:
        draft.agents.insert(0, drafts[-1].agents[0])
    return draft


def split_from(sibling: Draft, reading: Reading) -> bool:
    """The other place of a sentence that names two, the first told with who did it in the sentence before: « La
    police a lancé une vague d'arrestations. Vingt personnes ont été arrêtées à Hébron et à Naplouse »."""
    return sibling.last_index == reading.sentence.index and sibling.family == reading.family


def same_scene(text: str) -> bool:
    """« Le même jour » (``lexicons/same_day_phrases.txt``), « Dans leur fuite, les survivants ... »
    (``lexicons/same_scene_phrases.txt``): the day of the event told last."""
    return bool(same_day().search(text) or word_pattern("lexicons/same_scene_phrases.txt").search(text))


SINCE = re.compile(r"\bdepuis\b", re.I)


def place_of_the_unplaced(ctx: ArticleContext, draft: Draft, sentence: Sentence) -> Location | None:
    """The one place the next sentence of the paragraph names, with no day of its own, for an event told with its day
    and no place."""
    if draft.location is not None or draft.date is None or draft.date.value is None or draft.date.period:
        return None
    if sentence.dates or SINCE.search(draft.sentences[0].text):
        return None  # not a tally « depuis le 15 avril »
    if not next_in_paragraph(draft, sentence):
        return None
    if sentence.index != draft.last_index + 1 or draft.family != "violent":
        return None
    return finest_place(ctx, sentence)


def follows_on(draft: Draft, sentence: Sentence) -> bool:
    """The next sentence of the same paragraph, with no place or date of its own, goes on telling the event."""
    if not next_in_paragraph(draft, sentence):
        return False
    own_places = [p for p in sentence.places if p.label_ != "country" and not heads_for(p)]
    if own_places or sentence.unplaced or sentence.dates:
        return False
    habit = bool(sentence.triggers) and tells_a_habit(sentence.text)  # « La ville ... est régulièrement visée
    return not TIME_SHIFT.search(sentence.text) and not habit  # par des frappes aériennes »: not more of the event


def heads_for(place: Span) -> bool:
    """Where someone went after the event, not where it happened: « évacué vers Natitingou »."""
    return place.start > 0 and place.doc[place.start - 1].lower_ == "vers"


def speaks_of_the_last(ctx: ArticleContext, draft: Draft, sentence: Sentence) -> bool:
    """A sentence telling no event, right after the event just told and naming no other place or day, quotes a
    source on it: « Ils sont arrivés à moto », a raconté à l'AFP un habitant. The source is one of the event's."""
    if not sentence.sources or sentence.boilerplate or is_background(ctx, sentence):
        return False
    if sentence.dates and not (draft.family == "violent" and UPDATE.search(sentence.text)):
        return False  # « Il a été revu à la hausse mercredi, a indiqué l'administrateur »: the day of the telling
    if not 0 < sentence.index - draft.last_index <= 2:
        return False
    own = [p for p in sentence.own_places() if not heads_for(p) and not is_metonym(p)]  # « Kigali a démenti »
    return not own and not sentence.unplaced and not sentence.happens_elsewhere()


def next_in_paragraph(draft: Draft, sentence: Sentence) -> bool:
    return sentence.index - draft.last_index == 1 and sentence.paragraph == draft.paragraph and not sentence.boilerplate


def draft_of_its_town(ctx: ArticleContext, sentence: Sentence, drafts: list[Draft]) -> Draft | None:
    """The event a sentence telling none speaks of through its town: « La prise de Bunagana a été confirmée par
    l'armée congolaise » names the army among the sources of the capture of Bunagana told before."""
    if not sentence.sources or not drafts or sentence.boilerplate or is_background(ctx, sentence):
        return None
    town = sole_place(ctx, sentence)
    if town is None:
        return None
    recent = [d for d in reversed(drafts) if sentence.index - d.last_index <= LOOKBACK]
    there = [d for d in recent if d.location is not None and d.location.place_id == town.place_id]
    named = {event_nouns()[w] for w in re.findall(r"\w+", sentence.text.lower()) if w in event_nouns()}
    return next((d for d in there if named & set(d.kinds)), there[0] if there else None)


@cache
def event_nouns() -> dict[str, str]:
    """Nouns that name an event already told, with the kind they name (``lexicons/event_nouns.tsv``)."""
    return {row["noun"]: row["kind"] for row in read_tsv("lexicons/event_nouns.tsv")}


THIS = re.compile(r"\b(?:cet|cette|ces)\s+(\w+)", re.I)


def refers_back(draft: Draft, sentence: Sentence) -> bool:
    """The next sentence of the paragraph names the event just told, « La police enquête sur cet incident, qui s'est
    produit mardi soir dans le parc »: it goes on telling it, whatever place or day it adds."""
    if not next_in_paragraph(draft, sentence):
        return False
    return any(m.group(1).lower() in event_nouns() for m in THIS.finditer(sentence.text))


def draft_events(ctx: ArticleContext) -> list[Draft]:
    drafts: list[Draft] = []
    paragraph = -1
    carried: DateReading | None = None
    told_last: DateReading | None = None  # across paragraphs: "La veille au soir", a paragraph after "dimanche"
    source, source_index, source_told_news = "", -1, False
    scene: tuple[int, Location, bool] | None = None  # the town a sentence telling no event just named, dated or not
    relayed = relayed_statement(ctx)  # "selon un communiqué de l'état-major": it speaks for the whole article
    for sentence in ctx.sentences:
        if sentence.paragraph != paragraph:
            paragraph, carried, source, scene = sentence.paragraph, None, relayed, None
        if sentence.index - source_index > SOURCE_REACH and not source_told_news:
            source = relayed  # a source quoted on something else speaks for the next sentences, not a whole article
        if opens_on_a_country(sentence):
            source = relayed  # "Au Burkina Faso, des hommes armés ont enlevé ...": the source before spoke of Mali
        reading = make_reading(ctx, sentence)
        told = reading is not None  # the sentence tells of an event, new or already drafted
        continued = False
        if (reading is None or reading.referential) and drafts and sentence.index - drafts[-1].last_index <= 2:
            name_the_group_blamed(ctx, sentence, drafts[-1])  # « L'attaque n'a pas été revendiquée, mais ... »
        if drafts and sentence.index - drafts[-1].last_index <= 1 and said_unclaimed(sentence):
            drafts[-1].unclaimed = True
        if reading is not None and reading.date is not None:
            reading.date = reading.date.after(carried or told_last)  # "Le lendemain, un engin explosif ..."
        elif reading is not None and told_last is not None and same_scene(sentence.text):
            reading.date = told_last  # « Le même jour, des unités mixtes ont repoussé ... », a paragraph on
        if reading is not None and reading.location is None:
            reading.location = the_capital(ctx, sentence)  # "Dans la capitale, plusieurs obus sont tombés"
        if reading is not None and reading.location is None and "coup" in reading.kinds:
            reading.location = seat_of_power(ctx, sentence)
        if reading is not None and reading.location is not None and in_this_town(reading):
            reading.location = town_just_named(ctx, sentence) or reading.location  # Mota, named just before
        if reading is not None and reading.location is None and drafts and SAME_AREA.search(sentence.text):
            reading.location = drafts[-1].location  # « un drone a frappé un campement dans la même zone »
        elif reading is not None and reading.location is None and PLACE_ANAPHORA.search(sentence.text):
            town = town_just_named(ctx, sentence)  # "Dilling vit sous un quasi-blocus. Des obus ont touché un
            reading.location = town or (drafts[-1].location if drafts else None)  # quartier de la ville"
        elif reading is not None and reading.location is None and possessive_place().search(sentence.text):
            reading.location = place_just_named(ctx, sentence)  # « le long de ses frontières »
        elif reading is not None and drafts and leads_back(reading, drafts[-1]):
            reading.location = drafts[-1].location  # "Cette affirmation fait suite à de violents combats lundi"
        elif reading is not None and drafts and district_of_the_city(ctx, sentence, reading, drafts[-1]):
            reading.location = drafts[-1].location  # « six drones ont frappé le district de Kyivskyi »: Kharkiv's
        elif reading is not None and reading.location is None and (ended := fighting_it_ends(reading, drafts)):
            reading.location = ended
        elif reading is not None and drafts and follows_at_the_scene(reading, drafts[-1]):
            reading.location = drafts[-1].location  # « Des Casques bleus ont ensuite échangé des tirs avec les
            # miliciens »: where the attack just told happened
        if reading is not None and reading.location is None and not reading.referential:
            reading.location = scene_town(sentence, scene)  # "La colère a éclaté mardi à Tombouctou. Une foule a
        scene = next_scene(ctx, sentence, reading, scene)  # saccagé le commissariat": the town just named
        if reading is not None and (counted_over_time(reading, sentence) or at_an_untold_place(sentence)):
            reading = None  # « plus de 600 Palestiniens ont été tués depuis la trêve »: a tally, no event's toll
        named_toll = reading is not None and toll_of_the_event_named(reading)
        raised = raises_the_toll_of(reading, drafts, named_toll) if reading is not None else None
        if raised is not None and reading is not None:
            learn_who_from(raised, reading)
            add_sentence_facts(raised, sentence, source, toll_only=True)  # « l'attaque du marché de Bankilaré a
            reading, told = None, True  # coûté la vie à vingt-deux civils », in the final toll two paragraphs on
        elif reading is not None and set(reading.kinds) <= TOLL_KINDS and (at := told_there(reading, drafts)):
            add_sentence_facts(at, sentence, source, toll_only=True)  # « ... à Cité Soleil et à Croix-des-Bouquets.
            at.last_index = sentence.index  # À Cité Soleil, six membres de gangs ont été tués »: the first town's dead
            reading, told = None, True
        elif reading is not None and (set(reading.kinds) <= TOLL_KINDS or named_toll):
            near = drafts and sentence.index - drafts[-1].last_index <= 2
            told_in = next((s.paragraph for s in ctx.sentences if drafts and s.index == drafts[-1].last_index), -1)
            near = near and (told_in == sentence.paragraph or counts_on_after_a_break(drafts[-1], reading))
            near = (near and toll_of(drafts[-1], reading)) or (drafts and updates_the_toll(drafts[-1], sentence))
            near = near or (bool(drafts) and told_earlier(sentence))  # "Le bilan initial faisait état de neuf morts"
            near = near and not dated_apart(drafts[-1], sentence, ctx.published)  # « celui de juin 2024 »
            if near and reading is not None and (named_toll or claims_it(reading)):
                learn_who_from(drafts[-1], reading)  # « Le JNIM a revendiqué l'opération, affirmant avoir tué ... »
            elif near and reading is not None:
                learn_whom_from_the_toll(drafts[-1], reading)
            if near and reading is not None and drafts[-1].location is None:
                drafts[-1].location = reading.location  # « les vecteurs aériens ont pris en chasse les fuyards. Des
                # dizaines d'assaillants ... au nord de Gorom-Gorom ont été neutralisés »: placed by its toll
            reading = None if near else reading  # "Douze soldats ont été tués.": the toll of the event just told
            if reading is None:
                add_sentence_facts(drafts[-1], sentence, source, toll_only=True)
                drafts[-1].last_index = sentence.index
        elif (
            reading is None
            and sentence.tolls
            and not sentence.headline  # « Sept civils tués dans la région des Savanes »: the next section's
            and not tells_its_own_event(sentence)
            and drafts
            and sentence.index - drafts[-1].last_index <= 2
            and not is_background(ctx, sentence)
            and not rounds_up(sentence)  # « 56 terroristes ont été neutralisés au cours de la semaine écoulée »
            and not counts_a_war(ctx, drafts[-1], sentence)
            and not sentence.happens_elsewhere()
            and not at_an_untold_place(sentence)
            and not dated_apart(drafts[-1], sentence, ctx.published)
            and not word_pattern("lexicons/verdict_phrases.txt").search(sentence.text)  # « a condamné à mort ... au
        ):  # massacre de Speicher, au cours duquel 1 700 recrues avaient été exécutées »: not the last event's dead
            add_sentence_facts(drafts[-1], sentence, source, toll_only=True)
            drafts[-1].last_index = sentence.index  # the next sentence may go on telling it
            if drafts[-1].location is None:  # "Des hommes armés ont attaqué un car. Dix passagers ont été tués
                drafts[-1].location = sole_place(ctx, sentence)  # près de Mopti": the toll's sentence places it
            told = True
        elif reading is None and drafts and (here := place_of_the_unplaced(ctx, drafts[-1], sentence)) is not None:
            told = continued = True  # « c'est une frappe de drone qui a endeuillé le delta. Selon des sources locales,
            drafts[-1].location = here  # un appareil de l'armée a visé un rassemblement près de Diafarabé »
            drafts[-1].sentences.append(sentence)
            drafts[-1].last_index = sentence.index
            drafts[-1].later_sources.extend(s.kb_id_ for s in sentence.sources)
        elif reading is None and drafts and (follows_on(drafts[-1], sentence) or refers_back(drafts[-1], sentence)):
            told = continued = True  # its source spoke of the event just told, not of the next one
            drafts[-1].sentences.append(sentence)
            drafts[-1].last_index = sentence.index
            drafts[-1].later_sources.extend(s.kb_id_ for s in sentence.sources)  # "Selon le procureur, ..."
            drafts[-1].date = drafts[-1].date or own_date(sentence)  # « cet incident, survenu mardi soir »
        elif reading is None and (spoken_of := draft_of_its_town(ctx, sentence, drafts)) is not None:
            told = True
            spoken_of.later_sources.extend(s.kb_id_ for s in sentence.sources)
        elif reading is None and drafts and speaks_of_the_last(ctx, drafts[-1], sentence):
            drafts[-1].later_sources.extend(s.kb_id_ for s in sentence.sources)
        first: Draft | None = None
        for i, each in enumerate(split_by_place(ctx, reading)):
            before = len(drafts)
            place_reading(each, drafts, carried, source, source if source_told_news else relayed, apart=first)
            if i > 0 and len(drafts) > before:
                drafts[-1].split_off = True
                if first is not None and not RESPECTIVELY.search(sentence.text):  # « respectivement deux et un »
                    first.whole_toll = True
            first = first or (drafts[-1] if len(drafts) > before else None)  # « à Jénine et à Naplouse »: two
        of_the_last = reading is not None and reading.referential and possessed(reading.trigger)
        dated = None if of_the_last else own_date(sentence)  # « avec leurs otages, ... jeudi soir »: no day to carry
        if reading is None and dated is not None and dated_by_its_statement(sentence):
            dated = event_date(sentence)  # « Un premier bilan communiqué lundi par le gouverneur »: no event's day
        if dated is not None and (reading is not None or (dated.precision < 3 and not sentence.updates_a_toll())):
            carried = dated.after(carried or told_last)  # not "fin novembre" in a sentence that tells no event
            told_last = carried
        if sentence.sources:  # what a reporter of the outlet saw is not a source for the next sentences
            source = speaker_of(sentence)
            source_index, source_told_news = sentence.index, told and not continued
    return sorted(
        (d for d in drafts if not summed_up_before(d, drafts)), key=lambda d: (d.sentences[0].index, d.split_off)
    )


def speaker_of(sentence: Sentence) -> str:
    """Who speaks for the next sentences: the last source, not the medium spoken to when someone was named (« a
    indiqué à Radio Okapi l'administrateur du territoire »), nor what the outlet's reporter saw."""
    told = [s for s in sentence.sources if not witnessed(s)]
    speakers = [s for s in told if not spoken_to(s)] or told
    return speakers[-1].kb_id_ if speakers else ""


def summed_up_before(draft: Draft, drafts: list[Draft]) -> bool:
    """A lede that sums up an event with no place, told again with its place just after: « L'EI a revendiqué une
    attaque ayant tué cinq combattants des FDS dans l'est de la Syrie. Dimanche soir, des hommes armés ont attaqué
    un barrage des FDS à Dhiban, tuant cinq combattants »: one attack, the placed one."""
    if draft.location is not None or not draft.killed or draft.sentences[0].index >= LEDE_SENTENCES:
        return False
    return any(
        later.location is not None
        and later.family == draft.family
        and any(later.killed.get(victims) == count for victims, count in draft.killed.items())
        and 0 < later.sentences[0].index - draft.last_index <= 2
        for later in drafts
    )


def toll_of_the_event_named(reading: Reading) -> bool:
    """A toll told of "l'attaque" the sentence only names, « Les autorités, qui attribuent l'attaque aux FSR, ont
    fait état de douze morts »: the toll of the event just told, not « tués dans l'attaque d'un marché », where the
    noun says how they died, nor a claim of it (« Le JNIM a revendiqué l'attaque, affirmant avoir tué six
    militaires »)."""
    sentence = reading.sentence
    if claims_it(reading):
        return False
    referential = [t for t in sentence.triggers if is_referential(t)]
    fresh = [t for t in sentence.triggers if t not in referential]
    if not referential or not fresh or any(t.label_ not in TOLL_KINDS for t in fresh):
        return False
    return not any(c.dep_ == "case" for t in referential for c in t.root.children) or all(
        the_one_told(t) for t in referential
    )


THE_ONE_TOLD = frozenset({"l'", "l’", "la", "le", "les", "cette", "cet", "ce", "ces"})


def the_one_told(trigger: Span) -> bool:
    """« Deux soldats sont tombés lors de l'attaque », « lors du même bombardement »: the event noun they died during,
    with a definite article or « même » and no complement of its own, is the event just told, not how they died («
    dans l'attaque d'un marché ») nor a toll of an event told earlier (« le bilan de l'attaque s'est alourdi »)."""
    children = list(trigger.root.children)
    same = [c for c in children if c.lower_ == "même"]  # « lors du même bombardement »
    definite = bool(same) or any(c.dep_ == "det" and c.lower_ in THE_ONE_TOLD for c in children)
    during = DURING.search(trigger.doc[max(trigger.sent.start, trigger.start - 4) : trigger.start].text)
    return (
        during is not None
        and definite
        and not any(c.dep_ in {"nmod", "amod", "acl"} and c not in same for c in children)
    )


DURING = re.compile(r"\b(?:lors|pendant|durant|au cours)\s+(?:de|du|des|d')?", re.I)  # they died during it


def said_unclaimed(sentence: Sentence) -> bool:
    """« L'attaque n'a pas été revendiquée », « ... que personne n'a revendiquée »: a claim verb negated."""
    verbs = claim_verbs_in(sentence)
    return bool(verbs) and all(negated(t) or no_one_claims(t) for t in verbs)


def no_one_claims(verb: Token) -> bool:
    return any(c.dep_.startswith("nsubj") and c.lower_ in word_set("lexicons/no_one_words.txt") for c in verb.children)


def name_the_group_blamed(ctx: ArticleContext, sentence: Sentence, draft: Draft) -> None:
    """« L'attaque n'a pas été revendiquée, mais les autorités l'attribuent à Boko Haram »: the group named as the
    one the event is laid on did it, when the sentences that told it named none; so does the group a sentence
    names the attackers as (« Les ravisseurs seraient des éléments de l'UPC »)."""
    if any(not is_generic(a) for a in draft.agents) or draft.family != "violent":
        return
    named_as = opens_on_the_attackers(sentence)
    for span in sentence.actors:
        blamed = attributed_to(span) or (named_as and said_to_be(span))
        if span.kb_id_.startswith("named:") and span.label_ in {"REB", "UAF"} and blamed:
            actor = to_actor(span, ctx.focus)
            if actor is not None:
                draft.agents.insert(0, actor)
                draft.patients[:] = [p for p in draft.patients if not (is_generic(p) and p.sector == actor.sector)]
            return


def said_to_be(span: Span) -> bool:
    """Named in what the subject is said to be (« seraient des éléments de l'UPC », « appartiendraient à »), not as
    whom it hit (« Les assaillants ont attaqué une position des Wazalendo »)."""
    chain = [span.root, *span.root.ancestors]
    return any(t.lemma_ == "appartenir" or any(c.dep_ == "cop" for c in t.children) for t in chain)


def learn_who_from(draft: Draft, reading: Reading) -> None:
    """Who did it and who was hit, when the event told had neither: « Les autorités, qui attribuent l'attaque aux
    FSR, ... », « ces frappes ont fait cinq morts parmi les combattants »."""
    if not draft.agents:
        draft.agents.extend(a for a in reading.agents if not is_generic(a))
    if not draft.patients:
        draft.patients.extend(reading.patients)


def name_the_attackers(draft: Draft, reading: Reading) -> None:
    """« ... lors d'une incursion des gangs à Kenscoff. Les assaillants, identifiés comme des membres du gang Kraze
    Baryè, ont incendié des maisons »: the group named next is who the unnamed attackers were."""
    named = [a for a in reading.agents if a.sector in {"REB", "UAF"} and not is_generic(a)]
    unnamed = bool(draft.agents) and all(a.sector in {"REB", "UAF"} and is_generic(a) for a in draft.agents)
    if named and unnamed:
        draft.agents[:] = named


def learn_whom_from_the_toll(draft: Draft, reading: Reading) -> None:
    """The armed group hit, when the event told named no one on that side: « L'armée a repris plusieurs villages ...
    Treize combattants shebab ont été tués lors de l'opération ». Not the soldiers or guards a toll counts (« L'un de
    ses gardes du corps a également été tué »): whose they are is the event's to tell; nor the armed men a side says
    it killed where civilians were counted dead (« neuf civils ... ont été tués. L'armée assure avoir « neutralisé un
    groupe de terroristes » »)."""
    sides = {(a.country, a.sector) for a in draft.agents}
    unarmed = victim_nouns("unarmed") - total_words()  # « neuf civils », not « un homme » or « cinq personnes »
    civilians_dead = any(count for victims, count in draft.killed.items() if victims in unarmed)
    if not sides or draft.patients or len(sides) > 1 or civilians_dead:
        return  # « des combats entre les forces gouvernementales et les Houthis »: both sides told already; with
        # no one told acting, the armed dead may be the attackers (« Six personnes, dont la kamikaze, ont été tuées »)
    tellers = [source.text for source in reading.sentence.sources]  # « selon un chef de milice d'autodéfense »
    armed = [p for p in reading.patients if p.sector in {"REB", "UAF"} and not any(p.text in t for t in tellers)]
    draft.patients.extend(p for p in armed if (p.country, p.sector) not in sides)


@cache
def publishes_a_statement() -> re.Pattern[str]:
    """« a rendu public hier soir le bulletin hebdomadaire des opérations »: a statement published, which the
    article then relays (``lexicons/publishing_verbs.txt``, ``lexicons/statement_nouns.txt``)."""
    verbs = word_alternation(sorted(word_set("lexicons/publishing_verbs.txt")))
    nouns = word_alternation(sorted(word_set("lexicons/statement_nouns.txt")))
    return re.compile(rf"\b(?:{verbs})\b[^.;]{{0,30}}\b(?:le|son|un) (?:{nouns})\b", re.I)


def relayed_statement(ctx: ArticleContext) -> str:
    """The source of an official statement the article relays, named in its first paragraph: "selon le bulletin
    hebdomadaire des opérations du ministère de la Défense", or any source of the lede under a title « Communiqué
    du gouvernement ... »; empty when the article relays none."""
    statement = word_pattern("lexicons/statement_nouns.txt")
    titled = any(s.headline and statement.match(s.text.strip()) for s in ctx.sentences[:2])
    lede = [s for s in ctx.sentences if not s.headline and not s.boilerplate][:1]
    for sentence in [s for s in ctx.sentences if lede and s.paragraph == lede[0].paragraph]:
        for span in sentence.sources:
            published = span.root.dep_ == "nsubj" and publishes_a_statement().search(sentence.text) is not None
            if not witnessed(span) and (titled or published or statement.match(span.kb_id_)):
                return span.kb_id_  # « Le ministère de la Défense a rendu public hier soir le bulletin hebdomadaire »
    return ""


def scene_town(sentence: Sentence, scene: tuple[int, Location, bool] | None) -> Location | None:
    """The town the scene was set in; one named with no day sets it for the next sentence only, when that sentence
    gives its own day."""
    if scene is None or sentence.index - scene[0] > 2 or sentence.happens_elsewhere():
        return None
    dated = scene[2] or (sentence.index - scene[0] == 1 and event_date(sentence) is not None)
    return scene[1] if dated else None


def next_scene(
    ctx: ArticleContext, sentence: Sentence, reading: Reading | None, scene: tuple[int, Location, bool] | None
) -> tuple[int, Location, bool] | None:
    """A sentence that tells no event but names one town sets the scene for the next ones of its paragraph (with no
    day, « La colère a gagné Butembo. Mardi, des centaines de jeunes ont érigé des barricades », the next only)."""
    if reading is not None:
        return None if reading.location is not None else scene
    opening = opening_town(ctx, sentence)  # « À Bilopillia, petite ville de la région de Soumy, ... »
    if opening is not None:
        return sentence.index, opening, True
    town = sole_place(ctx, sentence)
    dated = event_date(sentence) is not None
    if town is None and dated:
        town = measured_from(ctx, sentence)  # « un drame qui s'est produit vendredi sur un chantier situé à une
        return (sentence.index, town, True) if town is not None else scene  # trentaine de kilomètres de Bambari »
    return (sentence.index, town, dated) if town is not None and town.geo_precision == 1 else scene


def opening_town(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """The town a sentence opens on, « À Bilopillia, ... »: where the sentences after it happen."""
    start = sentence.span.start
    first = min(sentence.places, key=lambda p: p.start, default=None)
    if first is None or first.label_ == "country" or first.start - start != 1:
        return None
    if sentence.span.doc[start].lower_ not in {"à", "a"}:
        return None
    town = location_of(ctx, first)
    return town if town is not None and town.geo_precision == 1 else None


def told_earlier(sentence: Sentence) -> bool:
    """Every toll of the sentence is an earlier, superseded figure: the toll of an event already told."""
    return bool(sentence.tolls) and all(t.kb_id_.endswith("|" + EARLIER) for t in sentence.tolls)


def counts_a_war(ctx: ArticleContext, draft: Draft, sentence: Sentence) -> bool:
    """A toll that is not the event's: a war's or a country's count over a period ("La guerre, qui a éclaté en avril
    2023, a fait des dizaines de milliers de morts"; "plus de 1 500 personnes ont été tuées en Haïti au premier
    trimestre"), or one dated another day."""
    dated = event_date(sentence)
    if (
        dated is not None
        and draft.date is not None
        and dated.value != draft.date.value
        and not sentence.updates_a_toll()
        and not died_of_wounds_later(dated, draft.date.value, sentence)  # « Un troisième
        and not any(t.kb_id_.endswith(f"|{RUNNING}") for t in sentence.tolls)  # passager a succombé le lendemain »,
    ):  # « Jeudi, les secouristes ont retiré le corps d'une quatrième victime »: the event's dead, counted later
        return True
    if counts_a_period(sentence):
        return True  # « Ces razzias font chaque année des centaines de morts »
    if counts_since(sentence):
        return True  # « la guerre civile qui, entre 2013 et 2018, avait fait quelque 400.000 morts »
    subjects = [t for t in sentence.span if t.dep_.startswith("nsubj")]
    if any(t.lemma_.lower() in war_nouns() or t.lower_ in war_nouns() for t in subjects):
        return True
    places = [ctx.place(p) for p in sentence.places]
    only_countries = bool(places) and all(p is not None and p.feature == "country" for p in places)
    return only_countries and draft.location is not None and draft.location.geo_precision < 3


def died_of_wounds_later(told: DateReading, then: date | None, sentence: Sentence) -> bool:
    """Wounded who died after the day of the event (« le lendemain »: a day after it)."""
    later = told.shift > 0 if told.value is None else then is not None and told.value > then
    return later and DIED_OF_WOUNDS.search(sentence.text) is not None


def follows_at_the_scene(reading: Reading, last: Draft) -> bool:
    """An event with no place of its own told right after another, in the same paragraph, as what came next there
    (``lexicons/sequel_words.txt``)."""
    sentence = reading.sentence
    follows = sentence.index - last.last_index == 1 and sentence.paragraph == last.paragraph
    unplaced = reading.location is None and not sentence.happens_elsewhere()
    own_act = not set(reading.kinds) <= {"looting", "movement"} | TOLL_KINDS  # « Les assaillants ont ensuite
    # emporté du bétail »: part of the attack (``part_of_the_attack``), not an event there
    sequel = word_pattern("lexicons/sequel_words.txt").search(sentence.text) is not None
    return follows and unplaced and own_act and sequel


def reinforces_the_fight(reading: Reading, last: Draft) -> bool:
    """Reinforcements told in a sentence that goes on telling the fight just told (« Les échanges de tirs ont duré
    près de deux heures, avant l'arrivée de renforts »), with no place or day of its own: part of that fight."""
    follows = reading.sentence.index - last.last_index == 1 and reading.sentence.paragraph == last.paragraph
    unplaced = reading.location is None and reading.date is None
    goes_on = any(is_referential(t) for t in reading.sentence.triggers)
    moves = "movement" in reading.kinds and set(reading.kinds) <= {"movement"} | TOLL_KINDS  # « Deux assaillants
    return follows and unplaced and goes_on and moves and last.family == "violent"  # ont été tués lors de l'échange
    # de tirs, précisant que des renforts avaient été dépêchés »: the fight's toll, not troops moving


def part_of_the_attack(reading: Reading, last: Draft) -> bool:
    """Burning and looting told right after an attack, with no place or day of its own, are part of it (ACLED codes
    the attack)."""
    here, there = reading.location, last.location
    same_scene = here is None or (there is not None and here.place_id == there.place_id)  # « D'après des sources
    # locales, les jihadistes ont d'abord visé le poste avancé ..., où plusieurs véhicules ont été incendiés »
    next_one = reading.sentence.index - last.last_index == 1
    follows = next_one and (reading.sentence.paragraph == last.paragraph or same_scene)
    burnt = "looting" in reading.kinds and set(reading.kinds) <= {"looting"} | TOLL_KINDS  # and who died there
    return follows and no_scene_of_its_own(reading) and burnt and last.family == "violent"


def updates_the_toll(draft: Draft, sentence: Sentence) -> bool:
    """ "Lundi, des sources locales faisaient état d'un bilan passé à 31 morts, après le décès de blessés évacués vers
    Fada N'Gourma": a new figure for the violent event just told, whatever its day, place or paragraph."""
    return draft.family == "violent" and sentence.updates_a_toll() and sentence.index - draft.last_index <= 4


def counts_on_after_a_break(draft: Draft, reading: Reading) -> bool:
    """A paragraph opening on a toll with no day nor place of its own counts the event just told: « ... a été la
    cible d'une attaque dans la nuit de samedi à dimanche. » then « Dans un communiqué publié lundi soir,
    l'état-major fait état de cinq militaires tués »."""
    sentence = reading.sentence
    opens = sentence.index == draft.last_index + 1 and sentence.paragraph != draft.paragraph
    own = event_date(sentence)
    told = own is None or told_after(draft, own, sentence)
    return opens and reading.location is None and draft.family == "violent" and told


def told_after(draft: Draft, own: DateReading, sentence: Sentence) -> bool:
    """« Samedi, l'état-major a reconnu la mort de deux soldats », after an attack in the night of Friday: the day a
    verb of telling gives the toll, up to two days after the event."""
    then = draft.date.value if draft.date is not None else None
    later = then is not None and own.value is not None and 0 <= (own.value - then).days <= 2
    return later and sentence.span.root.lemma_.lower() in telling_verbs()


def told_there(reading: Reading, drafts: list[Draft]) -> Draft | None:
    """The event of a list told just before, at the town a toll's sentence names, when it is not the last told: « des
    frappes ... à Cité Soleil et à Croix-des-Bouquets. À Cité Soleil, six membres de gangs ont été tués »."""
    here = reading.location
    if here is None or not here.place_id or len(drafts) < 2:
        return None
    if any(p.kb_id_ != here.place_id for p in reading.sentence.own_places()):
        return None  # « À Nikopol, deux blessés ; à Marhanets, un retraité a été tué »: whose toll, the list tells
    index = reading.sentence.index
    recent = [d for d in drafts[-4:] if index - d.last_index <= 2 and d.family == "violent"]
    placed = [d for d in recent if d.location is not None and d.location.place_id == here.place_id]
    return placed[-1] if placed and placed[-1] is not drafts[-1] and not placed[-1].killed else None


def at_an_untold_place(sentence: Sentence) -> bool:
    """« Six autres combattants ont été tués au cours d'opérations dont le bulletin ne précise pas le lieu »: deaths
    somewhere the sentence does not say, no event we can code nor the toll of the one just told."""
    return not sentence.own_places() and bool(word_pattern("lexicons/untold_place_phrases.txt").search(sentence.text))


def toll_of(draft: Draft, reading: Reading) -> bool:
    """A killing told just after an event is its toll, unless it happened elsewhere or on another day
    ("Par ailleurs, à Beni, des miliciens ont tué onze villageois dans la nuit de jeudi"), or on a day and at a place
    of its own after an event told with neither; bodies are found after the day they died."""
    own = event_date(reading.sentence)  # "selon un communiqué lu mardi soir": the telling's day, not the toll's
    told, then = (own.value, draft.date.value) if own and draft.date else (None, None)
    other_day = False
    if told is not None and then is not None:  # "dont les corps ont été retrouvés mardi": found the day after
        other_day = told < then if "bodies" in reading.kinds else told != then
        other_day = other_day and not (own is not None and told_after(draft, own, reading.sentence))  # « Samedi,
        # l'état-major a reconnu la mort de deux soldats »: told the day after
    elsewhere = reading.location is None and reading.sentence.happens_elsewhere()
    another_town = (  # "Le même jour, des hommes armés ont abattu un chef tribal dans le village de Gharanij"
        reading.location is not None
        and draft.location is not None
        and reading.location.name != draft.location.name
        and reading.location.geo_precision == 1
        and bool(reading.agents)
    )
    if DIED_OF_WOUNDS.search(reading.sentence.text):
        return True  # « Deux autres soldats ont succombé lundi à l'hôpital de Ségou »: of the attack, not Ségou's
    unplaced = draft.location is None and draft.date is None  # « des exactions attribuées aux paramilitaires russes
    own_scene = unplaced and own is not None and reading.location is not None  # ... trois orpailleurs auraient
    # été exécutés le 22 mars ... près de Bambari »: a killing with its own day and place, after a vague telling
    together = not other_day and not elsewhere and not another_town and not own_scene
    return same_place(draft.location, reading.location) and together


def split_by_place(ctx: ArticleContext, reading: Reading | None) -> list[Reading]:
    """One reading per place of a list ("la chute de Kandahar et d'Herat"): ACLED codes one event per place."""
    if reading is None:
        return []
    if reading.location is None or reading.referential:
        return [reading]
    if main_kind(reading.kinds, False) == "disrupted":
        return shares_of_the_night(ctx, reading)  # « ont abattu 251 drones au-dessus des régions de Briansk, de
        # Koursk et de Moscou »: a night's interceptions over a list of regions, one count, not one event in each
    if (shares := respective_places(ctx, reading)) is not None:
        return shares
    others = coordinated_locations(ctx, reading.sentence, reading.location)
    two = two_acts_in_two_places(ctx, reading) if not others else None
    two = two or (two_clauses_in_two_places(ctx, reading) if not others else None)
    if two is not None:
        return list(two)
    return [reading, *(replace(reading, location=loc) for loc in others)]


def respective_places(ctx: ArticleContext, reading: Reading) -> list[Reading] | None:
    """« deux frappes ont tué respectivement trois personnes ... à l'entrée de Bint Jbeil et un motocycliste sur la
    route de Kfar Remmane »: one event per place, each with the toll told before it; None unless every toll of
    the list has a place of its own before the next."""
    sentence = reading.sentence
    if RESPECTIVELY.search(sentence.text) is None:
        return None
    tolls = sorted((t for t in sentence.tolls if t.label_ == "KILLED"), key=lambda t: t.start)
    places = [p for p in sentence.own_places() if p.label_ != "country"]
    if len(tolls) < 2 or not places:
        return None
    lead = range(sentence.span.start, tolls[0].start)
    readings = []
    for toll, following in zip(tolls, [*tolls[1:], None], strict=True):
        end = following.start if following is not None else sentence.span.end
        own = [p for p in places if toll.start <= p.start < end]
        location = as_named(ctx, own[0], sentence.places) if own else None
        if location is None:
            return None
        clause = frozenset([*lead, *range(toll.start, end)])
        readings.append(replace(reading, location=location, clause=clause))
    return readings


def shares_of_the_night(ctx: ArticleContext, reading: Reading) -> list[Reading]:
    """« 69 drones ..., dont 21 au-dessus de la région de Belgorod et 14 au-dessus de celle de Koursk »: one event in
    each region the count is shared out to (ACLED codes interceptions per region), the largest share first; the
    night's reading as it is when no share is given."""
    shares = []
    for place in reading.sentence.places:
        before = [t for t in place.doc[max(reading.sentence.span.start, place.start - 7) : place.start]]
        over = [t.i for t in before if t.lower_ == "au-dessus"]
        figures = [number_value(t.text) for t in before if over and t.i < over[-1] and t.like_num]
        if over and figures and figures[-1] is not None:
            region = any(t.lower_ in {"celle", "celles"} for t in before)  # « et 14 au-dessus de celle de Koursk »
            shares.append((figures[-1], place, region))
    readings = []
    for _, place, region in sorted(shares, key=lambda share: -share[0]):
        location = as_named(ctx, place, reading.sentence.places)
        if location is not None:
            location = replace(location, geo_precision=3) if region else location
            readings.append(replace(reading, location=location))
    return readings or [reading]


def two_acts_in_two_places(ctx: ArticleContext, reading: Reading) -> tuple[Reading, Reading] | None:
    """« des bandits armés ont enlevé cinq civils à Bankilaré et incendié des greniers à Ayorou »: two verbs joined,
    each with a place of its own, tell two events (ACLED: one event per place); after two days, « respectivement »
    gives each its day."""
    primary, places = reading.trigger.root, reading.sentence.places
    for trigger in reading.sentence.triggers:
        verb = trigger.root
        if verb.i == primary.i or {verb.pos_, primary.pos_} != {"VERB"} or not conjoined(verb, primary):
            continue
        if gerund(verb) or gerund(primary):
            continue  # « ont intercepté un convoi ..., l'empêchant d'entrer dans ... »: how the one act went
        mine, theirs = own_places(places, primary, verb), own_places(places, verb, primary)
        if not mine or not theirs:
            continue
        chosen = reading.location
        here = chosen if chosen and any(p.kb_id_ == chosen.place_id for p in mine) else as_named(ctx, mine[0], places)
        there = as_named(ctx, theirs[0], places)
        if here is None or there is None or here.place_id == there.place_id:
            continue
        kinds = [k for k in reading.kinds if k != trigger.label_] or reading.kinds
        first = replace(reading, kinds=kinds, location=here, date=respective_date(reading, primary, verb))
        agents, patients = sentence_actors(ctx, reading.sentence, trigger)
        second = replace(reading, trigger=trigger, kinds=[trigger.label_], location=there, patients=patients)
        second.agents = agents or reading.agents  # « ont enlevé ... et incendié ... »: the subject they share
        first.clause, second.clause = clause_of(primary, verb), clause_of(verb, primary)
        return first, replace(second, date=respective_date(reading, verb, primary))
    return None


def two_clauses_in_two_places(ctx: ArticleContext, reading: Reading) -> tuple[Reading, Reading] | None:
    """« ont affronté les rebelles près de Bouar tandis qu'à Baoro, un convoi était dévalisé », « ont tué quatre civils
    à Tchintabaraden, et deux bergers ont été abattus le même jour près d'Abalak »: two clauses, each with its event
    word and its place, tell two events, however the parser hangs them."""
    sentence = reading.sentence
    cut = clause_break(sentence)
    if cut is None or (sentence.index < LEDE_SENTENCES and sentence.span.doc[cut].lower_ in CLAUSE_BREAKS):
        return None  # a lead's « tandis que » sums up what the paragraphs after it tell
    left, right = [t for t in sentence.triggers if t.start < cut], [t for t in sentence.triggers if t.start > cut]
    if not left:
        return None
    places = sentence.own_places()
    mine, theirs = [p for p in places if p.end <= cut], [p for p in places if p.start > cut]
    if not right or not mine or not theirs:
        return None
    chosen = reading.location
    here = chosen if chosen and any(p.kb_id_ == chosen.place_id for p in mine) else as_named(ctx, mine[0], places)
    there = as_named(ctx, theirs[0], places)
    if here is None or there is None or here.place_id == there.place_id:
        return None
    words = [t.i for t in sentence.span]
    first = replace(reading, kinds=[t.label_ for t in left], location=here)
    if reading.trigger.start > cut:  # « ont pilonné Kherson ..., tandis qu'à Odessa des drones d'attaque »
        first.trigger = strongest(left)
        first.agents, first.patients = sentence_actors(ctx, sentence, first.trigger)
    first.clause = frozenset(i for i in words if i < cut)
    trigger = strongest(right)
    agents, patients = sentence_actors(ctx, sentence, trigger)
    second = replace(reading, trigger=trigger, kinds=[t.label_ for t in right], location=there, patients=patients)
    second.agents, second.clause = agents or reading.agents, frozenset(i for i in words if i >= cut)
    text, at = doc_text(sentence.span.doc), sentence.span.doc[cut].idx
    for part, own in ((first, text[sentence.span.start_char : at]), (second, text[at : sentence.span.end_char])):
        part.agents = [a for a in part.agents if named_in(a, own)]  # « Samedi, des bandits ont enlevé ..., et
        part.patients = [a for a in part.patients if named_in(a, own)]  # dimanche, les FDS ont accroché ... »
    return clause_dated(first, sentence, cut, before=True), clause_dated(second, sentence, cut, before=False)


def named_in(actor: Actor, clause: str) -> bool:
    """The actor is named in the clause, or named nowhere (inferred from the article)."""
    return not actor.text or actor.text in clause


def clause_dated(reading: Reading, sentence: Sentence, cut: int, before: bool) -> Reading:
    """« Samedi, des bandits ont enlevé ..., et dimanche, les FDS ont accroché ... »: each clause its own day, when
    it names one."""
    days = [d for d in sentence.dates if d.label_ == "DATE" and (d.end <= cut if before else d.start > cut)]
    own = DateReading.from_key(days[0].kb_id_) if days else None
    return replace(reading, date=own) if own is not None and own.value is not None else reading


def strongest(triggers: list[Span]) -> Span:
    return max(triggers, key=lambda t: (event_kinds()[t.label_].strength, -t.start))


CLAUSE_BREAKS = {"tandis"}  # « tandis qu'à Odessa, ... »


def clause_break(sentence: Sentence) -> int | None:
    """Where a second clause with a subject of its own begins: « tandis que », or « , et » before a subject."""
    for token in sentence.span:
        if token.lower_ in CLAUSE_BREAKS:
            return token.i
        if token.lower_ == "et" and token.i > sentence.span.start and token.nbor(-1).text == ",":
            after = token.nbor(1) if token.i + 1 < sentence.span.end else None
            if after is not None and (after.pos_ in {"DET", "NUM", "PROPN", "ADP"} or after.lower_ in WEEKDAYS):
                return token.i  # « , et deux bergers ont été abattus », « , et à Kadugli ... », « , et mercredi, »
    return None


def gerund(verb: Token) -> bool:
    return "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", [])


def conjoined(one: Token, other: Token) -> bool:
    return (one.dep_ == "conj" and one.head.i == other.i) or (other.dep_ == "conj" and other.head.i == one.i)


def own_places(places: list[Span], verb: Token, other: Token) -> list[Span]:
    """The places of the verb's clause; the first verb's come before the second verb (not « ont tué cinq civils et
    incendié des greniers à Diafarabé, une localité du cercle de Ténenkou »)."""
    before = other.i if verb.i < other.i else len(verb.doc)
    return [p for p in places if p.label_ != "country" and governed_by(p, verb, other) and p.start < before]


def governed_by(place: Span, verb: Token, other: Token) -> bool:
    """The place follows the verb in its own clause, not in that of the verb joined to it."""
    below = {t.i for t in verb.subtree}
    if other.head.i == verb.i:  # the other verb hangs from this one: its clause is not this one's
        below -= {t.i for t in other.subtree}
    return place.start in below and place.start > verb.i


def clause_of(verb: Token, other: Token) -> frozenset[int]:
    """The sentence's words but those of the verb joined to this one."""
    if other.head.i == verb.i:
        left_out = {t.i for t in other.subtree}
    else:  # this verb hangs from the other: its subject is the other's
        left_out = {t.i for t in other.subtree} - {t.i for t in verb.subtree} - subject_words(other)
    return frozenset(t.i for t in verb.sent if t.i not in left_out)


def subject_words(verb: Token) -> set[int]:
    return {t.i for child in verb.children if child.dep_.startswith("nsubj") for t in child.subtree}


def respective_date(reading: Reading, verb: Token, other: Token) -> DateReading | None:
    """« Mercredi et jeudi, ... ont respectivement enlevé ... et incendié ... »: the first day for the first verb."""
    dates = [d for d in reading.sentence.dates if d.label_ == "DATE"]
    if not RESPECTIVELY.search(reading.sentence.text) or len(dates) != 2:
        return reading.date
    return DateReading.from_key(dates[0 if verb.i < other.i else 1].kb_id_)


def the_same_one(reading: Reading, drafts: list[Draft]) -> Draft | None:
    """« Une femme grièvement blessée lors du même bombardement est décédée ce matin »: the last event told of that
    kind, whatever day the sentence tells."""
    trigger = reading.trigger
    if not reading.referential or trigger.start == 0 or trigger.doc[trigger.start - 1].lower_ not in {"même", "mêmes"}:
        return None
    return next((d for d in reversed(drafts) if trigger.label_ in d.kinds), None)


def place_reading(
    reading: Reading,
    drafts: list[Draft],
    carried: DateReading | None,
    source: str,
    news_source: str,
    apart: Draft | None = None,
) -> None:
    """A new event, more of one already told, or nothing (a reference to an event never told). A new event takes
    the ``news_source`` of the paragraph: one quoted on something else (« Il s'agit de la plus grande affaire de ce
    type, selon le porte-parole ») does not speak for the next event told."""
    sentence = reading.sentence
    listed = listed_in_the_lead(reading, drafts)
    if listed is not None and listed.split_off:
        listed.killed.clear()  # the lead's toll was the whole attack's: the paragraph on this place tells its own
    if listed is not None:
        drafts.remove(listed)  # the event now told: the next toll sentence is its own
        drafts.append(listed)
    target = listed or target_draft(reading, drafts) or the_same_one(reading, drafts)
    if target is not None and target is apart and towns_apart(target.location, reading.location):
        target = None  # « lors de raids à Jénine et à Naplouse »: each town of a list is an event of its own
    if target is None and reading.referential and event_date(sentence) is None and not announced(reading):
        return  # a reference to an event the article never told: background
    if target is None and reading.referential and commented_on(reading.trigger) and not names_its_scene(reading):
        return  # « La Minusca a condamné ces attaques et réaffirmé son soutien à l'accord signé en avril à N'Djamena »;
        # not « MSF condamne le pillage de l'hôpital qu'elle soutient à Ulang », the news itself
    if target is None and drafts and reinforces_the_fight(reading, drafts[-1]):
        drafts[-1].sentences.append(sentence)  # « Les échanges de tirs ont duré près de deux heures, avant l'arrivée
        drafts[-1].last_index = sentence.index  # de renforts »: how the fight went, not troops moving
        learn_who_from(drafts[-1], reading)  # « Pendant près de six heures, des combattants Fano affrontent
        # les soldats »: and who fought it, when the sentence that told it named no one
        if sentence.tolls:
            add_sentence_facts(drafts[-1], sentence, source, toll_only=True)
        return
    if target is None and drafts and part_of_the_attack(reading, drafts[-1]):
        drafts[-1].sentences.append(sentence)  # "Les insurgés auraient également incendié plusieurs véhicules."
        drafts[-1].last_index = sentence.index
        name_the_attackers(drafts[-1], reading)
        if sentence.tolls:  # « ... quatre combattants ont été tués et plusieurs maisons incendiées »: its toll too
            add_sentence_facts(drafts[-1], sentence, source, toll_only=True)
        else:
            drafts[-1].later_sources.extend(s.kb_id_ for s in sentence.sources)  # who says so, or saw it
        return
    if target is None:
        drafts.append(new_draft(reading, drafts, carried))
        add_sentence_facts(drafts[-1], sentence, news_source)
        if source and source != news_source:
            drafts[-1].later_sources.append(source)  # named beside it, it does not make the event a claim
        return
    absorb(target, reading)
    if not reading.referential or sentence.tolls:
        add_sentence_facts(target, sentence, source)
    elif reading.agents:  # « Selon les autorités locales, l'attaque a été menée par des hommes armés »: who did it,
        target.later_sources.extend(s.kb_id_ for s in sentence.sources)  # and who says so
