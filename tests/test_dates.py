"""Dates: every French form, resolved against the publication date, never against the clock."""

from __future__ import annotations

from datetime import date

import pytest

from temoin.stages.dates import DateReading, find_dates

PUBLISHED = date(2022, 9, 28)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Mardi 27 septembre, un convoi", date(2022, 9, 27), 1),
        ("le 23 septembre, les rebelles", date(2022, 9, 23), 1),
        ("le 1er mars 2020, une attaque", date(2020, 3, 1), 1),
        ("il y a deux jours, une frappe", date(2022, 9, 26), 1),
        ("Il y a trois semaines, des combats", date(2022, 9, 7), 2),
        ("a annoncé lundi que", date(2022, 9, 26), 1),
        ("dimanche dernier, des tirs", date(2022, 9, 25), 1),
        ("dans la nuit de samedi à dimanche, des hommes armés", date(2022, 9, 24), 1),
        ("samedi matin, la police", date(2022, 9, 24), 1),
        ("hier, un drone", date(2022, 9, 27), 1),
        ("avant-hier, un drone", date(2022, 9, 26), 1),
        ("la semaine dernière, des manifestations", date(2022, 9, 21), 2),
        ("il y a une dizaine de jours, une frappe", date(2022, 9, 18), 2),
        ("en fin de semaine dernière, des tirs", date(2022, 9, 24), 2),  # the Saturday of the week before
        ("en début de semaine dernière, des tirs", date(2022, 9, 19), 2),
        ("le week-end dernier, des tirs", date(2022, 9, 24), 2),  # the Saturday before, to the week
        ("en début de semaine, une frappe", date(2022, 9, 26), 2),  # this week's Monday
        ("en août, l'armée", date(2022, 8, 15), 3),  # a month alone: its middle
        ("en septembre, l'armée", date(2022, 9, 15), 3),
        ("fin août, l'armée", date(2022, 8, 25), 2),  # a part of the month, to about a week
        ("début août, l'armée", date(2022, 8, 5), 2),
        ("le 30 décembre, un attentat", date(2021, 12, 30), 1),
        ("le 12/09/2022, la police", date(2022, 9, 12), 1),
    ],
)
def test_resolved_against_publication(text: str, expected: date, precision: int) -> None:
    found = find_dates(text, PUBLISHED)
    assert found, text
    reading = found[0][2]
    assert (reading.value, reading.precision) == (expected, precision)


def test_a_month_told_in_that_month_is_no_later_than_the_telling() -> None:
    reading = find_dates("en septembre, l'armée", date(2022, 9, 10))[0][2]
    assert (reading.value, reading.precision) == (date(2022, 9, 10), 3)


def test_same_weekday_as_publication_is_that_day() -> None:
    assert find_dates("mercredi, des tirs", PUBLISHED)[0][2].value == PUBLISHED


def test_relative_dates_stay_unresolved_without_publication() -> None:
    assert find_dates("il y a deux jours", None)[0][2].value is None
    assert find_dates("mardi, des tirs", None)[0][2].value is None
    assert find_dates("le 23 septembre", None)[0][2].value is None


def test_absolute_dates_need_no_publication() -> None:
    assert find_dates("le 3 mars 2021", None)[0][2].value == date(2021, 3, 3)


@pytest.mark.parametrize(
    "text",
    [
        "au cours des dernières semaines, l'armée",
        "Depuis la mi-juin, les frappes se sont intensifiées.",  # the whole phrase, not « mi-juin » alone
        "Depuis début février, des milliers de familles ont fui.",
    ],
)
def test_periods_are_marked_as_background(text: str) -> None:
    reading = find_dates(text, PUBLISHED)[0][2]
    assert reading.period and reading.value is None


def test_since_when_something_happened_is_when_it_happened() -> None:
    found = find_dates("La ville est assiégée depuis fin juin, lorsque les rebelles l'ont encerclée.", PUBLISHED)
    assert [(r.value, r.period) for _, _, r in found] == [(date(2022, 6, 25), False)]


def test_the_day_after_counts_from_the_last_date_told(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Des combattants ont attaqué lundi un poste de l'armée à Bulo Burde. Le lendemain, un engin explosif a "
        "visé un convoi militaire près de Mogadiscio."
    )
    events = analyzer.analyze(text, "2024-03-07").events
    assert [str(e.event_date) for e in events] == ["2024-03-04", "2024-03-05"]


def test_days_earlier_or_later_count_from_the_last_date_told() -> None:
    found = find_dates(
        "Deux jours plus tôt, des miliciens ont attaqué. Trois jours plus tard, rien.", date(2025, 7, 28)
    )
    earlier, later = (reading for _, _, reading in found)
    assert earlier.shift == -2 and later.shift == 3
    told = DateReading(date(2025, 7, 26), 1)
    assert earlier.after(told).value == date(2025, 7, 24)
    assert later.after(told).value == date(2025, 7, 29)


def test_a_day_of_the_month_alone_is_this_month_or_the_last() -> None:
    (_, _, this), (_, _, last) = find_dates(
        "Le 4, des miliciens ont attaqué. Le 28, un convoi est arrivé.", date(2025, 3, 9)
    )
    assert this.value == date(2025, 3, 4) and last.value == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        ("le 12 déc 2024 et le 5 sept. dernier", date(2025, 1, 10), [date(2024, 12, 12), date(2024, 9, 5)]),
        # a date in a name is no date
        ("Les rebelles du Mouvement du 23 mars ont pris la ville dimanche.", date(2025, 9, 23), [date(2025, 9, 21)]),
        # an elided common noun opening the sentence is no name
        (
            "L'embuscade du 4 août, qui avait fait douze morts, reste dans les mémoires.",
            date(2025, 9, 23),
            [date(2025, 8, 4)],
        ),
        # a day in the weeks ahead is scheduled, not last year's
        (
            "le référendum prévu le 21 octobre, puis le 5 mars, et le 21 octobre 2022",
            PUBLISHED,
            [date(2022, 3, 5), date(2022, 10, 21)],
        ),
        # a weekday of last week is in the calendar week before
        ("Mardi de la semaine dernière, un convoi a sauté sur une mine.", date(2025, 10, 24), [date(2025, 10, 14)]),
        # a day counted then named is the day named
        ("La veille, mardi, la police a lancé une opération.", date(2023, 12, 21), [date(2023, 12, 19)]),
    ],
    ids=["abbreviated-months", "in-a-name", "elided-noun", "ahead", "last-week", "counted-then-named"],
)
def test_days_resolved(text: str, published: date, days: list[date]) -> None:
    assert [r.value for _, _, r in find_dates(text, published)] == days


def test_a_half_year_is_a_period() -> None:
    found = find_dates("Plus de 2 500 personnes ont été tuées au premier semestre.", date(2024, 7, 29))
    assert [(r.value, r.period) for _, _, r in found] == [(None, True)]


def test_last_week_is_the_middle_of_the_calendar_week_before() -> None:
    sunday = date(2026, 4, 12)  # told on a Sunday, « la semaine dernière » is not the Sunday before
    assert find_dates("la semaine dernière, un enlèvement", sunday)[0][2] == DateReading(date(2026, 4, 1), 2)
