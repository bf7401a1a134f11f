"""Who did what to whom: actor spans as typed ``Actor`` records, in the agent or patient role."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from temoin.coding.typing import SUPPORTING_FIRE
from temoin.countries import Country, armies_on_the_ground, country_lexicon
from temoin.records import Actor
from temoin.resources import read_lines, read_tsv, split_variants, word_alternation, word_pattern, word_set
from temoin.stages import doc_text
from temoin.stages.actors import (
    NamedActor,
    blame_verbs,
    generic_actors,
    missions_at_home,
    named_actors,
    namesakes,
    subject_parsed_as_object,
)
from temoin.stages.attribution import reporting_verbs
from temoin.stages.speakers import OF_WORDS, negated

STATE_NAMES = {"MIL": "Military Forces of {}", "COP": "Police Forces of {}", "GOV": "Government of {}"}
_PATIENT_MARKERS = {"contre", "sur", "visant", "vers", "à"}
UNDERGONE_NOUNS = {"arrest", "abduction"}  # kinds whose noun's complement is who underwent it, not who did it
_AGENT_DEPS = {"nsubj", "obl:agent", "nsubj:outer"}
_PATIENT_DEPS = {"nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod", "nmod"}
NON_STATE = {"REB", "UAF", "CVL", "REF", "JRN", "MED", "NGO", "OPP", "PTY"}


def namesake_at_home(name: str, ident: str, focus: Country | None) -> str:
    """Of the rows sharing a name, the one of the country the event is in, else the row matched; a force named
    by no mission, the mission serving there (« les casques bleus » in Bangui: MINUSCA's)."""
    by_land = acronyms_by_land().get((name, focus.iso3)) if focus is not None else None
    if by_land is not None:
        return by_land  # « les FDS » in Burkina Faso: its Defence and Security Forces, not Syria's SDF
    found = namesakes().get(name.lower(), ())
    home = next((i for i in found if focus is not None and named_actors()[i].country == focus.iso3), ident)
    return missions_at_home().get((home, focus.iso3), home) if focus is not None else home


@cache
def acronyms_by_land() -> dict[tuple[str, str], str]:
    """(acronym, ISO alpha-3 of the land) → the actor it names there (``actors/acronyms_by_land.tsv``)."""
    return {
        (row["acronym"], land): row["actor"]
        for row in read_tsv("actors/acronyms_by_land.tsv")
        for land in split_variants(row["lands"])
    }


@cache
def lands_of_operation() -> dict[str, set[str]]:
    return {row["id"]: set(split_variants(row["lands"])) for row in read_tsv("actors/lands_of_operation.tsv")}


def land_of(actor_id: str, focus: Country | None) -> str:
    """The country a group that fights across borders is filed under: the land the article is about, when it is
    one of the group's (``actors/lands_of_operation.tsv``); "" otherwise."""
    return focus.iso3 if focus is not None and focus.iso3 in lands_of_operation().get(actor_id, set()) else ""


def to_actor(span: Span, focus: Country | None) -> Actor | None:
    """The ``Actor`` record an actor span stands for; None when its country cannot be told."""
    kind, _, ident = span.kb_id_.partition(":")
    country_name = focus.name_en if focus else "Unknown"
    if kind == "named":
        actor = named_actors()[namesake_at_home(span.text, ident, focus)]
        if actor.sector == "GOV" and actor.country and loyal_to(span):
            country = country_lexicon().by_iso3.get(actor.country)  # « les forces loyales au Conseil présidentiel »
            army = STATE_NAMES["MIL"].format(country.name_en) if country else ""
            return Actor(army, actor.country, "MIL", span.text) if country else None
        if actor.country:
            return Actor(actor.name, land_of(actor.id, focus) or actor.country, actor.sector, span.text)
        return Actor(f"{actor.name} ({country_name})", focus.iso3 if focus else "UNK", actor.sector, span.text)
    if kind == "state" and ident in {"enemy", "occupier"}:  # no state named as the enemy: the land's occupier
        country = country_lexicon().by_iso3.get(occupiers().get(focus.iso3, "")) if focus else None
        return Actor(STATE_NAMES["MIL"].format(country.name_en), country.iso3, "MIL", span.text) if country else None
    if kind == "state":
        country = army_on_the_ground(focus, span.label_) if ident == "?" else country_lexicon().by_iso3.get(ident)
        if country is None:
            return None
        authority = de_facto_army(span, country.iso3) if ident == "?" else None
        if authority is not None:
            return Actor(authority.name, authority.country, authority.sector, span.text)
        template = STATE_NAMES.get(span.label_, "Military Forces of {}")
        return Actor(template.format(country.name_en), country.iso3, span.label_, span.text)
    if kind == "people":  # "des Soudanais": people of that country
        people = country_lexicon().by_iso3.get(ident)
        return Actor(f"Civilians ({people.name_en})", people.iso3, "CVL", span.text) if people else None
    if kind == "generic":
        sector, template = generic_actors()[ident]
        text = span.text
        if sector == "CVL" and (land := nationality_after(span)) is not None:
            focus, country_name = land, land.name_en  # « quatre pêcheurs rwandais » arrested in Burundi
            text = span.doc[span.start : nationality_end(span)].text
        return Actor(template.format(country=country_name), focus.iso3 if focus else "UNK", sector, text)
    return None


def nationality_after(span: Span) -> Country | None:
    """The nationality adjective within two words after a noun of civilians (« trois chauffeurs routiers
    sénégalais »)."""
    end = nationality_end(span)
    return country_lexicon().adjective(span.doc[end - 1].text) if end > span.end else None


def nationality_end(span: Span) -> int:
    """The end of a noun of civilians with the nationality adjective after it; the noun's own end when none."""
    for token in span.doc[span.end : min(span.end + 2, span.sent.end)]:
        if not token.is_lower or token.is_punct:
            break
        if country_lexicon().adjective(token.text) is not None:
            return token.i + 1
    return span.end


def says_its_nationality(text: str, country: str) -> bool:
    """« pêcheurs rwandais »: the words end on the nationality of that country."""
    named = country_lexicon().adjective(text.split()[-1]) if text.split() else None
    return named is not None and named.iso3 == country


def de_facto_army(span: Span, land: str) -> NamedActor | None:
    """« les forces armées ont repoussé une tentative d'infiltration des mercenaires de l'agression »: in a Houthi
    outlet's words, the Houthis' forces (``actors/de_facto_armies.tsv``)."""
    if span.label_ != "MIL" or land not in de_facto_armies():
        return None
    ident, cues = de_facto_armies()[land]
    return named_actors()[ident] if cues.search(doc_text(span.doc)) else None


@cache
def de_facto_armies() -> dict[str, tuple[str, re.Pattern[str]]]:
    return {
        row["land"]: (row["actor"], re.compile(rf"\b(?:{word_alternation(split_variants(row['cues']))})\b", re.I))
        for row in read_tsv("actors/de_facto_armies.tsv")
    }


@cache
def occupiers() -> dict[str, str]:
    """The army a land's media call the occupier, from ``actors/occupiers.tsv``."""
    return {row["land"]: row["occupier"] for row in read_tsv("actors/occupiers.tsv")}


def loyal_to(span: Span) -> bool:
    """« les forces loyales au gouvernement »: the government's armed forces (``lexicons/loyal_forces.txt``)."""
    before = span.doc[max(span.sent.start, span.start - 4) : span.start].text
    return any(m.end() == len(before) for m in word_pattern("lexicons/loyal_forces.txt").finditer(before))


def has_an_army(country: Country) -> bool:
    return country.iso3 not in armies_on_the_ground()


def army_on_the_ground(focus: Country | None, sector: str) -> Country | None:
    """Whose army "l'armée" is in a territory with none of its own (``actors/armies_on_the_ground.tsv``)."""
    army = armies_on_the_ground().get(focus.iso3) if focus is not None and sector == "MIL" else None
    return country_lexicon().by_iso3.get(army) if army else focus


def made_to(verb: Token) -> bool:
    """« l'armée a fait sauter quatre maisons »: a causative « faire » before the verb; its subject acted."""
    before = [c for c in verb.children if c.i < verb.i] + ([verb.head] if verb.head.i < verb.i else [])
    return any(t.lemma_.lower() == "faire" for t in before)


def clause_verb(token: Token) -> Token:
    """The verb a trigger belongs to: the trigger itself, or the first verb up its heads."""
    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"} or current.head is current:
            return current
        current = current.head
    return current


def defence_verbs() -> frozenset[str]:
    return word_set("lexicons/defence_verbs.txt")


def defends(verb: Token, trigger_root: Token) -> bool:
    """The trigger is the attack a verb of defence is done to ("ont repoussé une attaque")."""
    if verb.lemma_.lower() not in defence_verbs():
        return False
    return trigger_root.i == verb.i or trigger_root.head.i == verb.i  # "ont essuyé des tirs", "repoussé une attaque"


def attacked_from_the_object(actor: Span, verb: Token) -> bool:
    """A force named in what a verb of defence pushed back: « ont repoussé une tentative d'infiltration des
    mercenaires de l'agression », not in what it aimed at (« une attaque contre les positions de l'armée »)."""
    if actor.start <= verb.i or actor.sent.start != verb.sent.start:
        return False
    before = {t.lower_ for t in actor.doc[max(actor.start - 3, verb.i + 1) : actor.start]}
    return not before & _PATIENT_MARKERS


def subjectless(verb: Token) -> bool:
    return not any(c.dep_.startswith("nsubj") or c.dep_ == "expl:subj" for c in verb.children)


def right_before(actor: Span, verb: Token) -> bool:
    """Nothing but auxiliaries and adverbs between the actor and the verb ("des hommes armés ont enlevé")."""
    gap = actor.doc[actor.end : verb.i]
    if actor.end > verb.i:
        return False
    aside = its_aside(actor, gap)
    return all(t.pos_ in {"AUX", "ADV"} for t in gap[aside:])


def before_its_apposition(actor: Span, verb: Token) -> bool:
    """« Jeudi, des jeunes Imbonerakure, la ligue des jeunes du parti au pouvoir CNDD-FDD, ont passé à tabac »: the
    description between commas parsed as the subject, the actor before it left aside."""
    gap = actor.doc[actor.end : verb.i]
    commas = [t.i for t in gap if t.text == ","]
    if actor.root.dep_.startswith("nsubj") or len(commas) != 2 or gap[0].text != ",":
        return False
    described = actor.doc[commas[0] + 1 : commas[1]]
    subject = any(t.dep_.startswith("nsubj") and t.head.i == verb.i for t in described)
    tail = actor.doc[commas[1] + 1 : verb.i]
    return subject and described[0].pos_ == "DET" and all(t.pos_ in {"AUX", "ADV"} for t in tail)


def its_aside(actor: Span, gap: Span) -> int:
    """How many tokens at the start of the gap still belong to the actor, its adjectives and its aside between
    commas: « des colons armés, protégés par les soldats de l'occupation, ont attaqué »."""
    owner = actor.root  # « des membres du gang Gran Grif, dirigé par X, ont enlevé »: the aside of the members
    while owner.dep_ in {"nmod", "flat:name"} and owner.head.i < actor.start and owner.head is not owner:
        owner = owner.head
    own = 0
    for token in gap:
        if token.text != "," and not (actor.root.is_ancestor(token) or owner.is_ancestor(token)):
            break
        own += 1
    commas = [i for i, t in enumerate(gap[:own]) if t.text == ","]
    aside = commas and any(t.text != "," for t in gap[commas[0] : own])
    return own if not commas or aside else commas[0]  # not the comma closing a list: « et des milices claniques, »


def attributed_to(actor: Span) -> bool:
    """ "une attaque attribuée à la milice Codeco", "une frappe imputée à l'armée": the one it is laid on did it."""
    i = actor.start - 1
    while (
        i > actor.start - 4
        and i > 0
        and (actor.doc[i].pos_ == "DET" or (actor.doc[i].is_lower and actor.doc[i].pos_ == "NOUN"))
    ):
        i -= 1  # "attribuée à la milice Codeco"
    doc = actor.doc
    laid = doc[max(0, i - 4) : i]  # "attribuée à", "qui attribue l'attaque à l'ELN" (parsed as the noun's)
    if i > 0 and doc[i].lower_ in {"à", "au", "aux"} and any(lays(t) for t in laid):
        return True
    if hallmark_of(doc[max(0, actor.start - 4) : actor.start].text):
        return True  # « il porte la marque de Boko Haram »
    # "La police attribue l'attaque aux jihadistes de l'État islamique": the complement in "à" of the verb
    chain = [actor.root, *list(actor.root.ancestors)[:3]]
    return any(t.dep_.startswith("obl") and t.head.lemma_.lower() in LAYING_VERBS for t in chain)


LAYING_VERBS = {"attribuer", "imputer"}


def hallmark_of(before: str) -> bool:
    """The words before a group name its hallmark: « la marque de », « le mode opératoire des »."""
    return hallmark_words().search(before) is not None


@cache
def hallmark_words() -> re.Pattern[str]:
    nouns = word_alternation(sorted(word_set("lexicons/hallmark_nouns.txt")))
    return re.compile(rf"\b(?:{nouns}) (?:de|des|du|d')\s*(?:l'|la |le |les )?$", re.I)


def lays(token: Token) -> bool:
    return token.lemma_.lower() in LAYING_VERBS or token.lower_.startswith(("attribu", "imput"))


def blamed(actor: Span) -> bool:
    """ "..., a indiqué le collectif, accusant les paramilitaires": the one accused did it."""
    return actor.root.dep_ == "obj" and actor.root.head.lemma_.lower() in blame_verbs()


def lays_blame(actor: Span) -> bool:
    """The subject of "attribuer"/"imputer" says who did it; it did nothing itself ("La police attribue l'attaque");
    so does the subject of a verb of accusing (``lexicons/accusing_verbs.txt``: « le FLA accuse l'armée d'avoir mené
    une frappe de drone »)."""
    phrase = actor.root
    while (
        phrase.dep_ in {"nmod", "amod", "appos", "conj"}
        and phrase.head.pos_ in {"NOUN", "PROPN"}
        and phrase.head is not phrase
    ):
        phrase = phrase.head  # « le FLA, coalition de groupes rebelles à dominante touareg, accuse »
    verb = phrase.head
    mutual = any(c.lower_ in {"s'", "se"} for c in verb.children)  # « s'accusent mutuellement »: both fought
    accuses = verb.lemma_.lower() in word_set("lexicons/accusing_verbs.txt") and not mutual
    lays = verb.lemma_.lower() in LAYING_VERBS or accuses
    return phrase.dep_ == "nsubj" and lays


def comments_on(actor: Span, trigger: Span) -> bool:
    """The subject of a verb that takes the event noun for object only speaks of it (« La police a confirmé
    l'attaque »): ``lexicons/comment_verbs.txt``."""
    verb = actor.root.head
    told = trigger.root.dep_ == "obj" and trigger.root.head.i == verb.i
    return actor.root.dep_ == "nsubj" and told and verb.lemma_.lower() in word_set("lexicons/comment_verbs.txt")


def kept_silent(actor: Span) -> bool:
    """ "Le gouvernement n'a pas réagi": who said nothing did nothing either; not « Les FSR n'ont pas revendiqué
    ces attaques », which leaves them suspected (``lexicons/claim_verbs.txt``)."""
    verb = actor.root.head
    lemma = verb.lemma_.lower()
    silent = lemma in reporting_verbs() and lemma not in word_set("lexicons/claim_verbs.txt") and negated(verb)
    return actor.root.dep_ == "nsubj" and silent


def names_it_in_an_aside(actor: Span) -> bool:
    """ "Novgorodskoïe (appelée Niou-York par les autorités ukrainiennes)": who calls the place so took no part."""
    for token in reversed(actor.doc[max(actor.sent.start, actor.start - 8) : actor.start]):
        if token.text in {")", ".", ";"}:
            return False
        if token.text == "(":
            aside = actor.doc[token.i + 1 : actor.start]
            return any(t.lemma_.lower() in word_set("lexicons/naming_verbs.txt") for t in aside)
    return False


INCISE_DEPS = {"parataxis", "conj"}  # « ..., a-t-on appris auprès des autorités, nouvel épisode de ... »: conj


def in_what_the_teller_adds(actor: Span, trigger: Span) -> bool:
    """ "..., ont indiqué lundi des responsables locaux, nouvelle illustration de la violence des gangs criminels":
    a group named deeper in what the incise of telling adds is no party to the event told; the teller itself is left
    to the sources."""
    token = actor.root.head
    while token.i != token.head.i and token.dep_ not in INCISE_DEPS:
        if token.pos_ in {"VERB", "AUX"}:
            return False  # « ... et affirme avoir « neutralisé une dizaine de bandits » »: what it says happened
        token = token.head
    incise = token.dep_ in INCISE_DEPS and token.lemma_.lower() in reporting_verbs()
    if not incise or actor.root.head.i == token.i or trigger.root in token.subtree:
        return False
    tellers = actor.doc.spans.get("temoin_sources", [])
    return not any(s.start < actor.end and actor.start < s.end for s in tellers)


def called_upon(actor: Span) -> bool:
    """The one a speaker calls on to act (« sa famille, qui a appelé le gouvernement d'union nationale à
    intervenir ») is no party: ``lexicons/appeal_verbs.txt``."""
    verb = actor.root.head
    return actor.root.dep_ in {"obj", "iobj"} and verb.lemma_.lower() in word_set("lexicons/appeal_verbs.txt")


def protected(actor: Span, trigger: Span) -> bool:
    """Civilians named in what the event was for, after it (« une base ... pour « renforcer la protection des
    civils » », « des renforts afin de sécuriser les populations »): not its participants."""
    if actor.label_ not in VICTIM_LABELS or actor.start < trigger.end:
        return False
    between = actor.doc[trigger.end : actor.start]
    for i, token in enumerate(between):
        if token.lower_ in {"pour", "afin"}:
            after = [t for t in between[i + 1 : i + 4] if not t.is_punct and t.lower_ not in {"de", "d'"}]
            if after and "Inf" in after[0].morph.get("VerbForm", []):
                return True
    return False


VICTIM_LABELS = {"CVL", "REF"}


def houses_it(actor: Span, trigger: Span) -> bool:
    """Named in a clause that tells what a place houses, after the event word: « des obus sont tombés près de
    l'aéroport, où sont installées les missions diplomatiques et la mission de l'Union africaine », « le camp, qui
    abrite des soldats de l'ONU »: not a party (« à Goma, où les FARDC ont attaqué », with its own verb, is one);
    an armed group housed there is the target (« l'aéroport de Nyala, où les FSR ont installé leur siège »)."""
    if actor.label_ != "IGO":
        return False
    doc, housing = actor.doc, word_set("lexicons/housing_verbs.txt")
    for token in reversed(doc[max(actor.sent.start, actor.start - 16) : actor.start]):
        if token.text in {",", ";", ":", ".", "«", "»"}:
            return False
        if token.i < trigger.end:
            return False
        if token.lower_ == "où" or (token.lemma_.lower() in housing and doc[token.i - 1].lower_ == "qui"):
            clause = doc[token.i : actor.start]
            return not any(t.pos_ == "VERB" and t.lemma_.lower() not in housing for t in clause)
    return False


def holds_what_it_names(actor: Span, trigger: Span) -> bool:
    """The group that holds a source (« a rapporté la chaîne al-Massirah, contrôlée par le groupe houthi », « selon le
    ministère de la Santé du gouvernement de Sanaa, contrôlé par Ansar Allah ») describes it and is no party to the
    event: ``lexicons/control_verbs.txt``. Who holds a place hit is its target (« le port de Ras Issa, un terminal
    pétrolier contrôlé par les rebelles »)."""
    noun = actor.root
    while noun.dep_ in {"amod", "nmod", "flat:name", "appos"} and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # « le groupe houthi »: the group, named by its adjective
    verb = noun.head
    bare = not any(c.dep_.startswith("aux") for c in verb.children)  # « tenu par », parsed as a clause of its own
    participle = verb.dep_ == "acl" or (verb.dep_ == "advcl" and bare)
    holding = participle and verb.lemma_.lower() in word_set("lexicons/control_verbs.txt")
    tellers = actor.doc.spans.get("temoin_sources", [])
    of_a_teller = any(s.start <= verb.head.i < s.end for s in tellers)  # not « le port, tenu par les rebelles »
    return noun.dep_ == "obl:agent" and holding and of_a_teller and trigger.root not in verb.subtree


def holds_the_place(actor: Span, lexicon: str = "lexicons/holder_phrases.txt") -> bool:
    """Named as the holder of a place (« Nyala, fief des FSR », « une zone contrôlée par les FSR »):
    ``lexicons/holder_phrases.txt``, or the words of another ``lexicon``."""
    before = " ".join(t.lower_ for t in actor.doc[max(actor.sent.start, actor.start - 5) : actor.start])
    return any(f" {before}".endswith(f" {phrase} {det}".rstrip()) for phrase in word_set(lexicon) for det in DETS)


DETS = ("", "les", "la", "le", "l'")


def in_quotes(actor: Span) -> bool:
    """Named in someone's quoted words (« contre « un regroupement de terroristes » »), not the outlet's own."""
    before = actor.doc[actor.sent.start : actor.start].text
    return before.count("«") > before.count("»")


def escorts(actor: Span, trigger: Span) -> str | None:
    """ "un convoi escorté par l'armée a été pris pour cible": the escort is on the side of what it escorts, here
    the attacked (the attack is told in the passive); "des jihadistes appuyés par des drones ont attaqué": the
    attackers'."""
    path = [actor.root, *actor.root.ancestors]
    at = next((i for i, t in enumerate(path) if t.pos_ == "VERB"), None)
    if at is None or at == 0 or path[at].lemma_.lower() not in word_set("lexicons/escort_verbs.txt"):
        return None
    verb = path[at]
    if actor.start < verb.i or not path[at - 1].dep_.startswith(("obl", "conj")):
        return None  # "escorté par l'armée et des Volontaires ... (VDP)", however the parser hangs the list
    attack = clause_verb(trigger.root)
    if verb.i == attack.i:
        return None
    escorted = verb.head if verb.dep_ == "acl" else None
    if escorted is not None:  # "une embuscade contre un convoi escorté par l'armée": the convoy was hit
        marked = any(c.dep_ == "case" and c.lower_ in _PATIENT_MARKERS for c in escorted.children)
        if marked or escorted.dep_ in {"obj", "nsubj:pass"}:
            return "patient"
        if escorted.dep_ == "nsubj":
            return "agent"
    return "patient" if any(c.dep_ == "aux:pass" for c in attack.children) else "agent"


def in_its_aim(actor: Span) -> bool:
    """ "qui affirme viser « des infrastructures terroristes du Hezbollah »": the actor is in the object of a verb of
    aiming (``lexicons/aim_verbs.txt``)."""
    token = actor.root
    while token.head.i != token.i:
        if token.dep_ in {"obj", "obl:arg"} and token.head.lemma_.lower() in word_set("lexicons/aim_verbs.txt"):
            return True
        token = token.head
    return False


def aimed_at(actor: Span, trigger: Token) -> bool:
    """ "une embuscade ... contre une patrouille de la Minusca", « des tirs d'artillerie sur des positions des ADF »:
    the actor is in what the event was aimed at."""
    token = actor.root
    aims = {"contre", "visant", "sur"} | ({"à"} if trigger.lemma_.lower() == "embuscade" else set())  # « tendu une
    while token.i != trigger.i and token.head.i != token.i:  # embuscade à une colonne des FAMa »
        if any(c.dep_ == "case" and c.lower_ in aims for c in token.children):
            return True
        token = token.head
    return False


def object_of_its_verb(actor: Span, noun: Token) -> bool:
    """ "une frappe de drone, menée par la police, aurait tué huit membres du gang": the gang is in the object of
    a verb of the event (a trigger) that tells what the strike did, so it was hit."""
    told = actor.doc.spans.get("temoin_triggers", [])
    current = actor.root
    while current.i != noun.i and current.head is not current:
        head = current.head
        if current.dep_ in {"obj", "nsubj:pass"} and any(t.start <= head.i < t.end for t in told):
            return True
        current = head
    return False


def in_the_agent_phrase(actor: Span, verb: Token) -> bool:
    """The actor is in the noun phrase after « par » of a participle that tells an event noun or says who carried
    one out (« l'attaque menée par des membres du gang », ``lexicons/conduct_verbs.txt``), reached through nouns
    only; not « une ville menacée par l'EI »."""
    told = actor.doc.spans.get("temoin_triggers", [])
    current = actor.root
    while current.head is not current and current.i != verb.i:
        if current.dep_ == "obl:agent":
            participle = current.head
            event_noun = participle.head
            tells_it = participle.lemma_.lower() in word_set("lexicons/conduct_verbs.txt") or any(
                t.start <= event_noun.i < t.end for t in told
            )
            return participle.i != verb.i and participle.dep_ == "acl" and tells_it
        if current.pos_ not in {"NOUN", "PROPN", "X"} or current.dep_ not in {"nmod", "flat:name", "appos"}:
            return False
        current = current.head
    return False


@cache
def by_its_men() -> re.Pattern[str]:
    men = word_alternation(read_lines("lexicons/member_nouns.txt"))
    return re.compile(
        rf"\bpar\s+(?:des|les|ses|leurs|d'|l')?\s*(?:{men})\s+(?:du|de la|de l'|des|d')\s*"
        r"(?:(?:groupe|mouvement)\s+armé|milice|gang)?\s*$",
        re.I,
    )


def done_by_its_men(actor: Span) -> bool:
    """ "des viols commis à Zemio par des éléments du groupe armé AAKG": the group did it, whatever the parse."""
    before = actor.doc[max(actor.sent.start, actor.start - 8) : actor.start].text
    return by_its_men().search(before) is not None


def role(actor: Span, trigger: Span) -> str:
    """'agent' or 'patient' of the event the trigger reports."""
    if attributed_to(actor) or blamed(actor) or done_by_its_men(actor):
        return "agent"
    root = trigger.root
    if in_its_aim(actor) and not actor.root.is_ancestor(root):
        return "patient"
    overlaps = actor.start < trigger.end and trigger.start < actor.end
    if overlaps and trigger[0].pos_ in {"NOUN", "PROPN"}:
        return "agent"  # "les frappes aériennes russes", "une frappe partie d'un poste turc"
    if actor[0].pos_ == "NOUN" and actor.root.is_ancestor(root) and root.pos_ in {"NOUN", "PROPN"}:
        return "agent"  # "une frappe russe de missiles balistiques": the strike's, so the missiles'
    if root.pos_ in {"NOUN", "PROPN"} and actor.root.is_ancestor(root) is False and root.is_ancestor(actor.root):
        before = {t.lower_ for t in actor.doc[max(actor.start - 3, 0) : actor.start]}
        undergone = trigger.label_ in UNDERGONE_NOUNS and "par" not in before  # "l'arrestation de cinq complices"
        hit = before & _PATIENT_MARKERS or undergone or aimed_at(actor, root) or object_of_its_verb(actor, root)
        return "patient" if hit else "agent"
    verb = clause_verb(root)
    undergone = verb.lemma_.lower() in word_set("lexicons/undergoing_verbs.txt") and not made_to(verb)
    if undergone and subject_of(actor, verb):
        return "patient"  # « un véhicule de l'armée malienne a sauté sur un engin explosif »
    if (
        defends(verb, root)
        and not actor.root.dep_.startswith("nsubj")
        and (actor.label_ in {"REB", "UAF"} or attacked_from_the_object(actor, verb))
    ):
        return "agent"  # "les FDS ont repoussé une attaque, tuant dix assaillants": the assailants attacked
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    by = [t.lower_ for t in actor.doc[max(0, actor.start - 2) : actor.start]]
    if passive and ("par" in by or by_its_weapons(actor)) and actor.start > verb.i:
        return "agent"  # "est arrêté avec sept autres personnes par la Gendarmerie nationale"
    if in_the_agent_phrase(actor, verb):
        return "agent"  # « tuées lors de l'attaque menée par des membres du gang Gran Grif »
    if fired_by(actor, verb, trigger) or whose_fire(actor) or by_its_weapons(actor, "sous"):
        return "agent"  # « des drones et des missiles russes se sont abattus sur », parsed as a passive
    if not passive and subjectless(verb) and right_before(actor, verb):
        return "agent"  # "Dans la région d'Oromia, des hommes armés ont enlevé": the parse lost the subject
    if not passive and actor.root.head.i == verb.i and subject_parsed_as_object(actor.root):
        return "agent"  # « une force israélienne aurait par ailleurs enlevé un berger »: a subject parsed as an object
    if hit_in_the_main_clause(actor, verb):
        return "patient"  # « Un soldat de l'AUSSOM a été tué lorsqu'un engin explosif a visé un convoi »
    if not passive and before_its_apposition(actor, verb):
        return "agent"  # « des jeunes Imbonerakure, la ligue des jeunes du parti au pouvoir, ont passé à tabac »
    heads = sorted(actor, key=lambda t: (t.dep_ not in _AGENT_DEPS, t.i != actor.root.i))  # "Tel-Aviv": "Aviv" acts
    for child in verb.children:
        if any(child.i == t.i or child.is_ancestor(t) for t in heads[:1]):
            if child.dep_ == "nsubj" and passive and by_an_agent(verb) and not defends(verb, root):
                return "patient"  # « l'armée a été prise en embuscade », its passive subject parsed as a plain one
            if child.dep_ in _AGENT_DEPS or (child.dep_ == "nsubj:pass" and not passive):
                # "les FDS ont repoussé une attaque": the subject of a verb of defence was attacked;
                # "ses troupes avaient « libéré » le village", parsed as a passive subject, acted
                return "patient" if defends(verb, root) else "agent"
            if child.dep_ in _PATIENT_DEPS:
                return "patient"
    if any(c.dep_ == "obl:agent" and any(c.is_ancestor(t) for t in actor) for c in verb.children):
        return "agent"  # "tués par une attaque de bombes guidées russes", the span parsed in pieces
    if verb.dep_ == "xcomp" and defends(verb, root) and subject_of(actor, verb.head):
        return "patient"  # « l'armée affirme avoir repoussé un assaut des FSR »: the army was attacked
    return "agent" if actor.end <= trigger.start else "patient"


def by_an_agent(verb: Token) -> bool:
    """The verb names who did it after « par »: a passive, not « sont passés au Mozambique » read as one."""
    return any(c.dep_ == "obl:agent" for c in verb.children)


def hit_in_the_main_clause(actor: Span, verb: Token) -> bool:
    """The event's clause tells when or how the main clause's passive subject was hit: « Un soldat a été tué lorsqu'un
    engin explosif a visé un convoi »."""
    main = verb.head
    if verb.dep_ != "advcl" or main is verb or not any(c.dep_ == "aux:pass" for c in main.children):
        return False
    own_subject = any(c.dep_ == "nsubj" and not actor.start <= c.i < actor.end for c in verb.children)
    return own_subject and subject_of(actor, main)  # not « arrêté après avoir attaqué »: the one arrested attacked


def subject_of(actor: Span, verb: Token) -> bool:
    """The actor is the verb's subject or is named in it (« un véhicule de l'armée malienne »), also through a
    relative « qui » (« c'est un véhicule du BIR qui a sauté sur un engin explosif »)."""
    phrase = actor.root
    while (
        phrase.head.i != verb.i and phrase.dep_ in {"nmod", "appos", "conj", "flat:name"} and phrase.head is not phrase
    ):
        phrase = phrase.head
    relative = verb.dep_ == "acl:relcl" and any(c.dep_ == "nsubj" and c.lower_ == "qui" for c in verb.children)
    return (phrase.head.i == verb.i and phrase.dep_.startswith("nsubj")) or (relative and phrase.i == verb.head.i)


def fired_by(actor: Span, verb: Token, trigger: Span) -> bool:
    """ "une attaque combinée de missiles et de drones russes a frappé Kiev", "huit personnes ont été tuées lorsque
    des missiles russes se sont abattus sur la ville": a force named by its weapons in the event's clause fired
    them, unless the weapons were hit or aimed at (``lexicons/weapon_nouns.txt``)."""
    if actor.root.lower_ not in word_set("lexicons/weapon_nouns.txt"):
        return False
    phrase = actor.root
    while phrase.dep_ in {"nmod", "conj", "appos", "flat:name"} and phrase.head is not phrase:
        phrase = phrase.head
    reflexive = any(c.lower_ in {"se", "s'", "s’"} for c in phrase.head.children)  # « se sont abattus »
    if phrase.dep_ in {"obj", "nsubj:pass"} and not reflexive:
        return False
    before = {t.lower_ for t in actor.doc[max(actor.start - 3, actor.sent.start) : actor.start]}
    lo, hi = sorted((actor.start, trigger.start))
    near = hi - lo <= 8 and not any(t.is_punct for t in actor.doc[lo:hi])
    return not before & _PATIENT_MARKERS and (near or clause_verb(phrase) == verb)


def by_its_weapons(actor: Span, preposition: str = "par") -> bool:
    """« pilonnée par l'artillerie des FSR », « frappée par des drones de l'armée »: after « par », the force whose
    weapons did it (``lexicons/weapon_nouns.txt``); « tombés sous les balles des forces d'occupation »: after
    « sous »."""
    words = [t.lower_ for t in actor.doc[max(actor.sent.start, actor.start - 5) : actor.start] if t.pos_ != "DET"]
    weapons = word_set("lexicons/weapon_nouns.txt")
    return len(words) >= 3 and words[-1] in OF_WORDS and words[-2] in weapons and words[-3] == preposition


def whose_fire(actor: Span) -> bool:
    """ "après des frappes de l'armée de l'air", "sous les tirs d'artillerie de l'armée": the force whose fire a
    strike noun names fired it, wherever the sentence's main event is."""
    doc = actor.doc
    i = actor.start - 1
    while i > actor.sent.start and doc[i].pos_ == "DET":
        i -= 1
    if i <= actor.sent.start or doc[i].lower_ not in {"de", "du", "d'", "des"}:
        return False
    fire = [t for t in doc.spans.get("temoin_triggers", []) if t.label_ in SUPPORTING_FIRE]
    return any(t.end == i for t in fire)
