"""The ``temoin_dates`` component: French date expressions resolved against publication.

``find_dates`` is the pure step: (start, end, DateReading) over a text, given the
publication date (or None: relative dates then stay unresolved, never guessed
from the clock). The component writes ``doc.spans["temoin_dates"]`` with
``label_`` DATE (a point in time) or PERIOD (background: "au cours des
dernières semaines") and ``kb_id_`` "YYYY-MM-DD|precision" ("|precision" when
unresolved).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from temoin.resources import read_tsv
from temoin.stages import doc_text

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTH_ABBREVIATIONS = {"janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "déc": 12}
MONTH_FORMS = [*MONTHS, *MONTH_ABBREVIATIONS]  # whole names first: "sept" must not cut "septembre" short
NUMBER_WORDS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "quelques": 3,
    "plusieurs": 3,
    "dizaine": 10,  # « il y a une dizaine de jours »
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
}
_WD = "|".join(WEEKDAYS)
_MO = "|".join(MONTH_FORMS).replace("é", "[ée]").replace("û", "[uû]")
_PART = r"(?:\s+(?:dernier|matin|soir|après-midi|midi|à l'aube|en fin de journée|en début de soirée|soir))?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("numeric", re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")),
    ("explicit", re.compile(rf"\b(?:(?:{_WD})\s+)?(?P<d>\d{{1,2}}|1er)\s+(?P<m>{_MO})(?:\s+(?P<y>\d{{4}}))?\b", re.I)),
    ("night", re.compile(rf"\b(?:dans )?la nuit (?:de |du )(?P<wd>{_WD})(?:\s+(?:au|à)\s+(?:{_WD}))?\b", re.I)),
    ("lastweekday", re.compile(rf"\b(?P<wd>{_WD}) de la semaine (?:dernière|passée)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:ce |le |dès )?(?P<wd>{_WD}){_PART}\b", re.I)),
    ("dayonly", re.compile(r"\b[Ll]e (?P<d>\d{1,2}|1er)(?=,)")),  # "Le 4, des miliciens ...": this month's
    ("dayonly", re.compile(r"\b(?:[Ll]e|du|au) (?P<d>\d{1,2}|1er) courant\b")),  # « dans la nuit du 3 courant »
    ("anchored", re.compile(r"\b(?P<rel>le lendemain|le surlendemain|la veille|l'avant-veille)\b", re.I)),
    (  # "Deux jours plus tôt", "une semaine plus tard": counted from the last date told, like "la veille"
        "counted",
        re.compile(
            r"\b(?P<n>\d{1,2}|[a-zé]+) (?P<unit>jours|semaines?) (?P<dir>plus tôt|plus tard|auparavant)\b", re.I
        ),
    ),
    ("hier", re.compile(r"\b(?P<rel>avant-hier|hier|aujourd'hui|ce matin|cette nuit)\b", re.I)),
    ("ago", re.compile(r"\bil y a (?:une )?(?P<n>\d+|[a-zé]+)(?: de)? (?P<unit>jours?|semaines?|mois|ans?)\b", re.I)),
    (
        "partoflastweek",  # « en fin de semaine dernière »
        re.compile(r"\b(?:en|au) (?P<part>début|milieu|fin) de (?:la )?semaine (?:dernière|passée)\b", re.I),
    ),
    ("lastweek", re.compile(r"\b(?P<unit>la semaine|le mois|l'an|l'année) (?:dernière?|passée?)\b", re.I)),
    ("weekend", re.compile(r"\ble week-?end (?:dernier|passé)\b", re.I)),
    (  # « Ce week-end, les forces ... ont affronté », « Au cours du week-end, les FSR ont pillé »
        "thisweekend",
        re.compile(r"\bce week-?end\b|\b(?:au cours|lors) du week-?end\b|\b(?:durant|pendant) le week-?end\b", re.I),
    ),
    ("weekstart", re.compile(r"\ben début de (?:cette )?semaine\b", re.I)),
    (
        "period",
        re.compile(
            r"\b(?:au cours des|ces|lors des|durant les|pendant les) (?:dernières?|derniers) "
            r"(?:semaines|mois|jours|années)\b|\bdepuis (?:des|plusieurs) (?:mois|semaines|années)\b"
            r"|\bdepuis (?:le début de |début |fin |la fin |la mi-|mi-)?"
            rf"(?:{_MO}|l'an dernier|l'année dernière|\d{{4}})(?: \d{{4}})?\b(?!,? (?:lorsque|quand)\b)"
            r"|\bdepuis (?:le début|le déclenchement|l'éclatement|l'entrée en vigueur|la reprise) d(?:e la|e l'|u|es)\b"
            r"|\bdepuis(?:\s*,| lors\b| cette date\b| ce jour\b)"
            r"|\b(?:au|du|pendant le|durant le|au cours du) (?:premier|second|deuxième|troisième|dernier) "
            r"(?:semestre|trimestre)\b",
            re.I,
        ),
    ),
    ("month", re.compile(rf"\b(?P<part>en |début |mi-|fin |courant )(?P<m>{_MO})(?:\s+(?P<y>\d{{4}}))?\b", re.I)),
]
HOLIDAYS = [
    (re.compile(rf"\b(?:{row['phrase']})\b", re.I), int(row["month"]), int(row["day"]))
    for row in read_tsv("lexicons/fixed_holidays.tsv")
]  # « le jour de Noël », « la Toussaint »


@dataclass(frozen=True, slots=True)
class DateReading:
    value: date | None
    precision: int  # ACLED time_precision: 1 day, 2 week or a few days, 3 month
    period: bool = False
    shift: int = 0  # "le lendemain" +1, "la veille" -1: days from the date the article told last

    def key(self) -> str:
        return f"{self.value.isoformat() if self.value else ''}|{self.precision}|{self.shift}"

    @classmethod
    def from_key(cls, key: str, period: bool = False) -> DateReading:
        value, precision, shift = [*key.split("|"), "", "", ""][:3]
        return cls(date.fromisoformat(value) if value else None, int(precision or 1), period, int(shift or 0))

    def after(self, told: DateReading | None) -> DateReading:
        """A date told relative to the last one ("le lendemain"), once that one is known."""
        if not self.shift or told is None or told.value is None:
            return self
        return DateReading(told.value + timedelta(days=self.shift), max(told.precision, self.precision))


# Letters that re.IGNORECASE matches to "i" or "s" but str.lower() does not turn into them.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold(word: str) -> str:
    """``word`` lower-cased as the patterns' re.IGNORECASE saw it ("LUNDİ", "ſeptembre")."""
    return word.translate(_FOLD).lower()


def _plain(word: str) -> str:
    return word.replace("é", "e").replace("û", "u")


MONTH_NUMBERS = {_plain(m): i + 1 for i, m in enumerate(MONTHS)} | {
    _plain(a): n for a, n in MONTH_ABBREVIATIONS.items()
}


def month_number(name: str) -> int:
    """1-12 for a month's name or its abbreviation ("sept.", "déc")."""
    return MONTH_NUMBERS[_plain(fold(name).rstrip("."))]


def in_the_year_of(month: int, day: int, published: date) -> date | None:
    try:
        return date(published.year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: date) -> int:
    """The year that puts day/month on or before publication (news reports the past)."""
    candidate = in_the_year_of(month, day, published)
    if candidate is None:
        return published.year
    return published.year - 1 if candidate > published + timedelta(days=7) else published.year


SCHEDULED_DAYS = 60


def ahead(month: int, day: int, published: date | None) -> bool:
    """A day and month in the weeks after publication: what is scheduled (« soumis à référendum le 21 septembre »,
    published on 28 August), not last year's day."""
    candidate = in_the_year_of(month, day, published) if published is not None else None
    if published is None or candidate is None:
        return False
    return published + timedelta(days=7) < candidate <= published + timedelta(days=SCHEDULED_DAYS)


def last_weekday(name: str, published: date, strictly_before: bool = False) -> date:
    target = WEEKDAYS.index(fold(name))
    back = (published.weekday() - target) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


PART_OF_THE_MONTH = {"début": 5, "mi-": 15, "fin": 25}  # the middle of each third: « fin octobre » is about the 25th
MID_MONTH = 15  # « en juin »: coded to the middle of the month, as careful coders date a month-only event


def month_precision(groups: dict[str, str]) -> int:
    """« début mai », « mi-mai », « fin mai » name a part of the month, to about a week; « en mai » the month."""
    return 2 if groups["part"].strip().lower() in PART_OF_THE_MONTH else 3


def read_match(kind: str, m: re.Match[str], published: date | None) -> DateReading | None:
    """One pattern match as a date reading, resolved against ``published`` where relative."""
    g = m.groupdict()
    if kind == "period":
        return DateReading(None, 3, period=True)
    if kind in {"numeric", "explicit", "month"}:
        month = int(g["m"]) if kind == "numeric" else month_number(g["m"])
        day = (
            PART_OF_THE_MONTH.get(g["part"].strip().lower(), MID_MONTH)
            if kind == "month"
            else (1 if g["d"] == "1er" else int(g["d"]))
        )
        year = int(g["y"]) if g.get("y") else (infer_year(month, day, published) if published else None)
        if not g.get("y") and kind != "month" and ahead(month, day, published):
            return None  # what is scheduled is no event's date
        if year is None or not 1 <= month <= 12:
            return DateReading(None, 3 if kind == "month" else 1)
        try:
            told = date(year, month, day)
        except ValueError:
            return None
        if kind == "month" and published is not None and (year, month) == (published.year, published.month):
            told = min(told, published)  # « en juin », told on 10 June: not a day still to come
        return DateReading(told, month_precision(g) if kind == "month" else 1)
    if kind == "anchored":  # resolved against the last date told (coding); alone, "la veille" of publication
        shift = {"le lendemain": 1, "le surlendemain": 2, "la veille": -1, "l'avant-veille": -2}[fold(g["rel"])]
        alone = published + timedelta(days=shift) if published is not None and shift < 0 else None
        return DateReading(alone, 1, shift=shift)
    if kind == "counted":
        n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS.get(fold(g["n"]), 0)
        weeks = g["unit"].lower().startswith("semaine")
        n, precision = (n * 7, 2) if weeks else (n, 1)  # « une semaine plus tôt »: that week, not that very day
        if not 0 < n <= 31:
            return None
        shift = n if fold(g["dir"]) == "plus tard" else -n
        alone = published + timedelta(days=shift) if published is not None and shift < 0 else None
        return DateReading(alone, precision, shift=shift)
    if published is None:
        return DateReading(None, 1)
    if kind == "dayonly":
        day = 1 if g["d"] == "1er" else int(g["d"])
        if not 1 <= day <= 31:
            return None
        month_start = published.replace(day=1)
        anchor = month_start if day <= published.day else (month_start - timedelta(days=1)).replace(day=1)
        try:
            return DateReading(anchor.replace(day=day), 1)
        except ValueError:
            return None
    if kind == "lastweekday":  # « jeudi de la semaine dernière »: that day of the calendar week before
        monday = published - timedelta(days=published.weekday() + 7)
        return DateReading(monday + timedelta(days=WEEKDAYS.index(fold(g["wd"]))), 1)
    if kind in {"weekday", "night"}:
        return DateReading(last_weekday(g["wd"], published, "dernier" in fold(m.group(0))), 1)
    if kind == "hier":
        offset = {"avant-hier": 2, "hier": 1}.get(fold(g["rel"]), 0)
        return DateReading(published - timedelta(days=offset), 1)
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS.get(fold(g["n"]), 0)
        unit = fold(g["unit"])
        if n == 0:
            return None
        days = n * {"j": 1, "s": 7, "m": 30, "a": 365}[unit[0]]
        precision = 1 if unit.startswith("jour") and n <= 3 else 2 if unit.startswith(("jour", "sem")) else 3
        return DateReading(published - timedelta(days=days), precision)
    if kind == "partoflastweek":  # « en fin de semaine dernière »: Saturday of the calendar week before
        monday = published - timedelta(days=published.weekday() + 7)
        return DateReading(monday + timedelta(days={"début": 0, "milieu": 2, "fin": 5}[fold(g["part"])]), 2)
    if kind == "weekend":  # « le week-end dernier »: the Saturday before (told on a weekend, the one before it)
        back = (published.weekday() - 5) % 7 + (7 if published.weekday() >= 5 else 0)
        return DateReading(published - timedelta(days=back), 2)
    if kind == "thisweekend":  # the Saturday of the weekend told on, else the last one before
        return DateReading(published - timedelta(days=(published.weekday() - 5) % 7), 2)
    if kind == "weekstart":  # « en début de semaine »: this week's Monday, to the week
        return DateReading(published - timedelta(days=published.weekday()), 2)
    if kind == "lastweek":
        unit = fold(g["unit"])
        if unit == "la semaine":  # the middle of the calendar week before, as coders date it
            return DateReading(published - timedelta(days=published.weekday() + 5), 2)
        first = published.replace(day=1) - timedelta(days=1)
        return DateReading(first.replace(day=MID_MONTH) if unit == "le mois" else date(published.year - 1, 1, 1), 3)
    return None


def find_dates(text: str, published: date | None) -> list[tuple[int, int, DateReading]]:
    """Date expressions in ``text``, longest first where they overlap."""
    found: list[tuple[int, int, DateReading]] = []
    taken: list[tuple[int, int]] = []  # sorted, never overlapping
    for kind, pattern in PATTERNS:
        new = []
        for m in pattern.finditer(text):
            if overlaps(taken, m.start(), m.end()) or (kind == "explicit" and in_a_name(text, m.start())):
                continue
            try:
                reading = read_match(kind, m, published)
            except (OverflowError, ValueError):  # a date outside years 1-9999, a number of 4300 digits
                continue
            if reading is not None:
                found.append((m.start(), m.end(), reading))
                new.append((m.start(), m.end()))
        taken = sorted(taken + new)  # matches of one pattern never overlap each other
    found += feast_days(text, published, taken)
    return start_of_the_period(named_again(sorted(found, key=lambda f: f[0]), text), text)


def feast_days(text: str, published: date | None, taken: list[tuple[int, int]]) -> list[tuple[int, int, DateReading]]:
    """« le jour de Noël », « la Toussaint » (``lexicons/fixed_holidays.tsv``): that day, in the year before
    publication; none when the feast is still to come."""
    found = []
    for pattern, month, day in HOLIDAYS:
        for m in pattern.finditer(text):
            if overlaps(taken, m.start(), m.end()) or published is None or ahead(month, day, published):
                continue
            found.append((m.start(), m.end(), DateReading(date(infer_year(month, day, published), month, day), 1)))
    return found


def named_again(found: list[tuple[int, int, DateReading]], text: str) -> list[tuple[int, int, DateReading]]:
    """« La veille, mardi, des unités ... », « Une semaine plus tôt, le vendredi 29 mai, ... »: a day counted from
    another, then named, is the day named."""
    return [
        f
        for f, after in zip(found, [*found[1:], None], strict=False)
        if not (f[2].shift and after is not None and after[2].shift == 0 and text[f[1] : after[0]].strip() in BETWEEN)
    ]


BETWEEN = {"", ",", ", le", ", la"}  # what stands between a counted day and the day it names


SINCE_AN_EVENT = re.compile(r"^[^.;,]{0,60},\s*$")  # « Depuis le début de l'agression américano-britannique, »


def start_of_the_period(found: list[tuple[int, int, DateReading]], text: str) -> list[tuple[int, int, DateReading]]:
    """« Depuis le début de l'agression américano-britannique, en janvier, plus de 500 raids ont visé ... »: the
    month set off after a period's start dates the period, not an event."""
    out = list(found)
    for i, (f, after) in enumerate(pairwise(found)):
        if f[2].period and not after[2].period and SINCE_AN_EVENT.match(text[f[1] : after[0]]):
            out[i + 1] = (after[0], after[1], DateReading(None, after[2].precision, period=True))
    return out


NAMED_AFTER_A_DATE = re.compile(r"\b[A-ZÀ-Ý][\w'-]+ (?:du|de la|des) $")
ELIDED_COMMON_NOUN = re.compile(r"\b[LD]'[a-zà-ÿ]")


def in_a_name(text: str, start: int) -> bool:
    """A date that is part of a name: "le Mouvement du 23 mars", "le stade du 4 août"... with a capital.

    A sentence opening on an elided common noun is no name: « L'attaque du 8 janvier ».
    """
    name = NAMED_AFTER_A_DATE.search(text[max(0, start - 40) : start])
    return name is not None and not ELIDED_COMMON_NOUN.match(name.group())


def overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a range of ``taken`` (sorted, never overlapping, so ends never decrease)."""
    i = bisect_left(taken, (end, -1)) - 1  # the last range starting before ``end``
    return i >= 0 and taken[i][1] > start


class DateFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        spans = []
        for start, end, reading in find_dates(doc_text(doc), published):
            span = doc.char_span(
                start, end, label="PERIOD" if reading.period else "DATE", kb_id=reading.key(), alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
        doc.spans["temoin_dates"] = spans
        return doc


@Language.factory("temoin_dates", assigns=["doc.spans"], requires=[], default_config={})
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
