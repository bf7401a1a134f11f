"""ACLED's type and sub-type for a reading, from its trigger kinds and who is hit.

The rules, with a French example each, are written out in docs/coding-rules.md.
"""

from __future__ import annotations

import re

from temoin.records import Actor
from temoin.stages.triggers import event_kinds

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
    "massacre",
    "abduction",
    "sexual",
    "turned_back",
    "clash",
    "territory_taken",
    "territory_regained",
    "attack",
    "mob",
    "riot",
    "protest",
    "arrest",
    "base",
    "looting",
    "disrupted",
    "agreement",
    "handover",
    "group_change",
    "movement",
    "kill",
]
ARMED_TARGETS = re.compile(
    r"\b(soldats?|militaires|positions? militaires?|postes? (militaire|avancé|de sécurité)|"
    r"patrouilles?|bases? militaires?|camps? militaires?|casernes?|policiers|gendarmes|"
    r"check-?points?|barrages?|détachements?|garnisons?|forces|armée|combattants|"
    r"terroristes|djihadistes|jihadistes|rebelles|vdp|volontaires|fds|fama)\b",
    re.I,
)
CIVILIAN_TARGETS = re.compile(
    r"\b(civils?|villageois|habitants|fidèles|marchés?|mosquées?|églises?|écoles?|"
    r"élèves|passagers|populations?|femmes|enfants|orpailleurs|agriculteurs|éleveurs|"
    r"déplacés|camps? de déplacés|funérailles|mariage|commerçants|paysans)\b",
    re.I,
)
PROPERTY = re.compile(
    r"\b(bureaux?|locaux|entrepôts?|magasins?|boutiques?|véhicules|matériels?|équipements?|biens|"
    r"incendiée?s?|détruite?s?|saccagée?s?|vandalisée?s?|pillée?s?)\b",
    re.I,
)
AIR_CONTEXT = re.compile(
    r"\b(avions?|aviation|aériens?|aériennes?|largu\w+|hélicoptères?|chasseurs?|armée de l'air|"
    r"bombardiers?|drones?)\b",
    re.I,
)
ARTILLERY_CONTEXT = re.compile(r"\b(obus|roquettes?|missiles?|artillerie|mortiers?|pilonn\w+)\b", re.I)
INTERVENTION = re.compile(
    r"\b(gaz lacrymogènes?|dispersée?s?|dispers\w+|matraqu\w+|interpellée?s?|"
    r"arrêtée?s?|canons? à eau|charg\w+ les manifestants)\b",
    re.I,
)
EXCESSIVE = re.compile(
    r"\b(balles réelles|tirs? sur (les|des) manifestants|ouvert le feu sur (les|des) manifestants)\b", re.I
)
ARMED_VICTIMS = {
    "soldats",
    "militaires",
    "soldat",
    "militaire",
    "policiers",
    "gendarmes",
    "terroristes",
    "djihadistes",
    "jihadistes",
    "assaillants",
    "combattants",
    "rebelles",
    "insurgés",
    "militants",
    "miliciens",
    "éléments",
    "vdp",
    "volontaires",
    "islamistes",
    "extrémistes",
    "bandits",
    "ennemis",
}


def main_kind(kinds: list[str], has_toll: bool) -> str:
    """The kind that decides the type when a sentence holds several."""
    ordered = sorted(set(kinds), key=PRECEDENCE.index)
    if "turned_back" in ordered and not has_toll:
        return "turned_back"
    ordered = [k for k in ordered if k != "turned_back"] or ordered
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
) -> tuple[str, str]:
    """(event_type, sub_event_type) by ACLED's rules; ``home`` is the ISO alpha-3 of the event's country
    (a foreign army taking ground is not a government regaining it); ``lead`` the sentence that first told
    the event (drones named only in a later detail do not make a ground assault an air strike)."""
    kind = main_kind(kinds, bool(victims))
    default = event_kinds()[kind]
    if kind == "explosion":
        if AIR_CONTEXT.search(text):
            return "Explosions/Remote violence", "Air/drone strike"
        if ARTILLERY_CONTEXT.search(text):
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if kind == "strike" and ARTILLERY_CONTEXT.search(text) and not AIR_CONTEXT.search(text):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if kind == "shelling" and AIR_CONTEXT.search(text) and not ARTILLERY_CONTEXT.search(text):
        return "Explosions/Remote violence", "Air/drone strike"
    if kind == "attack" and AIR_CONTEXT.search(lead or text):
        return "Explosions/Remote violence", "Air/drone strike"  # "des drones ont visé Kramatorsk"
    if kind == "attack" and ARTILLERY_CONTEXT.search(text) and not ARMED_TARGETS.search(text):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if kind == "kill" and AIR_CONTEXT.search(text):
        return "Explosions/Remote violence", "Air/drone strike"  # "les vecteurs aériens ont neutralisé ..."
    if kind == "kill" and not any(v in ARMED_VICTIMS for v in victims) and not is_armed(actor2):
        return "Violence against civilians", "Attack"  # killings with no armed men among the dead
    unarmed_target = not is_armed(actor2) and not ARMED_TARGETS.search(text)
    if kind == "attack" and "kill" in kinds and unarmed_target and not any(v in ARMED_VICTIMS for v in victims):
        return "Violence against civilians", "Attack"  # "les victimes ont été tuées ... par des hommes armés"
    if kind == "attack" and not victims and "kill" not in kinds and unarmed_target and PROPERTY.search(text):
        return "Strategic developments", "Looting/property destruction"  # an office attacked, nobody hurt
    if kind in {"attack", "kill"}:
        return attack_type(text, actor1, actor2, victims)
    if kind in {"territory_taken", "territory_regained"}:
        state = actor1 is not None and actor1.sector in {"MIL", "COP", "GOV"} and actor1.country in {home, ""}
        return "Battles", "Government regains territory" if state else "Non-state actor overtakes territory"
    if kind in {"protest", "riot"}:
        return protest_type(kind, text, victims)
    return default.event_type, default.sub_event_type


def attack_type(text: str, actor1: Actor | None, actor2: Actor | None, victims: list[str]) -> tuple[str, str]:
    """An attack on armed men is a battle; on civilians, violence against civilians."""
    if actor2 is not None and actor2.sector in {"CVL", "REF", "JRN", "MED", "NGO"}:
        return "Violence against civilians", "Attack"
    if is_armed(actor2) or any(v in ARMED_VICTIMS for v in victims):
        return "Battles", "Armed clash"
    if CIVILIAN_TARGETS.search(text) and not ARMED_TARGETS.search(text):
        return "Violence against civilians", "Attack"
    if victims and all(v in {"personnes", "civils", "villageois", "habitants", "enfants", "femmes"} for v in victims):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


def protest_type(kind: str, text: str, victims: list[str]) -> tuple[str, str]:
    if EXCESSIVE.search(text) or (victims and kind == "protest"):
        return "Protests", "Excessive force against protesters"
    if kind == "riot":
        return "Riots", "Violent demonstration"
    if INTERVENTION.search(text):
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


def plover_type(kinds: list[str]) -> str:
    return event_kinds()[main_kind(kinds, False)].plover
