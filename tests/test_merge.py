"""Cross-article merging on hand-made events (no NLP)."""

from __future__ import annotations

from datetime import date

from temoin.merge import MergedEvent, Report, distance_km, merge_events, reports_from_results
from temoin.records import Actor, Article, ArticleResult, Event, Location

JNIM = Actor("JNIM: Group for Support of Islam and Muslims", "UNK", "REB")
ISGS = Actor("Islamic State (Greater Sahara)", "UNK", "REB")
MALI_ARMY = Actor("Military Forces of Mali", "MLI", "MIL")
GUNMEN = Actor("Unidentified Armed Group (Mali)", "MLI", "UAF")
CIVILIANS = Actor("Civilians (Mali)", "MLI", "CVL")


def place(name: str, lat: float, lon: float, precision: int = 1) -> Location:
    return Location(name, "ML", lat, lon, precision)


def attack(
    day: int,
    where: Location,
    dead: int | None = None,
    certainty: str = "asserted",
    actor1: Actor | None = GUNMEN,
    actor2: Actor | None = CIVILIANS,
    event_type: str = "Violence against civilians",
    sources: tuple[str, ...] = (),
) -> Event:
    sub = "Attack" if event_type == "Violence against civilians" else "Armed clash"
    return Event(
        event_type, sub, date(2024, 3, day), 1, actor1, actor2, where, dead, sources=list(sources), certainty=certainty
    )  # type: ignore[arg-type]


def one(merged: list[MergedEvent]) -> MergedEvent:
    assert len(merged) == 1, merged
    return merged[0]


def test_two_outlets_same_event_merge_with_their_differences() -> None:
    asserted = attack(12, place("Tombouctou", 16.7735, -3.0074), 12, "asserted", JNIM)
    attributed = attack(13, place("Timbuktu", 16.7666, -2.9997), 15, "attributed", GUNMEN, sources=("sources locales",))
    event = one(merge_events([("a1", "Le Journal", asserted), ("b7", "Radio Sahel", attributed)]))
    assert [r.article_id for r in event.reports] == ["a1", "b7"]
    assert (event.fatalities_min, event.fatalities_max) == (12, 15)
    assert event.outlets == ("Le Journal", "Radio Sahel") and event.outlet_count == 2
    assert event.asserting_outlets == ("Le Journal",) and event.attributing_outlets == ("Radio Sahel",)
    assert event.asserted_vs_attributed
    assert (event.first_date, event.last_date) == (date(2024, 3, 12), date(2024, 3, 13))
    assert event.actor1 == JNIM  # the named actor, not the unidentified one
    assert [r.event.fatalities for r in event.reports] == [12, 15]  # each report keeps its own toll
    assert event.reports[1].event.sources == ["sources locales"]


def test_two_attacks_same_day_100_km_apart_stay_two() -> None:
    djibo, far = place("Djibo", 14.10, -1.63), place("Arbinda", 14.10, -0.70)
    assert 95 < distance_km(djibo, far) < 110
    merged = merge_events([("a1", "Le Journal", attack(12, djibo, 5)), ("b1", "Radio Sahel", attack(12, far, 5))])
    assert len(merged) == 2
    assert all(m.outlet_count == 1 and not m.asserted_vs_attributed for m in merged)


def test_what_keeps_reports_apart() -> None:
    here = place("Gao", 16.27, -0.04)
    base = attack(12, here, actor1=JNIM)
    apart = {
        "days": attack(16, here, actor1=JNIM),
        "family": Event("Protests", "Peaceful protest", date(2024, 3, 12), 1, None, None, here),
        "actors": attack(12, here, actor1=ISGS),
    }
    for name, other in apart.items():
        assert len(merge_events([("a", "X", base), ("b", "Y", other)])) == 2, name


def test_same_article_never_merges_with_itself_and_swapped_roles_do() -> None:
    here = place("Gao", 16.27, -0.04)
    clash = attack(12, here, actor1=JNIM, actor2=MALI_ARMY, event_type="Battles")
    swapped = attack(12, here, actor1=MALI_ARMY, actor2=JNIM, event_type="Battles")
    assert len(merge_events([("a", "X", clash), ("a", "X", swapped)])) == 2
    assert len(one(merge_events([("a", "X", clash), ("b", "Y", swapped)])).reports) == 2


def test_one_outlet_twice_is_one_independent_outlet() -> None:
    here = place("Gao", 16.27, -0.04)
    event = one(
        merge_events(
            [
                ("a", "Le Journal", attack(12, here, 3)),
                ("b", "le journal", attack(12, here, 3)),
                ("c", "", attack(12, here, 4, "hedged")),
            ]
        )
    )
    assert event.outlet_count == 2  # "Le Journal" folded, and the article without an outlet
    assert event.asserting_outlets == ("Le Journal",) and event.asserted_vs_attributed


def test_complete_linkage_does_not_chain() -> None:
    a, b, c = place("A", 15.0, 0.0), place("B", 15.0, 0.18), place("C", 15.0, 0.36)  # ~19 km steps
    merged = merge_events([("1", "X", attack(12, a)), ("2", "Y", attack(12, b)), ("3", "Z", attack(12, c))])
    assert sorted(len(m.reports) for m in merged) == [1, 2]


def test_region_level_places_merge_wider_and_undated_reports_stay_alone() -> None:
    town, region = place("Ménaka", 15.92, 2.40), place("Région de Ménaka", 16.30, 2.90, precision=3)
    event = one(merge_events([("a", "X", attack(12, town)), ("b", "Y", attack(12, region))]))
    assert event.location == town  # the most precise
    undated = Event("Violence against civilians", "Attack", None, None, GUNMEN, CIVILIANS, town)
    merged = merge_events([("a", "X", attack(12, town)), ("b", "Y", undated)])
    assert len(merged) == 2 and merged[-1].first_date is None


def test_reports_from_results_and_report_objects() -> None:
    here = place("Gao", 16.27, -0.04)
    results = [
        ArticleResult(Article("a", "texte", outlet="Le Journal"), [attack(12, here, 2)]),
        ArticleResult(Article("b", "texte", outlet="Radio Sahel"), [attack(12, here, 4, "attributed")]),
    ]
    reports = reports_from_results(results)
    assert reports[0] == Report("a", "Le Journal", results[0].events[0])
    event = one(merge_events(reports))
    assert (event.fatalities_min, event.fatalities_max, event.outlet_count) == (2, 4, 2)
