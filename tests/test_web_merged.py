"""The merged view of `temoin serve`: one event as every outlet told it (API, then real headless Chromium).

The database is the demo one plus three reports of one attack (tests/web_merged_fixtures.py), one of
them hostile. Whatever the app answers for an event must be what ``temoin events --merged`` makes of
the whole store.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from temoin.merge import distance_km, merge_events, reports_from_results
from temoin.records import Event, Location
from temoin.store import open_store
from temoin.web import Database, WebConfig, create_app
from temoin.web.merged import MAX_REGION_KM, MergeReader, box_sql
from temoin.web.queries import connect_read_only
from temoin.web.testing import running
from tests.test_web_browser import READY, Watched
from tests.web_merged_fixtures import (
    ASSERTING_EVIDENCE,
    ASSERTING_ID,
    ATTRIBUTING_ID,
    HOSTILE_EVIDENCE,
    HOSTILE_ID,
    HOSTILE_OUTLET,
    HOSTILE_TITLE,
    build_merged_db,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

LOCAL = "http://127.0.0.1"
ATTACK = [(ATTRIBUTING_ID, 0), (ASSERTING_ID, 0), (HOSTILE_ID, 0)]  # in date, then article id, order


@pytest.fixture(scope="module")
def merged_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_merged_db(tmp_path_factory.mktemp("web-merged") / "merged.db")


@pytest.fixture(scope="module")
def client(merged_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebConfig(Database(str(merged_db)))), base_url=LOCAL) as c:
        yield c


def merged(client: TestClient, article: str, event: int) -> dict:  # type: ignore[type-arg]
    response = client.get("/api/merged", params={"article": article, "event": event})
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_every_report_of_the_attack_opens_the_same_merged_event(client: TestClient) -> None:
    views = [merged(client, article, index) for article, index in ATTACK]
    for (article, index), view in zip(ATTACK, views, strict=True):
        assert (view["article_id"], view["index"]) == (article, index)
        assert [(r["article_id"], r["index"]) for r in view["reports"]] == ATTACK
    view = views[0]
    assert (view["event_type"], view["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert (view["first_date"], view["last_date"]) == ("2024-04-14", "2024-04-15")
    assert (view["fatalities_min"], view["fatalities_max"]) == (14, 20)
    assert view["outlets"] == ["L'Écho du Gourma", "Radio Sahel Info", HOSTILE_OUTLET]
    assert view["asserting_outlets"] == ["Radio Sahel Info"] and view["asserted_vs_attributed"]
    assert view["attributing_outlets"] == ["L'Écho du Gourma", HOSTILE_OUTLET]
    assert view["location"]["name"] == "Andéramboukane" and view["complete"]
    reports = {r["article_id"]: r for r in view["reports"]}
    assert [reports[a]["event"]["fatalities"] for a, _ in ATTACK] == [20, 14, 17]
    assert [reports[a]["event"]["certainty"] for a, _ in ATTACK] == ["attributed", "asserted", "hedged"]
    assert reports[ATTRIBUTING_ID]["event"]["sources"] == ["des élus locaux"]
    assert reports[ASSERTING_ID]["event"]["evidence"]["text"] == ASSERTING_EVIDENCE
    assert reports[ASSERTING_ID]["outlet"] == "Radio Sahel Info" and reports[ASSERTING_ID]["published"] == "2024-04-15"


def test_labels_inside_the_evidence_come_with_offsets_into_it(client: TestClient) -> None:
    reports = {r["article_id"]: r for r in merged(client, ASSERTING_ID, 0)["reports"]}
    hostile = reports[HOSTILE_ID]
    text = hostile["event"]["evidence"]["text"]
    assert text == HOSTILE_EVIDENCE
    assert [(lb["text"], text[lb["start"] : lb["end"]]) for lb in hostile["labels"]] == [
        ("<i>carnage</i>", "<i>carnage</i>"),
        ("aurait fait", "aurait fait"),
    ]
    assert [lb["neutral"] for lb in reports[ATTRIBUTING_ID]["labels"]] == ["assaillants"]
    assert reports[ASSERTING_ID]["labels"] == []


def test_an_event_told_once_is_a_merged_event_of_one_report(client: TestClient) -> None:
    view = merged(client, ASSERTING_ID, 1)  # the protest of the next day, in the same article
    assert [(r["article_id"], r["index"]) for r in view["reports"]] == [(ASSERTING_ID, 1)]
    assert view["outlets"] == ["Radio Sahel Info"] and not view["asserted_vs_attributed"]
    assert (view["fatalities_min"], view["fatalities_max"]) == (0, 0)
    undated = merged(client, "ne-niamey-2024-02-20", 1)  # no date, no place: never merged
    assert len(undated["reports"]) == 1 and undated["first_date"] is None and undated["location"] is None


def test_the_app_merges_as_temoin_events_merged_does(client: TestClient, merged_db: Path) -> None:
    with open_store(merged_db) as store:
        results = list(store.results())
    reports = reports_from_results(results)  # what `temoin events --merged` merges, in its order
    keys = {
        id(r): (res.article.id, i)
        for r, (res, i) in zip(reports, [(res, i) for res in results for i in range(len(res.events))], strict=True)
    }
    expected = {}
    for event in merge_events(reports):
        members = [keys[id(r)] for r in event.reports]
        for key in members:
            expected[key] = (members, list(event.outlets), event.fatalities_min, event.fatalities_max)
    counts = client.get("/api/merged/counts", params={"limit": 100}).json()["rows"]
    assert {(c["article_id"], c["index"]) for c in counts} == set(expected) and len(expected) == 16
    for c in counts:
        key = (c["article_id"], c["index"])
        view = merged(client, *key)
        members, outlets, low, high = expected[key]
        assert [(r["article_id"], r["index"]) for r in view["reports"]] == members
        assert (view["outlets"], view["fatalities_min"], view["fatalities_max"]) == (outlets, low, high)
        assert (c["reports"], c["outlets"]) == (len(members), len(outlets))


def test_counts_follow_the_events_page(client: TestClient) -> None:
    params = {"country": "ML", "sort": "fatalities", "order": "desc", "limit": 3, "offset": 1}
    page = client.get("/api/events", params=params).json()["rows"]
    counts = client.get("/api/merged/counts", params=params).json()["rows"]
    assert [(c["article_id"], c["index"]) for c in counts] == [(r["article_id"], r["index"]) for r in page]
    told = {(c["article_id"], c["index"]): (c["reports"], c["outlets"]) for c in counts}
    assert told == {(HOSTILE_ID, 0): (3, 3), (ASSERTING_ID, 0): (3, 3), ("ml-gao-2024-01-12", 0): (1, 1)}
    assert client.get("/api/merged/counts", params={"limit": 101}).status_code == 422


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"article": "nope", "event": 0}, 404),
        ({"article": ASSERTING_ID, "event": 7}, 404),
        ({"article": ASSERTING_ID, "event": -1}, 422),
        ({"article": ASSERTING_ID}, 422),
        ({"event": 0}, 422),
        ({"article": "x\x00", "event": 0}, 422),
        ({"article": "' OR 1=1 --", "event": 0}, 404),
    ],
)
def test_unknown_events_are_404_and_bad_parameters_422(
    client: TestClient, params: dict[str, object], status: int
) -> None:
    assert client.get("/api/merged", params=params).status_code == status


def test_hostile_report_is_data_in_json(client: TestClient) -> None:
    response = client.get("/api/merged", params={"article": HOSTILE_ID, "event": 0})
    assert response.headers["content-type"] == "application/json"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    report = next(r for r in response.json()["reports"] if r["article_id"] == HOSTILE_ID)
    assert (report["title"], report["outlet"], report["url"]) == (HOSTILE_TITLE, HOSTILE_OUTLET, "javascript:alert(35)")


def test_a_component_too_large_is_cut_and_said_so(merged_db: Path) -> None:
    with connect_read_only(merged_db) as store:
        found = MergeReader(store.conn, max_reports=2).merged((ASSERTING_ID, 0))
        assert found is not None and not found.complete and (ASSERTING_ID, 0) in found.keys
        assert len(found.keys) <= 2
        whole = MergeReader(store.conn).merged((ASSERTING_ID, 0))
        assert whole is not None and whole.complete and len(whole.keys) == 3


def test_the_neighbour_box_holds_every_point_within_the_region_distance() -> None:
    rng = random.Random(5)
    for lat, lon in [
        (0.0, 0.0),
        (15.42, 3.03),
        (-33.9, 18.4),
        (64.1, -21.9),
        (88.5, 10.0),
        (10.0, 179.7),
        (-5.0, -179.9),
    ]:
        centre = Location("c", "XX", lat, lon, 1)
        clause, params = box_sql(Event("Battles", "Armed clash", location=centre))
        for _ in range(300):  # points at up to the region distance, in every direction
            bearing, km = rng.uniform(0, 2 * math.pi), rng.uniform(0, MAX_REGION_KM)
            plat = max(-90.0, min(90.0, lat + math.degrees(km / 6371.0) * math.cos(bearing)))
            dlon = math.degrees(km / 6371.0) * math.sin(bearing) / max(1e-9, math.cos(math.radians(plat)))
            plon = (lon + dlon + 180.0) % 360.0 - 180.0
            if distance_km(centre, Location("p", "XX", plat, plon, 1)) > MAX_REGION_KM:
                continue
            assert params[0] <= plat <= params[1]  # type: ignore[operator]
            if "longitude" in clause:
                assert params[2] <= plon <= params[3]  # type: ignore[operator]


# --- in Chromium -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(merged_db: Path, browser: Browser) -> Iterator[str]:
    with running(create_app(WebConfig(Database(str(merged_db))))) as url:
        yield url


@pytest.fixture()
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(10_000)
    watched = Watched(context.new_page())
    yield watched
    context.close()
    assert watched.problems == []


def test_from_the_table_to_the_reports_side_by_side(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/?country=ML&sort=fatalities&order=desc")
    link = page.locator(f"#events tr[data-article='{ASSERTING_ID}'] a.merged-link")
    assert link.inner_text() == "3 outlets"
    page.wait_for_function(
        "() => document.querySelector(\"#events tr[data-article='ml-gao-2024-01-12'] .told\").textContent === '—'"
    )
    link.click()
    page.wait_for_url("**/merged?**")
    page.wait_for_selector(READY, state="attached")
    assert page.locator("#compare thead th").count() == 4  # the row headings, then one column per report
    outlets = page.locator("#compare thead .outlet").all_inner_texts()
    assert outlets == ["L'Écho du Gourma", "Radio Sahel Info", HOSTILE_OUTLET]
    assert page.locator("#toll-range").inner_text() == "14 to 20 dead, depending on the report"
    assert page.locator("#outlet-count").inner_text().startswith("3 independent outlets: L'Écho du Gourma")
    stance = page.locator("#stance").inner_text()
    assert stance.startswith("Asserted by Radio Sahel Info; only attributed or hedged by L'Écho du Gourma")
    dead = page.locator("#compare tbody tr", has_text="Dead")
    assert dead.locator("td").all_inner_texts() == ["20", "14", "17"]
    assert "differs" in (dead.get_attribute("class") or "")
    assert page.locator("#compare thead th.focus .outlet").inner_text() == "Radio Sahel Info"  # where we came from
    page.click("#back-link")
    page.wait_for_url("**/?country=ML&sort=fatalities&order=desc")
    page.wait_for_selector(READY, state="attached")
    assert page.input_value("#f-country") == "ML"


def test_hostile_report_renders_as_text_in_the_merged_view(watched: Watched, base_url: str) -> None:
    page = watched.open(f"{base_url}/merged?article={HOSTILE_ID}&event=0")
    assert page.locator("#compare thead .outlet").nth(2).inner_text() == HOSTILE_OUTLET
    assert HOSTILE_TITLE in page.locator("#compare thead").inner_text()
    quote = page.locator("#compare blockquote").nth(2)
    assert quote.inner_text() == HOSTILE_EVIDENCE
    assert quote.locator("mark").all_inner_texts() == ["<i>carnage</i>", "aurait fait"]
    assert "<img src=x onerror=alert(34)>" in page.locator("#compare").inner_text()
    assert "Andéramboukane <svg onload=alert(36)>" in page.locator("#compare").inner_text()
    assert page.evaluate("document.images.length") == 0
    assert page.locator("main script, main img, main svg, main b, main i").count() == 0
    hrefs = page.locator("main a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("/article?") for h in hrefs)  # the javascript: URL is never a link


def test_from_the_article_view_and_the_popup(watched: Watched, base_url: str) -> None:
    page = watched.open(f"{base_url}/article?id={ASSERTING_ID}&event=0")
    assert page.locator(".event-card[data-event='1'] .told").inner_text() == "No other article tells this event."
    link = page.locator(".event-card[data-event='0'] a.merged-link")
    assert link.inner_text() == "Told by 3 outlets: compare the reports"
    link.click()
    page.wait_for_url("**/merged?**")
    page.wait_for_selector(READY, state="attached")
    assert page.locator("#compare thead th.focus .outlet").inner_text() == "Radio Sahel Info"
    page = watched.open(f"{base_url}/?article={ATTRIBUTING_ID}")
    page.wait_for_function("() => document.querySelectorAll('#events tr[data-article]').length === 1")
    page.locator("#events tbody tr").first.click()  # opens the event's popup on the map
    popup = page.locator(".leaflet-popup-content a.merged-link")
    popup.wait_for()
    assert popup.inner_text() == "told by 3 outlets"
    popup.click()
    page.wait_for_url("**/merged?**")
    page.wait_for_selector(READY, state="attached")
    assert page.locator("#compare thead th.focus .outlet").inner_text() == "L'Écho du Gourma"
