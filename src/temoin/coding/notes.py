"""One-line English summaries in ACLED's style, for analysts who do not read French."""

from __future__ import annotations

from temoin.records import Actor, Event

VERBS = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Air/drone strike": "carried out an air or drone strike on",
    "Shelling/artillery/missile attack": "carried out a shelling, artillery or missile attack on",
    "Remote explosive/landmine/IED": "used a remote explosive or IED against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "threw a grenade at",
    "Chemical weapon": "used a chemical weapon against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Peaceful protest": "held a peaceful protest",
    "Protest with intervention": "held a protest that was dispersed by",
    "Excessive force against protesters": "used excessive force against",
    "Violent demonstration": "rioted",
    "Mob violence": "engaged in mob violence against",
    "Arrests": "arrested",
    "Headquarters or base established": "established a base",
    "Change to group/activity": "moved forces or changed activity",
    "Other": "turned back",
    "Agreement": "reached an agreement with",
    "Looting/property destruction": "looted or destroyed property of",
    "Disrupted weapons use": "disrupted weapons of",
    "Non-violent transfer of territory": "took over territory from",
}


def actor_words(actor: Actor | None, fallback: str) -> str:
    return actor.name if actor else fallback


def summary(event: Event) -> str:
    when = f"On {event.event_date.day} {event.event_date:%B %Y}" if event.event_date else "On an unreported date"
    if event.event_date and event.time_precision and event.time_precision > 1:
        when = (
            f"Around {event.event_date:%B %Y}"
            if event.time_precision == 3
            else f"In the week of {event.event_date.day} {event.event_date:%B %Y}"
        )
    who = actor_words(event.actor1, "unidentified actors")
    verb = VERBS.get(event.sub_event_type, "were involved in an event with")
    whom = (
        f" {event.actor2.name}" if event.actor2 and not verb.endswith(("protest", "base", "activity", "rioted")) else ""
    )
    if not whom and verb.endswith(
        (" on", " with", " against", " from", " at", " of", "attacked", "arrested", "abducted", "back", "by")
    ):
        whom = " unidentified targets" if verb not in {"turned back", "arrested"} else " others"
    where = ""
    if event.location:
        near = "near " if event.location.geo_precision > 1 else "in "
        where = f" {near}{event.location.name} ({event.location.country})"
    toll = ""
    if event.fatalities:
        toll = f" {event.fatalities} reported fatalities."
    source = f" Source: {', '.join(event.sources)}." if event.sources else ""
    hedge = " (reported, unconfirmed)" if event.certainty == "hedged" else ""
    return f"{when}, {who} {verb}{whom}{where}{hedge}.{toll}{source}".replace("..", ".")


def add_notes(events: list[Event]) -> None:
    for event in events:
        event.notes = summary(event)
