"""Who took part in an event: the actors of a sentence in their roles, and ACLED's defaults when the text
names none (the police for arrests, the forces holding the ground, the civilians of the place)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from temoin.coding.clauses import claims, opening_country, war_nouns
from temoin.coding.context import ArticleContext, Sentence
from temoin.coding.location import is_origin
from temoin.coding.roles import (
    called_upon,
    comments_on,
    escorts,
    has_an_army,
    holds_the_place,
    holds_what_it_names,
    houses_it,
    in_what_the_teller_adds,
    kept_silent,
    lays_blame,
    names_it_in_an_aside,
    protected,
    role,
    says_its_nationality,
    to_actor,
)
from temoin.coding.typing import EXPLOSIVE_ORDER, UNIDENTIFIED, has_cue, victim_nouns
from temoin.countries import Country, armies_on_the_ground, country_lexicon
from temoin.records import Actor, Event
from temoin.resources import read_lines, read_tsv, word_alternation, word_pattern, word_set
from temoin.stages import doc_text
from temoin.stages.actors import (
    ascription_verbs,
    force_nouns,
    generic_actors,
    named_actors,
    parent_of,
    state_enemies,
    support_verbs,
)
from temoin.stages.places.normalize import fold
from temoin.stages.sources import POSSESSIVES, variant_ranks
from temoin.stages.speakers import OF_WORDS as OF_WORDS_AFTER

STAND_OFF = {"Air/drone strike", "Shelling/artillery/missile attack"}  # not mines or bombs: anyone plants those


VICTIM_SECTORS = {"CVL", "REF", "JRN", "MED", "NGO"}


def civilians_of(country: Country | None) -> Actor:
    if country is None:
        return Actor("Civilians (Unknown)", "UNK", "CVL")
    return Actor(f"Civilians ({country.name_en})", country.iso3, "CVL")


LOOKBACK = 4  # sentences within which a placeless reading continues an earlier event


def actor_spans(sentence: Sentence, trigger: Span | None = None) -> tuple[list[Span], bool]:
    """The sentence's actors that are not its sources ("selon la MONUSCO"), else all, flagged; with the trigger,
    not the civilians the event was for (``roles.protected``)."""
    sources = [(s.start, s.end) for s in sentence.sources]
    actors = [a for a in sentence.actors if trigger is None or not protected(a, trigger)]
    actors = [a for a in actors if not (official(a) and any(s <= a.start < e for s, e in sources))]
    spans = [a for a in actors if claims(a) or not any(s <= a.start < e for s, e in sources)]
    if spans:
        return spans, False
    if any(t.lower_ in word_set("lexicons/reciprocal_words.txt") for t in sentence.span):
        return actors, False  # « L'armée et les rebelles s'accusent mutuellement d'avoir déclenché des combats »
    return actors, bool(actors)  # "la coalition a annoncé qu'un de ses avions avait atterri"


def official(actor: Span) -> bool:
    """« l'administrateur du territoire », « le préfet »: an official, who speaks for the government when a source."""
    return actor.kb_id_.startswith("generic:") and actor.label_ == "GOV"


def of_the_force(troops: Span, force: Span) -> bool:
    between = troops.doc[troops.end : force.start]
    state = force.kb_id_.startswith("state:") or (force.kb_id_.startswith("named:") and force.label_ in {"MIL", "COP"})
    return state and 0 < len(between) <= 2 and all(t.lower_ in OF_WORDS for t in between)  # « les soldats de
    # l'opération Barkhane »: the operation's


OF_WORDS = {"des", "de", "du", "la", "l'", "l’"}


def in_a_mission(troops: Span, mission: Span) -> bool:
    """« un soldat ougandais de l'AUSSOM »: a contingent's men named by their land serve the international mission."""
    between = troops.doc[troops.end : mission.start]
    ident = mission.kb_id_.removeprefix("named:")
    international = mission.kb_id_.startswith("named:") and ident in named_actors()
    international = international and named_actors()[ident].country == "IGO" and mission.label_ == "MIL"
    return (
        troops.kb_id_.startswith("state:")
        and international
        and 0 < len(between) <= 2
        and all(t.lower_ in OF_WORDS for t in between)
    )


def its_members(group: Span, people: Span) -> bool:
    """Civilian nouns that tell what an armed group is made of, « une milice de jeunes », « un gang d’adolescents »."""
    return (
        group.label_ in {"REB", "UAF"}
        and people.label_ == "CVL"
        and people.kb_id_.startswith("generic:")
        and people.start - group.end == 1
        and group.doc[group.end].lower_ in OF_WORDS_AFTER
    )


def of_the_group(generic: Span, named: Span) -> bool:
    """A generic label followed by the group it belongs to: « les terroristes du HTS », « des bandits lourdement armés
    de la coalition Viv Ansanm » (words that qualify the label, then « de », and no other noun between)."""
    if not named.kb_id_.startswith("named:"):
        return False
    between = generic.doc[generic.end : named.start]
    if len(between) <= 2:
        return True
    linked = any(t.lower_ in OF_WORDS_AFTER for t in between)
    kinds = word_set("lexicons/group_kind_nouns.txt")  # « de la coalition « Viv Ansanm » »
    words = [t for t in between if t.lower_ not in kinds and t.text not in {"«", "»"}]
    qualifiers = all(
        t.pos_ in {"ADV", "ADJ", "VERB", "DET", "ADP"} or (i == 0 and t.is_lower) for i, t in enumerate(words)
    )
    return len(between) <= 5 and linked and qualifiers  # « les miliciens azandé du groupe AAKG », a people's name


def of_a_named_group(generic: Span, following: list[Span]) -> bool:
    """A generic label, then the kind of group it belongs to, then the group's name: « les bandits armés du gang
    « Gran Grif » », « des combattants de la milice Wagner »."""
    if len(following) < 2 or not following[0].kb_id_.startswith("generic:"):
        return False
    kind, named = following
    between = generic.doc[generic.end : kind.start]
    return 0 < len(between) <= 2 and all(t.lower_ in OF_WORDS for t in between) and of_the_group(kind, named)


def sentence_actors(ctx: ArticleContext, sentence: Sentence, trigger: Span) -> tuple[list[Actor], list[Actor]]:
    agents: list[Actor] = []
    patients: list[Actor] = []
    spans, _ = actor_spans(sentence, trigger)
    focus = sentence_country(ctx, sentence)
    recent = recent_foreign_force(ctx, sentence)
    named_by = agents_after_by(trigger, spans)
    escorted = False
    dropped: Span | None = None
    for i, span in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if span.kb_id_.startswith("generic:") and nxt is not None and of_the_group(span, nxt):
            continue  # "les terroristes du HTS", « des bandits lourdement armés de la coalition Viv Ansanm »: the group
        if span.kb_id_.startswith("generic:") and of_a_named_group(span, spans[i + 1 : i + 3]):
            continue  # « des bandits armés du gang « Gran Grif » »: the gang named after its kind
        if span.kb_id_ == "state:?" and nxt is not None and of_the_force(span, nxt):
            continue  # « trois soldats des forces gouvernementales »: the government's, whoever was named before
        if nxt is not None and in_a_mission(span, nxt):
            continue  # « un soldat ougandais de l'AUSSOM »: the mission's
        if i > 0 and describes_the_group(spans[i - 1], span):
            continue  # « l'Armée blanche, une milice issue de la communauté nuer, »: the group named again
        if i > 0 and named_again_as_its_own(spans[i - 1], span):
            continue  # « des paramilitaires russes du groupe Wagner »: one actor named twice, its role the first's
        if brought_by_another(span, spans[:i]):
            continue  # « les forces d'occupation ont pris d'assaut le camp avec des dizaines de véhicules militaires »
        if i > 0 and its_members(spans[i - 1], span):
            continue  # « une milice de jeunes Nuer »: the militia's members, not civilians
        if describes_the_area(span, trigger):
            continue  # « dans une région ravagée par les gangs criminels »: the area's, not the event's
        if lays_blame(span) or comments_on(span, trigger) or wages_the_war(span) or across_a_contrast(span, trigger):
            continue  # "La police attribue l'attaque aux jihadistes": a source, not an actor
        if shields_them(span):
            continue  # « des colons, sous la protection des soldats de l'occupation, ont attaqué »: no side of it
        if called_upon(span) or kept_silent(span) or names_it_in_an_aside(span):
            continue  # « qui a appelé le gouvernement à intervenir », « Le gouvernement n'a pas réagi »: no part
        if in_what_the_teller_adds(span, trigger):
            continue  # « ..., ont indiqué des responsables, nouvelle illustration de la violence des gangs »
        if named_as_a_place(span) or houses_it(span, trigger) or holds_what_it_names(span, trigger):
            continue  # "le chef de la ville de Gorlovka, en RPD": the self-proclaimed republic, not its forces
        if holds_the_ground_of_the_scene(span, trigger):
            continue  # « À Goma, sous contrôle de l'AFC/M23 depuis janvier 2025, un commerçant a été abattu »
        if (
            associate_of(span)
            or (trigger.label_ == "arrest" and among_them(span))
            or (span.root.lower_ in BOMBER_NOUNS and among_them(span))  # « neuf personnes, dont la kamikaze »
            or allied_to(span)
            or in_partnership(span)
            or backs_up(span)
            or guards_another(span, spans)
            or parent_of(span)
            or (trigger.label_ == "arrest" and in_what_they_did(span))
            or (trigger.label_ in {"kill", "abduction"} and in_the_charge(span))
            or (dropped is not None and its_acronym(dropped, span))
        ):
            dropped = span
            continue  # "cinq complices des terroristes soupçonnés d'avoir renseigné les assaillants"
        bare_troops = span.kb_id_ == "state:?" and span.root.lower_ in troop_nouns()
        actor = its_own_fighters(sentence, span, focus) or to_actor(
            span, recent if bare_troops and recent is not None else focus
        )
        if actor is None:
            continue
        if trigger.label_ == "arrest" and actor.sector == "MIL" and span.root.lower_.startswith("gendarm"):
            actor = replace(police_of(country_lexicon().by_iso3[actor.country]), text=actor.text)  # gendarmes who
            # arrest are policing
        side = escorts(span, trigger)
        if (fall := side_of_the_fall(span, trigger)) is not None:
            (agents if fall == "agent" else patients).append(actor)  # « El-Fasher, dernier bastion de l'armée,
        elif counted_dead(span, sentence):  # tombé aux mains des FSR »
            patients.append(actor)  # "Au moins dix-huit personnes, des militaires et des civils, ont été tuées"
        elif side is not None:  # "un convoi escorté par l'armée et des VDP": the first escort stands for them all
            if not escorted:
                (agents if side == "agent" else patients).append(actor)
            escorted = True
        elif role(span, trigger) == "patient":
            patients.append(actor)
        elif not named_by or span in named_by:
            agents.append(actor)
    return agents, patients


def side_of_the_fall(span: Span, trigger: Span) -> str | None:
    """Of a place taken, the group it fell to (« aux mains des FSR »: ``lexicons/taker_phrases.txt``) took it, and
    the one it was the stronghold of (« dernier bastion de l'armée »: ``lexicons/holder_phrases.txt``) lost it."""
    fall = trigger.label_ == "territory_taken" and trigger[0].lower_.startswith(("chute", "tomb"))  # not « a repris
    if not fall or not holds_the_place(span):  # le contrôle de Mahaas, tombée aux mains des shebab l'an dernier »
        return None
    return "agent" if holds_the_place(span, "lexicons/taker_phrases.txt") else "patient"


def shields_them(span: Span) -> bool:
    """A force named only as the attackers' shield (« sous la protection des soldats »):
    ``lexicons/protector_phrases.txt``."""
    before = " ".join(t.lower_ for t in span.doc[max(span.sent.start, span.start - 6) : span.start])
    return shield_words().search(before) is not None


@cache
def shield_words() -> re.Pattern[str]:
    shields = word_alternation(sorted(word_set("lexicons/protector_phrases.txt")))
    return re.compile(rf"(?:^| )(?:{shields}) (?:de|des|du|d')(?: l'| la| le| les)?$")


def holds_the_ground_of_the_scene(span: Span, trigger: Span) -> bool:
    """The group that holds the town where a killing took place, named in an aside before it: no side of it. A strike
    on its ground may be aimed at it (« Au Darfour, bastion des paramilitaires, l'aéroport a été visé par des frappes
    de drones »); arrests there are its own (« À Goma, ville sous contrôle de l'AFC/M23, une vingtaine de jeunes ont
    été arrêtés »)."""
    occupied = holds_the_place(span, "lexicons/occupation_phrases.txt")  # « la centrale occupée par la Russie »
    if span.start > trigger.start or not (occupied or holds_the_place(span)):
        return False
    if trigger.label_ in {*EXPLOSIVE_ORDER, "arrest"} and not occupied:
        return False
    return "," in {t.text for t in span.doc[span.end : trigger.start]}


def describes_the_group(named: Span, generic: Span) -> bool:
    """A generic label in apposition right after a named group: « l'Armée blanche, une milice issue de ... »."""
    gap = [t.lower_ for t in generic.doc[named.end : generic.start]]
    appositive = len(gap) == 2 and gap[0] == "," and gap[1] in {"un", "une"}
    return appositive and named.kb_id_.startswith("named:") and generic.kb_id_.startswith("generic:")


def named_again_as_its_own(first: Span, span: Span) -> bool:
    """« des paramilitaires russes du groupe Wagner »: the same actor named again in the « de » of the first."""
    gap = [t.lower_ for t in span.doc[first.end : span.start]]
    return first.kb_id_ == span.kb_id_ and 1 <= len(gap) <= 2 and gap[0] in {"du", "de", "des", "d'"}


def brought_by_another(span: Span, before: list[Span]) -> bool:
    """A bare force that is what a force named before came with: « ont pris d'assaut le camp de Balata avec des
    dizaines de véhicules militaires »."""
    if span.kb_id_ != "state:?" or not any(s.kb_id_.startswith("state:") for s in before):
        return False
    words = [t.lower_ for t in span.doc[max(span.start - 5, span.sent.start) : span.start]]
    return "avec" in words or "bord" in words  # « avec des dizaines de véhicules », « à bord de véhicules »


CONTRAST = re.compile(r"\btandis qu", re.I)  # not « alors que Kigali vient d'envoyer des renforts »: its cause


def across_a_contrast(span: Span, trigger: Span) -> bool:
    """On the other side of « tandis que » from the event word: « des drones ont frappé Kadugli, tandis que
    l'armée et les FSR s'affrontaient aux abords de Babanusa » (another scene)."""
    lo, hi = sorted((span.start_char, trigger.start_char))
    return CONTRAST.search(doc_text(span.doc)[lo:hi]) is not None


def describes_the_area(span: Span, trigger: Span) -> bool:
    """« dans une région ravagée par les gangs criminels que les habitants appellent « bandits » »: named in a
    participle that describes an area by who haunts it (``lexicons/scene_nouns.txt``,
    ``lexicons/haunting_participles.txt``), away from the event's own words."""
    for token in [span.root, *span.root.ancestors]:
        area = token.head.lemma_.lower() in word_set("lexicons/scene_nouns.txt")
        if token.dep_ == "acl" and area and token.lemma_.lower() in word_set("lexicons/haunting_participles.txt"):
            return not any(trigger.start <= t.i < trigger.end for t in token.subtree)
    return False


def wages_the_war(span: Span) -> bool:
    """Named in the war the event belongs to, « la guerre que se livrent l'armée et les FSR », « le conflit qui
    oppose l'armée aux rebelles », « en lutte contre le gouvernement »: the war's sides, not the event's."""
    before = span.doc[max(span.sent.start, span.start - 5) : span.start].text.lower()
    at_war = "|".join(sorted(war_nouns() | {"lutte"}))
    if re.search(rf"\ben (?:{at_war}) (?:ouverte )?(?:contre|avec)(?: les| le| la| l')?\s*$", before):
        return True  # « les milices Fano, en lutte contre le gouvernement fédéral »: whom they fight at large
    relative = False
    for token in reversed(span.doc[max(span.sent.start, span.start - 12) : span.start]):
        if token.text in {",", ".", ";", ":"}:
            return False
        if token.lower_ in {"que", "qui", "qu'"}:
            relative = True
        elif relative and token.lemma_.lower() in war_nouns():
            return True
    return False


JOINERS = {"et", ",", "et de", "et des", "et les", "et la", "et l'"}
BOMBER_NOUNS = {"kamikaze", "kamikazes"}  # counted among the dead, the bomber is still the attacker


def among_them(span: Span) -> bool:
    """Some of those named before: « a arrêté une vingtaine de personnes, dont deux journalistes »: the whole group
    is the party of an arrest, the few the notes'. (Of the dead, « dont trois soldats » names the side hit.)"""
    before = [t.lower_ for t in span.doc[max(span.sent.start, span.start - 3) : span.start]]
    return "dont" in before and not any(w in {",", "et", "qui", "que"} for w in before[before.index("dont") + 1 :])


def associate_of(span: Span) -> bool:
    """The group is named as the one its accomplices, informers or families belong to (« complices des terroristes »,
    « les familles des combattants »): ``lexicons/associate_nouns.txt``."""
    before = [t for t in span.doc[max(0, span.start - 3) : span.start] if t.is_alpha or t.lower_ == "d'"]
    words = [t.lower_ for t in before]
    return len(words) >= 2 and words[-1] in {"des", "du", "de", "d'"} and words[-2] in word_set(ASSOCIATES)


ASSOCIATES = "lexicons/associate_nouns.txt"


def allied_to(span: Span) -> bool:
    """The group is named as another side's allies (« les FSR et leurs alliés du SPLM-N », « ses alliés
    wazalendo »): it fights beside that side, it is not the event's other side (``lexicons/ally_nouns.txt``)."""
    before = span.doc[max(span.sent.start, span.start - 2) : span.start]
    words = [t.lower_ for t in before if t.is_alpha or t.lower_ == "d'"]
    allies = word_set(ALLIES)
    allies_of = len(words) == 2 and words[-1] in OF_WORDS_AFTER and words[0] in allies  # « leurs alliés du SPLM-N »
    return bool(words) and (words[-1] in allies or allies_of)


ALLIES = "lexicons/ally_nouns.txt"


def in_partnership(span: Span) -> bool:
    """« en coordination avec le gouvernement fédéral de Somalie », « aux côtés des forces de l'AES »: a partner in
    the act, not its other side (``lexicons/partner_phrases.txt``)."""
    before = span.doc[max(span.sent.start, span.start - 8) : span.start]
    cut = next((t.i for t in reversed(before) if t.pos_ == "VERB" or t.text in {",", ";"}), before.start - 1)
    words = span.doc[cut + 1 : span.start].text.lower().replace("’", "'")
    return PARTNERS.search(words) is not None


PARTNERS = re.compile(
    r"\b(?:" + word_alternation(read_lines("lexicons/partner_phrases.txt")) + r")\s*(?:l'|la |le |les )?\S*\s*$"
)


def its_acronym(named: Span, span: Span) -> bool:
    """« leurs alliés du Mouvement populaire de libération du Soudan-Nord (SPLM-N) »: the acronym after a name
    goes where the name went."""
    return span.kb_id_ == named.kb_id_ and 0 < span.start - named.end <= 1 and named.doc[named.end].text == "("


def named_as_a_place(span: Span) -> bool:
    """A group's name after « en » is the land it holds (« en RPD », « en République populaire de Donetsk (RPD) »),
    not the group acting."""
    if not span.kb_id_.startswith("named:") or span.start == 0:
        return False
    doc = span.doc
    if doc[span.start - 1].text == "(":  # the land's acronym after its name
        before = doc[max(span.sent.start, span.start - 8) : span.start - 1]
        opening = next((t for t in reversed(before) if t.is_punct or t.pos_ == "VERB" or t.lower_ == "en"), None)
        return opening is not None and opening.lower_ == "en"
    return doc[span.start - 1].lower_ == "en"


def backs_up(span: Span) -> bool:
    """ "La police, appuyée par des soldats de la force multinationale, a lancé une contre-offensive": who backs the
    actor up is not the actor (ACLED names it an associated actor)."""
    head = span.root.head
    by = span.start > 0 and span.doc[span.start - 1].lower_ in {"par", "des", "de", "du"}
    if by and head.pos_ in {"VERB", "ADJ"} and head.lemma_.lower() in support_verbs() and head.i < span.start:
        return True
    window = span.doc[max(span.sent.start, span.start - 7) : span.start]  # « appuyées par leurs partenaires
    for token in window:  # russes de l'Africa Corps »: the backers named in a phrase after « par »
        after = window[token.i - window.start + 1 :]
        supported = token.lemma_.lower() in support_verbs() and len(after) > 1 and after[0].lower_ == "par"
        if supported and not any(t.is_punct or t.pos_ == "VERB" for t in after):
            return True
    return backer_of_the_phrase(span)


def backer_of_the_phrase(span: Span) -> bool:
    """« appuyée par les forces de la Mission ... de l'Union africaine en Somalie (AUSSOM) »: a name deep in the
    phrase the support verb's « par » opens backs the actor up too."""
    token = span.root
    while token.head.i != token.i and token.head.i >= span.sent.start and token.dep_ in NOUN_PHRASE_LINKS:
        if any(c.dep_ == "case" and c.lower_ not in OF_CASES for c in token.children):
            return False  # « appuyées par leurs alliés russes, aux rebelles du groupe 3R »: the other side
        token = token.head
    verb = token.head
    by = any(c.dep_ == "case" and c.lower_ == "par" for c in token.children)  # not « aux rebelles », misparsed
    return token.dep_ == "obl:agent" and by and verb.i < span.start and verb.lemma_.lower() in support_verbs()


NOUN_PHRASE_LINKS = frozenset({"nmod", "appos", "conj", "flat:name"})
OF_CASES = frozenset({"de", "des", "du", "d'", "d’"})  # the words that tie a name to the phrase it is part of


def guards_another(span: Span, spans: list[Span]) -> bool:
    """ "des colons armés, protégés par les soldats de l'occupation, ont attaqué le village": the force guarding another
    actor goes with it (ACLED's associated actor), it is not a side of its own (``lexicons/escort_verbs.txt``)."""
    phrase = span.root.head if span.root.dep_ == "nmod" else span.root  # « accompagnés d'un agent du SNR »
    verb = phrase.head
    by_or_with = phrase.dep_ == "obl:agent" or (phrase.dep_.startswith("obl") and of_case(phrase))
    if not by_or_with or verb.dep_ not in {"acl", "appos"} or verb.i > span.start:
        return False
    return verb.lemma_.lower() in word_set(ESCORTS) and any(verb.head in its_heads(o) for o in spans if o != span)


def of_case(token: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ in OF_CASES for c in token.children)


def its_heads(span: Span) -> tuple[Token, ...]:
    """The span's root, and the count it is a part of (« des dizaines de colons »)."""
    root = span.root
    return (root, root.head) if root.dep_ == "nmod" and root.head.i < root.i else (root,)


ESCORTS = "lexicons/escort_verbs.txt"


def without_guards(sentence: Sentence) -> str:
    """The sentence's text with the forces guarding another actor blanked out: the soldiers protecting settlers do
    not make the settlers' raid on a village an attack on soldiers."""
    text, start = sentence.text, sentence.span.start_char
    for span in sentence.actors:
        if guards_another(span, sentence.actors):
            lo, hi = span.start_char - start, span.end_char - start
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


def in_what_they_did(span: Span) -> bool:
    """In what those arrested are said to have done (« soupçonnés d'avoir renseigné les assaillants », « accusées de
    collaboration avec des groupes terroristes »): not a party."""
    window = span.doc[max(0, span.start - 6) : span.start]
    if any(t.is_punct and t.text not in {"«", "»", "'"} for t in window):
        return False
    charged = SUSPECTED_OF.search(window.text) is not None
    return charged or any(t.lower_ == "avoir" and t.i > 0 and t.nbor(-1).lower_ in {"d'", "de"} for t in window)


def in_the_charge(span: Span) -> bool:
    """« un jeune homme accusé de collaborer avec les rebelles de RED-Tabara a été battu à mort »: whom the one
    killed or taken is said to have helped is no side (not « accusent des militaires d'avoir exécuté des bergers »,
    where the charge is the event)."""
    window = span.doc[max(0, span.start - 8) : span.start]
    after = max((t.i + 1 for t in window if t.is_punct), default=window.start)  # « ..., l'accusant d'avoir ... »
    return SUSPECTED_OF.search(span.doc[after : span.start].text) is not None


SUSPECTED_OF = re.compile(r"\b(?:soupçonnée?s?|accusée?s?|suspectée?s?|accusant|soupçonnant)\s+(?:de|d')", re.I)


def is_finite_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm", [])


def counted_dead(span: Span, sentence: Sentence) -> bool:
    """The actor is among the dead a toll counts."""
    return any(t.label_ == "KILLED" and t.start <= span.start and span.end <= t.end for t in sentence.tolls)


def agents_after_by(trigger: Span, spans: list[Span]) -> list[Span]:
    """ "le massacre présumé par l'armée et Wagner de 300 personnes", "une frappe de drone attribuée à la Turquie":
    an event noun's agents after "par" or "attribuée à"; they, not the subject of the sentence's verb, did it."""
    doc = trigger.doc
    if trigger[0].pos_ != "NOUN":
        return []
    gap = doc[trigger.end : min(trigger.end + 4, len(doc))]
    by = next((t for t in gap if t.lower_ == "par" or ascribed_to(t)), None)
    if by is None or any(is_finite_verb(t) for t in doc[trigger.end : by.i]):
        return []
    found: list[Span] = []
    end = ascription_end(by) or by.i + 1
    for span in spans:
        if span.start < end or span.start - end > 2:
            continue
        named = found and found[-1].kb_id_.startswith("generic:") and span.kb_id_.startswith("named:")
        if found and not (named and span.start - end <= 2) and doc[end : span.start].text.strip() not in JOINERS:
            break
        found.append(span)  # "attribuée à la milice Codeco": the militia and its name
        end = span.end
    return found


def ascribed_to(token: Token) -> bool:
    """ "attribuée à", "imputés aux", "attribuée par l'armée aux": the one named next is said to have done it."""
    return ascription_end(token) is not None


def ascription_end(token: Token) -> int | None:
    """Where the one it is ascribed to starts: after "à" in "attribuée à", after "aux" in "attribuée par l'armée
    aux FSR" (who ascribes it stands between)."""
    if token.lemma_.lower() not in ascription_verbs():
        return None
    following = token.doc[token.i + 1 : min(len(token.doc), token.i + 6)]
    if following and following[0].lower_ == "par":
        return next((t.i + 1 for t in following[1:] if t.lower_ in {"à", "au", "aux"}), None)
    return token.i + 2 if following and following[0].lower_ in {"à", "au", "aux"} else None


def recent_foreign_force(ctx: ArticleContext, sentence: Sentence) -> Country | None:
    """The country of the forces named just before in the paragraph ("une force rwandaise ... les troupes"), if not
    the article's."""
    lexicon = country_lexicon()
    for earlier in reversed(ctx.sentences[max(0, sentence.index - 2) : sentence.index + 1]):
        if earlier.paragraph != sentence.paragraph:
            break  # « ... l'armée tchadienne ... », then a new paragraph: « un véhicule militaire » near Mora
        named = [a.kb_id_[6:] for a in earlier.actors if a.kb_id_.startswith("state:") and a.kb_id_ != "state:?"]
        if named:
            country = lexicon.by_iso3.get(named[-1])
            return country if country is not None and country != ctx.focus else None
    return None


def sentence_country(ctx: ArticleContext, sentence: Sentence) -> Country | None:
    """The one country a sentence names ("Au Niger voisin, les FDS ..."), else the article's. A country named in a
    source ("selon l'ONG basée au Royaume-Uni"), as a neighbour ("frontalier de l'Afghanistan") or as a backer
    (« soutenue par l'Iran ») is not where the sentence happens."""
    sources = [(s.start, s.end) for s in sentence.sources]
    places = [
        ctx.place(p)
        for p in sentence.places
        if p.label_ == "country"
        and not any(a <= p.start < b for a, b in sources)
        and not as_neighbour(p)
        and not backs_up(p)  # « la milice houthie, soutenue par l'Iran »: the backer's land is not the scene
        and not names_an_outlet(p)  # « ont rapporté des habitants à France 24 »
        and not is_origin(p, p.doc[p.sent.start : p.sent.start])  # « des orpailleurs venus du Niger »
    ]
    named = {p.country for p in places if p is not None}
    if len(named) == 1:
        return country_lexicon().by_iso2.get(named.pop(), ctx.focus)
    side = SIDE.match(sentence.text)  # "Côté tchadien, l'armée affirme avoir repoussé une attaque"
    return (country_lexicon().adjective(side.group(1)) if side else None) or paragraph_country(ctx, sentence)


def names_an_outlet(place: Span) -> bool:
    """The place begins an outlet's name (« France 24 », « Radio Kampala »)."""
    doc = place.doc
    following = doc[place.start : min(len(doc), place.end + 2)]
    return any(fold(following[:k].text) in variant_ranks() for k in range(len(place) + 1, len(following) + 1))


def paragraph_country(ctx: ArticleContext, sentence: Sentence) -> Country | None:
    """The country the sentence's paragraph opened on (« Au Tchad, l'armée a affirmé ... Deux jours plus tôt, un
    véhicule militaire avait sauté sur un engin explosif près de Bol, tuant deux militaires »), else the article's."""
    first = next((s for s in ctx.sentences if s.paragraph == sentence.paragraph), None)
    opening = opening_country(first) if first is not None and first.index < sentence.index else None
    place = ctx.place(opening) if opening is not None else None
    return (country_lexicon().by_iso2.get(place.country) if place is not None else None) or ctx.focus


SIDE = re.compile(r"\W*(?:du |de |)côté ([\w-]+)\s*,", re.I)


def as_neighbour(place: Span) -> bool:
    """ "près de la frontière avec le Niger et le Nigeria": both are neighbours, the second by the first."""
    before = place.doc[max(place.start - 4, 0) : place.start].text.lower()
    if neighbour().search(before):
        return True
    joined = place.doc[max(place.start - 3, 0) : place.start]
    link = next((t for t in reversed(joined) if t.lower_ in {"et", "ou", ","}), None)
    if link is None or link.i == 0:
        return False
    spans = place.doc.spans.get("temoin_places", [])
    previous = next((p for p in spans if link.i - 1 <= p.end <= link.i), None)
    return previous is not None and previous.label_ == "country" and as_neighbour(previous)


def neighbour() -> re.Pattern[str]:
    return word_pattern("lexicons/neighbour_phrases.txt", 0)


def its_own_fighters(sentence: Sentence, span: Span, focus: Country | None) -> Actor | None:
    """ "Le Hezbollah a affirmé que ses combattants avaient affronté une unité israélienne": the fighters of the
    armed group the sentence names before them, speaker or not."""
    if not (span.kb_id_.startswith("generic:") and span.label_ in {"REB", "UAF"} and span.start > 0):
        return None
    if span.doc[span.start - 1].lower_ not in POSSESSIVES:
        return None
    groups = [a for a in sentence.actors if a.end <= span.start and a.label_ in {"REB", "UAF"}]
    named = [a for a in groups if a.kb_id_.startswith("named:")]
    return to_actor(named[-1], focus) if named else None


def last_named_group(ctx: ArticleContext, sentence: Sentence) -> Actor | None:
    """The armed group named last before "le groupe", "le mouvement" ("le M23 ... Le groupe a annoncé")."""
    for earlier in reversed(ctx.sentences[max(0, sentence.index - LOOKBACK) : sentence.index]):
        named = [a for a in earlier.actors if a.kb_id_.startswith("named:") and a.label_ in {"REB", "UAF", "MIL"}]
        if named:
            return to_actor(named[-1], ctx.focus)
    return None


def nearest_named_group(ctx: ArticleContext, first: int, last: int) -> Actor | None:
    """The non-state armed group named nearest the sentences ``first`` to ``last``: inside them, then before, then
    in the two sentences after (« Les combattants shebab se seraient retirés sans livrer bataille »)."""
    inside = ctx.sentences[first : last + 1]
    before = list(reversed(ctx.sentences[max(0, first - LOOKBACK) : first]))
    for sentence in [*inside, *before, *ctx.sentences[last + 1 : last + 3]]:
        named = [a for a in sentence.actors if a.kb_id_.startswith("named:") and a.label_ == "REB"]
        if named:
            return to_actor(named[0], ctx.focus)
    return None


def whom_it_was_taken_from(ctx: ArticleContext, actor1: Actor | None, first: int, last: int) -> Actor | None:
    """ACLED's regained ground has the side that held it: the army at war with the one that took it back (« les
    forces russes ont libéré le village de Snagost »: Ukraine's), else the armed group named nearest."""
    enemy = enemy_army(actor1)
    if enemy is not None:
        return enemy
    group = nearest_named_group(ctx, first, last)
    return None if group is None or same_actor(group, actor1) else group


def group_of_the_target(ctx: ArticleContext, sentence: Sentence) -> Actor | None:
    """« des frappes contre des caches de l'organisation dans les monts Hamrin »: what « l'organisation », « le
    groupe » holds (``lexicons/group_targets.tsv``) is the armed group's named before, the one hit."""
    match = group_target().search(sentence.text)
    group = last_named_group(ctx, sentence) if match else None
    return group if group is not None and group.sector in {"REB", "UAF"} else None


@cache
def group_target() -> re.Pattern[str]:
    slots: dict[str, list[str]] = {"asset": [], "group": []}
    for row in read_tsv("lexicons/group_targets.tsv"):
        slots[row["slot"]].append(row["word"])
    assets, groups = word_alternation(slots["asset"]), word_alternation(slots["group"])
    return re.compile(rf"\b(?:{assets})\s+(?:de la|de l['’]|du)\s*(?:{groups})\b", re.I)


@cache
def civilian_victims() -> frozenset[str]:
    """Toll nouns whose dead are civilians by default ("" for a bare "12 tués")."""
    return victim_nouns("unarmed") | victim_nouns("civilian") | {""}


@cache
def troop_nouns() -> frozenset[str]:
    """Bare nouns for the foreign forces just named ("les troupes"), from ``lexicons/troop_nouns.txt``."""
    return frozenset(read_lines("lexicons/troop_nouns.txt"))


def is_generic(actor: Actor) -> bool:
    """An actor the article does not name ("des jihadistes", "des hommes armés")."""
    return actor.text.lower() in generic_actors()


def military_sources() -> re.Pattern[str]:
    return word_pattern("lexicons/military_sources.txt")


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
            return military_of(country)
    return None


def force_that_tells_it(sentences: list[Sentence], focus: Country | None) -> Actor | None:
    """ "Quatre bandits ont été neutralisés, selon un communiqué de la PNH": the state force a source names told of
    its own fight (the police here, where ``claimed_by_an_army`` knows only armies)."""
    for sentence in sentences:
        for source in sentence.sources:
            inside = (a for a in sentence.actors if source.start <= a.start and a.end <= source.end)
            told = (actor for span in inside if (actor := to_actor(span, focus)) is not None)
            force = next((actor for actor in told if actor.sector in {"MIL", "COP"}), None)
            if force is not None:
                return force
    return None


def holds_the_ground(event_type: str, sub_type: str, actor1: Actor | None, home: Country) -> bool:
    """Whom a town was taken from, or a foreign army fought, when the article does not say: the forces of
    the country where it happened ("les forces russes ont progressé près d'Izioum": Ukraine's), if it has an army."""
    if not has_an_army(home):
        return False
    if sub_type in {"Non-state actor overtakes territory", "Non-violent transfer of territory"}:
        return actor1 is None or actor1.country != home.iso3 or actor1.sector not in {"MIL", "COP"}
    foreign_army = actor1 is not None and actor1.sector == "MIL" and actor1.country not in {home.iso3, "IGO", "UNK"}
    return event_type == "Battles" and foreign_army


def arrest_actors(
    actor1: Actor | None, actor2: Actor | None, where: Country | None, lead: str = ""
) -> tuple[Actor | None, Actor | None]:
    """ACLED's arrests with no one named: the police of the country arrest, unless soldiers did (« une patrouille a
    interpellé trois individus », « les forces de sécurité ont arrêté »), and whom they arrest are civilians
    (« Les suspects ont été arrêtés au Cap mardi »), also when called members of some unnamed armed group: ACLED
    names only a known group's members it arrests."""
    if where is None:
        return actor1, actor2
    if actor1 is None:
        actor1 = military_of(where) if soldiers_made_it(lead) else police_of(where)
    unnamed = actor2 is not None and (actor2.sector == "UAF" or actor2.name.startswith(UNIDENTIFIED))  # « cinq
    # complices présumés des terroristes », « des suspects impliqués dans des activités terroristes »
    arrester = is_state_force(actor1) or actor1.sector == "SPY"  # « le Service national de renseignement a arrêté »
    if (actor2 is None or unnamed) and (arrester or (actor1.sector == "REB" and actor2 is None)):
        actor2 = civilians_of(where)  # « les Houthis ont arrêté à Sanaa trois employés de l'ONU »: civilians
    return actor1, actor2


def soldiers_made_it(text: str) -> bool:
    """Soldiers named doing it (``lexicons/arresting_troops.txt``), not « les forces de l'ordre »."""
    found = word_pattern("lexicons/arresting_troops.txt").finditer(text)
    return any(not re.match(r"\s+de (?:l'ordre|police)\b", text[m.end() :], re.I) for m in found)


def coup_actors(actor1: Actor | None, actor2: Actor | None, where: Country | None) -> tuple[Actor | None, Actor | None]:
    """ACLED's coups: the country's army seizes power from its government, whoever else the sentence names
    (« Le Mali, où 400 soldats britanniques sont déployés, vient de connaître son deuxième coup d'État »); the
    leaders a coup arrests are the government (« après avoir arrêté la dirigeante Aung San Suu Kyi »)."""
    if where is None:
        return actor1, actor2
    if actor1 is None or actor1.country != where.iso3 or actor1.sector not in {"MIL", "COP"}:
        actor1 = military_of(where)
    if actor2 is None or actor2.sector in {"CVL", "MIL"} or actor2.country != where.iso3:
        actor2 = Actor(f"Government of {where.name_en}", where.iso3, "GOV")
    return actor1, actor2


def membership() -> re.Pattern[str]:
    return word_pattern("lexicons/membership_phrases.txt")


def suspected_group(ctx: ArticleContext, sentence: Sentence) -> Actor | None:
    """Those arrested as members of an armed group are that group: « trois hommes soupçonnés d'appartenir à
    l'organisation » (the group named before), « des membres présumés du JNIM »."""
    found = membership().search(sentence.text)
    if found is None:
        return None
    at = sentence.span.start_char + found.end()
    named = [a for a in sentence.actors if a.start_char >= at and a.kb_id_.startswith("named:") and a.label_ == "REB"]
    group = to_actor(named[0], ctx.focus) if named else last_named_group(ctx, sentence)
    return group if group is not None and group.sector == "REB" else None


NAMELESS_VIOLENCE = {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Looting/property destruction"}


def unknown_attackers(event_type: str, sub_type: str) -> bool:
    """Fighting, violence against civilians, bombs and destruction with no attacker named: ACLED's Unidentified
    Armed Group (« Dix soldats ont été tués jeudi lors d'une attaque près de Téra »). Air and artillery strikes are
    left to ``with_known_attackers``: only armies fly, and either side shells."""
    return event_type in {"Battles", "Violence against civilians"} or sub_type in NAMELESS_VIOLENCE


def both_sides(
    actor1: Actor | None, actor2: Actor | None, where: Country | None, text: str = ""
) -> tuple[Actor | None, Actor | None]:
    """ACLED's armed clash has two sides: « Côté tchadien, l'armée affirme avoir repoussé une attaque » was fought
    against an armed group it does not name; an armed group that clashed with no one named fought the state's
    forces, its police when it attacked « un poste de police » (``lexicons/police_targets.txt``)."""
    if (actor1 is None) == (actor2 is None):
        return actor1, actor2
    present = actor1 or actor2
    assert present is not None
    enemy = enemy_army(present)
    if enemy is not None:
        return present, enemy
    if present.sector in {"MIL", "COP", "IGO"}:  # the side that was hit stays second
        other = unidentified_armed_group(where)
        return (present, other) if actor1 is not None else (other, present)
    if present.sector in {"REB", "UAF"} and among_themselves(text):
        return present, Actor(present.name, present.country, present.sector)  # « entre les gangs de Brooklyn et
        # de Boston »: two groups of one kind
    if (
        where is not None
        and present.sector in {"REB", "UAF"}
        and word_pattern("lexicons/police_targets.txt").search(text)
    ):
        return present, police_of(where)
    if where is not None and has_an_army(where) and present.sector in {"REB", "UAF"}:
        return present, military_of(where)
    return actor1, actor2


def among_themselves(text: str) -> bool:
    """« des affrontements entre les gangs de Brooklyn et de Boston », « entre deux milices rivales »
    (``lexicons/rival_group_nouns.txt``)."""
    return rival_groups().search(text) is not None


@cache
def rival_groups() -> re.Pattern[str]:
    groups = word_alternation(read_lines("lexicons/rival_group_nouns.txt"))
    return re.compile(rf"\bentre\s+(?:des|les|deux|plusieurs)\s+(?:{groups})\b", re.I)


def enemy_army(actor: Actor | None) -> Actor | None:
    """The army a state's army is at war with (``actors/state_enemies.tsv``), for a fight told with it alone."""
    if actor is None or actor.sector != "MIL":
        return None
    enemy = country_lexicon().by_iso3.get(state_enemies().get(actor.country, ""))
    return military_of(enemy) if enemy is not None else None


def unidentified_armed_group(where: Country | None) -> Actor:
    name = where.name_en if where else "Unknown"
    return Actor(f"{UNIDENTIFIED} ({name})", where.iso3 if where else "UNK", "UAF")


def military_of(where: Country) -> Actor:
    """The army of the land, or of the state whose army is there (``actors/armies_on_the_ground.tsv``: in the West
    Bank, « les véhicules militaires » are Israel's)."""
    army = country_lexicon().by_iso3.get(armies_on_the_ground().get(where.iso3, ""), where)
    return Actor(f"Military Forces of {army.name_en}", army.iso3, "MIL")


def who_flew(text: str, where: Country | None) -> Actor | None:
    """An air strike nobody is said to have carried out: aircraft are the state's (« des frappes aériennes ont
    touché le marché de Leer »), drones may be anyone's (« un drone chargé d'explosifs a visé le champ gazier »)."""
    if where is None:
        return None
    return unidentified_armed_group(where) if has_cue("drone", text) else military_of(where)


def hits_no_force(event: Event) -> bool:
    return event.actor2 is None or event.actor2.sector in VICTIM_SECTORS


def police_of(where: Country) -> Actor:
    return Actor(f"Police Forces of {where.name_en}", where.iso3, "COP")


def custodian(text: str, where: Country | None) -> Actor | None:
    """Who held those who died in custody (« retrouvés morts dans leurs cellules de police »): the police of the
    country, as ACLED codes deaths in custody, whatever their cause."""
    if where is None or not has_cue("custody", text):
        return None
    return police_of(where)


def is_state_force(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in {"MIL", "COP"}


def local_people(actor: Actor | None, home: Country) -> Actor | None:
    """Civilians, refugees and protesters are those of the place where the event happened; so is a police force
    the text names by a bare noun ("la police" in an event at Tel-Aviv, in an article about Gaza)."""
    if actor is None or actor.country == home.iso3:
        return actor
    if actor.sector == "COP" and actor.text.lower() in force_nouns():
        return Actor(f"Police Forces of {home.name_en}", home.iso3, "COP", actor.text)
    if actor.sector == "MIL" and a_military_site(actor.text):  # « la base militaire de Marte », in Nigeria, in an
        army = military_of(home)  # article about the whole Lake Chad
        return Actor(army.name, army.country, "MIL", actor.text)
    if actor.sector not in {"CVL", "REF"} or "(" not in actor.name or actor.text[:1].isupper():
        return actor  # "des Éthiopiens" at Hargeisa stay Ethiopians
    if says_its_nationality(actor.text, actor.country):
        return actor  # « quatre pêcheurs rwandais » arrested in Burundi
    return Actor(f"{actor.name.rsplit(' (', 1)[0]} ({home.name_en})", home.iso3, actor.sector, actor.text)


SITE_ADJECTIVES = {"militaire", "militaires"}


def a_military_site(text: str) -> bool:
    """« base militaire », « camp militaire »: a site of the army, of no nation the words name."""
    words = text.lower().split()
    return len(words) == 2 and words[0] in force_nouns() and words[1] in SITE_ADJECTIVES


def foreign(actor: Actor, iso2: str) -> bool:
    home = country_lexicon().by_iso2.get(iso2)
    return home is not None and actor.country not in {home.iso3, "IGO", "IMG", "UNK"}


def carries_to(before: Event, event: Event, iso2: str) -> bool:
    attacker = before.actor1
    if attacker is None or same_actor(attacker, event.actor2) or unknown_weapon().search(event.evidence.text):
        return False  # « un drone non identifié aurait visé le champ gazier »: no one's, whoever struck before
    return foreign(attacker, iso2) or event.sub_event_type in {before.sub_event_type, "Air/drone strike"}


@cache
def unknown_weapon() -> re.Pattern[str]:
    """« un drone non identifié », « des missiles inconnus » (the nouns of ``lexicons/weapon_nouns.txt``)."""
    weapons = word_alternation(sorted(word_set("lexicons/weapon_nouns.txt")))
    return re.compile(rf"\b(?:{weapons}) (?:non identifiée?s?|inconnue?s?)\b", re.I)


def same_actor(a: Actor, b: Actor | None) -> bool:
    return b is not None and (a.country, a.sector) == (b.country, b.sector)


def with_known_attackers(events: list[Event]) -> list[Event]:
    """A strike the article does not attribute has the attacker of the strikes it told before in the same
    country ("une frappe de missiles russes sur Kharkiv ... des drones ont également visé Kramatorsk"). In a civil
    war either side may fire the same guns: there, only an air strike (only the state flies) or a strike of the
    same kind as the one attributed before is carried over. An air strike on civilians or no one, still without an
    attacker, is the state's if aircraft struck, an unidentified group's if drones did (``who_flew``)."""
    last: dict[str, Event] = {}
    out = []
    for event in events:
        country = event.location.country if event.location else ""
        if event.sub_event_type in STAND_OFF and country:
            before = last.get(country)
            if event.actor1 is None and before is not None and carries_to(before, event, country):
                event = replace(event, actor1=before.actor1)
            elif event.actor1 is None and (flyer := striker(event.sub_event_type, country)) is not None:
                event = replace(event, actor1=None if same_actor(flyer, event.actor2) else flyer)
            elif event.actor1 is None and event.sub_event_type == "Air/drone strike" and hits_no_force(event):
                event = replace(event, actor1=who_flew(event.evidence.text, country_lexicon().by_iso2.get(country)))
            elif event.actor1 is not None and event.actor1.sector == "MIL":
                last[country] = event
            if event.actor1 is None and (owner := weapon_owner(event.evidence.text)) is not None:
                event = replace(event, actor1=None if same_actor(owner, event.actor2) else owner)
            if event.actor1 is None and not same_actor_as_target(event):
                event = replace(event, actor1=unidentified_armed_group(country_lexicon().by_iso2.get(country)))
        out.append(event)
    return out


def weapon_owner(text: str) -> Actor | None:
    """ "un missile Iskander a frappé un dépôt": the forces of the one state that fires it
    (``lexicons/weapon_owners.tsv``)."""
    owners = weapon_owners()
    found = weapon_names().search(text)
    country = country_lexicon().by_iso3.get(owners[found.group(1).lower()]) if found else None
    return military_of(country) if country is not None else None


@cache
def weapon_owners() -> dict[str, str]:
    return {row["weapon"]: row["country"] for row in read_tsv("lexicons/weapon_owners.tsv")}


@cache
def weapon_names() -> re.Pattern[str]:
    return re.compile(r"\b(" + word_alternation(sorted(weapon_owners())) + r")\b", re.I)


def same_actor_as_target(event: Event) -> bool:
    """``striker`` left the attacker out because the only side that strikes there is the one struck."""
    flyer = striker(event.sub_event_type, event.location.country) if event.location else None
    return flyer is not None and same_actor(flyer, event.actor2)


@cache
def air_powers() -> dict[tuple[str, str], Actor]:
    """(place's ISO alpha-2, sub-type) → the side that alone strikes there from afar (``actors/air_powers.tsv``)."""
    lexicon = country_lexicon()
    out = {}
    for row in read_tsv("actors/air_powers.tsv"):
        country = lexicon.by_iso3[row["iso3"]]
        actor = Actor(f"Military Forces of {country.name_en}", country.iso3, row["sector"])
        out[(row["where"], "Air/drone strike")] = actor
        if row["weapons"] == "air+shelling":
            out[(row["where"], "Shelling/artillery/missile attack")] = actor
    return out


def striker(sub_type: str, where: str) -> Actor | None:
    """Who made a strike the article does not attribute, where only one side strikes that way (« sept civils ont
    été tués par une bombe aérienne guidée larguée sur Kostiantynivka »: Russia's forces)."""
    return air_powers().get((where, sub_type))


def members_struck(ctx: ArticleContext, first: int, last: int) -> Actor | None:
    """The named armed group whose men a strike killed, told in its sentences or the two after (« L'armée
    israélienne a affirmé avoir « éliminé un terroriste du Hezbollah » », « Le Hezbollah a publié les avis de décès
    de deux de ses membres »): ``lexicons/struck_member_nouns.txt``."""
    of_the_group, its_own = members_killed()
    for sentence in ctx.sentences[first : last + 3]:
        for span in sentence.actors:
            if not span.kb_id_.startswith("named:") or span.label_ not in {"REB", "UAF"}:
                continue
            text, start, end = doc_text(span.doc), span.start_char, span.end_char
            if of_the_group.search(text[max(0, start - 70) : start]) or its_own.search(text[end : end + 90]):
                return to_actor(span, ctx.focus)
    return None


@cache
def members_killed() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """« éliminé un terroriste du » before a group's name; « les avis de décès de deux de ses membres » after it."""
    nouns = word_alternation(read_lines("lexicons/struck_member_nouns.txt"))
    killed = r"\b(?:éliminée?s?|tuée?s?|tuant|abattue?s?|neutralisée?s?)\b[^.;]{0,30}"
    of_the_group = re.compile(rf"{killed}\b(?:{nouns})\b[^.;«»]{{0,50}}\b(?:du|de la|de l'|des|d')\s*$", re.I)
    its_own = re.compile(
        rf"^[^.;]{{0,60}}\b(?:avis de décès|la mort|le décès)\b[^.;]{{0,30}}\b(?:ses|leurs) (?:{nouns})\b", re.I
    )
    return of_the_group, its_own
