#!/usr/bin/env python3
"""PNG screenshots of `temoin serve`'s main views, taken with Debian's headless Chromium.

    .venv/bin/python scripts/screenshots.py                 # the demo database of tests/web_fixtures.py
    .venv/bin/python scripts/screenshots.py --db my.db      # any temoin database (opened read-only)

The app runs in this process on 127.0.0.1, on a free port, and stops at the end.
Needs scripts/install-browser.sh and scripts/build-web-assets.sh to have run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from temoin.web import Database, WebConfig, create_app  # noqa: E402
from temoin.web.app import vendor_ready  # noqa: E402
from temoin.web.testing import CHROMIUM_ARGS, chromium_path, running  # noqa: E402

READY = "body[data-ready]"


def demo_db(folder: Path) -> Path:
    """The demo database of tests/web_fixtures.py, plus one event told by three outlets."""
    from tests.web_merged_fixtures import build_merged_db

    return build_merged_db(folder / "demo.db")


def settle(page: Page, url: str, basemap: bool = True) -> None:
    page.goto(url)
    page.wait_for_selector(READY, state="attached")
    if basemap:
        page.wait_for_function("() => document.querySelectorAll('.leaflet-overlay-pane path').length > 100")
    page.wait_for_timeout(600)  # let cluster animations end


def first_article(page: Page, base: str) -> tuple[str, int] | None:
    rows = page.request.get(f"{base}/api/events?sort=fatalities&order=desc&limit=1").json()["rows"]
    return (rows[0]["article_id"], rows[0]["index"]) if rows else None


def first_merged(page: Page, base: str) -> tuple[str, int] | None:
    """Among the 100 deadliest events, the first told by more than one article."""
    rows = page.request.get(f"{base}/api/merged/counts?sort=fatalities&order=desc&limit=100").json()["rows"]
    told = [r for r in rows if r["reports"] > 1]
    return (told[0]["article_id"], told[0]["index"]) if told else None


def shoot(page: Page, base: str, out: Path, demo: bool) -> list[Path]:
    shots: list[Path] = []

    def save(name: str, full: bool = True) -> None:
        path = out / name
        page.screenshot(path=str(path), full_page=full)
        shots.append(path)

    settle(page, f"{base}/")
    save("events.png")
    settle(page, f"{base}/?type=Explosions/Remote%20violence&sort=fatalities&order=desc")
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    page.wait_for_timeout(800)
    save("filtered-popup.png", full=False)
    article = first_article(page, base)
    if article:
        settle(page, f"{base}/article?id={article[0]}&event={article[1]}", basemap=False)
        save("article.png")
    merged = first_merged(page, base)
    if merged:
        settle(page, f"{base}/merged?article={quote(merged[0])}&event={merged[1]}", basemap=False)
        save("merged.png")
    if demo:
        settle(page, f"{base}/article?id=ml-gao-2024-01-12&event=0", basemap=False)
        save("article-gao.png")
        settle(page, f"{base}/article?id=ml-kidal-2024-02-10&event=0", basemap=False)
        save("article-hostile.png")
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--db", type=Path, help="Database (default: a demo database built in a temp dir).")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    executable = chromium_path()
    if executable is None:
        sys.exit("screenshots: Chromium not found (run scripts/install-browser.sh)")
    if not vendor_ready():
        sys.exit("screenshots: the map's files are not built (run scripts/build-web-assets.sh)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or demo_db(Path(tmp))
        app = create_app(WebConfig(Database(str(db))))
        with running(app) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            try:
                shots = shoot(page, base, args.out, demo=args.db is None)
            finally:
                browser.close()
    for shot in shots:
        print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
