"""The SQLite store: schema version, idempotent saves, parameterised filters, failures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from temoin.records import Actor, Article, ArticleResult, Event, Location
from temoin.store import EventFilter, open_store
from temoin.store.sqlite import SCHEMA_VERSION


def result(article_id: str, day: date, actor: str = "Military Forces of Mali") -> ArticleResult:
    event = Event(
        "Battles",
        "Armed clash",
        day,
        1,
        Actor(actor, "MLI", "MIL"),
        None,
        Location("Ménaka", "ML", 15.9, 2.4, 1),
        5,
        None,
        ["AFP"],
        "attributed",
    )
    return ArticleResult(Article(article_id, "Texte de l'article.", day), [event])


def test_schema_version_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        store.save(result("a", date(2024, 1, 2)))
    with open_store(path) as store:
        assert store.count("events") == 1


def test_saving_twice_replaces(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.save(result("a", date(2024, 1, 2)))
        store.save(result("a", date(2024, 1, 3)))
        assert store.count("articles") == 1 and store.count("events") == 1
        assert store.events()[0].event.event_date == date(2024, 1, 3)


def test_filters(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.save(result("a", date(2024, 1, 2)))
        store.save(result("b", date(2024, 2, 2), actor="Wagner Group"))
        assert len(store.events(EventFilter(since=date(2024, 2, 1)))) == 1
        assert len(store.events(EventFilter(actor="wagner"))) == 1
        assert len(store.events(EventFilter(country="ML"))) == 2
        assert len(store.events(EventFilter(event_type="Armed clash"))) == 2


def test_filter_values_are_never_sql(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.save(result("a", date(2024, 1, 2)))
        for hostile in ["' OR 1=1 --", "%", "_", "\\", "x'); DROP TABLE events; --"]:
            assert store.events(EventFilter(actor=hostile, country=hostile)) == []
        assert store.count("events") == 1


def test_results_round_trip(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        original = result("a", date(2024, 1, 2))
        store.save(original)
        again = next(store.results())
        assert again.events[0] == original.events[0]
        assert again.article.text == original.article.text


def test_failures_are_kept(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.save_failure("x.jsonl:3", "not valid JSON", "")
        assert store.failures()[0][1:] == ("x.jsonl:3", "", "not valid JSON")


def test_text_hash_normalises_white_space_and_a_second_call_gives_the_same() -> None:
    import hashlib

    from temoin.store.sqlite import text_hash

    expected = hashlib.sha256(b"Des tirs ont vis\xc3\xa9 Goma.").hexdigest()
    for _ in range(2):
        assert text_hash(" Des  tirs\nont visé\tGoma. ") == text_hash("Des tirs ont visé Goma.") == expected
