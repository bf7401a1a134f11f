"""A small hand-made database for the web app's tests and screenshots (no NLP pipeline).

Offsets are computed from the texts, so the records stay right when a text is edited.
One article (``XSS_ID``) is hostile: its text, title, outlet, actor, place, source and notes
carry HTML and script payloads that the page must show as text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from temoin.records import (
    Actor,
    Article,
    ArticleResult,
    Attribution,
    Certainty,
    Event,
    Evidence,
    Label,
    LanguageProfile,
    Location,
    Place,
)
from temoin.store import open_store

GAO_ID = "ml-gao-2024-01-12"
XSS_ID = "ml-kidal-2024-02-10"
GAO_EVIDENCE = "De violents combats ont opposé vendredi l'armée malienne aux jihadistes du JNIM près de Gao"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

FAMA = Actor("Military Forces of Mali", "MLI", "MIL", "l'armée malienne")
JNIM = Actor("JNIM: Jama'at Nasr al-Islam wal Muslimin", "MLI", "REB", "jihadistes du JNIM")
BF_ARMY = Actor("Military Forces of Burkina Faso", "BFA", "MIL", "l'armée burkinabè")
CODECO = Actor("CODECO: Cooperative for Development of Congo", "COD", "UAF", "miliciens de la CODECO")
FARDC = Actor("Military Forces of the Democratic Republic of Congo", "COD", "MIL", "les FARDC")
RSF = Actor("RSF: Rapid Support Forces", "SDN", "REB", "Forces de soutien rapide")


def span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def evidence(text: str, needle: str) -> Evidence:
    start, end = span(text, needle)
    return Evidence(start, end, needle)


def place(text: str, needle: str, loc: Location, after: int = 0) -> Place:
    start, end = span(text, needle, after)
    return Place(needle, start, end, loc.latitude, loc.longitude, loc.country, "PPLA", loc.name, loc.place_id, 0.9)


def attribution(text: str, needle: str, source: str) -> Attribution:
    start, end = span(text, needle)
    return Attribution(source, start, end)


def label(text: str, needle: str, kind: str, technique: str = "", neutral: str = "") -> Label:
    start, end = span(text, needle)
    return Label(needle, start, end, kind, technique, neutral)


def event(
    event_type: str,
    sub: str,
    day: date | None,
    loc: Location | None,
    toll: int | None,
    ev: Evidence,
    *,
    actors: tuple[Actor | None, Actor | None] = (None, None),
    certainty: Certainty = "asserted",
    sources: tuple[str, ...] = (),
    notes: str = "",
) -> Event:
    return Event(
        event_type,
        sub,
        day,
        1 if day else None,
        actors[0],
        actors[1],
        loc,
        toll,
        None,
        list(sources),
        certainty,
        ev,
        trigger=ev.text.split()[0] if ev.text else "",
        notes=notes,
    )


GAO = Location("Gao", "ML", 16.2666, -0.0400, 1, "2457163")
ANSONGO = Location("Ansongo", "ML", 15.6597, 0.5022, 1, "2460954")
KIDAL = Location("Kidal <svg onload=alert(6)>", "ML", 18.4411, 1.4078, 1, "2455290")
DJIBO = Location("Djibo", "BF", 14.1022, -1.6306, 1, "2359608")
ARBINDA = Location("Arbinda", "BF", 14.2302, -0.8654, 1, "2362344")
NIAMEY = Location("Niamey", "NE", 13.5137, 2.1098, 1, "2440485")
BUNIA = Location("Bunia", "CD", 1.5594, 30.2519, 1, "217562")
DJUGU = Location("Djugu", "CD", 1.9213, 30.5010, 2, "216281")
EL_FASHER = Location("El Fasher", "SD", 13.6279, 25.3494, 1, "379555")


def gao() -> ArticleResult:
    text = (
        f"Gao, 13 janvier 2024. {GAO_EVIDENCE}, selon une source sécuritaire. Au moins douze assaillants "
        "ont été « neutralisés », a affirmé l'état-major, qui parle de « terroristes »."
    )
    ev = event(
        "Battles",
        "Armed clash",
        date(2024, 1, 12),
        GAO,
        12,
        evidence(text, GAO_EVIDENCE),
        actors=(FAMA, JNIM),
        certainty="attributed",
        sources=("une source sécuritaire", "l'état-major"),
        notes="On 12 January 2024, the Malian army clashed with JNIM militants near Gao (Gao region). "
        "12 fatalities, according to the army.",
    )
    return ArticleResult(
        Article(GAO_ID, text, date(2024, 1, 13), "Combats près de Gao", "https://example.org/gao", "Le Monde"),
        [ev],
        [place(text, "Gao", GAO), place(text, "Gao", GAO, 30)],
        [
            attribution(text, "selon une source sécuritaire", "une source sécuritaire"),
            attribution(text, "a affirmé l'état-major", "l'état-major"),
        ],
        [
            label(text, "neutralisés", "euphemism", "Loaded_Language", "tués"),
            label(text, "terroristes", "loaded", "Name_Calling-Labeling", "combattants"),
        ],
        LanguageProfile(40, 2, 1.0, 0.0, 50.0),
    )


def gao_ied() -> ArticleResult:
    text = (
        "Un véhicule de transport a sauté sur un engin explosif improvisé samedi sur l'axe Gao-Ansongo, "
        "faisant trois morts, a indiqué la mairie de Gao."
    )
    ev = event(
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        date(2024, 1, 20),
        Location("Gao", "ML", 16.20, 0.02, 2, "2457163"),
        3,
        evidence(text, "Un véhicule de transport a sauté sur un engin explosif improvisé"),
        sources=("la mairie de Gao",),
        certainty="attributed",
        notes="On 20 January 2024, an IED hit a transport vehicle on the Gao-Ansongo road. 3 fatalities.",
    )
    return ArticleResult(
        Article(
            "ml-gao-2024-01-20",
            text,
            date(2024, 1, 21),
            "Engin explosif sur l'axe Gao-Ansongo",
            "",
            "Studio Tamani",
        ),
        [ev],
        [place(text, "Gao", GAO), place(text, "Ansongo", ANSONGO)],
        [attribution(text, "a indiqué la mairie de Gao", "la mairie de Gao")],
    )


def ansongo() -> ArticleResult:
    text = "Des boutiques ont été pillées et incendiées jeudi à Ansongo par des hommes armés non identifiés."
    ev = event(
        "Strategic developments",
        "Looting/property destruction",
        date(2024, 1, 25),
        ANSONGO,
        None,
        evidence(text, "Des boutiques ont été pillées et incendiées jeudi à Ansongo"),
        actors=(Actor("Unidentified Armed Group (Mali)", "MLI", "UAF", "hommes armés non identifiés"), None),
        notes="On 25 January 2024, unidentified armed men looted and burned shops in Ansongo.",
    )
    return ArticleResult(
        Article("ml-ansongo-2024-01-25", text, date(2024, 1, 26), "Pillages à Ansongo", "", "Studio Tamani"),
        [ev],
        [place(text, "Ansongo", ANSONGO)],
    )


def djibo() -> ArticleResult:
    text = (
        "Une frappe de drone de l'armée burkinabè aurait tué une trentaine de civils samedi sur un "
        "marché près de Djibo, selon des habitants. Deux jours plus tôt, des commerçants avaient "
        "été enlevés à Arbinda."
    )
    strike = event(
        "Explosions/Remote violence",
        "Air/drone strike",
        date(2024, 2, 3),
        DJIBO,
        30,
        evidence(text, "Une frappe de drone de l'armée burkinabè aurait tué une trentaine de civils"),
        actors=(BF_ARMY, Actor("Civilians (Burkina Faso)", "BFA", "CVL", "civils")),
        certainty="hedged",
        sources=("des habitants",),
        notes="On 3 February 2024, a Burkinabe army drone strike reportedly killed about 30 civilians "
        "at a market near Djibo.",
    )
    kidnap = event(
        "Violence against civilians",
        "Abduction/forced disappearance",
        date(2024, 2, 1),
        ARBINDA,
        None,
        evidence(text, "des commerçants avaient été enlevés à Arbinda"),
        notes="On 1 February 2024, traders were abducted in Arbinda.",
    )
    return ArticleResult(
        Article("bf-djibo-2024-02-03", text, date(2024, 2, 4), "Frappe de drone près de Djibo", "", "RFI"),
        [strike, kidnap],
        [place(text, "Djibo", DJIBO), place(text, "Arbinda", ARBINDA)],
        [attribution(text, "selon des habitants", "des habitants")],
        [label(text, "aurait tué", "hedge")],
    )


def niamey() -> ArticleResult:
    text = (
        "Des milliers de manifestants ont défilé mardi à Niamey pour réclamer le départ des troupes "
        "étrangères. Un accord de coopération a par ailleurs été signé."
    )
    march = event(
        "Protests",
        "Peaceful protest",
        date(2024, 2, 20),
        NIAMEY,
        0,
        evidence(text, "Des milliers de manifestants ont défilé mardi à Niamey"),
        actors=(Actor("Protesters (Niger)", "NER", "CVL", "manifestants"), None),
        notes="On 20 February 2024, thousands marched in Niamey against foreign troops.",
    )
    deal = event(
        "Strategic developments",
        "Agreement",
        None,
        None,
        None,
        evidence(text, "Un accord de coopération a par ailleurs été signé"),
    )
    return ArticleResult(
        Article("ne-niamey-2024-02-20", text, date(2024, 2, 21), "Marche à Niamey", "", "ActuNiger"),
        [march, deal],
        [place(text, "Niamey", NIAMEY)],
    )


def bunia() -> ArticleResult:
    text = (
        "Vingt-cinq civils ont été tués mardi dans une attaque de miliciens de la CODECO dans le territoire "
        "de Djugu, a dénoncé la société civile. Le lendemain, les FARDC ont affronté les assaillants près "
        "de Bunia, faisant quatre morts."
    )
    attack = event(
        "Violence against civilians",
        "Attack",
        date(2024, 3, 5),
        DJUGU,
        25,
        evidence(text, "Vingt-cinq civils ont été tués mardi dans une attaque de miliciens de la CODECO"),
        actors=(CODECO, Actor("Civilians (Democratic Republic of Congo)", "COD", "CVL", "civils")),
        certainty="attributed",
        sources=("la société civile",),
        notes="On 5 March 2024, CODECO militia killed 25 civilians in Djugu territory (Ituri).",
    )
    clash = event(
        "Battles",
        "Armed clash",
        date(2024, 3, 6),
        BUNIA,
        4,
        evidence(text, "les FARDC ont affronté les assaillants près de Bunia"),
        actors=(FARDC, CODECO),
        notes="On 6 March 2024, the FARDC clashed with CODECO near Bunia. 4 fatalities.",
    )
    return ArticleResult(
        Article("cd-bunia-2024-03-05", text, date(2024, 3, 7), "Attaque en Ituri", "", "Radio Okapi"),
        [attack, clash],
        [place(text, "Djugu", DJUGU), place(text, "Bunia", BUNIA)],
        [attribution(text, "a dénoncé la société civile", "la société civile")],
        [label(text, "miliciens", "loaded")],
    )


def el_fasher() -> ArticleResult:
    text = (
        "Les Forces de soutien rapide ont bombardé dimanche des quartiers d'El Fasher, tuant quinze "
        "personnes. Lundi, de nouveaux tirs d'obus ont fait sept morts."
    )
    first = event(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        date(2024, 3, 10),
        EL_FASHER,
        15,
        evidence(text, "Les Forces de soutien rapide ont bombardé dimanche des quartiers"),
        actors=(RSF, None),
        notes="On 10 March 2024, RSF shelled neighbourhoods of El Fasher. 15 killed.",
    )
    second = event(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        date(2024, 3, 11),
        EL_FASHER,
        7,
        evidence(text, "de nouveaux tirs d'obus ont fait sept morts"),
        actors=(RSF, None),
        notes="On 11 March 2024, renewed shelling of El Fasher killed 7.",
    )
    return ArticleResult(
        Article("sd-elfasher-2024-03-10", text, date(2024, 3, 12), "El Fasher sous les obus", "", "France 24"),
        [first, second],
        [place(text, "El Fasher", EL_FASHER)],
    )


def hostile() -> ArticleResult:
    sentence = f"Des hommes armés ont attaqué un poste près de Kidal {XSS_IMG} selon un témoin"
    text = f"Kidal. {XSS_SCRIPT} {sentence} « <b onmouseover=alert(4)>x</b> »."
    ev = event(
        "Battles",
        "Armed clash",
        date(2024, 2, 10),
        KIDAL,
        2,
        evidence(text, sentence),
        actors=(Actor("Hommes armés <img src=x onerror=alert(5)>", "MLI", "UAF", "hommes armés"), None),
        sources=("<img src=x onerror=alert(8)>",),
        certainty="attributed",
        notes=f"{XSS_SCRIPT} On 10 February 2024, armed men attacked a post near Kidal.",
    )
    return ArticleResult(
        Article(
            XSS_ID,
            text,
            date(2024, 2, 11),
            "<img src=x onerror=alert(2)>Attaque à Kidal",
            "javascript:alert(9)",
            "<script>alert(3)</script>Le Journal",
        ),
        [ev],
        [place(text, "Kidal", KIDAL)],
        [attribution(text, "selon un témoin", "un témoin")],
        [label(text, "<b onmouseover=alert(4)>x</b>", "quote")],
    )


def demo_results() -> list[ArticleResult]:
    return [gao(), gao_ied(), ansongo(), djibo(), niamey(), bunia(), el_fasher(), hostile()]


def build_demo_db(path: Path) -> Path:
    """Write the demo articles into a new database at ``path`` (replacing what it held for them)."""
    with open_store(path) as store:
        for result in demo_results():
            store.save(result)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
