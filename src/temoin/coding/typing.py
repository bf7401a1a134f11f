"""ACLED's type and sub-type for a reading, from its trigger kinds and who is hit.

The rules, with a French example each, are written out in docs/coding-rules.md.
"""

from __future__ import annotations

import re
from functools import cache

from temoin.countries import armies_on_the_ground
from temoin.records import Actor
from temoin.resources import read_lines, read_tsv, with_singulars, word_alternation, word_set
from temoin.stages.triggers import event_kinds

UNIDENTIFIED = "Unidentified Armed Group"  # ACLED's name for an armed group the report does not name
CROWDS = ("Protesters", "Rioters")  # the names of the actors a crowd is coded as

EXPLOSIVE_ORDER = [
    "suicide",
    "chemical",
    "air_strike",
    "drone_strike",
    "shelling",
    "ied",
    "grenade",
    "strike",
    "explosion",
]
PRECEDENCE = [
    *EXPLOSIVE_ORDER,
    "mass_grave",  # ACLED: a mass grave found is a strategic development, its dead not counted again
    "massacre",
    "abduction",
    "sexual",
    "turned_back",
    "territory_taken",  # ACLED: ground taken after fighting is coded as the taking, not the clash
    "territory_regained",
    "clash",
    "attack",
    "mob",
    "riot",
    "protest",
    "arrest",  # ACLED: the leaders arrested in a coup are coded as the arrests
    "coup",
    "base",
    "looting",
    "disrupted",
    "agreement",
    "handover",
    "group_change",
    "movement",
    "bodies",
    "kill",
]
SUPPORTING_FIRE = {"air_strike", "drone_strike", "shelling", "strike"}
QUIET_KINDS = {"arrest", "coup", "base", "looting", "agreement", "handover", "group_change", "movement"}
TYPE_CUES = (
    "armed_target",
    "civilian_target",
    "property",
    "air",
    "artillery",
    "intervention",
    "excessive_force",
    "destructive",
    "demonstration",
    "ambush",
    "gunfire",
    "stones",
    "livestock",
    "no_fight",
    "custody",
    "drone",
    "peaceful",
    "got_through",
    "beating",
)


@cache
def type_cues() -> dict[str, re.Pattern[str]]:
    """One whole-word, case-insensitive pattern per cue of ``lexicons/type_cues.tsv``."""
    phrases: dict[str, list[str]] = {cue: [] for cue in TYPE_CUES}
    for row in read_tsv("lexicons/type_cues.tsv"):
        phrases[row["cue"]].append(row["phrase"])
    # not inside a compound (« des lance-roquettes ») nor a unit's name (« la 79e brigade d'assaut aérien »)
    return {
        cue: re.compile(NOT_IN_A_NAME + "(" + word_alternation(words) + r")\b", re.I) for cue, words in phrases.items()
    }


NOT_IN_A_NAME = r"(?<![\w-])(?<!d'assaut )(?<!d’assaut )"


def has_cue(cue: str, text: str) -> bool:
    """Whether ``text`` holds a word of the cue ("air": "avions", "drones", "largués" ...), outside the phrases that
    mean something else (« des chasseurs traditionnels dozos »: ``lexicons/type_cue_exceptions.tsv``)."""
    exceptions = type_cue_exceptions().get(cue)
    return type_cues()[cue].search(exceptions.sub(" ", text) if exceptions else text) is not None


@cache
def type_cue_exceptions() -> dict[str, re.Pattern[str]]:
    phrases: dict[str, list[str]] = {}
    for row in read_tsv("lexicons/type_cue_exceptions.tsv"):
        phrases.setdefault(row["cue"], []).append(row["phrase"])
    return {cue: re.compile(r"\b(?:" + word_alternation(words) + r")\b", re.I) for cue, words in phrases.items()}


def protester_nouns() -> frozenset[str]:
    return word_set("lexicons/protester_nouns.txt")


@cache
def victim_nouns(side: str) -> frozenset[str]:
    """Toll nouns of one side of ``lexicons/victim_nouns.tsv``: "armed" or "unarmed"."""
    nouns = [row["noun"] for row in read_tsv("lexicons/victim_nouns.tsv") if row["side"] == side]
    return frozenset(with_singulars(nouns))  # "tuant un assaillant"


@cache
def total_words() -> frozenset[str]:
    """Toll nouns that count everyone: "30 personnes, dont 12 soldats" is 30, not 42."""
    return frozenset({""} | {row["noun"] for row in read_tsv("lexicons/victim_nouns.tsv") if row["total"] == "yes"})


def any_armed(victims: list[str]) -> bool:
    return any(v in victim_nouns("armed") for v in victims)


def main_kind(kinds: list[str], has_toll: bool) -> str:
    """The kind that decides the type when a sentence holds several."""
    ordered = sorted(set(kinds), key=PRECEDENCE.index)
    if "turned_back" in ordered and not has_toll:
        return "turned_back"
    ordered = [k for k in ordered if k != "turned_back"] or ordered
    if not has_toll and ordered[0] == "explosion" and "looting" in ordered:
        return "looting"  # « ont dynamité plusieurs maisons ..., qui fait état de fortes explosions »: a demolition
    if not has_toll and ordered[0] == "attack" and "arrest" in ordered:
        return "arrest"  # "ont arrêté une quinzaine de Palestiniens lors de raids à Naplouse": an arrest raid
    ground = next((k for k in ordered if k in {"territory_taken", "territory_regained"}), None)
    if ground is not None and ordered[0] in SUPPORTING_FIRE:
        return ground  # "avoir repris le contrôle de Marte, après des frappes de l'armée de l'air": the retaking
    killing = next((k for k in ordered if k in {"bodies", "kill"}), None)
    if (has_toll or killing is not None) and ordered[0] == "abduction" and len(ordered) > 1:
        return ordered[1]  # « quatorze personnes ont été tuées lors d'une attaque ... et neuf enfants enlevés »
    if has_toll and killing is not None and ordered[0] in QUIET_KINDS:
        return killing  # "ont exécuté 31 hommes ... après les avoir arrêtés": the killing, not the arrest
    return ordered[0]


def is_armed(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in {"MIL", "COP", "REB", "UAF"}


def classify(
    kinds: list[str],
    text: str,
    actor1: Actor | None,
    actor2: Actor | None,
    victims: list[str],
    home: str = "",
    lead: str = "",
    injured: bool = False,
) -> tuple[str, str]:
    """(event_type, sub_event_type) by ACLED's rules; ``home`` is the ISO alpha-3 of the event's country
    (a foreign army taking ground is not a government regaining it); ``lead`` the sentence that first told
    the event (drones named only in a later detail do not make a ground assault an air strike); ``injured`` whether
    anyone was hurt (an attack that wounds people is no property destruction)."""
    kind = main_kind(kinds, bool(victims))
    default = event_kinds()[kind]
    got_through = bool(victims) or has_cue("got_through", text)  # « abattu la plupart des missiles ennemis »
    if "disrupted" in kinds and kind in EXPLOSIVE_ORDER and not got_through:
        return "Strategic developments", "Disrupted weapons use"  # "un missile ... que l'armée a dit avoir intercepté"
    if kind == "disrupted" and got_through and has_cue("air", text):
        return "Explosions/Remote violence", "Air/drone strike"  # "détruit, par une frappe de drone, un convoi, tuant"
    if kind == "disrupted" and got_through and has_cue("artillery", text):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    ground_assault = has_cue("ambush", lead) or (kind == "grenade" and has_cue("ambush", text))
    ground_assault = ground_assault or (kind == "ied" and has_cue("gunfire", text))  # « ont d'abord fait exploser
    # un engin explosif improvisé au passage du véhicule de tête, avant d'ouvrir le feu sur le reste de la colonne »
    if kind in EXPLOSIVE_ORDER and "attack" in kinds and ground_assault and armed_hit(actor2, victims):
        return "Battles", "Armed clash"  # "une embuscade ... le véhicule a d'abord été touché par un engin explosif"
    if kind == "explosion":
        if has_cue("air", text):
            return "Explosions/Remote violence", "Air/drone strike"
        if has_cue("artillery", text):
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    armed_group = actor1 is not None and actor1.sector in {"REB", "UAF"}
    if kind == "strike" and armed_group and not has_cue("air", text) and not has_cue("artillery", text):
        return attack_type(text, actor1, actor2, victims)  # "le groupe avait frappé au cœur de la capitale"
    if kind == "strike" and has_cue("artillery", lead or text) and not has_cue("air", lead or text):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if kind == "shelling" and has_cue("air", lead or text) and not has_cue("artillery", lead or text):
        return "Explosions/Remote violence", "Air/drone strike"
    if kind in {"attack", "shelling"} and raided_from_abroad(lead or text, actor1, home):
        return "Explosions/Remote violence", "Air/drone strike"  # « L'agression américano-britannique a lancé une
        # série de raids contre le gouvernorat de Hodeïda », « ce bombardement » said of them after
    if kind == "attack" and has_cue("air", lead or text):
        return "Explosions/Remote violence", "Air/drone strike"  # "des drones ont visé Kramatorsk"
    if kind == "attack" and has_cue("artillery", text) and not has_cue("armed_target", text):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if kind in {"kill", "massacre"} and has_cue("air", lead or text):  # « un nouveau massacre commis par l'aviation »
        return "Explosions/Remote violence", "Air/drone strike"  # "les vecteurs aériens ont neutralisé ..."
    crowd = actor1 is not None and actor1.name.startswith(CROWDS)
    if kind == "kill" and not any_armed(victims) and not is_armed(actor2) and not crowd:
        return "Violence against civilians", "Attack"  # killings with no armed men among the dead
    unarmed_target = not is_armed(actor2) and not has_cue("armed_target", without_the_attacker(text, actor1))
    if kind in {"attack", "looting", "kill"} and crowd:
        on_someone = kind in {"attack", "kill"} and not has_cue("demonstration", text) and not has_cue("property", text)
        mob = victims or on_someone  # « une foule en colère s'en est prise à un homme », « a battu à mort »
        return "Riots", "Mob violence" if mob else "Violent demonstration"  # "une foule en colère a pris
    if kind == "attack" and "kill" in kinds and unarmed_target and not any_armed(victims):  # d'assaut le commissariat"
        return "Violence against civilians", "Attack"  # "les victimes ont été tuées ... par des hommes armés"
    harmless = not victims and not injured and "kill" not in kinds
    if kind == "attack" and harmless and unarmed_target and (has_cue("property", text) or has_cue("livestock", text)):
        return "Strategic developments", "Looting/property destruction"  # an office attacked, nobody hurt
    if kind in {"attack", "kill"} and "protest" in kinds and set(victims) & protester_nouns():
        return "Protests", "Excessive force against protesters"  # « un manifestant a été tué lorsque les forces
        # de sécurité ont ouvert le feu pour disperser un sit-in »
    if kind in {"attack", "kill"}:
        return attack_type(lead or text, actor1, actor2, victims)
    if kind == "looting" and actor1 is not None and actor1.sector == "CVL":  # "des jeunes en colère ont bloqué
        return "Riots", "Violent demonstration"  # l'axe Jos-Abuja et incendié des véhicules": a crowd's destruction
    sides = [a for a in (actor1, actor2) if a is not None]
    named_group = any(a.sector == "REB" and not a.name.startswith(UNIDENTIFIED) for a in sides)
    if kind == "clash" and has_cue("stones", text) and not named_group:  # « Des affrontements ont éclaté avec les
        return "Riots", "Violent demonstration"  # jeunes du camp, qui ont lancé des pierres »: a riot, not a battle
    if kind == "clash" and crowd_clash(text, actor1, actor2):
        return "Riots", "Violent demonstration" if has_cue("demonstration", text) else "Mob violence"
    if kind == "territory_taken" and "looting" in kinds and not victims and not has_cue("armed_target", text):
        return "Strategic developments", "Looting/property destruction"  # « ont investi le village, pillant les
        # greniers et incendiant des cases, sans faire de victimes »: a raid, not a conquest
    if kind in {"territory_taken", "territory_regained"} and has_cue("no_fight", text) and not victims:
        return "Strategic developments", "Non-violent transfer of territory"  # "ont repris sans combattre la ville"
    if kind in {"territory_taken", "territory_regained"}:
        return "Battles", "Government regains territory" if regains(actor1, actor2, home) else TAKEN
    if kind in {"protest", "riot"}:
        return protest_type(kind, text, victims)
    return default.event_type, default.sub_event_type


TAKEN = "Non-state actor overtakes territory"
RAIDS = re.compile(r"\braids?\b", re.I)
AGGRESSION = re.compile(r"\bagressions?\b", re.I)  # « une agression de l'ennemi sioniste contre le port »
GROUND_RAID = re.compile(r"\b(?:forces spéciales|commandos?|héliporté|troupes|soldats)", re.I)


def raided_from_abroad(text: str, actor1: Actor | None, home: str) -> bool:
    """Raids by a foreign army where it has no troops on the ground are air raids, and so is its « agression »
    with no gun named; special forces' raids are not, nor an occupying army's (``actors/armies_on_the_ground.tsv``)."""
    foreign = actor1 is not None and actor1.sector == "MIL" and actor1.country not in {home, ""}
    occupying = actor1 is not None and armies_on_the_ground().get(home) == actor1.country  # Israel's in Jenin
    raids = RAIDS.search(text) is not None or (AGGRESSION.search(text) is not None and not has_cue("artillery", text))
    return foreign and not occupying and raids and GROUND_RAID.search(text) is None


@cache
def crowd_clash_pattern() -> re.Pattern[str]:
    crowds = word_alternation(read_lines("lexicons/crowd_nouns.txt"))
    return re.compile(
        rf"\bentre\b[^.;]{{0,60}}\b(?:et|avec)\s+(?:des|les|la|une)\s+({crowds})\b|"
        rf"\bentre\s+(?:des|les|la|une)\s+({crowds})\b[^.;]{{0,40}}\bet\b",
        re.I,
    )


def crowd_clash(text: str, actor1: Actor | None, actor2: Actor | None) -> bool:
    """ "des affrontements entre la police et les personnes en deuil": state forces against an unarmed crowd is a
    riot, not a battle."""
    forces = [a for a in (actor1, actor2) if a is not None and a.sector in {"COP", "MIL"}]
    armed_other = [a for a in (actor1, actor2) if a is not None and a.sector in {"REB", "UAF"}]
    return bool(forces) and not armed_other and crowd_clash_pattern().search(text) is not None


def armed_hit(actor2: Actor | None, victims: list[str]) -> bool:
    return is_armed(actor2) or any_armed(victims)


def regains(actor1: Actor | None, actor2: Actor | None, home: str) -> bool:
    """The state's forces take ground back; so do a foreign army's taking it from an armed group (a Rwandan force
    retaking Mocímboa da Praia from insurgents), not its taking it from the state (Russian troops in Ukraine)."""
    if actor1 is None or actor1.sector not in {"MIL", "COP", "GOV"}:
        return False
    return actor1.country in {home, ""} or (actor2 is not None and actor2.sector in {"REB", "UAF"})


def without_the_attacker(text: str, actor1: Actor | None) -> str:
    """The text less the words naming the attacker: « des éléments terroristes ont incendié quatre camions » attacked
    no terrorists, nor « l'attaque attribuée aux rebelles des ADF contre un village » rebels."""
    if actor1 is None or not actor1.text or actor1.sector not in {"REB", "UAF"}:
        return text
    kind = r"(?:\b\w+\s+(?:des|du|de la|de l'|d')\s*)?"  # « aux rebelles des ADF »: the group and its kind
    return re.sub(kind + re.escape(actor1.text), " ", text, count=1)


def attack_type(text: str, actor1: Actor | None, actor2: Actor | None, victims: list[str]) -> tuple[str, str]:
    """An attack on armed men is a battle; on civilians, violence against civilians."""
    if actor2 is not None and actor2.sector in {"CVL", "REF", "JRN", "MED", "NGO", "OPP", "PTY"}:
        return "Violence against civilians", "Attack"  # « trois militants du CNL ont été passés à tabac »
    if is_armed(actor2) or any_armed(victims):
        return "Battles", "Armed clash"
    if has_cue("civilian_target", text) and not has_cue("armed_target", without_the_attacker(text, actor1)):
        return "Violence against civilians", "Attack"
    if victims and all(v in victim_nouns("unarmed") for v in victims):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


def protest_type(kind: str, text: str, victims: list[str]) -> tuple[str, str]:
    if has_cue("excessive_force", text) or (victims and kind == "protest"):
        return "Protests", "Excessive force against protesters"
    if kind == "riot" and not has_cue("demonstration", text):
        return "Riots", "Mob violence"  # "des émeutiers ont pillé des commerces": no demonstration, a mob
    if kind == "riot" or has_cue("destructive", text):
        return "Riots", "Violent demonstration"  # "ont érigé des barricades et incendié des pneus pour protester"
    if has_cue("peaceful", text):
        return "Protests", "Peaceful protest"  # « sous le regard de policiers déployés ... La marche s'est déroulée
        # sans incident »
    if has_cue("intervention", text):
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


def plover_type(kinds: list[str]) -> str:
    return event_kinds()[main_kind(kinds, False)].plover
