"""Draft events turned into typed ``Event`` records: actor1 and actor2 picked by ACLED's rules, type and
sub-type, toll, certainty and evidence. ``code_events`` is the coding stage's entry point: sentences become
readings (``reading``), readings become draft events (``drafts``), drafts become records here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from temoin.coding.clauses import LEDE_SENTENCES
from temoin.coding.context import ArticleContext
from temoin.coding.drafts import Draft, draft_events, same_dead_groups
from temoin.coding.participants import (
    STAND_OFF,
    SUSPECTED_OF,
    VICTIM_SECTORS,
    arrest_actors,
    both_sides,
    civilian_victims,
    civilians_of,
    claimed_by_an_army,
    coup_actors,
    custodian,
    enemy_army,
    force_that_tells_it,
    holds_the_ground,
    is_generic,
    is_state_force,
    local_people,
    members_struck,
    military_of,
    police_of,
    same_actor,
    suspected_group,
    unidentified_armed_group,
    unknown_attackers,
    whom_it_was_taken_from,
    with_known_attackers,
    without_guards,
)
from temoin.coding.roles import NON_STATE, holds_the_place, in_quotes
from temoin.coding.typing import (
    CROWDS,
    UNIDENTIFIED,
    classify,
    has_cue,
    main_kind,
    plover_type,
    total_words,
    victim_nouns,
)
from temoin.countries import Country, country_lexicon
from temoin.records import Actor, Certainty, Event, Evidence
from temoin.resources import read_lines, word_alternation, word_pattern, word_set
from temoin.stages import doc_text
from temoin.stages.dates import DateReading
from temoin.stages.source_names import with_its_bracket
from temoin.stages.sources import written_form
from temoin.stages.tolls import BOMBER_COUNT, BOMBERS_AMONG_THEM, ONE_MORE, find_tolls, number_value

GROUND_TAKEN = {"Non-state actor overtakes territory", "Non-violent transfer of territory"}  # from whoever held it
CIVILIAN_HARM = {"Violence against civilians", "Explosions/Remote violence"}


ONE_SIDED = {"Abduction/forced disappearance", "Looting/property destruction", "Attack", "Sexual violence"}


def pick_actors(draft: Draft, kinds_text: str) -> tuple[Actor | None, Actor | None]:
    def key(a: Actor) -> tuple[str, str]:
        if a.sector in NON_STATE:  # named groups are told apart ("l'ELN et des dissidents des FARC"), unnamed ones not
            return (a.name if "(" not in a.name else "*", a.sector)
        return (a.country, a.sector)

    agents, patients = list(draft.agents), list(draft.patients)
    hit = {key(a) for a in patients if a.sector in {"MIL", "COP"}}  # "cinq soldats tués dans une attaque contre un
    agents = [a for a in agents if key(a) not in hit]  # poste de l'armée": the army was attacked, it did not attack
    if draft.family != "protest":  # civilians are not the perpetrators of violence, whatever the parse says; a crowd
        unarmed = not any(a.sector in ARMED for a in agents)  # « des jeunes Imbonerakure »: the militia's men
        agents = [
            as_a_mob(a) if unarmed and beaten_by(a, kinds_text) else a for a in agents
        ]  # can be: "des jeunes en colère
        victims = [a for a in agents if a.sector in VICTIM_SECTORS and not a.name.startswith(CROWDS)]  # ont incendié
        patients += victims  # des véhicules", « des jeunes l'ont battu à mort »
        agents = [a for a in agents if a not in victims]
    actor1: Actor | None = None
    named = [a for a in agents if a.sector in {"REB", "UAF"} and not is_generic(a)]
    if agents and named and agents[0].sector in {"REB", "UAF"} and is_generic(agents[0]):
        agents.insert(0, agents.pop(agents.index(named[0])))  # « des combattants ... du JNIM »: the group named
    if agents:
        actor1 = agents[0]
    else:  # "Dix soldats et cinq assaillants tués": the armed one; "un camp de déplacés ... cinq enfants": none
        armed = [a for a in patients if a.sector not in VICTIM_SECTORS]
        sides = {(a.country, "state") if a.sector in {"MIL", "COP"} else key(a) for a in armed}
        two_sides = len(sides) >= 2  # not "des gendarmes et des civils ... un convoi escorté par l'armée"
        attackers = word_set("lexicons/attacker_nouns.txt") & set(draft.killed)  # "trois soldats et neuf assaillants"
        armed.sort(key=lambda a: a.text.lower() not in attackers)
        text = " ".join(sentence.text for sentence in draft.sentences)
        if not two_sides and (groups := two_groups(armed, text)) is not None:
            return groups  # « un affrontement a opposé des éleveurs peuls armés à des jeunes d'autodéfense »
        actor1 = patients.pop(patients.index(armed[0])) if two_sides else None
    if actor1 is not None and actor1.sector in {"REB", "UAF"}:  # « ainsi que les trois assaillants »: the
        attackers = word_set("lexicons/attacker_nouns.txt")  # attackers killed are actor1's men, not its target
        patients = [a for a in patients if not (is_generic(a) and a.text.lower() in attackers)]
        agents = agents[:1] + [a for a in agents[1:] if not (is_generic(a) and a.text.lower() in attackers)]
        if not is_generic(actor1):  # « des hommes armés non identifiés ... cette lâche attaque, attribuée à l'EIGS »:
            agents = agents[:1] + [a for a in agents[1:] if a.sector != "UAF"]  # the unnamed men were its own
            if any(p.sector == "CVL" for p in patients):  # « une insurrection jihadiste » where a bomb killed traders:
                patients = [p for p in patients if not (p.sector in {"REB", "UAF"} and "(" in p.name)]  # no side
    struck = [a for a in patients if actor1 is None or key(a) != key(actor1)]
    rest = [a for a in agents[1:] + patients if actor1 is None or key(a) != key(actor1)]
    foes = [a for a in struck + rest if not allied(a, actor1)]  # « ont opposé des policiers et des militaires à des
    # gangs »: the gangs, not the army beside the police
    ranked = foes or struck or rest
    return actor1, ranked[0] if ranked else None


def beaten_by(actor: Actor, kinds_text: str) -> bool:
    """« des jeunes ont intercepté un motocycliste ... puis l'ont battu à mort »: townspeople who kill by hand are a
    mob (``lexicons/crowd_nouns.txt``, the ``beating`` cue of ``lexicons/type_cues.tsv``)."""
    words = actor.text.lower().split()
    return (
        actor.sector == "CVL" and bool(words) and words[-1] in word_set(CROWD_NOUNS) and has_cue("beating", kinds_text)
    )


def as_a_mob(actor: Actor) -> Actor:
    country = country_lexicon().by_iso3.get(actor.country)
    return replace(actor, name=f"Rioters ({country.name_en})") if country is not None else actor


CROWD_NOUNS = "lexicons/crowd_nouns.txt"
ARMED = {"MIL", "COP", "REB", "UAF"}


def two_groups(armed: list[Actor], text: str) -> tuple[Actor, Actor] | None:
    """Two differently named armed groups, no state force, that the text opposes (« un affrontement a opposé des
    éleveurs peuls armés à des jeunes d'autodéfense », « entre ... et »): the two sides of one fight."""
    groups = [a for a in armed if a.sector in {"REB", "UAF"}]
    if len(groups) != len(armed) or len({a.name for a in groups}) < 2:
        return None
    other = next(a for a in groups if a.name != groups[0].name)
    told = opposed_to(text, groups[0], other) or fought_between(text, groups[0], other)
    return (groups[0], other) if told else None


def opposed_to(text: str, one: Actor, other: Actor) -> bool:
    """« ont opposé des éleveurs peuls armés à des jeunes d'autodéfense », in either order."""
    if not one.text or not other.text or one.text == other.text:
        return False
    a, b = re.escape(one.text), re.escape(other.text)
    to = r"[^.;]{0,40}?\b(?:à|aux?)\b[^.;]{0,20}?"
    return re.search(rf"\boppos\w*\b[^.;]{{0,80}}?(?:{a}{to}{b}|{b}{to}{a})", text) is not None


def armed_foe(draft: Draft, actor1: Actor | None) -> Actor | None:
    """The first armed actor hit in a battle, on the side other than actor1's, else the one it fought « entre ... et »
    (« des affrontements entre la Force de dissuasion et la 444e brigade », with a civilian among the dead)."""
    text = " ".join(s.text for s in draft.sentences)
    between = [a for a in draft.agents if actor1 is not None and fought_between(text, actor1, a)]
    armed = [a for a in [*draft.patients, *between] if a.sector in ARMED and a != actor1 and not allied(a, actor1)]
    return next((a for a in armed if actor1 is None or (a.country, a.sector) != (actor1.country, actor1.sector)), None)


def fought_between(text: str, one: Actor, other: Actor) -> bool:
    """« entre la Force de dissuasion (Radaa) et la 444e brigade »: the two sides of one fight, in either order."""
    if not one.text or not other.text or one.text == other.text:
        return False
    a, b = re.escape(one.text), re.escape(other.text)
    return (
        re.search(
            rf"\bentre\b[^.;]{{0,80}}?(?:{a}[^.;]{{0,80}}?\bet\b[^.;]{{0,30}}?{b}|{b}[^.;]{{0,80}}?\bet\b[^.;]{{0,30}}?{a})",
            text,
        )
        is not None
    )


def only_the_holder(draft: Draft, actor: Actor | None, ctx: ArticleContext) -> bool:
    """The armed group is named only as the holder of the place hit, or only in the striker's quoted words
    (« L'armée évoque des frappes contre « des terroristes en mouvement » », while the dead are a fair's)."""
    if actor is None or actor.sector not in {"REB", "UAF"}:
        return False
    mentions = [a for s in draft.sentences for a in s.actors if a.text == actor.text]
    quoted = all(in_quotes(a) for a in mentions) and civilians_named(draft, ctx)
    return bool(mentions) and (quoted or all(holds_the_place(a) for a in mentions))


def civilians_named(draft: Draft, ctx: ArticleContext) -> bool:
    """The toll says who the dead were, and they were civilians: « sept civils », « huit morts, dont deux femmes »,
    not « deux personnes »."""
    unarmed = victim_nouns("unarmed") - total_words()
    if any(count and noun in unarmed for noun, count in [*draft.killed.items(), *draft.injured.items()]):
        return True
    told = ctx.sentences[draft.sentences[0].index : draft.last_index + 1]  # with the toll's sentences
    return any(civilians_among().search(s.text) for s in told)


@cache
def civilians_among() -> re.Pattern[str]:
    """« dont deux femmes », « dont trois enfants »: civilians among the dead counted."""
    unarmed = victim_nouns("unarmed") - total_words()
    return re.compile(rf"\bdont\s+(?:\S+\s+){{0,2}}(?:{word_alternation(sorted(unarmed))})\b", re.I)


def allied(a: Actor, b: Actor | None) -> bool:
    """Two state forces of one country fight on the same side: the police and the army."""
    state = {"MIL", "COP", "GOV"}
    return b is not None and a.country == b.country and a.sector in state and b.sector in state


def both_sides_armed(text: str) -> bool:
    return word_pattern("lexicons/rival_sides.txt").search(text) is not None


def armed_sides(actor1: Actor | None, where: Country | None) -> tuple[Actor | None, Actor | None]:
    """Both sides of a clash between armed groups: the one named, and an unnamed militia of the country."""
    militia = Actor(f"Militia ({where.name_en if where else 'Unknown'})", where.iso3 if where else "UNK", "REB")
    if actor1 is None or actor1.sector in VICTIM_SECTORS or actor1.name.startswith(UNIDENTIFIED):
        return militia, militia  # « des affrontements entre deux sous-clans rivaux »: no one else
    return actor1, militia


def co_agent(draft: Draft, actor: Actor) -> bool:
    return actor in draft.agents and actor not in draft.patients and actor.sector not in VICTIM_SECTORS


def fatalities(table: dict[str, int]) -> int | None:
    if not table:
        return None
    table = without_breakdowns(table)
    totals = max((v for k, v in table.items() if k in total_words()), default=0)
    totals += table.get("kamikaze", 0) if totals else 0  # « neuf personnes en plus de la kamikaze »: ten
    more = table.get(ONE_MORE, 0)  # « Deux personnes avaient été déclarées mortes ... un troisième décès »: three
    parts = sum(v for k, v in table.items() if k not in total_words() and k != ONE_MORE)
    return max(totals, parts) + more


def without_breakdowns(table: dict[str, int]) -> dict[str, int]:
    """« Cinq soldats ont été tués ... Trois militaires ont été tués sur le coup. Deux autres ont succombé »: the
    three and the two are the five told again, split; they are counted once."""
    kept = dict(table)
    for group in same_dead_groups():
        keys = [k for k in kept if k in group or k == "autres"]
        if len(keys) < 3:
            continue
        top = max(keys, key=lambda k: kept[k])
        if sum(kept[k] for k in keys if k != top) == kept[top]:
            kept = {k: v for k, v in kept.items() if k == top or k not in keys}
    return kept


def hits_no_one_armed(actor: Actor | None) -> bool:
    return actor is None or actor.sector in VICTIM_SECTORS


def hits_the_army(text: str) -> bool:
    return word_pattern("lexicons/military_targets.txt").search(text) is not None


def hit_its_own(text: str) -> bool:
    """The teller was the target: « qu'un obus était tombé à l'intérieur de son quartier général »."""
    return own_sites().search(text) is not None


@cache
def own_sites() -> re.Pattern[str]:
    """« son quartier général », « leurs positions »: ``lexicons/own_site_nouns.txt`` after a possessive."""
    sites = word_alternation(read_lines("lexicons/own_site_nouns.txt"))
    return re.compile(rf"\b(?:son|sa|ses|leurs?) (?:{sites})\b", re.I)


def hits_a_merchant_ship(text: str) -> bool:
    return word_pattern("lexicons/merchant_ship_nouns.txt").search(text) is not None


def civilians_hit(draft: Draft) -> bool:
    """Whether civilians were the ones hit: the dead or, failing them, the injured are civilians ("blessant quatre
    personnes", "un homme de 71 ans a été tué"); damage alone names no victim, as in ACLED's rows."""
    hurt = draft.killed if any(draft.killed.values()) else draft.injured  # "sans faire de victimes" names no one
    if "bodies" in draft.kinds:  # bodies found: civilians, unless the toll says they were armed
        return not set(hurt) & victim_nouns("armed")
    hurt = {k: v for k, v in hurt.items() if k not in word_set("lexicons/attacker_nouns.txt") and k != ONE_MORE}
    return any(hurt.values()) and set(hurt) <= civilian_victims()


def arrested_members(draft: Draft, held: Actor | None, actor2: Actor | None) -> Actor | None:
    """Those arrested as members of an armed group are that group, not civilians (``suspected_group``); people
    suspected of helping one (« trois personnes soupçonnées de complicité avec les groupes terroristes ») are
    civilians, ACLED's default for those arrested."""
    armed = actor2 is not None and actor2.sector in {"REB", "UAF"} and is_generic(actor2)
    if armed and SUSPECTED_OF.search(draft.sentences[0].text):
        return None
    if actor2 is not None and actor2.sector != "CVL":
        return actor2
    return held or actor2


def held_group(draft: Draft, ctx: ArticleContext) -> Actor | None:
    """The armed group those arrested are held as members of, from the first sentence that says so."""
    return next((g for s in draft.sentences if (g := suspected_group(ctx, s)) is not None), None)


def who_stopped_it(
    draft: Draft, ctx: ArticleContext, actor1: Actor | None, actor2: Actor | None, home: Country | None
) -> tuple[Actor | None, Actor | None]:
    """ACLED's actor1 of an interception is who stopped the weapon, actor2 whose weapon it was: never the
    stopper's own government (« dans le cadre du plan de désarmement adopté par le gouvernement »)."""
    if actor1 is not None and actor2 is not None and actor2.sector == "GOV" and allied(actor1, actor2):
        actor2 = None
    if is_state_force(actor2) and not is_state_force(actor1):
        actor1, actor2 = actor2, actor1  # "un missile des Houthis que l'armée israélienne a intercepté"
    if actor2 is not None or actor1 is None or not is_state_force(actor1):
        return actor1, actor2
    defender = claimed_by_an_army(draft.named_sources, ctx.focus, actor1)  # "ses systèmes de défense antiaérienne
    if defender is not None:  # ont intercepté 14 drones ukrainiens", says the Russian ministry: Russia stopped them
        return defender, actor1
    if home is not None and actor1.country != home.iso3:  # drones of one state downed over another's land
        return military_of(home), actor1
    return actor1, actor2


def a_force_was_hit(draft: Draft) -> bool:
    """The event's first sentence tells of armed men attacked, as a passive: « une patrouille a été prise pour cible »
    (the ``armed_target`` words of ``lexicons/type_cues.tsv``)."""
    for token in draft.sentences[0].span:
        passive = token.dep_ == "nsubj:pass" or (
            token.dep_ == "nsubj" and any(c.dep_ == "aux:pass" for c in token.head.children)
        )
        if passive and has_cue("armed_target", token.text):
            return True
    return False


def claimed_by_a_force(draft: Draft, where: Country | None, enemy: Actor | None) -> Actor | None:
    """The state force whose own claim tells of the fight, unless it is the side that was hit."""
    force = force_that_tells_it(draft.sentences, where)
    if force is not None and not (enemy is not None and (enemy.country, enemy.sector) == (force.country, force.sector)):
        return force
    return claimed_by_an_army(draft.named_sources, where, enemy)


def unclaimed_strike(draft: Draft, event_type: str) -> bool:
    """« Un drone chargé d'explosifs a frappé le champ pétrolier de Tawke ... L'attaque n'a pas été revendiquée »:
    no one's, not the striker of the strikes told before it."""
    return draft.unclaimed and event_type == "Explosions/Remote violence"


def clause_text(draft: Draft) -> str:
    """The words of its own verb, when its sentence told two events."""
    doc = draft.sentences[0].span.doc
    return "".join(doc[i].text_with_ws for i in sorted(draft.clause)).strip()


def to_event(draft: Draft, ctx: ArticleContext) -> Event:
    text = " ".join(s.text for s in draft.sentences)
    actor1, actor2 = pick_actors(draft, text)
    if draft.agents_are_sources and draft.family == "violent":
        actor1, actor2 = None, (actor1 if hit_its_own(text) else None)  # « Neuf personnes ont été tuées dans un
        # attentat, a annoncé la police »: it only spoke; « un obus était tombé dans son quartier général »: its own
    victims = [k for k in draft.killed if k]
    home = country_lexicon().by_iso2.get(draft.location.country) if draft.location else None
    lead = clause_text(draft) or without_guards(draft.sentences[0])
    if actor1 is None and main_kind(draft.kinds, False) in {"territory_regained", "territory_taken", "clash"}:
        actor1 = claimed_by_a_force(draft, home or ctx.focus, actor2)  # « les FARDC affirment avoir
        # repris ... »; an army of no nationality told of an event abroad is that land's (« l'armée tchadienne ... Elle
        # a annoncé avoir tué une dizaine de terroristes ... près de Kaïga-Kindjiria »)
    kinds = [*draft.kinds, "kill"] if fatalities(draft.killed) and "kill" not in draft.kinds else draft.kinds
    typed = " ".join([lead, *(without_guards(s) for s in draft.sentences[1:])])
    hurt = any(draft.injured.values())
    event_type, sub_type = classify(kinds, typed, actor1, actor2, victims, home.iso3 if home else "", lead, hurt)
    if event_type == "Battles" and actor2 is not None and actor2.sector in VICTIM_SECTORS:
        actor2 = armed_foe(draft, actor1) or actor2  # « Deux jeunes Palestiniens sont tombés ... Des affrontements
        # armés ont éclaté entre les soldats et des combattants de la résistance »: the fighters were the other side
    if event_type == "Protests" and fatalities(draft.killed):
        sub_type = "Excessive force against protesters"  # « Au moins quatre morts : la journée de mobilisation »
    if event_type == "Violence against civilians" and actor1 is not None and actor1.sector in {"CVL", "REF"}:
        actor1, actor2 = actor2, actor1
    if event_type == "Violence against civilians" and actor2 is not None and co_agent(draft, actor2):
        actor2 = None  # "le massacre par l'armée et Wagner de 300 personnes": Wagner killed too, it was not hit
    if actor2 is None and event_type in CIVILIAN_HARM and civilians_hit(draft):
        actor2 = civilians_of(ctx.focus)
    if event_type == "Explosions/Remote violence" and only_the_holder(draft, actor2, ctx) and civilians_hit(draft):
        actor2 = civilians_of(home or ctx.focus)  # « des avions de l'armée ont bombardé le marché central de Nyala,
        # fief des FSR. Les raids auraient fait au moins 15 morts parmi les commerçants »
    if sub_type == "Disrupted weapons use":
        actor1, actor2 = who_stopped_it(draft, ctx, actor1, actor2, home)
    if event_type in {"Protests", "Riots"}:
        actor1, actor2 = crowd_actors(draft, event_type, sub_type, home or ctx.focus, text)
    if home is not None:
        actor1, actor2 = local_people(actor1, home), local_people(actor2, home)
    at_home = home is None or ctx.focus is None or home == ctx.focus  # "l'armée" is the article's country's
    # an army telling of a strike that hit civilians did not make it (« selon l'armée de l'air ukrainienne »)
    struck_by_it = sub_type in STAND_OFF and at_home and not (actor2 is not None and actor2.sector in VICTIM_SECTORS)
    if actor1 is None and actor2 is None and event_type == "Battles" and a_force_was_hit(draft):
        actor2 = claimed_by_a_force(draft, home or ctx.focus, None)  # « une patrouille a été prise pour cible,
        # selon le ministère de la Défense »: the ministry's men were attacked
    if actor1 is None and (event_type == "Battles" or sub_type == "Arrests"):
        actor1 = claimed_by_a_force(draft, home or ctx.focus, actor2)
    if actor1 is None and struck_by_it:
        actor1 = claimed_by_an_army(draft.named_sources, home or ctx.focus, actor2)
    if actor1 is None and event_type == "Violence against civilians":
        actor1 = custodian(text, home or ctx.focus)
    if actor1 is None and event_type == "Battles":
        actor1 = enemy_army(actor2)  # « les forces ukrainiennes ont repoussé un assaut près de Pokrovsk »: Russia's
    if actor1 is None and (unknown_attackers(event_type, sub_type) or unclaimed_strike(draft, event_type)):
        actor1 = unidentified_armed_group(home or ctx.focus)
    if sub_type in ONE_SIDED and actor1 is not None and actor2 is not None and actor2.name == actor1.name:
        actor2 = civilians_of(home or ctx.focus)  # « Les assaillants, une vingtaine d'hommes armés »: named twice
    if actor2 is None and (event_type == "Violence against civilians" or sub_type == "Looting/property destruction"):
        actor2 = civilians_of(home or ctx.focus)  # ACLED: one-sided violence and looting hit civilians
    if event_type == "Explosions/Remote violence" and is_state_force(actor1) and hits_no_one_armed(actor2):
        first, last = draft.sentences[0].index, draft.sentences[-1].index
        actor2 = members_struck(ctx, first, last) or actor2  # « éliminé un terroriste du Hezbollah »
    if actor2 is None and sub_type == "Remote explosive/landmine/IED" and hits_the_army(text) and home is not None:
        actor2 = military_of(home)  # « une patrouille a été ciblée par un engin explosif improvisé »
        if same_actor(actor2, actor1):  # « Les démineurs du génie militaire ont sécurisé la zone »: the army that
            actor1 = unidentified_armed_group(home)  # cleared up after the bomb was its target, not who laid it
    if actor2 is None and event_type == "Explosions/Remote violence" and hits_a_merchant_ship(text):
        actor2 = Actor("Civilians (International)", "UNK", "CVL")  # « Un cargo a été touché par un missile »
    if sub_type == "Arrests":
        held = held_group(draft, ctx)
        if held is not None and actor1 is not None and actor1.name == held.name:
            actor1, actor2 = None, held  # « ont démantelé une cellule liée à l'État islamique »: the group held
        actor2 = arrested_members(draft, held, actor2)
        actor1, actor2 = arrest_actors(actor1, actor2, home or ctx.focus, lead)
    if "coup" in draft.kinds and sub_type in {"Arrests", "Other"}:
        actor1, actor2 = coup_actors(actor1, actor2, home or ctx.focus)
    if event_type == "Battles" and both_sides_armed(text) and (actor2 is None or actor2.sector in VICTIM_SECTORS):
        actor1, actor2 = armed_sides(actor1, home or ctx.focus)  # "des affrontements entre groupes armés rivaux"
    if sub_type in GROUND_TAKEN and actor2 is not None and actor2.sector in VICTIM_SECTORS:
        actor2 = None  # "pris le contrôle de Merawi, une ville de plusieurs dizaines de milliers d'habitants"
    if actor2 is None and home is not None and holds_the_ground(event_type, sub_type, actor1, home):
        actor2 = military_of(home)  # ACLED: who held the ground
    if sub_type == "Armed clash":
        actor1, actor2 = both_sides(actor1, actor2, home or ctx.focus, text)
    if sub_type == "Government regains territory" and actor2 is None and is_state_force(actor1):
        actor2 = whom_it_was_taken_from(ctx, actor1, draft.sentences[0].index, draft.sentences[-1].index)
    if sub_type in ONE_ACTOR:  # « Bujumbura a déployé un bataillon autour d'Uvira, où ses troupes combattent aux
        actor1, actor2 = actor1 or actor2, None  # côtés des FARDC »: ACLED names only who moves or sets up a base
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
        fatalities=with_the_bomber(toll_of_event(draft), draft, sub_type, text),
        injuries=fatalities(draft.injured),
        sources=list(dict.fromkeys(draft.sources + draft.later_sources)),
        certainty=certainty,
        evidence=Evidence(start, end, doc_text(ctx.doc)[start:end]),
        plover_type=plover_type(draft.kinds),
        trigger=draft.trigger,
    )


ONE_ACTOR = {"Change to group/activity", "Headquarters or base established"}


def toll_of_event(draft: Draft) -> int | None:
    """The dead; 0 when only the injured are counted or the article says no one died (« aucune victime »); null
    when it gives no figure (``SCHEMA.md``: « des hommes armés ont enlevé vingt passagers » gives none). ACLED's
    export (``io/writers.py``) writes 0 for null, as ACLED does."""
    killed = draft.killed or draft.summary_killed
    if not killed and draft.injured:
        return 0
    told = fatalities(killed)
    accounts = [fatalities(a) or 0 for a in draft.accounts.values()]
    if told is not None and set(draft.accounts) == {"state", "armed"} and all(accounts):  # the two sides'
        return min(told, *accounts)  # conflicting accounts: ACLED keeps the lower (« aucune victime dans ses rangs »
    return told  # alone is no account of the fight)


def with_the_bomber(told: int | None, draft: Draft, sub_type: str, text: str) -> int | None:
    """ACLED counts the suicide bomber: « un kamikaze s'est fait exploser ..., tuant trois soldats » is four. Not
    when the count is of everyone (« sept personnes, dont cinq policiers ») or already names the bomber."""
    attackers = word_set("lexicons/attacker_nouns.txt")  # « sept soldats ... ainsi que les trois assaillants »
    if sub_type != "Suicide bomb" or not told or attackers & set(draft.killed):  # the bomber may be among them
        return told
    if any(k in total_words() for k in draft.killed) or BOMBERS_AMONG_THEM.search(text):
        return told
    bombers = BOMBER_COUNT.search(text)
    return told + ((number_value(bombers.group(1)) or 1) if bombers else 1)


POLICED = {"Protest with intervention", "Excessive force against protesters"}  # ACLED: the police, unless named


def crowd_actors(
    draft: Draft, event_type: str, sub_type: str, where: Country | None, text: str = ""
) -> tuple[Actor | None, Actor | None]:
    """ACLED's protest actors: the crowd, and the police or army only when they intervened (what the crowd
    denounces, « la barbarie des hordes terroristes », is no actor of the protest). The party that called the
    march is not the crowd: ACLED names it only as an associate, which the schema has no field for."""
    everyone = draft.agents + draft.patients
    named = next((a for a in everyone if a.name.startswith(CROWDS)), None)
    crowd = "Protesters" if event_type == "Protests" else "Rioters"
    actor1 = named or (Actor(f"{crowd} ({where.name_en})", where.iso3, "CVL") if where else None)
    victim = next((a for a in draft.patients if a.sector in VICTIM_SECTORS and a is not named), None)
    if sub_type == "Mob violence" and where is not None and lynched(draft):
        return actor1, victim or civilians_of(where)  # « lynché par une foule ..., selon la police, qui dit
        # avoir arrêté quatre suspects »: ACLED codes the one killed, not the police who came after
    intervened = sub_type != "Peaceful protest" or event_type == "Riots"
    forces = sorted((a for a in everyone if a.sector in {"COP", "MIL"}), key=lambda a: a.sector != "COP")
    force = forces[0] if forces and intervened else None  # the police first: "devant une base de la Monusco"
    policed = sub_type in POLICED or (event_type == "Riots" and has_cue("intervention", text))
    if (
        force is not None
        and policed
        and where is not None
        and force not in draft.agents
        and force.country != where.iso3
    ):
        force = police_of(where)  # « pour exiger le départ de la Monusco. La police les a dispersés »: what the
        # crowd demands of a foreign force makes it no party; the police of the place dispersed it
    if force is None and policed and where is not None:
        force = police_of(where)  # « les manifestants ont été dispersés à coups de gaz lacrymogène »: by the police
    if force is None and sub_type == "Mob violence":  # the mob's target: "des boutiques tenues par des Éthiopiens"
        force = victim
    return actor1, force


def lynched(draft: Draft) -> bool:
    """« un homme ... a été battu à mort par une foule en colère »: someone named, not « trois morts » of a brawl."""
    return not set(draft.killed) <= total_words() and civilians_hit(draft)


def is_reportable(draft: Draft) -> bool:
    """An event needs a place below the country, or a date of its own and both its actors."""
    if draft.location is not None:
        return True
    if draft.sentences[0].index < LEDE_SENTENCES and draft.agents and draft.family != "violent":
        return True  # "La police a arrêté trois membres du mouvement": the news itself, placed or not
    return (draft.date is not None and bool(draft.agents) and bool(draft.patients)) or crosses_a_border(draft)


def crosses_a_border(draft: Draft) -> bool:
    """« Des véhicules blindés du Botswana et 300 soldats sont également passés au Mozambique »: a foreign army sent
    into a country is news with no town named."""
    if main_kind(draft.kinds, False) != "movement":
        return False
    entered = {
        p.kb_id_[3:]
        for s in draft.sentences
        for p in s.places
        if p.label_ == "country" and p.start > 0 and p.doc[p.start - 1].lower_ in {"au", "en", "aux", "vers"}
    }
    by_iso3 = country_lexicon().by_iso3
    armies = {by_iso3[a.country].iso2 for a in draft.agents if a.sector == "MIL" and a.country in by_iso3}
    return bool(entered) and bool(armies) and not armies & entered


VIOLENT_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence"}


def with_headline_toll(events: list[Event], title: str) -> list[Event]:
    """The title's toll for the lead event that gives none (« Quinze morts dans une attaque au Burkina Faso »
    over « Les victimes ont été tuées dans la nuit de jeudi à Dibilou »): the reader has it from the headline."""
    lead = min(events, key=lambda e: e.evidence.start, default=None)
    if lead is None or lead.fatalities is not None or lead.event_type not in VIOLENT_TYPES:
        return events
    killed: dict[str, int] = {}
    for toll in find_tolls(title):
        if toll.outcome == "KILLED" and not toll.earlier:
            killed[toll.victims.lower()] = killed.get(toll.victims.lower(), 0) + toll.count
    if not any(killed.values()):
        return events
    lead.fatalities = fatalities(killed)
    home = country_lexicon().by_iso2.get(lead.location.country) if lead.location else None
    if lead.event_type in CIVILIAN_HARM and lead.actor2 is None and home and set(killed) <= civilian_victims():
        lead.actor2 = civilians_of(home)  # « Quinze morts »: civilians
    return events


def code_events(ctx: ArticleContext) -> list[Event]:
    events = with_every_source(
        with_known_attackers([to_event(d, ctx) for d in draft_events(ctx) if is_reportable(d)]), ctx
    )
    return as_written(events, ctx)


def as_written(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """Each source under the form the article first wrote it (``sources.written_form``)."""
    written: dict[str, str] = {}
    for sentence in ctx.sentences:
        for span in sentence.sources:
            written.setdefault(span.kb_id_, written_form(with_its_bracket(span).text, span.kb_id_))
    for event in events:
        event.sources = list(dict.fromkeys(written.get(s, s) for s in event.sources))
    return events


def with_every_source(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """A report of one event cites every source it names about that event: « Des sources de la sécurité ont déclaré
    à l'AFP qu'il pourrait s'agir d'une asphyxie », told after the deaths, is one of theirs. The certainty stays
    that of the sentences that told the event."""
    if len(events) != 1:
        return events
    named = [s.kb_id_ for x in ctx.sentences if not (x.boilerplate or x.headline) for s in x.sources if s.kb_id_]
    events[0].sources = list(dict.fromkeys(events[0].sources + named))
    return events
