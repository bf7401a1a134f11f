"""Shared fixtures: the full pipeline (loaded once), a tiny gazetteer, ../shared when present."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not here")
    return path


@pytest.fixture(scope="session", autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the user's database out of tests; share the built gazetteer cache."""
    old = os.environ.get("TEMOIN_DB")
    os.environ["TEMOIN_DB"] = str(tmp_path_factory.mktemp("db") / "temoin.db")
    yield
    if old is None:
        os.environ.pop("TEMOIN_DB", None)
    else:
        os.environ["TEMOIN_DB"] = old


@pytest.fixture(scope="session")
def analyzer():  # type: ignore[no-untyped-def]
    from temoin.api import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def tiny_gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A gazetteer index built from tests/fixtures/tiny_gazetteer.tsv."""
    from temoin.stages.places.importer import build_index_from_tsv

    path = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    build_index_from_tsv(FIXTURES / "tiny_gazetteer.tsv", path)
    return str(path)


@pytest.fixture
def extended_lexicon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[..., None]]:
    """``extend(relative, lines, *loaders)``: the data readers read ``relative`` with ``lines`` added;
    the cached ``loaders`` are cleared now and after the test."""
    from temoin import resources

    real = resources.data_path
    copies: dict[str, Path] = {}
    cleared: list[Callable[[], None]] = []

    def extend(relative: str, lines: list[str], *loaders: Callable[..., object]) -> None:
        copy = tmp_path / relative.replace("/", "_")
        text = real(relative).read_text(encoding="utf-8").rstrip("\n")
        copy.write_text("\n".join([text, *lines]) + "\n", encoding="utf-8")
        copies[relative] = copy
        monkeypatch.setattr(resources, "data_path", lambda rel: copies.get(rel) or real(rel))
        for loader in loaders:
            loader.cache_clear()  # type: ignore[attr-defined]
            cleared.append(loader.cache_clear)  # type: ignore[attr-defined]

    yield extend
    for clear in cleared:
        clear()


def read_jsonl(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """A headless Chromium (Debian's chromium, driven by Playwright) for one test module. Not for the whole
    session: Playwright's sync API keeps an event loop running, and later tests call ``asyncio.run``."""
    from temoin.web.app import vendor_ready
    from temoin.web.testing import CHROMIUM_ARGS, chromium_path

    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium not found at /usr/bin/chromium (run scripts/install-browser.sh)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not vendor_ready():
        pytest.fail("the map's files are not built: run scripts/build-web-assets.sh")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
