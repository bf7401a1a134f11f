"""The ``temoin_places`` spaCy component: toponyms found, ranked and written to the Doc.

Writes ``doc.spans["temoin_places"]``: one span per resolved mention, ``label_``
the feature (city, town, village, region, country, airbase, ... or ``near`` for
a name the gazetteer lacks, placed at the place the text relates it to) and
``kb_id_`` the gazetteer id; and ``doc.spans["temoin_unplaced"]``: names the text
treats as places that no gazetteer entry fits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from temoin.countries import country_lexicon
from temoin.resources import read_lines, word_alternation, word_set
from temoin.stages.actors import acts
from temoin.stages.places.gazetteer import Gazetteer, GazPlace, open_gazetteer
from temoin.stages.places.names import Mention, cue_before, find_mentions
from temoin.stages.places.normalize import fold
from temoin.stages.places.ranking import Reading, article_focus, compass_name, km_between, rank

ANCHOR_WINDOW = 16  # tokens between an unknown name and the known place it is related to


class PlaceFinder:
    def __init__(self, nlp: Language, name: str, gazetteer_path: str = "") -> None:
        self.name = name
        self.gazetteer_path = gazetteer_path
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = open_gazetteer(self.gazetteer_path)
        return self._gazetteer

    def use_gazetteer(self, gazetteer: Gazetteer) -> None:
        """Inject a gazetteer service (tests, custom indexes)."""
        self._gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        # an acting state ("Moscou a lancé") is still a toponym; other actor names are not places
        actors = doc.spans.get("temoin_actors", [])
        excluded = [(s.start, s.end) for s in actors if not is_acting_state(s)]
        mentions = find_mentions(doc, self.gazetteer, excluded)
        votes = adjective_votes(doc)
        voters = [m for m in mentions if not named_as_origin(doc, m)]  # « des orpailleurs venus du Niger »
        readings = rank(mentions, article_focus(voters, votes), votes)
        readings = within_their_relations(doc, mentions, readings)
        readings = within_the_town_told(doc, mentions, readings)
        spans = [place_span(doc, m, r) for m, r in zip(mentions, readings, strict=True) if r is not None]
        spans += anchored_spans(doc, mentions, readings)
        doc.spans["temoin_places"] = sorted(spans, key=lambda s: s.start)
        placed = {s.start for s in spans}
        doc.spans["temoin_unplaced"] = [
            Span(doc, m.start, m.end, label=unplaced_label(m))
            for m, r in zip(mentions, readings, strict=True)
            if r is None and m.start not in placed and is_unknown_place(doc, m)
        ]
        return doc


def unplaced_label(mention: Mention) -> str:
    """« quarter » for a part of a town (« le quartier d'Angwan Rukuba »), which lies in the town told around it."""
    return "quarter" if a_quarter(mention) else "unplaced"


def is_unknown_place(doc: Doc, mention: Mention) -> bool:
    """A name the text treats as a town or area ("près de Gorgadji", "le village de X", "à X") that no gazetteer
    entry fits: what happened there happened somewhere else than the places we can code. A site's name ("le camp de
    X", "le marché de X") may lie in the town just named, so it is not counted."""
    if mention.ner == "PER" or mention.person_word:
        return False
    if mention.cue is not None:
        return mention.cue.kind in {"settlement", "region", "natural", "relation"}
    before = doc[mention.start - 1].lower_ if mention.start > 0 else ""
    return mention.ner in {"LOC", "GPE"} and before in {"à", "vers", "jusqu'à"}


def adjective_votes(doc: Doc) -> dict[str, float]:
    lexicon = country_lexicon()
    votes: defaultdict[str, float] = defaultdict(float)
    # not "dollars américains", nor « les occupants russes », who are where their country is not
    unvoting = word_set("lexicons/currency_nouns.txt") | word_set("lexicons/occupier_nouns.txt")
    before = ""
    for token in doc:
        if before not in unvoting and token.is_lower and (country := lexicon.adjective(token.text)) is not None:
            votes[country.iso2] += 0.5
        before = token.lower_
    return votes


def place_span(doc: Doc, mention: Mention, reading: Reading) -> Span:
    place = reading.candidate.place
    return Span(doc, mention.start, mention.end, label=place.feature, kb_id=place.id)


def anchored_spans(doc: Doc, mentions: list[Mention], readings: list[Reading | None]) -> list[Span]:
    """Names the gazetteer lacks, placed at the known place the sentence relates them to.

    "la localité de Qubour al-Gharajneh en périphérie de Tal Tamer" puts Qubour
    al-Gharajneh at Tal Tamer, with the ``near`` label (ACLED geo_precision 2).
    """
    spans = []
    for i, (mention, reading) in enumerate(zip(mentions, readings, strict=True)):
        kind_named = mention.cue is not None and mention.cue.kind in {"settlement", "site", "natural", "region"}
        if reading is not None or not (kind_named or (mention.cue is None and is_unknown_place(doc, mention))):
            continue  # "le village de X", "à X": a place; not "X", which may be anything
        if fold(mention.text) in {"la", "le"} or compass_name(mention.text):
            continue  # « les unités du groupement Centre »: a unit named by a compass word, no place
        for later, later_reading in zip(mentions[i + 1 :], readings[i + 1 :], strict=True):
            if later.start - mention.end > ANCHOR_WINDOW or doc[later.start].sent != doc[mention.start].sent:
                break
            cue = cue_before(doc, later.start)
            if (
                later_reading is not None
                and later_reading.candidate.place.feature != "country"
                and (cue is not None and cue.kind in {"relation", "settlement", "region"})
            ):
                spans.append(
                    Span(doc, mention.start, mention.end, label="near", kb_id=later_reading.candidate.place.id)
                )
                break
        anchored = bool(spans) and spans[-1].start == mention.start
        town = town_of_the_part(doc, mentions, readings, i) if town_part(mention) and not anchored else None
        if town is not None:  # « À Kherson, ... dans le district de Dniprovskyi », « le district X de Kherson »
            spans.append(Span(doc, mention.start, mention.end, label="near", kb_id=town.id))
    return spans


def town_of_the_part(doc: Doc, mentions: list[Mention], readings: list[Reading | None], i: int) -> GazPlace | None:
    """The town a quarter or district belongs to: the one named right after it with « de », else the town the sentence
    opens on, else the last town named before it in the sentence."""
    mention = mentions[i]
    same = [
        (m, r)
        for m, r in zip(mentions, readings, strict=True)
        if r is not None
        and m is not mention
        and r.candidate.place.feature in {"city", "town"}
        and doc[m.start].sent == doc[mention.start].sent
        and not town_part(m)
    ]
    after = [
        r
        for m, r in same
        if m.start > mention.start and m.start - mention.end <= 2 and doc[m.start - 1].lower_ in {"de", "d'", "d’"}
    ]
    before = [r for m, r in same if m.end <= mention.start]
    opening = [r for m, r in same if m.start - doc[mention.start].sent.start <= 1]  # « À Kherson, ... du Dniepr, ...
    chosen = after[0] if after else opening[0] if opening else before[-1] if before else None  # du district de X »
    return chosen.candidate.place if chosen is not None else None


RELATION_KM = 150.0  # "X, au sud-ouest de Y": a reading of X farther than this from Y is another X
REGION_KM = 300.0  # "à X, dans le territoire de Y": a spelling hint for X farther than this from Y's seat is another X


def within_their_relations(doc: Doc, mentions: list[Mention], readings: list[Reading | None]) -> list[Reading | None]:
    """A place the sentence locates from another ("la localité de Novoïelizavetivka, au sud-ouest de Pokrovsk")
    is not a namesake hundreds of kilometres away: that reading is dropped, and the name is placed near the other
    (``anchored_spans``)."""
    out = list(readings)
    for i, (mention, reading) in enumerate(zip(mentions, readings, strict=True)):
        if reading is None or reading.candidate.place.feature in {"country", "region"}:
            continue
        for later, later_reading in zip(mentions[i + 1 :], readings[i + 1 :], strict=True):
            if later.start - mention.end > ANCHOR_WINDOW or doc[later.start].sent != doc[mention.start].sent:
                break
            cue = cue_before(doc, later.start)
            between = doc[mention.end : later.start]
            if any(t.pos_ in {"VERB", "AUX"} for t in between) or later is not mentions[i + 1]:
                break  # "née à Toulouse et a fait ses études près de Paris": the relation is another place's
            if later_reading is None or cue is None or cue.kind not in {"relation", "region"}:
                continue
            a, b = reading.candidate.place, later_reading.candidate.place
            reach = RELATION_KM if cue.kind == "relation" and b.feature != "region" else REGION_KM  # « Mocímboa da
            # Praia, au nord du Cabo Delgado »: far from the province's seat, within the province
            spelt_otherwise = reading.candidate.match in {"loose", "respelt"} or cue.kind == "relation"
            far = km_between(a.latitude, a.longitude, b.latitude, b.longitude) > reach
            if b.feature != "country" and spelt_otherwise and far:
                out[i] = None  # "à Kalembe, dans le territoire de Walikale": not Kalemie, 500 km away
            break
    return out


TOWN_PART_KM = 40.0  # a quarter of a town lies within this of it
CITY_DISTRICT_KM = 100.0  # a town's district named like another city's district lies within this of the town


def within_the_town_told(doc: Doc, mentions: list[Mention], readings: list[Reading | None]) -> list[Reading | None]:
    """« À Kherson, un homme a été tué dans le district de Dniprovskyi »: a quarter named with a town of the same
    sentence is that town's, and so is a district read as a city's district far away (Kyiv's Dniprovskyi, 450 km);
    not an administrative district of the province around the town (« le district de Hawija », 55 km from Kirkuk).
    The name is then placed at the town (``anchored_spans``)."""
    out = list(readings)
    for i, (mention, reading) in enumerate(zip(mentions, readings, strict=True)):
        if reading is None or mention.cue is None:
            continue
        quarter = a_quarter(mention)
        here = reading.candidate.place
        if not (quarter or (mention.cue.words == "district" and here.feature == "city")):
            continue
        town = town_of_the_part(doc, mentions, readings, i)
        reach = TOWN_PART_KM if quarter else CITY_DISTRICT_KM
        if town is not None and km_between(town.latitude, town.longitude, here.latitude, here.longitude) > reach:
            out[i] = None
    return out


def a_quarter(mention: Mention) -> bool:
    """« le quartier de Gwammaja » (``lexicons/city_part_cues.txt``)."""
    return mention.cue is not None and mention.cue.words in word_set("lexicons/city_part_cues.txt")


def town_part(mention: Mention) -> bool:
    return a_quarter(mention) or (mention.cue is not None and mention.cue.words == "district")


def is_acting_state(span: Span) -> bool:
    """« Moscou a lancé »: a state named by its capital stays a toponym; « Le Kremlin a estimé » is a seat of power
    speaking (``lexicons/seat_metonyms.txt``), no place."""
    seat = re.sub(r"^(?:le|la|l'|l’)\s*", "", span.text.lower()) in word_set("lexicons/seat_metonyms.txt")
    return (
        span.kb_id_.startswith("state:") and span.text[:1].isupper() and not seat and any(acts(t, span) for t in span)
    )


@Language.factory(
    "temoin_places",
    assigns=["doc.spans"],
    requires=["doc.ents", "token.is_sent_start"],
    default_config={"gazetteer_path": ""},
)
def make_place_finder(nlp: Language, name: str, gazetteer_path: str) -> PlaceFinder:
    return PlaceFinder(nlp, name, gazetteer_path)


def named_as_origin(doc: Doc, mention: Mention) -> bool:
    """A country named as where people come from (« des orpailleurs venus du Niger ») says nothing of where the
    article's places lie: it does not vote for the article's countries."""
    before = doc[max(0, mention.start - 3) : mention.start].text
    return origin_words().search(before) is not None


@cache
def origin_words() -> re.Pattern[str]:
    """« venus de », « originaires du »: a word of ``lexicons/origin_words.txt`` and « de » at the end of a text."""
    words = word_alternation(read_lines("lexicons/origin_words.txt"))
    return re.compile(r"\b(?:" + words + r") (?:du|de|des|d')\s*$", re.I)
