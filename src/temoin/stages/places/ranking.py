"""Stage 3 of geoparsing: which candidate the article means, or none.

A candidate's score adds how well the name matched, the place's size and kind,
whether its country is one the article is about, and how near it lies to the
other places of the article. Weak candidates are refused rather than guessed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache

from temoin.resources import read_tsv, word_set
from temoin.stages.places.gazetteer import LOOSE_MIN_LENGTH, Candidate, GazPlace
from temoin.stages.places.names import Mention, stopwords
from temoin.stages.places.normalize import core_key, fold, similarity, strict_key

ACCEPT = 1.6  # minimum of candidate score plus the text's evidence that the mention is a place
CANDIDATE_FLOOR = 1.3  # minimum of the candidate's own score: the text cannot make up for a poor match
FOCUS_WEIGHT = 0.6  # a place in the country the article is about
SMALL_PLACE = 5_000  # a bare single word needs a town at least this big, or a cue, to be taken as a place
BIG_PLACE = 50_000  # ... or a city this big, whatever name of it matched
FAR_KM = 1000.0  # a reading this far from every other place of the article is doubtful
SURE_FOCUS = 0.5  # a country this central to the article vouches for a loose or alternate-name match
EXONYM_SIMILARITY = 0.6  # an alternate name this close to the main name is a spelling of it, not a stray alias
ALIAS_COST = 0.4  # see alias_cost
UNLIKE_ALIAS_COST = 2.0  # see alias_cost: more than the focus and nearby places can make up for
RESPELT_MIN_POPULATION = 20_000  # see vouched_respelling
CONTAINER_BONUS = 0.5  # see container_fit
NEIGHBOUR_KM = 60.0  # a place this near vouches for a loose match abroad
LOOSE_REACH_KM = 400.0  # a loose or respelt match this far from every other place of the article is refused
REGION_REACH_KM = 800.0  # a region is coded to its capital, often off-centre: a town this near may lie in it
UNAMBIGUOUS_REGION = 0.4  # a region whose name no town shares: "la Crimée", "le Hubei"
SMALL_SETTLEMENTS = frozenset({"village", "hameau", "bourgade"})
_MATCH = {"strict": 1.0, "core": 0.9, "respelt": 0.8}
EXACT = frozenset({"strict", "core"})  # matches that name the place as written, not a hint of it
# The kinds of landmarks.tsv (besides airbase, base, port, prison... of conflict_sites.tsv): curated sites like them.
LANDMARK_FEATURES = frozenset(
    {
        "palace",
        "parliament",
        "government_building",
        "landmark",
        "square",
        "park",
        "stadium",
        "religious_site",
        "airport",
        "prison",
    }
)
_SITE_FEATURES = LANDMARK_FEATURES | {
    "airbase",
    "base",
    "camp",
    "oil_field",
    "gas_field",
    "crossing",
    "plain",
    "valley",
    "village",
    "town",
    "neighbourhood",
    "forest",
    "mountain",
    "river",
    "lake",
    "dam",
    "desert",
    "island",
    "district",
    "road",
    "port",
    "prison",
    "mine",
}


@dataclass(frozen=True, slots=True)
class Reading:
    candidate: Candidate
    score: float


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def match_quality(mention: Mention, cand: Candidate) -> float:
    if cand.match in _MATCH:
        return _MATCH[cand.match]
    if len(core_key(mention.text)) < LOOSE_MIN_LENGTH:
        return 0.0
    sim = similarity(mention.text, cand.form)
    return sim if sim >= 0.75 else 0.0


def mention_evidence(mention: Mention) -> float:
    """How much the text itself says this is a place (NER label, locative cue)."""
    if mention.cue is not None:  # "près de X", "la localité de X": a place whatever NER says
        return 0.3 if mention.cue.kind == "relation" else 0.5
    return {"LOC": 0.3, "GPE": 0.3, "MISC": -0.1, "ORG": -0.3, "PER": -0.3}.get(mention.ner, 0.0)


def located(mention: Mention) -> bool:
    """Whether the text itself treats the mention as a place (NER, a cue, a locative preposition)."""
    return mention.ner in {"LOC", "GPE"} or mention.cue is not None or mention.after_preposition


def vouched_loose(mention: Mention, cand: Candidate, focus: dict[str, float]) -> bool:
    """A loose (consonant-skeleton) match is a hint: the text must say "place" and the article be about the country."""
    if mention.ner == "PER" or mention.person_word or not located(mention):
        return False
    return focus.get(cand.place.country, 0.0) >= SURE_FOCUS


def vouched_respelling(mention: Mention, cand: Candidate, focus: dict[str, float]) -> bool:
    """A name one letter off a place's ("Izum" for Izium) is that place only in a country the article is about,
    and only a town big enough to be reported by a misspelt name."""
    if mention.ner == "PER" or mention.person_word or not located(mention):
        return False
    return focus.get(cand.place.country, 0.0) >= SURE_FOCUS and (
        cand.place.population >= RESPELT_MIN_POPULATION or cand.place.feature in {"region", "country"}
    )


def foreign_alias(mention: Mention, cand: Candidate, focus: dict[str, float]) -> bool:
    """A name matching only an unlike alternate name of a place abroad: as a bare word ("Lion" for Lyon, "Franklin"
    for Columbus), or anywhere in an article surely about another country ("le village de Kuchi", in Nigeria, is
    not Xincheng in China, once called Kuqa)."""
    place = cand.place
    if place.source != "geonames" or place.feature == "country" or place.population >= 1_000_000:
        return False
    if focus.get(place.country, 0.0) >= SURE_FOCUS or strict_key(cand.form) == strict_key(place.name):
        return False
    if similarity(mention.text, place.name) >= EXONYM_SIMILARITY:
        return False  # "Athènes" for Athens is an exonym
    if bare_word(mention) and not mention.after_preposition:
        return True
    return focus.get(place.country, 0.0) == 0.0 and max(focus.values(), default=0.0) >= SURE_FOCUS


def stray_alias(mention: Mention, cand: Candidate) -> bool:
    """A bare word that only an unlike alternate name matches, which the text does not treat as a place: a name
    ("Staline" for Donetsk, once Stalino; "Google" for Topeka; "depuis Richard Nixon"; "We Will Rock You" for Huế),
    not a town."""
    place = cand.place
    if place.source != "geonames" or place.feature == "country" or by_own_name(cand):
        return False
    one_word = mention.end - mention.start == 1 and (mention.cue is None or mention.cue.kind in {"relation", "origin"})
    if mention.ner in {"LOC", "GPE"} or not one_word or mention.filed_at:
        return False
    if mention.after_preposition and mention.ner not in {"PER", "ORG", "MISC"}:
        return False  # "à Rio"; but not "l'époque de Staline", which NER takes for a person
    unlike = similarity(mention.text, place.name) < EXONYM_SIMILARITY
    return unlike or (mention.ner in {"PER", "MISC"} and not mention.after_preposition)


def region_bonus(mention: Mention, cand: Candidate) -> float:
    """The province-versus-capital question: a region wins with a region cue, loses to a town of the same name."""
    if mention.cue is not None and mention.cue.kind == "region":
        return 0.5
    shared = any(
        c.place.feature not in {"region", "country"}
        and c.match in EXACT
        and (c.place.population >= SMALL_PLACE or its_seat(c.place, cand.place))
        for c in mention.candidates
        if c is not cand
    )
    return -0.3 if shared else UNAMBIGUOUS_REGION


def its_seat(town: GazPlace, region: GazPlace) -> bool:
    """The town a region is coded to, however few people GeoNames counts there (« près de Tessalit »: the town,
    not the cercle)."""
    return (
        town.country == region.country
        and km_between(town.latitude, town.longitude, region.latitude, region.longitude) <= SEAT_KM
    )


SEAT_KM = 5.0


def candidate_score(mention: Mention, cand: Candidate, focus: dict[str, float]) -> float:
    quality = match_quality(mention, cand)
    if quality == 0.0:
        return 0.0
    if cand.match == "loose" and not vouched_loose(mention, cand, focus):
        return 0.0
    if cand.match == "respelt" and not vouched_respelling(mention, cand, focus):
        return 0.0
    if foreign_alias(mention, cand, focus) or stray_alias(mention, cand):
        return 0.0
    if fold(mention.text) in stopwords() and cand.place.feature != "region" and not by_own_name(cand):
        return 0.0  # "le district du Nord" is no alias of a Swiss village; "la région du Nord" is Cameroon's
    if compass_name(mention.text) and another_lands_region(cand.place, focus):
        return 0.0  # « Dans le Nord-Ouest, les « bandits » ... », in a report from Nigeria: not Haiti's department
    if cand.place.feature == "country" and mention.cue is not None and mention.cue.kind == "natural":
        return 0.0  # "le fleuve Niger" is the river, not the country
    at_sea = mention.cue is not None and mention.cue.words in word_set("lexicons/sea_words.txt")
    if at_sea and cand.place.feature in {"city", "town", "village"}:
        return 0.0  # "le golfe d'Aden" is the gulf, not the city; a river or a park is coded to its town
    if cue_abroad(mention, cand.place, focus):
        return 0.0  # "le quartier de Bole", in a report from Addis Ababa, is not the Chinese city
    if mention.cue is not None and mention.cue.words in SMALL_SETTLEMENTS and cand.place.population >= 100_000:
        return 0.0  # "le village de Dar-es-Salam, dans le département de Banibangou" is no city of millions
    place = cand.place
    score = quality + min(math.log10(place.population + 1) / 7, 1.0) * 0.8
    score += 0.5 if place.population >= 1_000_000 else 0.2 if place.population >= 100_000 else 0.0
    if place.feature == "region":
        score += region_bonus(mention, cand)
    elif place.source == "curated" and place.feature in _SITE_FEATURES:
        score += 0.4
    elif place.source == "curated":
        score += 0.2
    if place.feature == "country":
        score += 0.5
    return score + FOCUS_WEIGHT * focus.get(place.country, 0.0)


KINDS_NAMED = {"settlement", "site", "natural"}


def compass_name(text: str) -> bool:
    """« le Nord-Ouest », « le Centre »: a region named by where it lies (``lexicons/compass_names.txt``)."""
    return fold(text).replace(" ", "-") in word_set("lexicons/compass_names.txt")


def another_lands_region(place: GazPlace, focus: dict[str, float]) -> bool:
    """A region named by a compass word (« le Nord-Ouest », « le Centre ») in a country the article is not about,
    while it surely is about another."""
    sure_elsewhere = max(focus.values(), default=0.0) >= SURE_FOCUS
    return place.feature == "region" and sure_elsewhere and focus.get(place.country, 0.0) == 0.0


def cue_abroad(mention: Mention, place: GazPlace, focus: dict[str, float]) -> bool:
    """A kind of place named (« la ville de Tonga », « le quartier de Brooklyn », « la plaine du Marj ») in a country
    the article never names, while it is surely about another, or a country read where a town is named."""
    if mention.cue is None:
        return False
    town = place.feature in {"city", "town", "village"}
    if mention.cue.kind not in KINDS_NAMED and not (mention.cue.kind == "region" and town):
        return False  # « dans la zone de Miski », in a report from Chad: not Myski in Siberia
    if place.feature == "country":
        return mention.cue.kind == "settlement"
    sure_elsewhere = max(focus.values(), default=0.0) >= SURE_FOCUS
    return sure_elsewhere and focus.get(place.country, 0.0) == 0.0


def article_focus(mentions: list[Mention], extra: dict[str, float]) -> dict[str, float]:
    """Countries the article is about, weighted 0..1: named countries, unambiguous places, adjectives."""
    votes: defaultdict[str, float] = defaultdict(float, extra)
    for m in mentions:
        if fold(m.text) in stopwords() or m.filed_at or compass_name(m.text):
            continue  # "du Nord", "Grand": words before names; "NAIROBI, 3 mai (AFP) -" for news of Somalia; « le
            # Nord-Est » of Nigeria is no vote for Haiti's department
        river = m.cue is not None and m.cue.kind == "natural"  # "le fleuve Niger" votes for no country
        matched = [c for c in m.candidates if c.match in EXACT and not (river and c.place.feature == "country")]
        if m.cue is not None and m.cue.kind == "region" and any(c.place.feature == "region" for c in matched):
            matched = [c for c in matched if c.place.feature == "region"]  # « la province d'Anbar »: not Ambar
        # A country's name votes for it even when a town abroad has it as an alternate name
        # ("Ukraine" for a Spanish village, "Mali" for Mary in Turkmenistan).
        nations = {c.place.country for c in matched if c.place.feature == "country"}
        countries = nations or {c.place.country for c in matched}
        if len(countries) == 1:
            votes[countries.pop()] += 2.0 if nations else 1.0
    if not votes:
        return {}
    top = max(votes.values())
    return {country: n / top for country, n in votes.items()}


def bare_word(mention: Mention) -> bool:
    """One word with no cue naming a kind of place: it may be a person, a club, a word."""
    return mention.end - mention.start == 1 and (mention.cue is None or mention.cue.kind == "relation")


def weak_single_word(mention: Mention, reading: Reading, focus: dict[str, float] | None = None) -> bool:
    """A bare word read as a small place, or as a place that only an alternate name matches."""
    place = reading.candidate.place
    if place.source != "geonames" or place.feature == "country" or not bare_word(mention):
        return False
    if mention.person_word and not mention.after_preposition:
        return True
    if place.population >= BIG_PLACE:
        return middling_city_abroad(place, focus or {})
    if mention.ner == "PER" and not mention.after_preposition:
        return True
    if focus and focus.get(place.country, 0.0) == 0.0:
        return True  # a small town abroad, in a country the article never names: "Balmoral" in New Zealand
    if place.population == 0 and located(mention) and focus and focus.get(place.country, 0.0) >= SURE_FOCUS:
        return False  # cities500 gives no population (unknown, not tiny): "à Bint Jbeil", "à Chibok" in their country
    return place.population < (SMALL_PLACE // 5 if located(mention) else 2 * SMALL_PLACE)


MIDDLING_CITY = 200_000  # a bare word matching a city abroad smaller than this is doubtful in a foreign story


def middling_city_abroad(place: GazPlace, focus: dict[str, float]) -> bool:
    """A middling city in a country the article never names, while the article is surely about another: "près de
    Kani", in a report from Myanmar, is a village there, not the Japanese city of 100,000."""
    sure_elsewhere = max(focus.values(), default=0.0) >= SURE_FOCUS
    return sure_elsewhere and focus.get(place.country, 0.0) == 0.0 and place.population < MIDDLING_CITY


def rank(
    mentions: list[Mention], focus: dict[str, float], extra: dict[str, float] | None = None
) -> list[Reading | None]:
    """The accepted reading of each mention, or None; two passes, the second using distances. ``extra`` holds the
    votes ``focus`` was counted with besides the mentions' (adjectives)."""
    keys = [strict_key(m.text) for m in mentions]
    mentions = with_the_kind_named(mentions, keys)
    named = {k for m, k in zip(mentions, keys, strict=True) if m.cue is not None and m.cue.kind != "relation"}
    apart = {key: focus_without(mentions, keys, key, extra or {}) for key in named}  # only ``unvouched`` reads it
    mentions = [replace(m, focus_apart=apart.get(k)) for m, k in zip(mentions, keys, strict=True)]
    first = [_best(m, focus, []) for m in mentions]
    anchors = [(i, r) for i, r in enumerate(first) if r is not None and r.candidate.place.feature != "country"]
    # another mention of the same name is no evidence: it shares the ambiguity
    others = [[r.candidate.place for j, r in anchors if keys[j] != keys[i]] for i in range(len(mentions))]
    second = [_best(m, focus, others[i]) for i, m in enumerate(mentions)]
    return read_inside_containers(mentions, second, focus, others)


def unvouched(mention: Mention, cand: Candidate) -> bool:
    """A town named with its kind (« le district de Farta »), in a country no other name of the article is in."""
    kind_named = mention.cue is not None and mention.cue.kind != "relation"
    town = cand.place.feature not in {"country", "region"} and cand.place.population < 1_000_000
    apart = mention.focus_apart
    return kind_named and town and apart is not None and apart.get(cand.place.country, 0.0) == 0.0


def focus_without(mentions: list[Mention], keys: list[str], key: str, extra: dict[str, float]) -> dict[str, float]:
    """The article's countries as the other names vote: « le district de Farta », beside Debre Tabor, votes for
    Angola, whose Baía Farta is known so, and must not vouch for itself."""
    return article_focus([m for m, k in zip(mentions, keys, strict=True) if k != key], extra)


def with_the_kind_named(mentions: list[Mention], keys: list[str]) -> list[Mention]:
    """ "le gang du quartier de Brooklyn ... des maisons incendiées à Brooklyn": the kind of place one mention names
    holds for the other mentions of that name that name none."""
    named = {k: m.cue for k, m in zip(keys, mentions, strict=True) if m.cue is not None and m.cue.kind in KINDS_NAMED}
    return [
        replace(m, cue=named[k]) if m.cue is None and k in named else m for k, m in zip(keys, mentions, strict=True)
    ]


def read_inside_containers(
    mentions: list[Mention], readings: list[Reading | None], focus: dict[str, float], others: list[list[GazPlace]]
) -> list[Reading | None]:
    """A place named with the region or country it lies in ("Parkland en Floride") is read inside it, and so is
    every other mention of that name in the article."""
    settled: dict[str, Reading] = {}
    for i, m in reversed(list(enumerate(mentions))):  # outermost first: "X, dans le caza de Y, au Liban"
        outer = readings[m.container] if m.container is not None else None
        if outer is not None:
            inside = readings[i] = _best(m, focus, others[i], outer.candidate.place)
            if inside is not None:
                settled.setdefault(strict_key(m.text), inside)
    for i, m in enumerate(mentions):
        same = settled.get(strict_key(m.text))
        if same is not None and m.container is None and readings[i] is not None:
            readings[i] = same
    return readings


def outside_a_sure_container(place: GazPlace, outer: GazPlace, focus: dict[str, float]) -> bool:
    """A place abroad from the region the text puts it in, when that region's country is as much the article's as the
    place's (a misread container, « le département du Centre » read as a region of the United States, proves
    nothing)."""
    sure = focus.get(outer.country, 0.0)
    return not same_land(place, outer) and sure > 0.0 and sure >= focus.get(place.country, 0.0)


@cache
def claimed_lands() -> frozenset[tuple[str, str]]:
    return frozenset((row["named"], row["covers"]) for row in read_tsv("places/claimed_lands.tsv"))


def same_land(place: GazPlace, outer: GazPlace) -> bool:
    """The place lies in the container's country, or in land the text's side names for it (« Umm al-Rashrash, dans
    le sud de la Palestine occupée »: Eilat)."""
    return place.country == outer.country or (outer.country, place.country) in claimed_lands()


def container_fit(place: GazPlace, outer: GazPlace) -> float:
    """How well a candidate lies in the region, town or country the text puts it in ("Parkland en Floride")."""
    if outer.feature == "country":
        return CONTAINER_BONUS if same_land(place, outer) else -CONTAINER_BONUS
    if not same_land(place, outer):
        return -CONTAINER_BONUS
    near = km_between(place.latitude, place.longitude, outer.latitude, outer.longitude)
    if outer.feature != "region":  # « la région de Koursk » read as the city: the Korenevo nearer it
        return CONTAINER_BONUS * max(0.0, 1.0 - near / REGION_REACH_KM)
    return CONTAINER_BONUS if near <= REGION_REACH_KM else 0.0


def by_own_name(cand: Candidate) -> bool:
    return strict_key(cand.form) == strict_key(cand.place.name)


def elsewhere_curated(rival: Candidate, cand: Candidate) -> bool:
    """A curated site of that name far from the candidate: « Sloviansk » is the curated town, not Nikopol, which
    GeoNames lists under that alternate name (the same spot curated again is no rival)."""
    here, there = rival.place, cand.place
    far = km_between(here.latitude, here.longitude, there.latitude, there.longitude) > SAME_SPOT_KM
    return here.source == "curated" and far


SAME_SPOT_KM = 25.0


def alias_cost(mention: Mention, cand: Candidate, focus: dict[str, float]) -> float:
    """A place that bears the name as its own beats one that has it only as an unlike alternate name
    ("le village de Hrodivka" is Hrodivka, not the town of Myrnohrad, once called so), and a city abroad that has it
    as an alternate name loses to a town of the article's country that bears it ("le territoire de Mambasa", in
    Ituri, not Mombasa)."""
    if by_own_name(cand):
        return 0.0
    rivals = [c for c in mention.candidates if by_own_name(c) and c.match in EXACT and c.place.id != cand.place.id]
    town = cand.place.source == "geonames" and cand.place.feature not in {"region", "country"}
    outnamed = town and any(
        c.place.population * 10 >= cand.place.population or elsewhere_curated(c, cand) for c in rivals
    )
    if outnamed and similarity(mention.text, cand.place.name) < EXONYM_SIMILARITY:
        return UNLIKE_ALIAS_COST  # "à Porto" is Porto, not Bordeaux, whose alternate names list it
    home = focus.get(cand.place.country, 0.0)
    if any(focus.get(c.place.country, 0.0) > home and c.place.population * 10 >= cand.place.population for c in rivals):
        return ALIAS_COST  # "Pokrovsk" in an article about Ukraine is Ukraine's town, not Engels, once called so
    if cand.place.population >= 100_000:  # a city is known by its other names ("à Rio")...
        kind_named = mention.cue is not None and mention.cue.kind != "relation"  # ... but "le territoire de X" is
        at_home = kind_named and any(focus.get(c.place.country, 0.0) >= SURE_FOCUS for c in rivals)  # one at home
        return ALIAS_COST if at_home and focus.get(cand.place.country, 0.0) == 0.0 else 0.0
    if similarity(mention.text, cand.place.name) >= EXONYM_SIMILARITY:
        return 0.0
    return ALIAS_COST if rivals else 0.0


def better_spelt(mention: Mention) -> list[Candidate]:
    """The candidates, less the loose ones that a candidate spelt the same once transliterated outdoes ("Daqouq" is
    Dāqūq, not the city of Dihok)."""
    loose = [c for c in mention.candidates if c.match == "loose"]
    if not any(similarity(mention.text, c.form) == 1.0 for c in loose):
        return mention.candidates
    kept = [c for c in mention.candidates if c.match != "loose" or similarity(mention.text, c.form) == 1.0]
    held = {c.place.id for c in kept if c.match == "loose"}
    return kept + [  # « Primorskoïe »: Prymorske of Zaporizhzhia, whose alternate name is spelt so, is as good
        Candidate(c.place, "loose", c.form)
        for c in mention.candidates
        if c.match == "respelt" and c.place.id not in held and similarity(mention.text, c.form) == 1.0
    ]


def neighbour_vouches(mention: Mention, cand: Candidate, focus: dict[str, float], others: list[GazPlace]) -> bool:
    """A loose match in a country the article names without being about it, right beside another of its places:
    « Dans la région de Belgorod ..., un drone a frappé une voiture à Chebekino » (Shebekino, 35 km away)."""
    if cand.match != "loose" or focus.get(cand.place.country, 0.0) == 0.0 or not others:
        return False
    near = min(km_between(cand.place.latitude, cand.place.longitude, o.latitude, o.longitude) for o in others)
    return near <= NEIGHBOUR_KM


def near_namesake(mention: Mention, others: list[GazPlace]) -> bool:
    """A city of the name, as written, lies near the article's other places (not some hamlet of it)."""
    return any(
        c.match in EXACT
        and c.place.feature not in {"region", "country"}
        and c.place.population >= BIG_PLACE
        and min(km_between(c.place.latitude, c.place.longitude, o.latitude, o.longitude) for o in others) <= NAMESAKE_KM
        for c in mention.candidates
        if others
    )


NAMESAKE_KM = 300.0


def _best(
    mention: Mention, focus: dict[str, float], others: list[GazPlace], outer: GazPlace | None = None
) -> Reading | None:
    best: Reading | None = None
    for cand in better_spelt(mention):
        score = candidate_score(mention, cand, focus)
        if score == 0.0 and neighbour_vouches(mention, cand, focus, others):
            score = candidate_score(mention, cand, {**focus, cand.place.country: SURE_FOCUS})
        if score == 0.0:
            continue
        score -= alias_cost(mention, cand, focus)
        if outer is not None and outer.id != cand.place.id:
            if outside_a_sure_container(cand.place, outer, focus):
                continue  # « la base d'Al-Asad, dans la province d'Anbar »: in Iraq, whatever else bears the name
            score += container_fit(cand.place, outer)
        if others:
            near = min(km_between(cand.place.latitude, cand.place.longitude, o.latitude, o.longitude) for o in others)
            if cand.match in {"loose", "respelt"} and near > LOOSE_REACH_KM:
                continue  # a spelling hint far from every other place of the article: another place ("Kanoma")
            far = near > FAR_KM and cand.place.feature != "region"  # a city far away loses to a namesake near the
            if far and not by_own_name(cand) and unvouched(mention, cand):
                continue  # « le district de Farta », beside Debre Tabor: not Baía Farta, 5,000 km off, in a country
                # no other name of the story is in
            far = far and (cand.place.population < 100_000 or near_namesake(mention, others))  # story's places:
            score += 0.4 * math.exp(-near / 150.0) - (0.5 if far else 0.0)  # « au nord de Tripoli » in a Syrian story
        if best is None or score > best.score:
            best = Reading(cand, score)
    if best is None or best.score < CANDIDATE_FLOOR or best.score + mention_evidence(mention) < ACCEPT:
        return None
    if weak_single_word(mention, best, focus):
        return None
    return best
