"""One event told by three outlets, for the merged view's tests and screenshot (hand-made, no NLP).

The texts are written for these tests. Two outlets tell the attack on the Andéramboukane
market plainly, one asserting a toll of 14, the other attributing 20 to local officials;
a third, hostile one (``HOSTILE_ID``) hedges a toll of 17 and carries HTML and script
payloads in its outlet, title, URL, place, source, evidence and labels. The first article
also tells a protest the next day: a report of its own. They are added to the demo
database of ``tests/web_fixtures.py``, whose events none of them merges with.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from temoin.records import Actor, Article, ArticleResult, Attribution, Location, Place
from temoin.store import open_store
from tests.web_fixtures import attribution, build_demo_db, event, evidence, label

ASSERTING_ID = "ml-anderamboukane-radio-sahel"
ATTRIBUTING_ID = "ml-anderamboukane-echo-gourma"
HOSTILE_ID = "ml-anderamboukane-hostile"
ASSERTING_EVIDENCE = (
    "Des hommes armés ont attaqué dimanche la foire hebdomadaire d'Andéramboukane et tué au moins quatorze civils"
)
HOSTILE_OUTLET = "<script>alert(31)</script>Sahel <b>Hebdo</b>"
HOSTILE_TITLE = "<img src=x onerror=alert(32)>Andéramboukane : le bilan"
HOSTILE_EVIDENCE = "Le <i>carnage</i> d'Andéramboukane aurait fait dix-sept morts <svg onload=alert(33)>"

ANDERAMBOUKANE = Location("Andéramboukane", "ML", 15.4214, 3.0280, 1, "2461445")
NEAR = Location("Andéramboukane <svg onload=alert(36)>", "ML", 15.4500, 3.0000, 2, "2461445")
MENAKA = Location("Ménaka", "ML", 15.9182, 2.4022, 1, "2453348")
GUNMEN = Actor("Unidentified Armed Group (Mali)", "MLI", "UAF", "hommes armés")
CIVILIANS = Actor("Civilians (Mali)", "MLI", "CVL", "civils")


def place(text: str, needle: str, loc: Location) -> Place:
    start = text.index(needle)
    return Place(
        needle, start, start + len(needle), loc.latitude, loc.longitude, loc.country, "PPL", loc.name, loc.place_id, 0.9
    )


def asserting() -> ArticleResult:
    protest = "des habitants ont manifesté lundi à Ménaka pour réclamer davantage de sécurité"
    text = (
        f"Ménaka, 15 avril 2024. {ASSERTING_EVIDENCE}. Les assaillants, arrivés à moto, ont incendié "
        f"des étals avant de repartir vers la frontière. Les blessés ont été évacués vers Ménaka, où {protest}."
    )
    attack = event(
        "Violence against civilians",
        "Attack",
        date(2024, 4, 14),
        ANDERAMBOUKANE,
        14,
        evidence(text, ASSERTING_EVIDENCE),
        actors=(GUNMEN, CIVILIANS),
        notes="On 14 April 2024, gunmen attacked the weekly fair of Andéramboukane and killed at least 14 civilians.",
    )
    march = event(
        "Protests",
        "Peaceful protest",
        date(2024, 4, 15),
        MENAKA,
        0,
        evidence(text, protest),
        actors=(Actor("Protesters (Mali)", "MLI", "CVL", "habitants"), None),
        notes="On 15 April 2024, residents of Ménaka protested for more security.",
    )
    return ArticleResult(
        Article(
            ASSERTING_ID,
            text,
            date(2024, 4, 15),
            "Attaque meurtrière à la foire d'Andéramboukane",
            "https://example.org/radio-sahel/anderamboukane",
            "Radio Sahel Info",
        ),
        [attack, march],
        [place(text, "Andéramboukane", ANDERAMBOUKANE), place(text, "Ménaka", MENAKA)],
    )


def attributing() -> ArticleResult:
    sentence = (
        "Une vingtaine de personnes ont péri dimanche lors de l'attaque de terroristes contre le marché "
        "d'Andéramboukane, selon des élus locaux"
    )
    text = f"{sentence} joints par téléphone. L'armée n'a pas communiqué de bilan."
    attack = event(
        "Violence against civilians",
        "Attack",
        date(2024, 4, 14),
        ANDERAMBOUKANE,
        20,
        evidence(text, sentence),
        actors=(Actor(GUNMEN.name, "MLI", "UAF", "terroristes"), None),
        certainty="attributed",
        sources=("des élus locaux",),
        notes="On 14 April 2024, about twenty people died in an attack on the Andéramboukane "
        "market, according to local officials.",
    )
    return ArticleResult(
        Article(
            ATTRIBUTING_ID,
            text,
            date(2024, 4, 16),
            "Andéramboukane : une vingtaine de morts",
            "https://example.org/echo/anderamboukane",
            "L'Écho du Gourma",
        ),
        [attack],
        [place(text, "Andéramboukane", ANDERAMBOUKANE)],
        [attribution(text, "selon des élus locaux", "des élus locaux")],
        [label(text, "terroristes", "loaded", "Name_Calling-Labeling", "assaillants")],
    )


def hostile() -> ArticleResult:
    text = f"{HOSTILE_EVIDENCE}, d'après un bilan provisoire. <script>alert(30)</script>"
    attack = event(
        "Violence against civilians",
        "Attack",
        date(2024, 4, 15),
        NEAR,
        17,
        evidence(text, HOSTILE_EVIDENCE),
        actors=(None, CIVILIANS),
        certainty="hedged",
        sources=("<img src=x onerror=alert(34)>",),
        notes="<script>alert(37)</script> A 'carnage' in Andéramboukane reportedly killed 17.",
    )
    return ArticleResult(
        Article(HOSTILE_ID, text, date(2024, 4, 16), HOSTILE_TITLE, "javascript:alert(35)", HOSTILE_OUTLET),
        [attack],
        [place(text, "Andéramboukane", NEAR)],
        [Attribution("<img src=x onerror=alert(34)>", text.index("d'après"), text.index("d'après") + 7)],
        [label(text, "<i>carnage</i>", "loaded", "Loaded_Language", "massacre"), label(text, "aurait fait", "hedge")],
    )


def merged_results() -> list[ArticleResult]:
    return [asserting(), attributing(), hostile()]


def build_merged_db(path: Path) -> Path:
    """The demo database plus the three reports of the Andéramboukane attack."""
    build_demo_db(path)
    with open_store(path) as store:
        for result in merged_results():
            store.save(result)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
