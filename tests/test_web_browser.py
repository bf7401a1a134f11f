"""The pages of `temoin serve` in a real headless Chromium (Debian's, driven by Playwright).

Skipped, with a message, only when Chromium cannot be found (scripts/install-browser.sh installs it).
Every page must load without a console error (a CSP violation is one) and without a dialog.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from temoin.web import Database, WebConfig, create_app
from temoin.web.testing import running
from tests.web_fixtures import GAO_EVIDENCE, GAO_ID, XSS_ID, XSS_IMG, XSS_SCRIPT, build_demo_db

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

TOKEN = "browser-test-token-0123456789abcdef"
READY = "body[data-ready]"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_db(tmp_path_factory.mktemp("web-browser") / "demo.db")


@pytest.fixture(scope="module")
def base_url(demo_db: Path, browser: Browser) -> Iterator[str]:
    with running(create_app(WebConfig(Database(str(demo_db))))) as url:
        yield url


class Watched:
    """A page with its console errors, uncaught exceptions and dialogs recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"exception: {e}"))
        page.on("dialog", self.dialog)

    def dialog(self, dialog: object) -> None:
        self.problems.append(f"dialog: {dialog.message}")  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    def open(self, url: str) -> Page:
        self.page.goto(url)
        self.page.wait_for_selector(READY, state="attached")
        return self.page


@pytest.fixture()
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(10_000)
    watched = Watched(context.new_page())
    yield watched
    context.close()
    assert watched.problems == []


def table_count(page: Page) -> str:
    return page.locator("#table-count").inner_text()


def wait_rows(page: Page, n: int) -> None:
    page.wait_for_function("n => document.querySelectorAll('#events tr[data-article]').length === n", arg=n)


def test_map_shows_markers_and_offline_basemap(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/")
    page.wait_for_selector("#map[data-points='11']", state="attached")
    # Every event is on the map, as a marker of its own or counted in a cluster (once animations end).
    page.wait_for_function("""() => {
        const single = document.querySelectorAll('path.event-marker').length;
        const clustered = [...document.querySelectorAll('.marker-cluster span')]
            .reduce((n, s) => n + Number(s.textContent), 0);
        return single > 0 && single + clustered === 11;
    }""")
    assert page.locator(".leaflet-tile").count() == 0  # no online tiles unless asked for
    page.wait_for_function("() => document.querySelectorAll('.leaflet-overlay-pane path').length > 100")
    assert page.locator(".legend").inner_text().startswith("Battles")


def test_filter_changes_the_table_and_the_url(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/")
    wait_rows(page, 12)
    page.select_option("#f-type", "Battles")
    page.wait_for_url("**/?type=Battles")
    wait_rows(page, 3)
    assert table_count(page) == "1–3 of 3 event(s)"
    page.select_option("#f-country", "CD")
    page.wait_for_url("**/?type=Battles&country=CD")
    wait_rows(page, 1)
    page.go_back()
    page.wait_for_url("**/?type=Battles")
    wait_rows(page, 3)
    assert page.input_value("#f-country") == ""


def test_shared_url_restores_the_view(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/?country=BF&sort=fatalities&order=desc")
    wait_rows(page, 2)
    assert page.input_value("#f-country") == "BF"
    assert page.locator("#events tbody tr").first.get_attribute("data-article") == "bf-djibo-2024-02-03"
    assert page.locator("th[aria-sort='descending']").inner_text().startswith("Dead")
    assert "country=BF" in (page.get_attribute("#dl-geojson", "href") or "")


def test_sorting_by_a_column_header(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/")
    wait_rows(page, 12)
    page.click("button[data-sort='fatalities']")
    page.wait_for_url("**/?sort=fatalities&order=desc")
    page.wait_for_function("() => document.querySelector('#events tbody tr td.num').textContent === '30'")


def test_actor_search_and_map_extent(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/?bbox=20,8,30,18")
    wait_rows(page, 2)
    assert page.is_checked("#f-extent")
    page.fill("#f-actor", "RSF")
    page.wait_for_url("**/?actor=RSF&bbox=20,8,30,18")
    page.uncheck("#f-extent")
    page.wait_for_url("**/?actor=RSF")
    wait_rows(page, 2)


def test_timeline_click_filters_on_a_day(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/")
    page.click("#timeline g.day[data-date='2024-02-03']")
    page.wait_for_url("**/?since=2024-02-03&until=2024-02-03")
    wait_rows(page, 1)
    assert page.input_value("#f-since") == "2024-02-03"


def test_download_of_the_selection(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/?type=Protests")
    wait_rows(page, 1)
    with page.expect_download() as info:
        page.click("#dl-acled-csv")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert [r["event_id_cnty"] for r in rows] == ["ne-niamey-2024-02-20-1"]


def test_article_view_highlights_the_evidence(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/?type=Battles")
    wait_rows(page, 3)
    page.locator(f"#events tr[data-article='{GAO_ID}'] a.read").click()
    page.wait_for_selector(READY, state="attached")
    pieces = page.locator(".evidence[data-event='0']")
    assert "".join(pieces.all_text_contents()) == GAO_EVIDENCE
    assert "focus" in (pieces.first.get_attribute("class") or "")
    assert page.locator("mark.ent-actor").all_text_contents() == ["l'armée malienne", "jihadistes du JNIM"]
    assert page.locator("mark.ent-place").count() == 2 and page.locator("mark.ent-source").count() == 2
    assert page.locator("mark.ent-label").all_text_contents() == ["neutralisés", "terroristes"]
    assert page.locator(".notes").inner_text().startswith("On 12 January 2024, the Malian army")
    page.click("#back-link")
    page.wait_for_url("**/?type=Battles")


def test_hostile_article_renders_as_text(watched: Watched, base_url: str) -> None:
    page = watched.open(f"{base_url}/article?id={XSS_ID}&event=0")
    text = page.locator("#article-text").inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text and "<b onmouseover=alert(4)>x</b>" in text
    assert page.locator("#article-title").inner_text() == "<img src=x onerror=alert(2)>Attaque à Kidal"
    assert page.evaluate("document.images.length") == 0
    assert page.locator("main script, main b, main svg, main img").count() == 0
    assert page.locator("#article-meta a").count() == 0  # the javascript: URL is not made a link
    assert XSS_SCRIPT in page.locator(".notes").inner_text()


def test_hostile_values_in_table_and_popup_are_text(watched: Watched, base_url: str) -> None:
    page = watched.open(base_url + "/?article=" + XSS_ID)
    wait_rows(page, 1)
    row = page.locator("#events tbody tr").first
    assert "<script>alert(3)</script>Le Journal" in row.inner_text()
    assert row.locator("img, script, svg").count() == 0
    row.click()  # opens the event's popup on the map
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Kidal <svg onload=alert(6)>" in popup.inner_text() and popup.locator("svg").count() == 0


def test_token_from_url_is_kept_in_a_cookie(demo_db: Path, browser: Browser) -> None:
    app = create_app(WebConfig(Database(str(demo_db)), token=TOKEN))
    with running(app) as url:
        context = browser.new_context()
        watched = Watched(context.new_page())
        page = watched.page
        assert context.request.get(url + "/").status == 401
        watched.open(f"{url}/?token={TOKEN}&type=Riots")
        assert page.url == f"{url}/?type=Riots"
        assert table_count(page) == "0–0 of 0 event(s)"
        context.close()
        assert watched.problems == []
